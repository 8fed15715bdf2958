"""Finding a topic's spellings in a text by first-word look-ups (mask._matcher) finds exactly what trying
every spelling at every word finds, in every language's masking rules, with and without a subset (`only`)."""

from __future__ import annotations

import random
import re

import pytest

from quizgen import load_bank
from quizgen.text import mask
from quizgen.text.describe import cue_spellings

BANKS = [None, "tests/data/banks/law", "tests/data/banks/quimica", "tests/data/banks/franceterme"]


def every_spelling_at_every_word(text, spellings, lang, only=None):
    """The search as it was written first: each spelling tried in order at each word."""
    tokens = [(m.start(), m.end(), m.group()) for m in mask._TOKEN.finditer(text)]
    tests = [(k, mask._word_tests(s, mask._rules(lang))) for k, s in enumerate(spellings)]
    tests = [(k, t) for k, t in tests if t and (only is None or k in only)]
    out, i = [], 0
    while i < len(tokens):
        start = tokens[i][0]
        if start > 0 and text[start - 1] == "\\":
            i += 1
            continue
        for _, words in tests:  # (matching at one place is shared; which spellings are tried is under test)
            end = mask._match_end(text, tokens, i, words)
            if end is None:
                continue
            out.append((start, end))
            i += len(words)
            break
        else:
            i += 1
    return out


@pytest.mark.parametrize("bank", BANKS)
def test_look_ups_find_what_trying_every_spelling_finds(bank):
    topics = load_bank(bank).topics
    rng = random.Random(5)
    found = 0
    for topic in topics:
        others = rng.sample(topics, 3)
        texts = [topic.definition, *(t.definition for t in others), f"{topic.name}s and {topic.name.upper()}'s"]
        for spellings in (mask.mask_spellings(topic), cue_spellings(topic)):
            only = frozenset(k for k in range(len(spellings)) if rng.random() < 0.5)
            for text in texts:
                expected = every_spelling_at_every_word(text, spellings, topic.language)
                assert mask._spans(text, spellings, topic.language) == expected, (topic.name, text)
                subset = every_spelling_at_every_word(text, spellings, topic.language, only)
                assert mask._spans(text, spellings, topic.language, only) == subset, (topic.name, text)
                found += len(expected)
    assert found > len(topics)  # the texts do name topics: the comparison is not between empty lists


def test_suffixes_are_stripped_as_the_pattern_strips_them():
    pattern = re.compile(r"(?:ations?|ances?|ences?|ants?|ents?|ings?|ions?|ities|ity|ness|ments?|ers?|ed|es|s|al)$")
    words = {w.lower() for t in load_bank().topics for w in mask._TOKEN.findall(t.definition)}
    words |= {"ations", "s", "es", "relations", "abilities", "agreements", "ss", "ers", "al", "nationalities"}
    for w in words:
        assert mask._unsuffixed(w) == pattern.sub("", w), w
