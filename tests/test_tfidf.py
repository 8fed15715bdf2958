"""quizgen.text.tfidf gives bit for bit the matrix scikit-learn's TfidfVectorizer gives (same vocabulary,
entry order, values), without importing scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from quizgen import load_bank
from quizgen.text import tfidf
from quizgen.text.math import plain_text


def sklearn_matrix(texts):
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=1)
    return vectorizer.fit_transform(texts).tocsr()


def assert_identical(texts):
    ours, theirs = tfidf.tfidf_matrix(texts).to_scipy(), sklearn_matrix(texts)
    assert type(ours) is type(theirs) and ours.shape == theirs.shape
    assert ours.indices.dtype == theirs.indices.dtype and ours.data.dtype == theirs.data.dtype
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)  # the same order inside each row
    assert ours.data.tobytes() == theirs.data.tobytes()  # every bit


def test_bundled_bank_definitions():
    assert_identical([plain_text(t.definition) for t in load_bank().topics])


def test_synthetic_bank():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from synthetic import synthetic_bank

    assert_identical([t.definition for t in synthetic_bank(2000, 40, seed=3).topics])


@pytest.mark.parametrize(
    "texts",
    [
        ["the cat sat on the mat", "", "The THE the", "cat cat cat dog", "Ünïcode wörds — naïve café 42 x1 a b"],
        ["the of and", "a real word", "word word word word word word word word word word word"],
        ["β-VAE uses KL divergence", "KL divergence of q and p", "q_θ(z|x) ≈ p(z)"],
        ["snake_case_word x_1 __ a_ _b", "tab\tand\nnewline\x0bvt\x0cff\r\x1ccontrol", "nbsp\xa0word em\u2003space"],
        ["ascii text only", "naïve\u2019s déjà-vu", "", "  ", "ascii again and again", "日本語 テキスト x"],
        ["a text with \x00 inside it", "another text"],
    ],
)
def test_edge_cases(texts):
    assert_identical(texts)


def test_stop_words_only_is_an_error_like_sklearn():
    with pytest.raises(ValueError):
        tfidf.tfidf_matrix(["the of", "and"])
    with pytest.raises(ValueError):
        sklearn_matrix(["the of", "and"])


def test_stop_words_are_sklearns():
    tfidf.english_stop_words.cache_clear()
    assert tfidf.english_stop_words() == ENGLISH_STOP_WORDS


def test_fast_unique_and_argsort_are_numpys():
    rng = np.random.default_rng(1)
    for n in (0, 1, 2, 50, 5000):
        codes = rng.integers(0, max(1, n // 3) + 1, n)  # many repeats
        for got, want in zip(tfidf._unique_first(codes), np.unique(codes, return_index=True, return_inverse=True)):
            assert np.array_equal(got, want.ravel())
        a, b = rng.permutation(n), rng.integers(-3, 4, n)
        keys = (rng.integers(0, 4, n), a * 7 + b)  # distinct combinations
        assert np.array_equal(tfidf._argsort_distinct(*keys), np.lexsort(keys[::-1]))
        if n:  # a matrix always has an entry
            for got, want in zip(tfidf._counts(codes), np.unique(codes, return_counts=True)):
                assert np.array_equal(got, want)
