"""Cheap upper bounds that settle a costly comparison before it runs, with the same answer it would give, and
the word lists such comparisons take."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 16)
def folded_words(text: str) -> tuple[str, ...]:
    """The text's words (letters and digits), case-folded: a definition compared with each of its siblings is
    cut into words once (interned: a big bank keeps hundreds of thousands of them, mostly the same words)."""
    return tuple(sys.intern(w.casefold()) for w in _WORDS.findall(text))


def shared_words(a: list[str], b: list[str], stop_words: frozenset[str]) -> tuple[int, int]:
    """How many words two token lists can have in common in order, all and outside `stop_words`: the most that
    difflib's matching blocks of the two can hold (each block pairs equal words one to one, in order)."""
    most = content = 0
    for word in set(a).intersection(b):
        n = min(a.count(word), b.count(word))
        most += n
        content += n if word not in stop_words else 0
    return most, content
