"""People a glossary names by their own names ('Adam Smith proposed …'): told as people, so a period or a theory
is never offered among them, nor they for it (reading 119, the history of management)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from qg_data import cell_bank

from quizgen.distractors import PERSON, DistractorIndex, GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.truefalse import make_truefalse
from quizgen.model import Topic
from quizgen.text import people
from quizgen.text.people import named_person

HISTORY = [
    ("Adam Smith", "Adam Smith proposed the ideas of division of labor, specialization, and coordination."),
    ("Max Weber", "Weber developed the idea that organizations should be formalized and legalistic in operation."),
    ("Henry Gantt", "Henry Gantt (1861–1919) developed the Gantt chart, which allowed for the control of projects."),
    ("Carl G. Barth", "Carl G. Barth (1860–1939), mathematician, developed a slide rule for cutting steel."),
    ("Henri Fayol", "Fayol’s administrative theory was the first general statement on management theory."),
    ("Italian Renaissance", "The Italian Renaissance was a major leap of knowledge that had business implications."),
    ("Industrial Revolution", "The Industrial Revolution occurred between 1760 and 1900 and saw the modern factory."),
]


def topic(name: str, definition: str) -> Topic:
    return Topic(name=name, definition=definition, category="c")


@pytest.mark.parametrize("name, definition", HISTORY[:5])
def test_a_life_told_under_a_name_is_a_person(name, definition):
    assert named_person(topic(name, definition))
    assert PERSON in DistractorIndex.classes(topic(name, definition))


@pytest.mark.parametrize(
    "name, definition",
    [
        *HISTORY[5:],
        ("Toolformer", "Toolformer trains a language model to decide when to call external tools."),
        (
            "Chinchilla",
            "Chinchilla showed that models of a given compute budget were undertrained.",
        ),  # one word, no dates
        ("GPT-2", "GPT-2 showed that a large decoder-only language model can perform many tasks."),
        ("Motion studies", "Film studies of work."),
        ("Monetary Policy", "Monetary Policy involved altering the level of interest rates."),  # no given name
        # (unseen: a person named with no given name, dates or surname alone, 'Sun Tzu developed …')
    ],
)
def test_a_name_of_a_thing_is_no_person(name, definition):
    assert not named_person(topic(name, definition))


def history() -> ItemGenerator:
    return ItemGenerator(cell_bank(("c", HISTORY)))


def test_people_are_offered_among_people_and_not_for_an_era():
    gen, people = history(), {n for n, _ in HISTORY[:5]}
    d2t = ItemOptions(direction="definition-to-term")
    for seed in range(12):
        item = gen.item("mcq", gen.bank.topic("Adam Smith"), random.Random(seed), d2t)
        assert set(item.options) <= people, item.options
        try:
            item = gen.item("mcq", gen.bank.topic("Italian Renaissance"), random.Random(seed), d2t)
        except GenerationError:
            continue
        assert not set(item.options) & people, item.options


def test_an_era_s_phrase_is_not_lent_to_a_person():
    gen = history()
    for seed in range(12):
        try:
            item = make_truefalse(gen.index, gen.bank.topic("Adam Smith"), random.Random(seed), truth=False)
        except GenerationError:
            continue
        assert item.shown_topic not in ("Italian Renaissance", "Industrial Revolution"), item.statement


def test_the_history_of_management_offers_no_era_among_its_people():
    """Reading 119 on Principles of Management's history chapter: the Italian Renaissance offered for 'The Code of
    _____ …' and '_____ proposed the ideas of division of labor …', 'Sun Tzu: Weber developed …'."""
    from pathlib import Path

    from quizgen import load_bank

    bank = load_bank(Path(__file__).resolve().parent / "data" / "banks" / "management")
    gen, eras = ItemGenerator(bank), {"Italian Renaissance", "Industrial Revolution"}
    people = {t.name for t in bank.category("The history of management").topics if named_person(t)}
    assert {"Adam Smith", "Max Weber", "Henri Fayol", "Henry Gantt"} <= people
    made = 0
    for seed in range(8):
        for name in people | eras:
            key = bank.topic(name)
            for kind, options in [("mcq", ItemOptions(direction="definition-to-term")), ("cloze", ItemOptions())]:
                try:
                    item = gen.item(kind, key, random.Random(f"{seed}:{name}"), options)
                except GenerationError:
                    continue
                made += 1
                shown = set(item.options if kind == "mcq" else item.word_bank) - {name}
                assert not (shown & eras if name in people else shown & people), (name, shown)
            try:
                tf = make_truefalse(gen.index, key, random.Random(seed), truth=False)
            except GenerationError:
                continue
            assert not tf.statement.split(": ", 1)[-1].startswith(("Weber", "Fayol")), tf.statement
    assert made >= 8


_WORDS = st.sampled_from(["Weber", "Max Weber", "Max", "We", "’s", "'s", " ", "  ", "(1864–1920)", ",", "wrote", "was"])


@example(["Max Weber", " ", "wrote", " ", "was"], ["Max", "Max Weber"])  # the first name fails, the next holds
@given(st.lists(_WORDS, max_size=8), st.lists(st.sampled_from(["Max Weber", "Weber", "Max", "Web"]), max_size=3))
def test_names_are_followed_as_one_alternating_pattern_would(words, names):
    """_after_name (a loop, no pattern compiled per topic) matches where `\\s*(?:name|name…)tail` matches."""
    text = "".join(words)
    for tail in (people._POSSESSIVE, people._TOLD):
        ours = people._after_name(text, names, tail)
        theirs = re.match(rf"\s*(?:{'|'.join(map(re.escape, names))}){tail.pattern}", text) if names else None
        assert (ours and ours.span(0)[1], ours and ours.groups()) == (
            theirs and theirs.end(),
            theirs and theirs.groups(),
        )
