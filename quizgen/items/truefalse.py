"""True/false: a term paired with its own definition or a sibling's, about half each."""

from __future__ import annotations

import random

from ..distractors import DistractorIndex
from ..model import Topic, TrueFalseItem
from ..text.mask import mask_topic, short_statement


def claim(term: Topic, shown: Topic) -> str:
    """'Term: definition' with the shown definition's own names masked, so only its meaning can decide."""
    return f"{term.name}: {short_statement(mask_topic(shown.definition, shown))}"


def make_truefalse(ix: DistractorIndex, key: Topic, rng: random.Random, difficulty: str = "medium") -> TrueFalseItem:
    if rng.random() < 0.5:
        return TrueFalseItem(key.name, key.category, statement=claim(key, key), shown_topic=key.name, answer=True)
    pick = ix.pick(key, 1, rng, difficulty, stem=key.name)
    shown = pick.topics[0]
    notes = tuple(f"false statement widened to group '{c}'" for c in pick.widened)
    return TrueFalseItem(
        key.name, key.category, statement=claim(key, shown), shown_topic=shown.name, answer=False, notes=notes
    )
