"""Stems come from PyStemmer (Snowball compiled from C) when it is installed, as snowballstemmer arranges: they
must be the stems snowballstemmer's own Python stemmers give, or the same bank and seed would give other items."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

import pytest
import wordfreq

from quizgen import load_bank
from quizgen.text.language import LANGUAGES, English, _stemmer

BANKS = Path(__file__).resolve().parent / "data" / "banks"
SNOWBALL = {"en": "english", **{code: cls.snowball for code, cls in LANGUAGES.items() if code != "en"}}


def _python_stemmer(name: str):
    """snowballstemmer's pure-Python stemmer of one language (what it uses without PyStemmer)."""
    module = importlib.import_module(f"snowballstemmer.{name}_stemmer")
    return next(getattr(module, a) for a in dir(module) if a.endswith("Stemmer") and a != "BaseStemmer")()


@lru_cache(maxsize=1)
def _bank_words() -> set[str]:
    banks = [load_bank(), *(load_bank(p) for p in sorted(BANKS.iterdir()) if p.is_dir())]
    text = " ".join(f"{t.name} {t.definition}" for b in banks for t in b.topics)
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text)}


def test_quizgen_stems_with_the_compiled_stemmers():
    import Stemmer  # (a dependency: a 5-question exam spent 0.1 s stemming in Python)

    assert isinstance(_stemmer("english"), Stemmer.Stemmer)


@pytest.mark.parametrize("code", sorted(SNOWBALL))
def test_compiled_stems_are_snowballstemmers(code):
    name = SNOWBALL[code]
    words = _bank_words() | set(wordfreq.top_n_list(code, 5000))
    ours, python = _stemmer(name), _python_stemmer(name)
    assert {w: ours.stemWord(w) for w in words} == {w: python.stemWord(w) for w in words}
    if code == "en":
        assert English.stem("Pleadings") == python.stemWord("pleadings")
