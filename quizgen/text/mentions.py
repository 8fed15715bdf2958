"""Find which topics a text names, by any of their spellings, in time linear in the text."""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Topic
from .math import plain_text

_TOKEN = re.compile(r"\w+(?:\+\+)?")
MAX_WORDS = 12


def normalize_token(token: str) -> str:
    """Case-folded, with a simple plural 's' removed: 'Experts' -> 'expert'."""
    t = token.casefold()
    if len(t) > 3 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]
    return t


def is_acronym(spelling: str) -> bool:
    """Short spellings with several capitals ('MoE', 'GQA', 'SAM') match only with their exact case."""
    return " " not in spelling and len(spelling) <= 6 and sum(c.isupper() for c in spelling) >= 2


def spelling_key(spelling: str) -> tuple[str, ...]:
    tokens = _TOKEN.findall(spelling)
    if is_acronym(spelling):
        return tuple("=" + t for t in tokens)
    return tuple(normalize_token(t) for t in tokens)


class MentionIndex:
    """Maps every spelling of every topic to the topics it names."""

    def __init__(self, topics: tuple[Topic, ...] | list[Topic]):
        self._index: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.max_words = 1
        for t in topics:
            for spelling in t.names:
                key = spelling_key(spelling)
                if key and len(key) <= MAX_WORDS:
                    self._index[key].add(t.name)
                    self.max_words = max(self.max_words, len(key))

    def mentions(self, text: str) -> set[str]:
        """Names of the topics that `text` spells out (outside math)."""
        tokens = _TOKEN.findall(plain_text(text))
        folded = [normalize_token(t) for t in tokens]
        exact = ["=" + t for t in tokens]
        found: set[str] = set()
        for i in range(len(tokens)):
            for n in range(1, min(self.max_words, len(tokens) - i) + 1):
                for key in (tuple(folded[i : i + n]), tuple(exact[i : i + n])):
                    hit = self._index.get(key)
                    if hit:
                        found |= hit
        return found
