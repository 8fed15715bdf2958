"""Runs of adjacent word stems in a bank's definitions, counted for the runs asked about only: a key-phrase
cloze asks about a few hundred, and counting every pair and triple of a 10,000-topic bank up front took
longer than all its key-phrase items."""

from __future__ import annotations

from collections.abc import Callable


class Runs:
    """`count(*run)`: in how many topics' definitions the stems of `run` stand next to one another, in order —
    what counting every run of the bank would give. Only the topics whose stems include all of the run's
    (`documents`: stem -> topics using it, a superset of the definitions') are read, each once."""

    def __init__(self, documents: dict[str, frozenset[int]], stems_of: Callable[[int], tuple[str, ...]]):
        self._documents = documents
        self._stems_of = stems_of
        self._stems: dict[int, tuple[str, ...]] = {}
        self._counts: dict[tuple[str, ...], int] = {}

    def count(self, *run: str) -> int:
        if run not in self._counts:
            sets = sorted((self._documents.get(s, frozenset()) for s in run), key=len)
            topics = sets[0].intersection(*sets[1:]) if sets else frozenset()
            self._counts[run] = sum(1 for i in topics if _holds(self._definition(i), run))
        return self._counts[run]

    def _definition(self, i: int) -> tuple[str, ...]:
        if i not in self._stems:
            self._stems[i] = self._stems_of(i)
        return self._stems[i]


def _holds(stems: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(stems[i : i + n] == run for i in range(len(stems) - n + 1) if stems[i] == run[0])
