"""The latent space of small banks (dense eigendecomposition) is the one ARPACK's svds gives larger banks:
the same cosines between topics and the same order of lures."""

from __future__ import annotations

import numpy as np
import pytest

from quizgen import load_bank
from quizgen.distractors import DistractorIndex
from quizgen.text import latent


def cosines(z: np.ndarray) -> np.ndarray:
    z = np.round(z, 9)
    norms = np.linalg.norm(z, axis=1, keepdims=True)
    norms[norms == 0] = 1
    z = z / norms
    return np.round(z @ z.T, 9)


@pytest.mark.parametrize("bank", [None, "tests/data/banks/chemistry", "tests/data/banks/quimica"])
def test_dense_and_arpack_spaces_agree(bank, monkeypatch):
    x = DistractorIndex(load_bank(bank)).matrix
    k = min(60, x.shape[0] // 4)
    dense = latent.latent_rows(x, k)
    monkeypatch.setattr(latent, "DENSE_UP_TO", 0)
    arpack = latent.latent_rows(x, k)
    assert dense.shape == arpack.shape == (x.shape[0], k)
    assert np.allclose(np.abs(dense), np.abs(arpack), atol=1e-7)  # columns equal up to their sign
    a, b = cosines(dense), cosines(arpack)
    assert np.abs(a - b).max() <= 2e-9
    for i in range(len(a)):  # every topic's lures in the same order
        assert np.array_equal(np.argsort(-a[i], kind="stable"), np.argsort(-b[i], kind="stable"))
