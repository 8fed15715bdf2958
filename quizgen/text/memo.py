"""A cache for pure functions of a text and a topic that adds no object per call for the garbage collector to
walk: functools.lru_cache keys each call by a new (text, topic) tuple, and 1,000 items from a 10,000-topic bank
left ~70,000 of them, walked by every full collection. Here the answers for one topic sit in one dict of texts
and atomic values, which the collector does not track. A full cache starts afresh."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from ..model import Topic

T = TypeVar("T")
_MISSING = object()


def per_topic_texts(maxsize: int) -> Callable[[Callable[[str, Topic], T]], Callable[[str, Topic], T]]:
    """Cache f(text, topic) for up to `maxsize` (text, topic) pairs."""

    def decorate(f: Callable[[str, Topic], T]) -> Callable[[str, Topic], T]:
        cache: dict[Topic, dict[str, T]] = {}
        size = 0

        @wraps(f)
        def cached(text: str, topic: Topic) -> T:
            nonlocal size
            answers = cache.get(topic)
            if answers is not None:
                value = answers.get(text, _MISSING)
                if value is not _MISSING:
                    return value
            value = f(text, topic)
            if size >= maxsize:
                cache.clear()
                size = 0
            cache.setdefault(topic, {})[text] = value
            size += 1
            return value

        def cache_clear() -> None:
            nonlocal size
            cache.clear()
            size = 0

        cached.cache_clear = cache_clear
        return cached

    return decorate
