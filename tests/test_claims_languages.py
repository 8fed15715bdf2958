"""Laws beside laws in every language: a name headed by a claim word of its language ('Ley de Hess', 'Primera
ley de termodinámica', 'Effet de rebond', 'Energieerhaltungssatz') is a statement about the world, offered only
among other statements (or skipped), as English 'Boyle's law' is."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import DistractorIndex, GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.model import Topic

BANKS = Path(__file__).parent / "data" / "banks"


def topic(name: str, language: str) -> Topic:
    return Topic(name=name, definition="x", category="c", language=language)


@pytest.mark.parametrize(
    "name, language, claim",
    [
        ("Ley de Hess", "es", True),
        ("Primera ley de termodinámica", "es", True),
        ("Leyes de Newton", "es", True),
        ("Calorímetro", "es", False),
        ("Velocidad de reacción", "es", False),
        ("Loi de Boyle-Mariotte", "fr", True),
        ("Effet de rebond", "fr", True),
        ("Principes de la thermodynamique", "fr", True),
        ("Marque épigénétique", "fr", False),
        ("Energieerhaltungssatz", "de", True),
        ("Prawo Boyle'a", "pl", True),
        ("Wet van Boyle", "nl", True),
        ("Legge di Hess", "it", True),
        ("Lei de Hess", "pt", True),
    ],
)
def test_claim_words_of_each_language(name, language, claim):
    assert DistractorIndex.claim(topic(name, language)) is claim


@cache
def generator(bank: str) -> ItemGenerator:
    return ItemGenerator(load_bank(BANKS / bank))


def test_a_spanish_law_is_offered_among_laws_or_not_at_all():
    gen = generator("quimica")
    laws = [t for t in gen.bank.topics if DistractorIndex.claim(t)]
    assert len(laws) >= 8
    made = 0
    for key in laws:
        for direction in ("definition-to-term", "term-to-definition"):
            try:
                item = gen.item("mcq", key, random.Random(1), ItemOptions(direction=direction))
            except GenerationError:
                continue
            made += 1
            assert all(DistractorIndex.claim(gen.bank.topic(n)) for n in item.option_topics), item.option_topics
    assert made >= 6  # the gas laws have enough siblings that are laws
