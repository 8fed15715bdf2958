"""Matching sets give no match away by form: no lone plural term beside the lone plural description."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator
from quizgen.items.matching import response
from quizgen.text.describe import phrase_number
from quizgen.text.language import English

BANKS = Path(__file__).parent / "data" / "banks"


@pytest.mark.parametrize("bank_name", ["chemistry", "statistics"])
def test_no_lone_plural_term_beside_the_lone_plural_description(bank_name):
    """'Isotopes', the one plural term, and 'atoms that contain …', the one plural description, pair up on sight
    (reading 62: three sets of chemistry and statistics); a plural spare beside singular terms is struck on sight
    (reading 64)."""
    bank = load_bank(BANKS / bank_name)
    gen = ItemGenerator(bank)
    ix = gen.index
    checked = 0
    for topic in bank.topics:
        for seed in range(3):
            try:
                item = gen.item("matching", topic, random.Random(seed))
            except GenerationError:
                continue
            checked += 1
            terms = sum(English.name_number(bank.topic(n).short_name) == "pl" for n in item.premise_topics)
            texts = sum(
                (response(ix, bank.topic(n))[2] or phrase_number(response(ix, bank.topic(n))[0])) == "pl"
                for n in item.response_topics
            )
            assert not (terms == 1 and texts == 1 or terms == 0 and texts > 0), (item.premises, item.responses)
    assert checked > 20


def test_no_name_beside_its_negation():
    """'Nonelectrolyte' beside 'Electrolyte': 'does not produce ions' goes to the prefixed name on sight (reading 62)."""
    bank = load_bank(BANKS / "chemistry")
    gen = ItemGenerator(bank)
    pair = {"Electrolyte", "Nonelectrolyte"}
    together = 0
    for name in sorted(pair):
        for seed in range(8):
            try:
                item = gen.item("matching", bank.topic(name), random.Random(seed))
            except GenerationError:
                continue
            together += pair <= set(item.premise_topics) | set(item.response_topics)
    assert together == 0


def test_no_law_among_things():
    """'Hess's law' among processes and properties: its description is the one stated as a rule (readings 62-63)."""
    from quizgen.items.matching import _claim

    bank = load_bank(BANKS / "chemistry")
    gen = ItemGenerator(bank)
    checked = 0
    for topic in bank.topics:
        for seed in range(3):
            try:
                item = gen.item("matching", topic, random.Random(seed))
            except GenerationError:
                continue
            checked += 1
            laws = {_claim(gen.index, bank.topic(n)) for n in item.response_topics}
            assert len(laws) == 1, item.response_topics
    assert checked > 20
