"""Matching sets give no match away by form: no lone plural term beside the lone plural description, no name
beside its negation, no law among things."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.matching import _claim, description_number
from quizgen.text.language import English

BANKS = Path(__file__).parent / "data" / "banks"


def matching_sets(bank_name: str, names=None, seeds: int = 3):
    """(generator, item) for every matching set the bank's topics (or the named ones) yield on the first seeds."""
    bank = load_bank(BANKS / bank_name)
    gen = ItemGenerator(bank)
    out = []
    for topic in [bank.topic(n) for n in names] if names else bank.topics:
        for seed in range(seeds):
            try:
                out.append((gen, gen.item("matching", topic, random.Random(seed))))
            except GenerationError:
                continue
    return out


@pytest.mark.parametrize("bank_name", ["chemistry", "statistics"])
def test_no_lone_plural_term_beside_the_lone_plural_description(bank_name):
    """'Isotopes', the one plural term, and 'atoms that contain …', the one plural description, pair up on sight
    (reading 62: three sets of chemistry and statistics); a plural spare beside singular terms is struck on sight
    (reading 64)."""
    sets = matching_sets(bank_name)
    for gen, item in sets:
        topic = gen.bank.topic
        terms = sum(English.name_number(topic(n).short_name) == "pl" for n in item.premise_topics)
        texts = sum(description_number(gen.index, topic(n)) == "pl" for n in item.response_topics)
        assert not (terms == 1 and texts == 1 or terms == 0 and texts > 0), (item.premises, item.responses)
    assert len(sets) > 20


def test_no_name_beside_its_negation():
    """'Nonelectrolyte' beside 'Electrolyte': 'does not produce ions' goes to the prefixed name on sight (reading 62)."""
    pair = {"Electrolyte", "Nonelectrolyte"}
    sets = matching_sets("chemistry", sorted(pair), seeds=8)
    assert not [i for _, i in sets if pair <= set(i.premise_topics) | set(i.response_topics)]


def test_no_law_among_things():
    """'Hess's law' among processes and properties: its description is the one stated as a rule (readings 62-63)."""
    sets = matching_sets("chemistry")
    for gen, item in sets:
        laws = {_claim(gen.index, gen.bank.topic(n)) for n in item.response_topics}
        assert len(laws) == 1, item.response_topics
    assert len(sets) > 20


def test_responses_end_alike():
    """Reading 87: 'using a tool makes the measuring more precise.' the one response of a sociology set ending on a
    full stop."""

    gen = ItemGenerator(load_bank(Path(__file__).parent / "data" / "banks" / "sociology"))
    made = 0
    for seed in range(8):
        try:
            item = gen.item("matching", gen.bank.topic("Accuracy"), random.Random(seed), ItemOptions())
        except GenerationError:
            continue
        made += 1
        assert len({r.endswith(".") for r in item.responses}) == 1, item.responses
    assert made


def test_a_people_the_word_tables_lack_is_a_plural_head():
    """Reading 91 (world history): 'Clients' and 'less well-off Romans who …' the one plural pair of a set; the
    description's number was unknown ('Romans' is in no table), so the set was not refused."""
    from quizgen.text.describe import phrase_number

    assert phrase_number("less well-off Romans who relied on a patron's gifts for subsistence") == "pl"
    assert phrase_number("a Roman Republican office with absolute authority") == "sg"
