"""True/false: a term paired with its own definition or a sibling's, about half each."""

from __future__ import annotations

import random

from ..distractors import DistractorIndex
from ..model import Topic, TrueFalseItem
from ..text.mask import BLANK, mask_topic, short_statement


def claim(term: Topic, shown: Topic) -> str:
    """The shown topic's definition, stated about `term`: its names replaced by the term's."""
    text = short_statement(mask_topic(shown.definition, shown))
    if BLANK not in text:
        return f"{term.short_name}: {text}"
    return text.replace(BLANK, term.short_name)


def make_truefalse(ix: DistractorIndex, key: Topic, rng: random.Random, difficulty: str = "medium") -> TrueFalseItem:
    if rng.random() < 0.5:
        return TrueFalseItem(key.name, key.category, statement=claim(key, key), shown_topic=key.name, answer=True)
    pick = ix.pick(key, 1, rng, difficulty, stem=key.name)
    shown = pick.topics[0]
    notes = tuple(f"false statement widened to group '{c}'" for c in pick.widened)
    return TrueFalseItem(key.name, key.category, statement=claim(key, shown), shown_topic=shown.name, answer=False,
                         notes=notes)
