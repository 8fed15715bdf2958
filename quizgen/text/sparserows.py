"""A bank's TF-IDF rows as CSR arrays, and the products item generation takes of them, computed with numpy in
the floating-point operations and order scipy.sparse uses — so each similarity is bit for bit scipy's
(tests/test_sparserows.py compares them) — without importing scipy.sparse, which costs a small exam more
(0.1-0.2 s) than drawing its items. Other uses (lint's near-duplicate scan, group centroids, ARPACK) take
`to_scipy()`."""

from __future__ import annotations

import numpy as np


class SparseRows:
    """Rows of a sparse matrix: scipy's CSR arrays (a row's entries in stored order, not necessarily sorted)."""

    __slots__ = ("data", "indices", "indptr", "shape")

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, shape: tuple[int, int]):
        self.data, self.indices, self.indptr, self.shape = data, indices, indptr, (int(shape[0]), int(shape[1]))

    def to_scipy(self):
        from scipy import sparse

        return sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        start, end = self.indptr[i], self.indptr[i + 1]
        return self.indices[start:end], self.data[start:end]

    def dots(self, rows: list[int], key: int) -> np.ndarray:
        """(m[rows] @ m[key].T) as a flat array. scipy's csr_matmat adds each row's products up one by one in the
        row's stored order, starting from 0; a product with a column the key lacks adds +0.0, which changes no
        sum of non-negative terms."""
        out = np.zeros(len(rows))
        key_cols, key_vals = self.row(key)
        if not len(rows) or not len(key_cols):
            return out
        order = np.argsort(key_cols)
        key_cols, key_vals = key_cols[order], key_vals[order]
        rows = np.asarray(rows, dtype=np.int64)
        starts = self.indptr[rows].astype(np.int64)
        lengths = self.indptr[rows + 1] - starts
        width = int(lengths.max())
        if not width:
            return out
        inside = np.arange(width)[:, None] < lengths[None, :]  # (the k-th entries of all rows, k = 0, 1, …)
        flat = (starts[None, :] + np.arange(width)[:, None])[inside]
        cols = self.indices[flat]
        at = np.minimum(np.searchsorted(key_cols, cols), len(key_cols) - 1)
        block = np.zeros((width, len(rows)))
        block[inside] = np.where(key_cols[at] == cols, self.data[flat] * key_vals[at], 0.0)
        return np.cumsum(block, axis=0)[-1]  # (an accumulation adds in order, one entry after another)

    def pair_dot(self, i: int, j: int) -> float:
        """float(m[i].multiply(m[j]).sum()): scipy's product of two rows holds the non-zero products in column
        order, and its sum is numpy's (pairwise) sum of them."""
        a_cols, a_vals = self.row(i)
        b_cols, b_vals = self.row(j)
        if not len(a_cols) or not len(b_cols):
            return 0.0
        order = np.argsort(a_cols)
        a_cols, a_vals = a_cols[order], a_vals[order]
        order = np.argsort(b_cols)
        b_cols, b_vals = b_cols[order], b_vals[order]
        at = np.minimum(np.searchsorted(b_cols, a_cols), len(b_cols) - 1)
        both = b_cols[at] == a_cols
        products = a_vals[both] * b_vals[at][both]
        products = products[products != 0]
        return float(np.sum(products.reshape(1, -1))) if len(products) else 0.0

    def gram(self) -> np.ndarray:
        """(m @ m.T).toarray(): entry (i, j) sums row i's products with row j one by one in row i's stored
        order (csr_matmat); here all rows advance one stored entry at a time, each adding its entry times the
        whole of its column."""
        n = self.shape[0]
        out = np.zeros((n, n))
        starts = self.indptr[:-1].astype(np.int64)
        lengths = np.diff(self.indptr).astype(np.int64)
        by_column = np.argsort(self.indices, kind="stable")  # each column's entries by row
        column_ptr = np.zeros(self.shape[1] + 1, np.int64)
        np.cumsum(np.bincount(self.indices, minlength=self.shape[1]), out=column_ptr[1:])
        entry_row = np.repeat(np.arange(n), lengths)[by_column]
        entry_val = self.data[by_column]
        for k in range(int(lengths.max(initial=0))):
            rows = np.flatnonzero(lengths > k)
            cols = self.indices[starts[rows] + k]
            vals = self.data[starts[rows] + k]
            sizes = column_ptr[cols + 1] - column_ptr[cols]
            picked = np.repeat(column_ptr[cols] - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
            block = np.zeros((len(rows), n))
            block[np.repeat(np.arange(len(rows)), sizes), entry_row[picked]] = entry_val[picked]
            out[rows] += vals[:, None] * block
        return out
