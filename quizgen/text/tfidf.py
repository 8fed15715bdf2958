"""TF-IDF rows as scikit-learn's TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2))
computes them — the same vocabulary, the same order of entries within a row and the same floating-point
operations in the same order, so the matrix is bit for bit identical (tests/test_tfidf.py compares them) —
without importing scikit-learn, whose import (0.65 s, scipy.stats with it) cost more than a small exam."""

from __future__ import annotations

import ast
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # TfidfVectorizer's token_pattern


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list, read from its source file without importing scikit-learn."""
    spec = importlib.util.find_spec("sklearn")  # a top-level spec: nothing is imported
    for folder in (spec and spec.submodule_search_locations) or ():
        source = Path(folder, "feature_extraction", "_stop_words.py")
        try:
            tree = ast.parse(source.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "ENGLISH_STOP_WORDS":
                return frozenset(ast.literal_eval(node.value.args[0]))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # laid out differently: import it

    return ENGLISH_STOP_WORDS


def features(text: str, stop: frozenset[str]) -> list[str]:
    """Unigrams then bigrams of the text's tokens, stop words removed first (sklearn's _word_ngrams)."""
    words = [w for w in TOKEN.findall(text.lower()) if w not in stop]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def tfidf_matrix(texts: list[str]) -> sparse.csr_matrix:
    """L2-normalised, sublinear TF-IDF rows with smoothed idf; ValueError when no text has a feature."""
    stop = english_stop_words()
    vocabulary: dict[str, int] = {}  # feature -> order of first appearance
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        row: dict[int, int] = {}
        for feature in features(text, stop):
            j = vocabulary.setdefault(feature, len(vocabulary))
            row[j] = row.get(j, 0) + 1
        for j in sorted(row):  # sklearn sorts a row by first appearance, then renumbers alphabetically
            indices.append(j)
            counts.append(row[j])
        indptr.append(len(indices))
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    alphabetical = np.empty(len(vocabulary), dtype=np.int32)
    for new, (_, old) in enumerate(sorted(vocabulary.items())):
        alphabetical[old] = new
    cols = alphabetical.take(np.asarray(indices, dtype=np.int32))
    ptr = np.asarray(indptr, dtype=np.int32)
    data = np.asarray(counts, dtype=np.float64)
    n_docs = len(texts)
    df = np.bincount(cols, minlength=len(vocabulary)).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, out=data)
    data += 1.0
    data *= idf[cols]
    _normalize_rows(data, ptr)
    return sparse.csr_matrix((data, cols, ptr), shape=(n_docs, len(vocabulary)))


def _normalize_rows(data: np.ndarray, ptr: np.ndarray) -> None:
    """Divide each row by its L2 norm in place, summing the squares left to right as sklearn's Cython loop
    does (numpy's pairwise sums could differ in the last bit); empty or all-zero rows stay as they are."""
    lengths = np.diff(ptr)
    sums = np.zeros(len(lengths))
    starts = ptr[:-1]
    for k in range(int(lengths.max(initial=0))):
        rows = np.flatnonzero(lengths > k)
        x = data[starts[rows] + k]
        sums[rows] += x * x
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0
    data /= np.repeat(norms, lengths)


MIN_CACHED = 2000  # texts; a smaller bank's matrix is computed faster than it is hashed and read back


def cached_tfidf_matrix(texts: list[str]) -> sparse.csr_matrix:
    """tfidf_matrix(texts), kept in the user cache (quizgen.cache) under a hash of the texts themselves."""
    from .. import cache

    if len(texts) < MIN_CACHED or not cache.enabled():
        return tfidf_matrix(texts)
    name = cache.key("tfidf", texts)
    arrays = cache.load(name)
    matrix = _from_arrays(arrays, len(texts)) if arrays is not None else None
    if matrix is None:
        matrix = tfidf_matrix(texts)
        shape = np.asarray(matrix.shape, dtype=np.int64)
        cache.store(name, {"data": matrix.data, "indices": matrix.indices, "indptr": matrix.indptr, "shape": shape})
    return matrix


def _from_arrays(a: dict, rows: int) -> sparse.csr_matrix | None:
    """A matrix from a cache entry whose arrays have the types and structure of a CSR matrix of `rows` rows
    (its checksum was already verified); None otherwise."""
    try:
        data, indices, indptr, shape = a["data"], a["indices"], a["indptr"], a["shape"]
    except KeyError:
        return None
    types = (data.dtype, indices.dtype, indptr.dtype, shape.dtype)
    if types != (np.float64, np.int32, np.int32, np.int64) or shape.shape != (2,) or int(shape[0]) != rows:
        return None
    if indptr.shape != (rows + 1,) or indptr[0] != 0 or indptr[-1] != len(data) or len(indices) != len(data):
        return None
    if np.any(np.diff(indptr) < 0) or (len(indices) and (indices.min() < 0 or indices.max() >= shape[1])):
        return None
    return sparse.csr_matrix((data, indices, indptr), shape=(rows, int(shape[1])))
