"""A bank's latent space (LSA): the rows U·Σ of the truncated SVD of its TF-IDF matrix."""

from __future__ import annotations

import math

import numpy as np

from .sparserows import SparseRows

DENSE_UP_TO = 700  # rows; up to here the whole eigendecomposition of the rows' Gram matrix is faster than ARPACK


def latent_rows(x: SparseRows, k: int) -> np.ndarray:
    """U·Σ of the k largest singular values of sparse x (columns by ascending singular value, as scipy's svds
    gives them; a column's sign is arbitrary, which cosines between rows do not see). Small matrices take
    the dense eigendecomposition of x·xᵀ (σ² and U), which also spares importing scipy."""
    if x.shape[0] <= DENSE_UP_TO:
        w, v = np.linalg.eigh(x.gram())
        return v[:, -k:] * np.sqrt(np.maximum(w[-k:], 0.0))
    from scipy.sparse.linalg import svds

    start = np.full(min(x.shape), 1 / math.sqrt(min(x.shape)))  # a fixed start: the same space every run
    u, sigma, _ = svds(x.to_scipy(), k=k, v0=start)
    return u * sigma
