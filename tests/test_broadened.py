"""An item the siblings of the key's subject cannot make is tried again with the subject broadened: siblings below
the subject floor that a smoother latent space puts on the subject and whose WordNet class meets the key's
(DistractorIndex.broadened). Items the first try makes stay exactly as they were."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import LURE_FLOOR, GenerationError
from quizgen.items import ItemGenerator, ItemOptions

BANKS = Path(__file__).parent / "data" / "banks"
D2T = ItemOptions(direction="definition-to-term")


@cache
def generator(name: str) -> ItemGenerator:
    return ItemGenerator(load_bank(BANKS / name))


def first_try(gen: ItemGenerator, item_type: str, name: str, options: ItemOptions):
    return gen._item(item_type, gen.bank.topic(name), random.Random(0), options, None, frozenset())


def test_a_key_whose_subject_offers_too_few_lures_gets_an_item_broadened():
    gen = generator("statistics")
    with pytest.raises(GenerationError):
        first_try(gen, "mcq", "Experiment", D2T)
    key = gen.bank.topic("Experiment")
    item = gen.item("mcq", key, random.Random(0), D2T)
    lures = [gen.bank.topic(n) for n in item.option_topics if n != key.name]
    assert min(gen.index.relatedness(key, lures)) < LURE_FLOOR  # a sibling the floor alone refuses
    assert not gen.index.broad  # (the index is back to its usual subject)


def test_a_matching_set_broadened_takes_members_from_another_corner_of_a_grab_bag():
    gen = generator("business-ethics")
    with pytest.raises(GenerationError):
        first_try(gen, "matching", "Goodwill", ItemOptions())
    item = gen.item("matching", gen.bank.topic("Goodwill"), random.Random(0), ItemOptions())
    assert "Goodwill" in item.premise_topics and len(item.premise_topics) >= 3


@pytest.mark.parametrize("bank", ["statistics", "law"])
def test_what_the_first_try_makes_is_unchanged(bank):
    gen, made = generator(bank), 0
    for kind, options in (("mcq", D2T), ("cloze", ItemOptions(mode="term")), ("truefalse", ItemOptions())):
        for topic in gen.bank.topics[:40]:
            try:
                first = first_try(gen, kind, topic.name, options)
            except GenerationError:
                continue
            made += 1
            assert gen.item(kind, topic, random.Random(0), options) == first
    assert made >= 30


def test_only_english_keys_of_banks_with_a_latent_space_are_broadened():
    assert not generator("quimica").index.can_broaden(generator("quimica").bank.topics[0])
    assert generator("law").index.can_broaden(generator("law").bank.topics[0])
    with generator("law").index.broadened():
        assert not generator("law").index.can_broaden(generator("law").bank.topics[0])  # (one retry, not a chain)
