"""Names one word apart ('Law of demand' / 'Law of supply'): where the text shows the key's word and not the
twin's, a student rules the twin out by that word alone (reading 75, economics: five items). Such a twin is
no lure there, in either direction and in a word bank."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError, told_by_a_word
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.model import Topic

BANK = load_bank(Path(__file__).parent / "data" / "banks" / "economics")
DEMAND, SUPPLY = BANK.topic("Law of demand"), BANK.topic("Law of supply")


def test_a_text_showing_one_twin_word_tells_the_twins_apart():
    assert told_by_a_word(DEMAND, SUPPLY, "a higher price leads to a lower quantity demanded")
    assert not told_by_a_word(DEMAND, SUPPLY, "quantity demanded exceeds the quantity supplied")  # both shown
    assert not told_by_a_word(DEMAND, SUPPLY, "a higher price leads to fewer purchases")  # neither
    excess = Topic("Excess demand", "at the existing price, the quantity demanded exceeds the quantity supplied", "M")
    assert not told_by_a_word(excess, DEMAND, "demand exceeds")  # two words apart, not twins


@pytest.mark.parametrize(
    "kind, options",
    [
        ("mcq", ItemOptions(direction="definition-to-term")),
        ("mcq", ItemOptions(direction="term-to-definition")),
        ("cloze", ItemOptions(mode="term", word_bank=True)),
    ],
)
def test_the_laws_of_demand_and_supply_are_never_told_apart_by_their_word(kind, options):
    gen = ItemGenerator(BANK)

    for key in (DEMAND, SUPPLY):
        twin = SUPPLY if key is DEMAND else DEMAND
        for seed in range(8):
            try:
                item = gen.item(kind, key, random.Random(seed), options)
            except GenerationError:
                continue

            d = item.to_json()
            shown = d.get("option_topics") or d.get("word_bank") or []
            if twin.name not in shown:
                continue
            text = d.get("stem", "") + " " + d.get("text", "")
            if kind == "mcq" and item.direction == "term-to-definition":
                mine = d["options"][item.answer]
                theirs = d["options"][d["option_topics"].index(twin.name)]
                assert not told_by_a_word(key, twin, mine), (d, theirs)
            else:
                assert not told_by_a_word(key, twin, text), d


def test_an_option_the_stem_negates_is_no_lure():
    """'unlearned knowledge …' beside Learning, 'a nonrandom method …' beside Random Sampling: the stem's own words
    rule the option out (reading 78); 'understanding' negates no 'standing'."""
    from quizgen.distractors import negated_in

    def topic(name):
        return Topic(name, "x", "g")

    assert negated_in("unlearned knowledge, involving complex patterns of behavior", topic("Learning"))
    assert negated_in("a nonrandom method of selecting a sample", topic("Random Sampling"))
    assert not negated_in("understanding of science", topic("Standing wave"))
    assert not negated_in("under the null hypothesis", topic("Null Hypothesis"))
    psychology = load_bank(Path(__file__).parent / "data" / "banks" / "psychology")
    gen = ItemGenerator(psychology)
    for seed in range(6):
        item = gen.item(
            "mcq", psychology.topic("Instinct"), random.Random(seed), ItemOptions(direction="definition-to-term")
        )
        assert "Learning" not in item.option_topics, item.options
