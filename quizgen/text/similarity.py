"""Text similarity of definitions (TF-IDF cosine), without dense all-pairs matrices."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import tfidf
from .math import plain_text
from .sparserows import SparseRows

if TYPE_CHECKING:
    from scipy import sparse


def tfidf_matrix(texts: list[str]) -> SparseRows:
    """L2-normalised TF-IDF rows (unigrams and bigrams, English stop words removed)."""
    try:
        return tfidf.cached_tfidf_matrix([plain_text(t) for t in texts])
    except ValueError:  # every text was empty or stop words only
        return SparseRows(np.zeros(0), np.zeros(0, np.int32), np.zeros(len(texts) + 1, np.int32), (len(texts), 1))


def similar_pairs(matrix: sparse.csr_matrix, threshold: float, chunk: int = 2000) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for i < j with cosine >= threshold, computed a block of rows at a time."""
    pairs = []
    n = matrix.shape[0]
    for start in range(0, n, chunk):
        block = (matrix[start : start + chunk] @ matrix.T).tocoo()
        for i, j, v in zip(block.row, block.col, block.data, strict=False):
            i = int(i) + start
            if i < j and v >= threshold:
                pairs.append((i, int(j), float(v)))
    return sorted(pairs)


def cosine(matrix: sparse.csr_matrix, i: int, j: int) -> float:
    return float(matrix[i].multiply(matrix[j]).sum())
