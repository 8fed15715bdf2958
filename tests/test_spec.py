"""Exam specs: validation with file:line errors; the sample spec and overrides."""

from __future__ import annotations

import pytest

from quizgen.errors import BankError
from quizgen.spec import SAMPLE, load_spec

GOOD = """\
title: Midterm
course: CS 101
date: 2026-12-01
instructions: Answer everything.
seed: 7
variants: 3
paper: letter
font_size: 11
categories: [Mixture of experts and conditional computation, Attention and long context]
exclude: [PagedAttention]
sections:
  - type: mcq
    count: 4
    points: 2
    direction: definition-to-term
    k: 5
    shuffle: {questions: false, options: true}
  - type: matching
    sets: 1
    size: 4
  - type: cloze
    count: 2
    mode: term
    word_bank: yes
"""


def write(tmp_path, text):
    p = tmp_path / "exam.yaml"
    p.write_text(text)
    return p


def test_good_spec(tmp_path):
    spec = load_spec(write(tmp_path, GOOD))
    assert spec.title == "Midterm" and spec.variants == 3 and spec.paper == "letter" and spec.font_size == 11
    assert spec.categories == ("Mixture of experts and conditional computation", "Attention and long context")
    mcq, matching, cloze = spec.sections
    assert (mcq.count, mcq.points, mcq.k, mcq.shuffle_questions, mcq.shuffle_options) == (4, 2, 5, False, True)
    assert (matching.count, matching.size) == (1, 4) and cloze.word_bank is True


@pytest.mark.parametrize(
    "change, expected",
    [
        (("variants: 3", "variants: many"), "exam.yaml:6:11: error: 'variants' must be a whole number, not 'many'"),
        (("variants: 3", "variants: 0"), "'variants' must be between 1 and 10000, not 0"),
        (("paper: letter", "paper: a5"), "exam.yaml:7:8: error: 'paper' must be one of a4, letter, not 'a5'"),
        (
            ("  - type: matching", "  - type: essay"),
            "'type' must be one of mcq, cloze, matching, truefalse, not 'essay'",
        ),
        (("    k: 5", "    k: 9"), "'k' must be between 3 and 6, not 9"),
        (("    word_bank: yes", "    word_bank: maybe"), "'word_bank' must be true or false, not 'maybe'"),
        (("seed: 7", "sede: 7"), "exam.yaml:5:1: error: unknown key 'sede' in the exam spec; did you mean 'seed'?"),
        (("    points: 2", "    pionts: 2"), "unknown key 'pionts' in a section; did you mean 'points'?"),
        (("title: Midterm", "title: [a, b]"), "exam.yaml:1:8: error: 'title' must be a single value"),
    ],
)
def test_spec_errors_are_located(tmp_path, change, expected):
    text = GOOD.replace(*change)
    assert text != GOOD
    with pytest.raises(BankError) as exc:
        load_spec(write(tmp_path, text))
    assert any(expected in str(d) for d in exc.value.diagnostics), [str(d) for d in exc.value.diagnostics]


def test_spec_without_sections(tmp_path):
    with pytest.raises(BankError, match="no 'sections:'"):
        load_spec(write(tmp_path, "title: x\n"))


def test_spec_yaml_error(tmp_path):
    with pytest.raises(BankError, match=r"exam.yaml:\d+:\d+: error: YAML syntax error"):
        load_spec(write(tmp_path, "title: x\nsections: [\n"))


def test_overrides_and_sample():
    spec = SAMPLE.with_overrides(variants=4, seed=None)
    assert spec.variants == 4 and spec.seed == SAMPLE.seed
    assert {s.type for s in SAMPLE.sections} == {"mcq", "cloze", "matching", "truefalse"}


def test_choices_are_case_insensitive(tmp_path):
    spec = load_spec(write(tmp_path, GOOD.replace("paper: letter", "paper: A4").replace("type: cloze", "type: Cloze")))
    assert spec.paper == "a4" and spec.sections[2].type == "cloze"
