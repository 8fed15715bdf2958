"""quizgen.text.sparserows gives bit for bit what scipy.sparse gives for the products item generation takes
(a key against a group, one pair, the Gram matrix of a latent space), and item generation no longer imports
scipy."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from quizgen import load_bank
from quizgen.text.similarity import tfidf_matrix

BANKS = [None, "tests/data/banks/law", "tests/data/banks/quimica", "tests/data/banks/franceterme"]


def matrices(bank):
    rows = tfidf_matrix([f"{t.name}. {t.definition}" for t in load_bank(bank).topics])
    return rows, rows.to_scipy()


@pytest.mark.parametrize("bank", BANKS)
def test_products_are_scipys_bit_for_bit(bank):
    rows, theirs = matrices(bank)
    n = rows.shape[0]
    rng = random.Random(7)
    for _ in range(200):
        key = rng.randrange(n)
        group = [rng.randrange(n) for _ in range(rng.randrange(1, 30))]
        expected = np.asarray((theirs[group] @ theirs[key].T).todense()).ravel()
        assert rows.dots(group, key).tobytes() == expected.tobytes()
        i, j = key, min(n - 1, key + rng.randrange(0, 4))  # neighbours share words; i == j too
        assert np.float64(rows.pair_dot(i, j)).tobytes() == np.float64(theirs[i].multiply(theirs[j]).sum()).tobytes()
    assert rows.gram().tobytes() == (theirs @ theirs.T).toarray().tobytes()


def test_sorted_rows_and_empty_rows():
    from quizgen.text.sparserows import SparseRows

    rng = np.random.default_rng(3)
    data = rng.random(12)
    indices = np.array([0, 3, 5, 9, 1, 4, 3, 0, 5, 2, 8, 9], np.int32)  # row 0 sorted, row 1 not
    indptr = np.array([0, 4, 4, 9, 12], np.int32)  # row 1 empty
    rows = SparseRows(data, indices, indptr, (4, 10))
    theirs = rows.to_scipy()
    for i in range(4):
        expected = np.asarray((theirs @ theirs[i].T).todense()).ravel()
        assert rows.dots([0, 1, 2, 3], i).tobytes() == expected.tobytes()
        for j in range(4):
            assert rows.pair_dot(i, j) == float(theirs[i].multiply(theirs[j]).sum())
    assert rows.gram().tobytes() == (theirs @ theirs.T).toarray().tobytes()


def test_item_generation_does_not_import_scipy():
    code = (
        "import sys, random; from quizgen import load_bank; from quizgen.items import ItemGenerator;"
        "ItemGenerator(load_bank()).items('mcq', 5, random.Random(0));"
        "print([m for m in sys.modules if m.split('.')[0] == 'scipy'])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
