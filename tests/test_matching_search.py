"""Matching sets are searched, not only grown greedily: whenever the group holds a set of at least three terms
and a spare whose descriptions fit only their own terms, the topic yields a matching item."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.matching import _search, response

BANKS = Path(__file__).parent / "data" / "banks"


@pytest.mark.parametrize("name", ["chemistry", "statistics"])
def test_a_set_that_exists_is_found(name):
    bank = load_bank(BANKS / name)
    gen = ItemGenerator(bank)
    ix = gen.index
    exists = 0
    for topic in bank.topics:
        shape = response(ix, topic)
        if shape is None:
            continue
        group = [t for t in bank.category(topic.category).topics if t.name != topic.name]
        found = _search(ix, topic, group, 6, shape)
        if len(found) < 4:
            continue
        exists += 1
        try:
            item = gen.item("matching", topic, random.Random(0), ItemOptions())
        except GenerationError as e:
            pytest.fail(f"{topic.name}: {e.message} although {[t.name for t in found]} fit together")
        assert len(item.premises) >= 3 and len(item.responses) == len(item.premises) + 1
    assert exists >= 20
