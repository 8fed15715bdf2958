"""Matching: n terms of one sibling group against n + spare definitions."""

from __future__ import annotations

import random

from ..distractors import DistractorIndex, GenerationError
from ..model import MatchingItem, Topic
from ..text.mask import mask_words, name_words
from .mcq import statement


def _fits(ix: DistractorIndex, chosen: list[Topic], cand: Topic) -> bool:
    """A new member may not overlap, share a name with, or be named by any member (and vice versa)."""
    for c in chosen:
        if ix.unsafe(c, cand, stem="") is not None or ix.names_clash(c, cand):
            return False
    return True


def _response(topic: Topic, premises: list[Topic]) -> str:
    """A definition with its own names blanked, and the words of its own name unless another term shares them."""
    shared = set().union(*(name_words(p) for p in premises if p.name != topic.name))
    return mask_words(statement(topic), name_words(topic) - shared)


def make_matching(
    ix: DistractorIndex, key: Topic, rng: random.Random, n: int = 5, spare: int = 1, allowed: set[str] | None = None
) -> MatchingItem:
    """`allowed`: names the terms may come from (an exam's unused pool); the spare definition may be any sibling."""
    group = [t for t in ix.bank.category(key.category).topics if t.name != key.name]
    rng.shuffle(group)
    if allowed is not None:  # terms the exam may ask first, so the spare is the one from outside
        group.sort(key=lambda t: t.name not in allowed)
    chosen = [key]
    widened: list[str] = []
    for cand in group:
        if len(chosen) == n + spare:
            break
        if _fits(ix, chosen, cand):
            chosen.append(cand)
    if len(chosen) < n + spare:
        for other in ix.nearest_categories(key):
            before = len(chosen)
            for cand in ix.bank.category(other).topics:
                if len(chosen) == n + spare:
                    break
                if _fits(ix, chosen, cand):
                    chosen.append(cand)
            if len(chosen) > before:
                widened.append(other)
            if len(chosen) == n + spare:
                break
    if len(chosen) < n + spare:
        raise GenerationError(
            f"group '{key.category}' cannot supply {n} terms and {spare} spare definition(s) "
            f"that do not overlap or name each other (found {len(chosen)})"
        )
    if allowed is not None and sum(t.name in allowed for t in chosen) < n:
        raise GenerationError(f"group '{key.category}' has fewer than {n} terms left to ask that fit together")
    if allowed is not None:
        chosen.sort(key=lambda t: t.name not in allowed)  # stable: the asked terms first, the spare last
    premises = chosen[:n]
    rng.shuffle(premises)
    responses = list(chosen)
    rng.shuffle(responses)
    answer = tuple(responses.index(p) for p in premises)
    return MatchingItem(
        key.name,
        key.category,
        premises=tuple(p.name for p in premises),
        premise_topics=tuple(p.name for p in premises),
        responses=tuple(_response(r, premises) for r in responses),
        response_topics=tuple(r.name for r in responses),
        answer=answer,
        notes=tuple(f"matching widened to group '{c}'" for c in widened),
    )
