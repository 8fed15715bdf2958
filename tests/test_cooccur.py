"""Runs of adjacent stems counted on demand (quizgen/items/cooccur.py) are what counting every pair and triple
of the bank's definitions up front gives."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.items.cloze import _WORD, KeyphrasePicker

BANKS = Path(__file__).resolve().parent / "data" / "banks"


@pytest.mark.parametrize("bank", [None, "law", "quimica"])
def test_counts_are_the_whole_bank_counts(bank):
    topics = (load_bank(BANKS / bank) if bank else load_bank()).topics
    picker = KeyphrasePicker(topics)
    stemmed = [tuple(picker.lang.stem(w) for w in _WORD.findall(t.definition)) for t in topics]
    pairs, triples = Counter(), Counter()
    for stems in stemmed:
        pairs.update(set(zip(stems, stems[1:])))
        triples.update(set(zip(stems, stems[1:], stems[2:])))
    asked = list(pairs)[::7] + list(triples)[::7]
    asked += [(b, a) for a, b in list(pairs)[::11]] + [("zzqx", "the"), ("the", "zzqx"), ("of", "the", "zzqx")]
    for run in asked:
        assert picker._runs.count(*run) == (pairs if len(run) == 2 else triples)[run], run
