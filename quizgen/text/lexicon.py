"""lemminflect's lemma lookups and wordfreq's English frequencies, answering exactly as the libraries do, without
their start-up cost: lemminflect parses all 80,000 lines of its lemma table before the first answer (~0.2 s)
and importing wordfreq costs ~0.1 s (langcodes, ftfy, regex) — more than a 5-question exam needs for the
hundred-odd words it asks about. tests/test_lexicon.py compares every answer with the libraries' own."""

from __future__ import annotations

import gzip
import math
import re
import zlib
from bisect import bisect_left
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


class _LemmaTable:
    """lemminflect's lemma table (word -> {upos: lemma spellings}, as LemmaLUCodec.load builds it), read on
    demand: the file's lines are sorted once (by index) and each asked word is found by bisection."""

    def __init__(self, path: str):
        with open(path, "rb") as f:
            self._lines = tuple(gzip.decompress(f.read()).decode().split("\n"))
        # (tuples of strings and of ints: the garbage collector stops walking them)
        self._order = tuple(sorted(range(len(self._lines)), key=self._lines.__getitem__))

    def get(self, word: str, default=None):
        entry = self._entry(word)
        return default if entry is None else entry

    @lru_cache(maxsize=1 << 16)
    def _entry(self, word: str) -> dict[str, tuple[str, ...]] | None:
        prefix = word + ","
        lines, order = self._lines, self._order
        at = bisect_left(order, prefix, key=lines.__getitem__)
        found = []
        while at < len(order) and lines[order[at]].startswith(prefix):
            found.append(order[at])
            at += 1
        if not found:
            return None
        entry: dict[str, tuple[str, ...]] = {}
        for i in sorted(found):  # in the file's order, as the loader fills its dict
            _, category, forms = lines[i].strip().split(",")
            upos = category.upper()
            entry["AUX" if upos == "MODAL" else upos] = tuple(forms.split("/"))
        return entry


def _lemmatizer():
    """lemminflect's Lemmatizer (a singleton) with the on-demand table in place of the one it would load."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    path = getattr(lemmatizer, "lemma_lu_fn", None)  # (another lemminflect: left to load its own table)
    if not hasattr(lemmatizer, "lemma_dict") and path and hasattr(Lemmatizer, "_getLemmaDict"):
        lemmatizer.lemma_dict = _LemmaTable(path)
    return lemmatizer


def getAllLemmas(word: str, upos: str | None = None) -> dict:  # noqa: N802 (lemminflect's name)
    """lemminflect.getAllLemmas. For every part of speech (upos None) its steps are taken here with shallow
    copies of the tables' entries where it deep-copies them: the entries hold strings and tuples or lists of
    strings, which its last step replaces by new tuples, so the answer is the same."""
    lemmatizer = _lemmatizer()
    if upos is not None or not hasattr(lemmatizer, "_getOverridesDict"):
        return lemmatizer.getAllLemmas(word, upos)
    from lemminflect.core.LexicalUtils import applyCapsStyleToDict, getCapsStyle

    lower = word.lower()
    lemmas = dict(lemmatizer._getLemmaDict().get(lower, {}))
    lemmas.update(lemmatizer._getOverridesDict().get(lower, {}))
    return applyCapsStyleToDict(lemmas, getCapsStyle(word))


def lemma_categories(word: str) -> frozenset[str]:
    """The parts of speech (keys) of lemminflect.getAllLemmas(word), without the copies it makes of its tables'
    entries (two deep copies a word, the bulk of a big bank's look-ups)."""
    lemmatizer = _lemmatizer()
    if not hasattr(lemmatizer, "_getOverridesDict"):  # (another lemminflect: asked the usual way)
        return frozenset(lemmatizer.getAllLemmas(word))
    lower = word.lower()
    return frozenset([*lemmatizer._getLemmaDict().get(lower, {}), *lemmatizer._getOverridesDict().get(lower, {})])


def getAllLemmasOOV(word: str, upos: str) -> dict:  # noqa: N802
    """lemminflect.getAllLemmasOOV."""
    return _lemmatizer().getAllLemmasOOV(word, upos)


_PLAIN_EN = re.compile(r"[a-z]+")  # words wordfreq's English tokenizer keeps whole and unchanged


def zipf_frequency(word: str, lang: str) -> float:
    """wordfreq.zipf_frequency(word, lang); plain lower-case English words are looked up in wordfreq's
    English list directly, anything else goes to wordfreq itself."""
    if lang == "en" and _PLAIN_EN.fullmatch(word) and _english_buckets() is not None:
        return _english_zipf(word, _english_buckets())
    from wordfreq import zipf_frequency as wordfreq_zipf

    return wordfreq_zipf(word, lang)


def _english_zipf(word: str, centibels: list[frozenset[str]]) -> float:
    """wordfreq's arithmetic for one token of its 'best' English list, step for step."""
    minimum = 10**0 / 1e9  # zipf_to_freq(0)
    # the loader's dict keeps a word's last step
    index = next((i for i in range(len(centibels) - 1, -1, -1) if word in centibels[i]), None)
    if index is None:
        freq = minimum
    else:
        freq = 1.0 / (1.0 / 10 ** (-index / 100))
        unrounded = max(freq, minimum)
        freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=1)
def _english_buckets() -> list[frozenset[str]] | None:
    """wordfreq's large English list (a gzipped msgpack 'cBpack'): the words of each centibel step; None
    when it is not where and what wordfreq 3 keeps (then wordfreq answers itself)."""
    spec = find_spec("wordfreq")  # its location, without importing it
    folders = list(spec.submodule_search_locations or ()) if spec else []
    try:
        import msgpack

        raw = gzip.decompress(Path(folders[0], "data", "large_en.msgpack.gz").read_bytes())
        data = msgpack.unpackb(raw, raw=False, list_hook=lambda x: x if x and isinstance(x[0], dict) else frozenset(x))
    except (ImportError, IndexError, OSError, ValueError, EOFError, zlib.error):
        return None
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    return data[1:]


@lru_cache(maxsize=1)
def _noun_lines() -> dict[str, str]:
    """WordNet 3.0's one-word nouns, as scripts/build_noun_classes.py wrote them: lemma -> its whole row (cut
    into columns only for the lemmas asked: a small exam asks about a few hundred of 57,000)."""
    raw = gzip.decompress(Path(__file__).with_name("noun-classes.tsv.gz").read_bytes()).decode()
    return {line[: line.find("\t")]: line for line in raw.splitlines()}


@lru_cache(maxsize=1 << 16)
def _noun_row(lemma: str) -> tuple[str, ...] | None:
    """A noun's columns after the lemma: classes, "verb" or "-", antonyms, gloss words."""
    line = _noun_lines().get(lemma)
    row = line.split("\t") if line is not None else ()
    return tuple(row[1:]) if len(row) == 5 else None


def noun_classes(lemma: str) -> tuple[str, ...]:
    """The WordNet classes ('person', 'artifact', 'cognition', …) of a noun's first senses, the most
    frequent first; empty for a word WordNet lacks or that is mostly used as a verb ('combine', 'exploit')."""
    row = _noun_row(lemma)
    return tuple(row[0].split()) if row and row[1] != "verb" else ()


def mostly_verb(lemma: str) -> bool:
    """A noun WordNet counts as mostly used as a verb ('remand', 'reverse'; not 'warrant' … as its data has it)."""
    row = _noun_row(lemma)
    return bool(row) and row[1] == "verb"


def noun_gloss(lemma: str) -> frozenset[str]:
    """The words of WordNet's definitions of an everyday noun's first two senses ('imperialism': policy, extending,
    rule, foreign, countries, …); empty for a word too rare for every student to know what it means."""
    row = _noun_row(lemma)
    return frozenset(row[3].split()) if row else frozenset()


def noun_antonyms(lemma: str) -> frozenset[str]:
    """WordNet's antonyms of a noun ('presence': absence)."""
    row = _noun_row(lemma)
    return frozenset(row[2].split()) if row else frozenset()
