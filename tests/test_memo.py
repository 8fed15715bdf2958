"""The (text, topic) cache of text/memo.py: each pair computed once, answers kept apart by text and by topic
(topics of the same name in two banks included), bounded, and the item rules that use it answer as uncached;
and a DistractorIndex's method caches, which die with it."""

from __future__ import annotations

import gc

from quizgen import load_bank
from quizgen.model import Topic
from quizgen.text.describe import _word_hits, cue_in_math, mentions, name_stems, shares_stem, visible_words
from quizgen.text.memo import per_topic_texts


def counted(maxsize: int = 100):
    calls = []

    @per_topic_texts(maxsize)
    def f(text: str, topic: Topic) -> str:
        calls.append((text, topic.name, topic.definition))
        return f"{text}|{topic.name}|{topic.definition}"

    return f, calls


def test_each_pair_is_computed_once_and_answers_stay_apart():
    f, calls = counted()
    a, b = Topic("A", "first", "G"), Topic("B", "second", "G")
    a_elsewhere = Topic("A", "another bank's A", "G")
    for _ in range(3):
        assert f("x", a) == "x|A|first"
        assert f("y", a) == "y|A|first"
        assert f("x", b) == "x|B|second"
        assert f("x", a_elsewhere) == "x|A|another bank's A"
    assert len(calls) == 4


def test_a_full_cache_starts_afresh():
    f, calls = counted(maxsize=3)
    topic = Topic("A", "first", "G")
    for text in "abcd":
        f(text, topic)
    assert len(calls) == 4
    f("d", topic)  # kept: the cache was emptied before 'd' went in
    f("a", topic)  # computed again
    assert [c[0] for c in calls] == ["a", "b", "c", "d", "a"]
    f.cache_clear()
    f("d", topic)
    assert len(calls) == 6


def test_answers_for_texts_are_not_walked_by_the_collector():
    @per_topic_texts(10_000)
    def f(text: str, topic: Topic) -> bool:
        return topic.name in text

    topic = Topic("A", "first", "G")
    gc.collect()
    before = len(gc.get_objects())
    for i in range(1000):
        f(f"text {i}", topic)
    gc.collect()
    assert len(gc.get_objects()) - before < 10  # (lru_cache: a tracked (text, topic) key a call)


def test_cached_rules_answer_as_uncached():
    bank = load_bank("tests/data/banks/statistics")
    topics = bank.topics[:40]
    for rule in (mentions, cue_in_math):
        rule.cache_clear()
        for text in (t.definition for t in topics):
            for topic in topics:
                assert rule(text, topic) == rule.__wrapped__(text, topic)


def test_shared_stems_answer_as_word_by_word():
    """shares_stem passes over the words whose look-up keys no name stem has (and remembers each word's answer):
    the stems it finds are those every word, tried in full, matches."""
    topics = [t for b in ("statistics", "biology", "law") for t in load_bank(f"tests/data/banks/{b}").topics]
    found = 0
    for topic in topics[::3]:
        stems = name_stems(topic)
        for other in topics[::7]:
            words = visible_words(other.definition)
            full = set().union(*(_word_hits(w, stems) for w in words)) if stems else set()
            assert shares_stem(words, stems) == full, (topic.name, other.name)
            assert shares_stem(words, stems) == full  # (remembered)
            found += bool(full)
    assert found > 20  # (the banks' texts show name words often enough for the test to bite)


def test_an_index_and_its_bank_die_with_their_generator():
    import random
    import weakref

    from quizgen.items import ItemGenerator

    gen = ItemGenerator(load_bank("tests/data/banks/law"))
    for item_type in ("mcq", "matching", "truefalse"):  # fills the index's method caches
        gen.items(item_type, 5, random.Random(0))
    index = weakref.ref(gen.index)
    del gen
    gc.collect()
    assert index() is None  # (module-level caches keyed by (self, …) kept every index alive)
