"""The order topics are tried in: what `rng.shuffle(pool)` and then `pool.pop()` one at a time give — the same
topics in the same order, with the generator left in the same state — without moving 100,000 topics for a
question that takes the first one. The shuffle's draws are replayed from the generator's raw 32-bit words (as
many as the shuffle consumes), and its swaps are applied only as far as topics are taken."""

from __future__ import annotations

import random
import sys
from array import array


class Shuffled:
    """Popping from `items` after `rng.shuffle(items)`, lazily (`items` itself is left as it is)."""

    def __init__(self, items: list, rng: random.Random):
        self._items = items
        self._left = len(items)
        self._moved: dict[int, object] = {}  # positions whose item an applied swap has changed
        self._draws = shuffle_draws(rng, len(items))
        self._step = 0

    def __len__(self) -> int:
        return self._left

    def pop(self):
        if not self._left:
            raise IndexError("pop from an empty order")
        i = self._left - 1
        item = self._at(i)
        if i > 0:  # the shuffle's step for position i swaps it with position j; after it, i never moves again
            j = self._draws[self._step]
            self._step += 1
            if j != i:
                item, self._moved[j] = self._at(j), item
        self._moved.pop(i, None)
        self._left -= 1
        return item

    def _at(self, pos: int):
        return self._moved[pos] if pos in self._moved else self._items[pos]


def shuffle_draws(rng: random.Random, n: int) -> list[int]:
    """The j that `rng.shuffle` of n items draws for i = n-1 … 1, consuming the generator exactly as it does:
    a draw below i+1 takes a 32-bit word w and keeps w >> (32 - k), k the bit length of i+1, or takes another
    word while that is > i (CPython's _randbelow_with_getrandbits, tests/test_draw_order.py)."""
    if type(rng) is not random.Random or n >= 1 << 32 or array("I").itemsize != 4:
        order = list(range(n))  # another generator: let it shuffle, and read its draws off the result
        positions = list(range(n))
        rng.shuffle(order)
        return _draws_from(order, positions)
    draws: list[int] = []
    bound = n  # i + 1 for the step at hand
    shift = 32 - bound.bit_length()
    low = 1 << max(bound.bit_length() - 1, 0)  # the smallest bound of this bit length
    while bound > 1:
        steps = bound - 1  # each step left takes at least one word: never a word more than the shuffle takes
        words = array("I", rng.getrandbits(32 * steps).to_bytes(4 * steps, "little"))
        if sys.byteorder == "big":
            words.byteswap()
        for w in words:
            r = w >> shift
            if r < bound:
                draws.append(r)
                bound -= 1
                if bound < low:
                    shift += 1
                    low >>= 1
    return draws


def _draws_from(order: list[int], positions: list[int]) -> list[int]:
    """Draws j (for i = n-1 … 1) of a Fisher-Yates shuffle that turned range(n) into `order`."""
    where = {v: p for p, v in enumerate(positions)}  # value -> current position in `positions`
    draws = []
    for i in range(len(order) - 1, 0, -1):
        j = where[order[i]]
        draws.append(j)
        positions[i], positions[j] = positions[j], positions[i]
        where[positions[i]], where[positions[j]] = i, j
    return draws


def positions(topics: list) -> dict[str, int] | None:
    """Where each topic's name stands in `topics`; None when a name repeats."""
    where = {t.name: i for i, t in enumerate(topics)}
    return where if len(where) == len(topics) else None


def without(topics: list, names: set[str], where: dict[str, int] | None = None) -> list:
    """`[t for t in topics if t.name not in names]`, cut around the few places `names` stand (`where`: the
    positions of `topics`) rather than testing 100,000 topics for a question."""
    if where is None or len(names) * 8 > len(topics):
        return [t for t in topics if t.name not in names]
    out, start = [], 0
    for at in sorted(where[n] for n in names if n in where):
        out += topics[start:at]
        start = at + 1
    out += topics[start:]
    return out
