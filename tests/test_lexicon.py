"""quizgen.text.lexicon answers exactly as lemminflect and wordfreq do, for every word they know and more."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.core.Lemmatizer import Lemmatizer

from quizgen import load_bank
from quizgen.text import lexicon

BANKS = Path(__file__).resolve().parent / "data" / "banks"


def bank_words() -> list[str]:
    texts = [f"{t.name} {t.definition}" for t in load_bank().topics]
    texts += [
        f"{t.name} {t.definition}" for b in ("chemistry", "law", "statistics") for t in load_bank(BANKS / b).topics
    ]
    words = sorted({w for text in texts for w in re.findall(r"[^\W\d_]+", text)})
    return words + [w.casefold() for w in words] + [w[:i] for w in words for i in (3, 4, 5) if len(w) > i + 2]


def test_lemma_table_holds_what_lemminflects_loader_builds():
    ours = lexicon._LemmaTable(Lemmatizer().lemma_lu_fn)
    theirs = LemmaLUCodec.load(Lemmatizer().lemma_lu_fn)
    for word, entry in theirs.items():
        got = ours.get(word)
        assert got == entry and list(got) == list(entry), word
    assert ours.get("qzxv-not-a-word", {}) == {}


@pytest.mark.parametrize("upos", [None, "NOUN", "VERB"])
def test_lemmas_of_bank_words_are_lemminflects(upos):
    own = object.__new__(Lemmatizer)  # not the shared singleton, whose table lexicon replaces: its own load
    own.__init__()
    for w in bank_words():
        assert lexicon.getAllLemmas(w, upos) == own.getAllLemmas(w, upos), w


def test_english_frequencies_are_wordfreqs():
    words = bank_words() + wordfreq.top_n_list("en", 3000) + ["zzzzqx", "a", "the", "colour", "naïve", "Model", "gpt4"]
    for w in words:
        assert lexicon.zipf_frequency(w, "en") == wordfreq.zipf_frequency(w, "en"), w
    for w in ("la", "modèle", "Entropía"):
        assert lexicon.zipf_frequency(w, "es") == wordfreq.zipf_frequency(w, "es")


def test_a_plain_english_lookup_neither_imports_wordfreq_nor_loads_lemminflects_table():
    probe = (
        "import sys\nfrom quizgen.text import lexicon\n"
        "assert lexicon.zipf_frequency('attention', 'en') > 3 and 'NOUN' in lexicon.getAllLemmas('models')\n"
        "from lemminflect.core.Lemmatizer import Lemmatizer\n"
        "print('wordfreq' in sys.modules, type(Lemmatizer().lemma_dict).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "_LemmaTable"]


def test_without_wordfreqs_list_file_wordfreq_answers(monkeypatch):
    monkeypatch.setattr(lexicon, "find_spec", lambda name: None)
    lexicon._english_buckets.cache_clear()
    try:
        assert lexicon._english_buckets() is None
        assert lexicon.zipf_frequency("attention", "en") == wordfreq.zipf_frequency("attention", "en")
    finally:
        lexicon._english_buckets.cache_clear()


def test_lemma_categories_are_the_keys_lemminflect_gives():
    theirs = Lemmatizer()
    for word in bank_words() + ["Don't", "ain't", "better", "was", "Ran"]:
        assert lexicon.lemma_categories(word) == frozenset(theirs.getAllLemmas(word)), word


def test_noun_rows_are_the_file_s_columns_cut_on_demand():
    import gzip

    raw = gzip.decompress(Path(lexicon.__file__).with_name("noun-classes.tsv.gz").read_bytes()).decode()
    rows = [line.split("\t") for line in raw.splitlines()]
    assert len(rows) > 50_000 and all(len(r) == 5 for r in rows)
    assert all(lexicon._noun_row(r[0]) == tuple(r[1:]) for r in rows)
    assert lexicon._noun_row("no-such-noun-here") is None and lexicon.noun_classes("no-such-noun-here") == ()
