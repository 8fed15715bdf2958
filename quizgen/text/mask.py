"""Masking a topic's names in text, and shortening definitions to comparable statements."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Topic
from .math import math_spans
from .mentions import is_acronym

BLANK = "_____"
_PART_SPLIT = re.compile(r"\s+(?:/|&|and|vs\.?)\s+|:\s+")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "cf.", "etc.", "approx.", "Fig.", "Eq.", "resp.")


@lru_cache(maxsize=1 << 16)
def mask_spellings(topic: Topic) -> tuple[str, ...]:
    """Every spelling to hide for this topic: its names plus the parts of compound names
    ('State Space Models / Mamba' -> 'State Space Models', 'Mamba'), longest first."""
    found = dict.fromkeys(topic.names)
    for name in topic.names:
        words = name.split()
        if len(words) >= 3 and "(" not in name:  # 'Modular Neural Networks' is also 'modular networks'
            for i in range(1, len(words) - 1):
                found.setdefault(" ".join(words[:i] + words[i + 1 :]))
        for part in _PART_SPLIT.split(name):
            part = part.strip(" ()")
            if len(part) >= 3 and part.casefold() not in {"the", "and", "for", "with"}:
                found.setdefault(part)
    return tuple(sorted(found, key=len, reverse=True))


_SUFFIX = re.compile(r"(?:ations?|ances?|ences?|ants?|ents?|ings?|ions?|ities|ity|ness|ments?|ers?|ed|es|s|al)$")


def _word(w: str) -> str:
    """A word and its inflections: 'Invariance' also matches 'invariant', 'Monitorability' 'monitorable'."""
    if len(w) >= 6 and w.isalpha():
        stem = _SUFFIX.sub("", w.lower())
        if len(stem) >= 4:
            return re.escape(stem) + r"\w*"
    return re.escape(w)


@lru_cache(maxsize=65536)
def _pattern(spelling: str) -> re.Pattern:
    words = [w for w in re.split(r"[\s\-‐–]+", spelling) if w]
    if is_acronym(spelling):
        body = r"[\s\-‐–]*".join(re.escape(w) for w in words)
    else:
        body = r"[\s\-‐–]*".join(_word(w) for w in words)
    flags = 0 if is_acronym(spelling) else re.IGNORECASE
    if is_acronym(spelling):  # exact case, or all capitals: 'MoE', 'MOE'
        body = f"(?:{body}|{re.escape(spelling.upper())})"
    return re.compile(rf"(?<![\w\\]){body}(?:e?s|'s|’s)?(?!\w)", flags)


def mask(text: str, spellings: tuple[str, ...], blank: str = BLANK) -> str:
    """Replace each spelling (any case, hyphen/space and plural variants) with a blank, outside math."""
    spans = math_spans(text)
    out, pos = [], 0
    for start, end in [*spans, (len(text), len(text))]:
        out.append(_mask_plain(text[pos:start], spellings, blank))
        out.append(text[start:end])
        pos = end
    return "".join(out)


def _mask_plain(text: str, spellings: tuple[str, ...], blank: str) -> str:
    for s in spellings:
        text = _pattern(s).sub(blank, text)
    # a name and its parenthetical acronym both masked: '_____ (_____)' -> '_____'
    return re.sub(rf"{re.escape(blank)}\s*\(\s*{re.escape(blank)}\s*\)", blank, text)


def mask_topic(text: str, topic: Topic, blank: str = BLANK) -> str:
    return mask(text, mask_spellings(topic), blank)


def contains_spelling(text: str, topic: Topic) -> bool:
    """True when any spelling of the topic appears in the text outside math."""
    return mask_topic(text, topic, "\x00") != text


def sentences(text: str) -> list[str]:
    """Split into sentences without breaking math spans or abbreviations such as 'et al.'."""
    protected = text
    for i, (start, end) in enumerate(reversed(math_spans(text))):
        protected = protected[:start] + protected[start:end].replace(".", "\x01") + protected[end:]
    for abbr in _ABBREVIATIONS:
        protected = protected.replace(abbr, abbr.replace(".", "\x01"))
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\\(“\"‘'_])", protected)
    return [p.replace("\x01", ".").strip() for p in parts if p.strip()]


def short_statement(text: str, min_words: int = 12) -> str:
    """The first sentence, or the first two when the first is too short to stand alone."""
    parts = sentences(text)
    if not parts:
        return text
    out = parts[0]
    if len(out.split()) < min_words and len(parts) > 1:
        out = f"{out} {parts[1]}"
    return out


_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    "the and for with from into over under that this than then are was were has have its their via per "
    "not all any each one two three vs".split()
)


def name_words(topic: Topic) -> frozenset[str]:
    """Case-folded content words of a topic's names: what a test-wise student matches between stem and option."""
    words = set()
    for spelling in mask_spellings(topic):
        if not is_acronym(spelling):
            words |= {w.casefold() for w in _NAME_WORD.findall(spelling) if w.casefold() not in _STOP}
    return frozenset(words)


def mask_words(text: str, words: frozenset[str] | set[str], blank: str = BLANK) -> str:
    """Blank standalone occurrences (and inflections) of single words, outside math."""
    return mask(text, tuple(sorted(words, key=len, reverse=True)), blank)
