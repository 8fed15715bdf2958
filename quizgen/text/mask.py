"""Masking a topic's names in text (every spelling, any case and inflection, never inside math), and sentences."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from ..model import Topic
from .language import language, stems_match
from .math import math_spans
from .mentions import is_acronym

BLANK = "_____"  # where the answer goes
ELIDED = "[…]"  # a word left out because it would give the answer away
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


# endings an inflection or derivation may add to a stem: 'ation', 'ations', 'ance', 'ances', …
_SUFFIXES = frozenset(
    f"{base}{plural}"
    for base in ("ation", "ance", "ence", "ant", "ent", "ing", "ion", "ment", "er")
    for plural in ("", "s")
) | {"ities", "ity", "ness", "ed", "es", "s", "al"}
_LONGEST_SUFFIX = max(map(len, _SUFFIXES))


@lru_cache(maxsize=1 << 16)
def _unsuffixed(word: str) -> str:
    """The word less its longest ending from _SUFFIXES (the leftmost place where an ending reaches the end)."""
    for start in range(len(word) - _LONGEST_SUFFIX if len(word) > _LONGEST_SUFFIX else 0, len(word)):
        if word[start:] in _SUFFIXES:
            return word[:start]
    return word


_TOKEN = re.compile(r"[^\W_]+")
_JOINER = re.compile(r"[ \-\u2010\u2013\u00a0]*")  # what may stand between the words of one name
_POSSESSIVE = ("'s", "’s")
# '_____ (_____)' and '_____-_____' are one blank, not two
_COLLAPSE = re.compile(r"\x02(?:\s*\(\s*\x02\s*\)|[ \-\u2010\u2013]+\x02)+")


@lru_cache(maxsize=1 << 18)
def _word_tests(spelling: str, lang: str = "en") -> tuple[tuple[str, str], ...]:
    """How each word of a spelling is recognised: ('exact', w) case-sensitive for acronyms,
    ('stem', s) for long words and their inflections, ('word', w) for short words (plural allowed);
    in other languages ('snow:<code>', s) by the language's stemmer (plural and gender: 'catalizadoras').
    Words interned: a big bank keeps a few hundred thousand."""
    acronym = is_acronym(spelling)
    tests = []
    for w in _TOKEN.findall(spelling):
        if acronym:
            tests.append(("exact", sys.intern(w)))
        elif lang != "en" and len(w) >= 4 and w.isalpha():
            tests.append((f"snow:{lang}", language(lang).stem(w)))
        elif len(w) >= 6 and w.isalpha() and len(root := _unsuffixed(w.lower())) >= 4:
            tests.append(("stem", sys.intern(root)))
        else:
            tests.append(("word", sys.intern(w.casefold())))
    return tuple(tests)


def _word_matches(test: tuple[str, str], token: str) -> bool:
    kind, w = test
    if kind == "exact":
        return token == w or token == w.upper()
    t = token.casefold()
    if kind == "stem":
        return t.startswith(w)
    if kind.startswith("snow:"):
        return len(t) >= 3 and stems_match(language(kind[5:]).stem(t), w)
    return t == w or t == w + "s" or t == w + "es" or kind == "word" and len(w) >= 3 and t == w + "x"


def _match_end(text: str, tokens, i: int, words) -> int | None:
    """Where a spelling's word tests, matched from token i on, end in the text (a possessive 's included);
    None when they do not match there."""
    n = len(words)
    if i + n > len(tokens) or not all(_word_matches(words[j], tokens[i + j][2]) for j in range(n)):
        return None
    if any(not _JOINER.fullmatch(text[tokens[i + j][1] : tokens[i + j + 1][0]]) for j in range(n - 1)):
        return None
    end = tokens[i + n - 1][1]
    return end + 2 if text.startswith(_POSSESSIVE, end) else end


def _spans(
    text: str, spellings: tuple[str, ...], lang: str = "en", only: frozenset[int] | None = None
) -> list[tuple[int, int]]:
    """Where any spelling occurs: leftmost first, the longest spelling winning at each place. `only`: the
    indexes of the spellings to look for (the others are passed over as if absent)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    matcher = _matcher(spellings, _rules(lang))
    tests = matcher[0]
    out, i = [], 0
    while i < len(tokens):
        start = tokens[i][0]
        if start > 0 and text[start - 1] == "\\":  # a LaTeX command such as \alpha
            i += 1
            continue
        for k in _first_word(matcher, tokens[i][2]):
            if only is not None and k not in only:
                continue
            end = _match_end(text, tokens, i, tests[k])
            if end is None:
                continue
            out.append((start, end))
            i += len(tests[k])
            break
        else:
            i += 1
    return out


@lru_cache(maxsize=1 << 13)
def _matcher(spellings: tuple[str, ...], rules: str) -> tuple:
    """Each spelling's word tests, and what `_first_word` looks a token up in. Tuples, strings and a dict of
    them, no closure: the garbage collector stops walking them (a big bank keeps thousands of matchers)."""
    tests = tuple(_word_tests(s, rules) for s in spellings)
    keyed: dict[str, list[int]] = {}  # exact tokens; case-folded ones after a tab; stems after a vertical tab
    always: list[int] = []  # tests with no key (another language's stemmer)
    for k, words in enumerate(tests):
        if not words:
            continue
        kind, w = words[0]
        if kind == "exact":
            keys = {w, w.upper()}
        elif kind == "stem":
            keys = {"\v" + w}
        elif kind.startswith("snow:"):
            always.append(k)
            continue
        else:
            keys = {"\t" + w, "\t" + w + "s", "\t" + w + "es"} | ({"\t" + w + "x"} if len(w) >= 3 else set())
        for key in keys:
            keyed.setdefault(key, []).append(k)
    lengths = sorted({len(w) for words in tests if words and words[0][0] == "stem" for w in [words[0][1]]})
    return tests, {key: tuple(ks) for key, ks in keyed.items()}, tuple(always), tuple(lengths)


def _first_word(matcher: tuple, token: str) -> list[int]:
    """In order, the spellings whose first word may match the token: every one `_word_matches` accepts, found
    by look-ups instead of by trying each spelling in turn."""
    _, keyed, always, lengths = matcher
    t = token.casefold()
    found = [*always, *keyed.get(token, ()), *keyed.get("\t" + t, ())]
    for n in lengths:
        if n > len(t):
            break
        found += keyed.get("\v" + t[:n], ())
    return sorted(set(found)) if len(found) > 1 else found


def _rules(lang: str) -> str:
    """The code whose masking rules apply: 'en' for English ('en-GB' too), else the primary subtag."""
    return lang.split("-")[0].casefold() or "en"


def mask(text: str, spellings: tuple[str, ...], blank: str = BLANK, lang: str = "en") -> str:
    """Replace each spelling (any case, hyphen/space, plural and inflected variants) with a blank, outside math."""
    if not spellings:
        return text
    out, pos = [], 0
    for start, end in [*math_spans(text), (len(text), len(text))]:
        out.append(_mask_plain(text[pos:start], spellings, lang))
        out.append(text[start:end])
        pos = end
    return "".join(out).replace("\x02", blank)


def _mask_plain(text: str, spellings: tuple[str, ...], lang: str = "en") -> str:
    pieces, pos = [], 0
    for start, end in _spans(text, spellings, lang):
        pieces.append(text[pos:start])
        pieces.append("\x02")
        pos = end
    pieces.append(text[pos:])
    # a name and its parenthetical acronym both masked: '_____ (_____)' -> '_____'
    return _COLLAPSE.sub("\x02", "".join(pieces))


def mask_topic(text: str, topic: Topic, blank: str = BLANK) -> str:
    return mask(text, mask_spellings(topic), blank, topic.language)


def sentences(text: str) -> list[str]:
    """Split into sentences without breaking math spans or abbreviations such as 'et al.'."""
    return list(_sentences(text))  # (a list of its own: a caller may change it)


@lru_cache(maxsize=1 << 16)
def _sentences(text: str) -> tuple[str, ...]:
    protected = text
    for start, end in reversed(math_spans(text)):
        protected = protected[:start] + protected[start:end].replace(".", "\x01") + protected[end:]
    for abbr in _ABBREVIATIONS:
        protected = protected.replace(abbr, abbr.replace(".", "\x01"))
    # initials and dotted abbreviations ('U.S.', 'J. Smith', 'No. 5', 'Plessy v. Ferguson') do not end a sentence
    protected = re.sub(r"\b([A-Z]|No|Nos|St|Mr|Mrs|Ms|Dr|Jr|Sr|v)\.", lambda m: m.group(1) + "\x01", protected)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\\(“\"‘'_])", protected)
    return tuple(p.replace("\x01", ".").strip() for p in parts if p.strip())
