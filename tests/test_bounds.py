"""quizgen.text.bounds: the bounds that spare a costly comparison never fall below what it finds."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from quizgen.text.bounds import shared_words

WORDS = st.lists(st.sampled_from("the a of particle charged positively negatively nucleus in located".split()))
STOP = frozenset({"the", "a", "of", "in"})


@given(WORDS, WORDS)
def test_shared_words_bound_difflibs_frame(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    frame = [w for i, _, size in sm.get_matching_blocks() for w in a[i : i + size]]
    most, most_content = shared_words(a, b, STOP)
    assert len(frame) <= most and sum(w not in STOP for w in frame) <= most_content


def test_shared_words_counts_repeats_once_per_pairing():
    assert shared_words(["a", "b", "b", "c"], ["b", "b", "b", "a"], frozenset({"a"})) == (3, 2)


def test_folded_words_are_the_words_case_folded():
    from quizgen.text.bounds import folded_words

    assert folded_words("Type-II error's STRASSE, Straße_2") == ("type", "ii", "error", "s", "strasse", "strasse", "2")
