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

from .sparserows import SparseRows

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


def tfidf_matrix(texts: list[str]) -> SparseRows:
    """L2-normalised, sublinear TF-IDF rows with smoothed idf; ValueError when no text has a feature.

    Features are unigrams then bigrams of each text's tokens (stop words removed first), numbered as
    sklearn numbers them: by first appearance to order a row, then alphabetically for the columns. A bigram
    is handled as a pair of word ids (never as a string): 'a b' sorts as (a, b) does because every token
    character sorts after the space, and a word before every bigram that starts with it."""
    words, ids, doc = _word_ids(texts)
    if not words:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    n_docs, n_words = len(texts), len(words)
    pair = np.flatnonzero(doc[:-1] == doc[1:])  # token k and k+1 of one text
    codes, at_word, at_pair, row_length = _in_row_order(ids, doc, pair, n_words, n_docs)
    unique, first, inverse = _unique_features(codes, ids, at_word, at_pair, n_words)
    n_features = len(unique)
    appearance = np.empty(n_features, np.int64)
    appearance[np.argsort(first)] = np.arange(n_features)  # (first occurrences are distinct)
    keys, counts = _counts(np.repeat(np.arange(n_docs, dtype=np.int64), row_length) * n_features + appearance[inverse])
    ptr = np.zeros(n_docs + 1, dtype=np.int32)
    np.cumsum(np.bincount(keys // n_features, minlength=n_docs), out=ptr[1:])
    rank = np.empty(n_words, np.int64)  # a word's place in alphabetical order
    rank[[words[w] for w in sorted(words)]] = np.arange(n_words)
    is_word = unique < n_words
    bigram = np.where(is_word, 0, unique - n_words)
    major = np.where(is_word, rank[np.minimum(unique, n_words - 1)], rank[bigram // n_words])
    minor = np.where(is_word, -1, rank[bigram % n_words])
    alphabetical = np.empty(n_features, np.int32)
    alphabetical[_argsort_distinct(major, minor)] = np.arange(n_features, dtype=np.int32)
    by_appearance = np.empty(n_features, np.int32)  # appearance number -> column
    by_appearance[appearance] = alphabetical
    cols = by_appearance[keys % n_features]
    data = counts.astype(np.float64)
    df = np.bincount(cols, minlength=n_features).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, out=data)
    data += 1.0
    data *= idf[cols]
    _normalize_rows(data, ptr)
    return SparseRows(data, cols, ptr, (n_docs, n_features))


_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(1, 128)) if not (c.isalnum() or c == "_")})
_BATCH = 5000  # texts cut at a time (a whole 100,000-topic bank at once held 4 million strings)
_END = "\x00"  # between texts (bank text never holds control characters; other text takes the plain path)


def _word_ids(texts: list[str]) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The vocabulary (non-stop tokens -> id), and the id and text number of every non-stop token in order.
    Tokens are TOKEN's: runs of two or more word characters. Texts are cut a batch at a time — ASCII
    non-word characters become spaces in one translate, a text with other characters is replaced by its
    TOKEN matches — which is the same tokens as TOKEN.findall on each text, at a fraction of the cost.
    (Ids are numbered as words turn up; the matrix does not depend on the numbering.)"""
    stop = english_stop_words()
    lowered = [t.lower() for t in texts]
    if any(_END in t for t in lowered):
        words: dict[str, int] = {}
        rows = [[words.setdefault(w, len(words)) for w in TOKEN.findall(t) if w not in stop] for t in lowered]
        lengths = np.fromiter(map(len, rows), np.int64, len(rows))
        ids = np.fromiter((w for row in rows for w in row), np.int64, int(lengths.sum()))
        return words, ids, np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    words, code = {}, {_END: -2}
    id_parts, doc_parts = [], []
    for first in range(0, len(lowered), _BATCH):
        batch = (t if t.isascii() else " ".join(TOKEN.findall(t)) for t in lowered[first : first + _BATCH])
        tokens = f" {_END} ".join(batch).translate(_NOT_WORD).split()
        for w in sorted(set(tokens) - code.keys()):
            code[w] = -1 if len(w) < 2 or w in stop else words.setdefault(w, len(words))
        raw = np.fromiter(map(code.__getitem__, tokens), np.int64, len(tokens))
        keep = raw >= 0
        id_parts.append(raw[keep])
        doc_parts.append(np.cumsum(raw == -2)[keep] + first)
    return (
        words,
        np.concatenate(id_parts or [np.zeros(0, np.int64)]),
        np.concatenate(doc_parts or [np.zeros(0, np.int64)]),
    )


def _in_row_order(
    ids: np.ndarray, doc: np.ndarray, pair: np.ndarray, n_words: int, n_docs: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every feature occurrence as a code (a word's id; n_words + first · n_words + second for a bigram), laid
    out text by text — a text's unigrams in order, then its bigrams in order — with where each word and each
    pair went and each text's length. `doc` never decreases, so the places are counted, not sorted."""
    words_in = np.bincount(doc, minlength=n_docs)
    pairs_in = np.bincount(doc[pair], minlength=n_docs)
    row_length = words_in + pairs_in
    row_start = np.cumsum(row_length) - row_length
    word_start, pair_start = np.cumsum(words_in) - words_in, np.cumsum(pairs_in) - pairs_in
    at_word = row_start[doc] + np.arange(len(ids)) - word_start[doc]
    pair_doc = doc[pair]
    at_pair = row_start[pair_doc] + words_in[pair_doc] + np.arange(len(pair)) - pair_start[pair_doc]
    codes = np.empty(len(ids) + len(pair), np.int64)
    codes[at_word] = ids
    codes[at_pair] = n_words + ids[pair] * n_words + ids[pair + 1]
    return codes, at_word, at_pair, row_length


def _unique_features(
    codes: np.ndarray, ids: np.ndarray, at_word: np.ndarray, at_pair: np.ndarray, n_words: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(codes, return_index=True, return_inverse=True), words and bigrams apart: every word id below
    n_words occurs, so the words' part is counted, and only the bigrams are sorted."""
    first_word = np.full(n_words, len(ids), np.int64)
    np.minimum.at(first_word, ids, np.arange(len(ids)))
    pairs, first_pair, pair_inverse = _unique_first(codes[at_pair])
    inverse = np.empty(len(codes), np.int64)
    inverse[at_word] = ids
    inverse[at_pair] = n_words + pair_inverse
    unique = np.concatenate([np.arange(n_words, dtype=np.int64), pairs])
    return unique, np.concatenate([at_word[first_word], at_pair[first_pair]]), inverse


def _counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(keys, return_counts=True) for keys already nearly in order (text by text): a stable sort
    finds the runs, many times faster there than np.unique's quicksort."""
    ordered = np.sort(keys, kind="stable")
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    return ordered[starts], np.diff(np.append(starts, len(ordered)))


def _argsort_distinct(*keys: np.ndarray) -> np.ndarray:
    """np.lexsort(keys[::-1]) — first key most significant — for keys whose combinations are all distinct:
    one integer key sorted by numpy's quicksort, many times faster than lexsort's stable sort on millions."""
    combined = np.zeros(len(keys[0]), np.int64)
    room = 1
    for k in reversed(keys):
        low, span = (int(k.min()), int(k.max()) - int(k.min()) + 1) if len(k) else (0, 1)
        if room > np.iinfo(np.int64).max // span:
            return np.lexsort(keys[::-1])
        combined += (k.astype(np.int64) - low) * room
        room *= span
    return np.argsort(combined)


def _unique_first(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(codes, return_index=True, return_inverse=True) for non-negative codes, with the position
    folded into the key (code · n + position, all distinct) so that a quicksort gives what the stable
    merge sort np.unique needs for first occurrences gives."""
    n = len(codes)
    if not n or int(codes.max()) >= np.iinfo(np.int64).max // n:
        return np.unique(codes, return_index=True, return_inverse=True)
    ordered, position = np.divmod(np.sort(codes * n + np.arange(n)), n)
    starts = np.empty(n, bool)
    starts[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    inverse = np.empty(n, np.intp)
    inverse[position] = np.cumsum(starts) - 1
    return ordered[starts], position[starts], inverse


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


def cached_tfidf_matrix(texts: list[str]) -> SparseRows:
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


def _from_arrays(a: dict, rows: int) -> SparseRows | None:
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
    return SparseRows(data, indices, indptr, (rows, int(shape[1])))
