"""Bank files that cannot hold an alias or deep nesting skip the event pass before composing (quizgen.bank.
yamlnodes._flat): the skip is sound, and every other file still gets the checks."""

from __future__ import annotations

import random

import pytest
import yaml

from quizgen.bank import yamlnodes


def depth_of(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


def nested(rng: random.Random, levels: int):
    if levels == 0:
        return "leaf"
    inner = nested(rng, levels - 1)
    return {"k": inner, "other": "x"} if rng.random() < 0.5 else [inner, "x"]


def test_flat_text_never_nests_deeper_than_the_limit():
    """The deepest block nesting yaml.dump writes for each indentation: whenever the text counts as flat, the
    real depth is within MAX_DEPTH (the bound the skip relies on)."""
    rng = random.Random(0)
    flat_seen = 0
    for _ in range(300):
        data = nested(rng, rng.randrange(1, 30))
        for indent in (2, 3, 4):
            text = yaml.safe_dump(data, default_flow_style=False, indent=indent)
            if yamlnodes._flat(text):
                flat_seen += 1
                assert depth_of(text) <= yamlnodes.MAX_DEPTH, text
    assert flat_seen > 50  # the test reaches texts the skip applies to


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: [[[[1]]]]\n",
        "a: {b: {c: 1}}\n",
        "- - - - - - - - x\n",
        "? complex key\n: v\n",
        "a:\n  b:\n    c:\n      d:\n        e: 1\n",
        "        a: 1\n",
    ],
)
def test_texts_that_could_nest_or_alias_take_the_checked_path(text):
    assert not yamlnodes._flat(text)


def test_a_bank_file_is_composed_without_the_event_pass(monkeypatch):
    text = "category: G\ntopics:\n  - name: A\n    definition: >-\n      one line\n      two lines\n"
    before = yaml.compose(text, Loader=yaml.SafeLoader)

    def no_events(*args, **kwargs):
        raise AssertionError("the event pass ran")

    monkeypatch.setattr(yaml, "parse", no_events)
    node, error = yamlnodes.compose(text, "g.yaml")
    assert error is None and yaml.serialize(node) == yaml.serialize(before)
    assert node.value[1][1].value[0].start_mark.line == 2  # line numbers kept
