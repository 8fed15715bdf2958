"""Multiple choice, both directions: definition → term and term → definition."""

from __future__ import annotations

import random

from ..distractors import DistractorIndex, GenerationError
from ..model import MCQItem, Topic
from ..text.mask import mask_topic, mask_words, name_words, short_statement

DIRECTIONS = ("definition-to-term", "term-to-definition")


def place_key(key: Topic, wrong: tuple[Topic, ...], rng: random.Random) -> tuple[list[Topic], int]:
    """Shuffle the wrong answers and put the key at a uniformly drawn position."""
    order = list(wrong)
    rng.shuffle(order)
    answer = rng.randrange(len(order) + 1)
    order.insert(answer, key)
    return order, answer


def statement(topic: Topic) -> str:
    """A definition as an option: its own names masked, cut to a comparable length."""
    return short_statement(mask_topic(topic.definition, topic))


def make_mcq(
    ix: DistractorIndex, key: Topic, rng: random.Random, direction: str, k: int = 4, difficulty: str = "medium"
) -> MCQItem:
    # Words of the key's name left in the text are a cue a test-wise student would match; they are blanked
    # unless a wrong option shares them (then the cue points at several options, not at the key).
    if direction == "definition-to-term":
        pick = ix.pick(key, k - 1, rng, difficulty)  # the stem is the key's masked definition: checked there
        shared = set().union(*(name_words(t) for t in pick.topics))
        stem = mask_words(mask_topic(key.definition, key), name_words(key) - shared)
        options, answer = place_key(key, pick.topics, rng)
        texts = tuple(t.name for t in options)
    else:
        stem = f"Which statement best describes {key.name}?"
        pick = ix.pick(key, k - 1, rng, difficulty, stem=key.name)
        options, answer = place_key(key, pick.topics, rng)
        texts = tuple(mask_words(statement(t), name_words(key)) for t in options)
        if len(set(texts)) < len(texts):  # eliding the key's words made options alike: show them whole
            texts = tuple(statement(t) for t in options)
        if len(set(texts)) < len(texts):
            raise GenerationError(f"definitions of '{key.name}' and a sibling read the same once shortened")
    notes = tuple(f"distractors widened to group '{c}'" for c in pick.widened)
    return MCQItem(
        key.name,
        key.category,
        direction=direction,
        stem=stem,
        options=texts,
        option_topics=tuple(t.name for t in options),
        answer=answer,
        difficulty=difficulty,
        notes=notes,
    )
