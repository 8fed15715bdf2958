"""Cheap upper bounds that settle a costly comparison before it runs, with the same answer it would give."""

from __future__ import annotations


def shared_words(a: list[str], b: list[str], stop_words: frozenset[str]) -> tuple[int, int]:
    """How many words two token lists can have in common in order, all and outside `stop_words`: the most that
    difflib's matching blocks of the two can hold (each block pairs equal words one to one, in order)."""
    most = content = 0
    for word in set(a).intersection(b):
        n = min(a.count(word), b.count(word))
        most += n
        content += n if word not in stop_words else 0
    return most, content
