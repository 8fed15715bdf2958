"""Topics are tried in the order `rng.shuffle(pool)` and `pool.pop()` give, and the generator is left as the
shuffle leaves it, without shuffling the whole pool (quizgen.items.order)."""

from __future__ import annotations

import random

import pytest

from quizgen.items.order import Shuffled, shuffle_draws


def shuffled_then_popped(items, rng, pops):
    items = list(items)
    rng.shuffle(items)
    return [items.pop() for _ in range(pops)]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 100, 255, 256, 257, 1000, 4097])
def test_same_topics_in_the_same_order_and_the_same_generator_state(n):
    for seed in range(12):
        pops = min(n, seed % 5 + 1) if seed % 3 else n  # a few, or all of them
        theirs_rng, ours_rng = random.Random(f"s{seed}"), random.Random(f"s{seed}")
        theirs = shuffled_then_popped(range(n), theirs_rng, pops)
        order = Shuffled(list(range(n)), ours_rng)
        assert ours_rng.getstate() == theirs_rng.getstate()  # the whole shuffle's draws are made at once
        assert [order.pop() for _ in range(pops)] == theirs
        assert len(order) == n - pops
        assert ours_rng.random() == theirs_rng.random()


def test_large_pool_and_the_items_left_alone():
    items = [f"topic {i}" for i in range(100_003)]
    kept = list(items)
    rng_a, rng_b = random.Random(7), random.Random(7)
    order = Shuffled(items, rng_a)
    assert [order.pop() for _ in range(50)] == shuffled_then_popped(kept, rng_b, 50)
    assert items == kept and rng_a.getstate() == rng_b.getstate()


def test_other_generators_get_their_own_shuffle():
    class Counting(random.Random):
        def random(self):
            return super().random()

    for n in (2, 10, 33):
        a, b = Counting(3), Counting(3)
        order = Shuffled(list(range(n)), a)
        assert [order.pop() for _ in range(n)] == shuffled_then_popped(range(n), b, n)
        assert a.getstate() == b.getstate()
    assert shuffle_draws(random.Random(1), 1) == []


def test_pop_from_empty_is_an_error():
    with pytest.raises(IndexError):
        Shuffled([], random.Random(0)).pop()


def test_pool_without_some_topics_is_the_filtered_pool():
    from types import SimpleNamespace

    from quizgen.items.order import positions, without

    rng = random.Random(5)
    for n in (0, 1, 5, 50, 1000):
        topics = [SimpleNamespace(name=f"t{i}") for i in range(n)]
        where = positions(topics)
        for _ in range(20):
            names = {f"t{rng.randrange(n + 3)}" for _ in range(rng.randrange(8))} if n else {"x"}
            expected = [t for t in topics if t.name not in names]
            assert without(topics, names, where) == expected
            assert without(topics, names) == expected
    twice = [SimpleNamespace(name="a"), SimpleNamespace(name="a")]
    assert positions(twice) is None and without(twice, {"a"}, positions(twice)) == []
