"""Cheap upper bounds that settle a costly comparison before it runs, with the same answer it would give."""

from __future__ import annotations

from collections import Counter


def shared_words(a: list[str], b: list[str], stop_words: frozenset[str]) -> tuple[int, int]:
    """How many words two token lists can have in common in order, all and outside `stop_words`: the most that
    difflib's matching blocks of the two can hold (each block pairs equal words one to one, in order)."""
    common = Counter(a) & Counter(b)
    return sum(common.values()), sum(n for w, n in common.items() if w not in stop_words)
