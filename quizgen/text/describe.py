"""Descriptions: the sentences of a definition that describe a topic without giving its name away.

A definition is cut into sentences. A sentence is *clean* when no spelling of the topic (any inflection,
inside math too, or glued into a longer token such as 'DINO-style' or 'PixelCNN++') appears in it, and
*slotted* when the only trace is one whole, exact spelling — or a subject pronoun ('It', 'They') opening
the sentence — that can be replaced by a blank, by a pronoun or by another term's name and still read.
A description is one slotted or clean sentence followed by clean ones. Every item type is built from
descriptions, treated the same way for the key and for every wrong option, so no mark points at the key.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from ..model import Topic, _abbreviates
from .language import English, irregular_family, language, stems_match, word_family
from .mask import BLANK, _spans, mask_spellings, sentences
from .math import math_spans
from .memo import per_topic_texts

_TOKEN = re.compile(r"[^\W_]+")
_LEFT_GLUE = re.compile(r"[\w\-–+/.]$")
_RIGHT_GLUE = re.compile(r"^(?:[\-–]\w|\+\+|\w|/\w|\.\w)")
_PART_SPLIT = re.compile(r"\s+(?:/|&|and|vs\.?|versus)\s+")
_MATH_WORD = re.compile(r"(?<!\\)\b[A-Za-z][A-Za-z]+")
MAX_STEM_WORDS = 70
COMPOUND_ZIPF = 4.0  # both halves of a rare closed compound name word at least this common count as its cues
RARE_ZIPF = 2.5
HEAD_ZIPF = 3.5  # a closed compound rarer than this, of two common words, is cued by its head (technical_compound)
EVERYDAY_ZIPF = 5.0  # and by its modifier when the modifier is rarer than this ('wave', not 'work')
FORM_ZIPF = 3.5  # a word built of a combining form rarer than this, its second part at least 0.5 less rare
MIN_WORDS = 4
PARTS = "#parts"  # a name of several things ('CTC Loss & RNN-Transducer'), cued by a text opening 'Two …'
NAMING = r"(?:called|known\s+as|termed|named)"  # the verbs a sentence names something with ('is called the …')
COMPOUND = "~"  # marks a hyphenated compound of a name, matched whole: '~in-group' (see hyphenated)
COUNTED = re.compile(r"\s*(?:Two|Three|Four|Both|A pair of)\b", re.I)
PREFIXES = (
    *("multi", "cross", "inter", "intra", "super", "hyper", "over", "under", "semi", "post", "pre", "sub", "non"),
    *("ultra", "micro", "macro", "mega", "nano"),  # ('Ultracentrifuge' is cued by 'centrifuge', reading 93)
    *("endo", "exo", "ecto"),  # ('Endosymbiotic theory' by 'a symbiotic relationship', reading 96)
    "retro",  # ('a retrovirus' for Human immunodeficiency virus, reading 101)
)
_ALIAS_FRAME = re.compile(r"(?:\bcalled|\bknown as|\balso,?|\bi\.e\.,?|\bor|\baka)\s*$", re.I)
CROSS_REFERENCE = re.compile(r"(?:See|See also|Compare|Compare to|Compare with|Contrast with|Cf\.)\s", re.I)
# 'Latin for "friend of the court."', 'French, meaning "on the bench."': where the name comes from — the one
# foreign option among the lures, and a translation that gives it away
ETYMOLOGY = re.compile(
    r"(?:From\s+)?(?:Latin|French|Law French|Old French|Anglo-French|Greek|German|Italian|Spanish|Arabic)"
    r"\s*,?\s*(?:for|meaning|term for|word for)\b",
    re.I,
)
_REMARK = re.compile(
    r"^\S+\s+(?:is|are|was|were|remains?)\s+(?:(?:a|an|the)\s+)?(?:very\s+|most\s+|particularly\s+)?"
    r"(?:useful|popular|influential|important|powerful|elegant|promising|controversial|debated|well[- ]known"
    r"|interesting|notable|remarkable|surprising|striking)\b"  # ('It is interesting because …', Grokking: reading 162)
    r"|\bremains?\s+(?:debated|controversial|unclear|contested|an open question)\b",
    re.I,
)
# a run of function words written twice, a slip of the source ('the median of the of the lower half')
DOUBLED_WORDS = re.compile(r"\b((?:(?:of|the|a|an|in|to|and|or|is|are|for|on|with|by|from)\s+){1,3})\1", re.I)
_SELF_REFERENCE = re.compile(r"^(?:The|This)\s+(?:term|word|phrase|expression)\b")  # 'The term applies to …'
# what a thing achieved or is aiming at, said of it late in a definition: many of its siblings share the claim
# ('approaches Transformer quality … at a fraction of the compute', 'aims for RNN-like inference cost …',
# 'has produced strong vision backbones but plays a smaller role in the LLM era': blind readings 11-14)
_CLAIM = re.compile(
    r"\bplays?\s+an?\s+(?:\w+\s+)?role\b|\bhas\s+(?:produced|become|enabled|inspired|driven|shaped)\b"
    r"|\b(?:approach|approaches|match|matches|rival|rivals|outperform|outperforms|beat|beats)\b[^.;]*"
    r"\b(?:quality|performance|accuracy|results)\b|\bat\s+a\s+fraction\s+of\b|^\S+\s+aims?\s+(?:for|at)\b",
    re.I,
)
_POINTS_BACK = re.compile(r"\b(?:these|those|such|both|the former|the latter|the same|this (?!is\b))\b", re.I)


_DASHES_AND_SPACE = re.compile(r"[\-\u2010\u2013\s]+")


@lru_cache(maxsize=1 << 16)
def _norm(s: str) -> str:
    return " ".join(_DASHES_AND_SPACE.sub(" ", s.casefold()).split())


@dataclass(frozen=True)
class Part:
    """A thing a name stands for: the whole topic, or one part of a compound name ('Toolformer' in
    'Toolformer & Learned Tool Use'). `answers` are the declared spellings a blank for it accepts."""

    label: str
    answers: tuple[str, ...]
    whole: bool


@lru_cache(maxsize=1 << 16)
def parts(topic: Topic) -> tuple[Part, ...]:
    """The whole topic first, then the parts of a compound name (built with &, /, vs, and, ':')."""
    whole = Part(topic.name, topic.names, True)
    head = topic.short_name.split(": ")[0]  # 'LLaVA: Visual Instruction Tuning' is one thing, subtitled
    pieces = [p.strip(" ()") for p in _PART_SPLIT.split(head)]
    pieces = [p for p in pieces if len(p) >= 2]
    if len(pieces) < 2 or topic.language == "en" and not all(_nominal(p) for p in pieces):
        return (whole,)  # 'Paged vs Block KV Cache': 'Paged' alone names nothing, so the name is one thing
    return (whole, *(Part(p, (p,), False) for p in pieces))


_LIST_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:/|&|and|vs\.?|versus)\s+")


@lru_cache(maxsize=1 << 14)
def whole_names(topic: Topic) -> tuple[str, ...]:
    """The declared spellings that name all of a topic whose name lists several things: not an alias that
    names one of them — a part of a compound name ('CTC' for 'CTC Loss & RNN-Transducer') or an example in
    a parenthetical list ('RealNVP' for 'Normalizing Flows (RealNVP, Glow)'). Parts that spell each other
    ('RetNet / Retention Networks') are one thing, not a list."""
    pieces: list[str] = []
    for listed in (*topic.short_name.split(": "), *re.findall(r"\(([^()]*)\)", topic.name)):
        found = [p.strip() for p in _LIST_SPLIT.split(listed) if len(p.strip()) >= 2]
        if len(found) == 2 and (_abbreviates(*found) or _abbreviates(*found[::-1])):
            continue  # one thing spelled two ways
        pieces += found if len(found) > 1 else []
    if not pieces:
        return topic.names
    whole = {topic.name, topic.short_name, *topic.acronyms}
    return tuple(n for n in topic.names if n in whole or not any(_names_piece(n, p) for p in pieces))


def _names_piece(name: str, piece: str) -> bool:
    wn, wp = ({w.casefold() for w in _TOKEN.findall(x)} for x in (name, piece))
    if not wn or not wp:
        return False
    if wn <= wp or wp <= wn or len(wn & wp) >= 2 or _norm(piece).startswith(_norm(name)):
        return True
    return _abbreviates(name, piece) or any(_abbreviates(w, name) for w in piece.split())


def _nominal(piece: str) -> bool:
    """Can this piece of a name stand alone as a name? Not when it ends in a word that is never a noun."""
    last = piece.split()[-1]
    readings = English.readings(last) if last.isalpha() and not last.isupper() else frozenset()
    return not readings or bool(readings & {"NOUN", "PROPN"}) or last.casefold().endswith("ing")  # 'Stealing'


def is_compound(topic: Topic) -> bool:
    return len(parts(topic)) > 1


@lru_cache(maxsize=1 << 16)
def cue_spellings(topic: Topic) -> tuple[str, ...]:
    """Every spelling whose appearance gives the topic away: its names, their parts, and the members of
    a list in parentheses ('Agent Benchmarks (SWE-bench, GAIA, WebArena)')."""
    found = dict.fromkeys(mask_spellings(topic))
    stop = language(topic.language).stop_words
    for spelling in (topic.short_name, *topic.aliases):  # 'Spectral bias' of 'Spectral Bias of Neural Networks'
        words = spelling.split()
        for n in range(2, len(words)):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if gram[0].casefold() not in stop and gram[-1].casefold() not in stop:
                    found.setdefault(" ".join(gram))
    for inner in re.findall(r"\(([^()]*)\)", topic.name):
        for member in re.split(r",\s*|;\s*", inner):
            member = member.strip()
            if len(member) >= 3:
                found.setdefault(member)
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=1 << 16)
def word_stems(word: str, lang: str = "en") -> frozenset[str]:
    """Stems a word is recognised by: its own, and for a word with digits its leading letters
    ('DINOv2' -> 'dino', 'GPT4' -> 'gpt')."""
    rules = language(lang)
    if word.isalpha():
        return frozenset({rules.stem(word) if len(word) > 2 else word.casefold()})
    if re.fullmatch(r"\d[A-Za-z]", word):
        return frozenset({word.casefold()})  # '3D', '2D': a dimension names a thing as much as a word does
    m = re.match(r"[A-Za-z]{3,}", word)
    return frozenset({rules.stem(m.group())}) if m else frozenset()


@lru_cache(maxsize=1 << 16)
def name_stems(topic: Topic) -> frozenset[str]:
    """Stems of the content words of the topic's displayed name, what a test-wise student matches."""
    words = set()
    for w in _TOKEN.findall(topic.name):
        words.add(w)
        words.update(re.findall(r"[A-Z][a-z]{2,}", w) if re.search(r"[a-z][A-Z]", w) else ())  # PagedAttention
    stop = language(topic.language).stop_words
    # a function word capitalised in the name names the thing ('Or Event', 'AND Event'): a text shouting it ('A OR B')
    # points at it (see mcq.stem_cues)
    shouted = {"#" + w.casefold() for w in words if w.casefold() in stop and w[0].isupper() and len(w) >= 2}
    tokens = _TOKEN.findall(topic.name)
    head = tokens[-1] if topic.language == "en" and len(tokens) > 1 and len(tokens[-1]) >= 4 else ""
    head = head if head.casefold() in stop and "NOUN" in English.readings(head.casefold()) else ""
    # (a function word heading the name is a noun all the same: 'General will' is cued by 'the will of the people')
    words = {w for w in words if (len(w) >= 3 or len(w) == 2 and w.isupper()) and w.casefold() not in stop}
    words |= {head} - {""}
    forms = set()
    if topic.language == "en":
        words |= {p for w in words for p in _compound_parts(w)}  # 'Lookahead' is cued by 'ahead'
        built = [c for w in words if (c := _combining_form(w))]
        forms = {f"{form}-" for form, _ in built}
        words |= {rest for _, rest in built}
    parts_mark = {PARTS} if topic.language == "en" and is_compound(topic) else set()
    joined = set(hyphenated(topic.name)) if topic.language == "en" else set()
    return frozenset({s for w in words for s in word_stems(w, topic.language)} | parts_mark | shouted | forms | joined)


def hyphenated(text: str) -> tuple[str, ...]:
    """Hyphenated compounds a name or text spells whole, as marks ('~in-group', its last word stemmed): a reader
    matches the compound, which a term carrying only one of its words ('Agent group') does not share (reading 103:
    In-group bias)."""
    marks = {}
    for compound in re.findall(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])", text):
        head, last = compound.casefold().rsplit("-", 1)
        marks[f"{COMPOUND}{head}-{English.stem(last)}"] = None
    return tuple(marks)


@lru_cache(maxsize=1 << 16)
def common_halves(word: str, least: int = 4) -> tuple[str, str] | None:
    """The two common words of `least` letters or more a closed compound is made of ('worldview' -> world, view;
    'lookahead' -> look, ahead), the first split that gives two; None for a word that has none ('transformer')."""
    w = word.casefold()
    if not w.isalpha() or len(w) < 2 * least:
        return None
    for i in range(least, len(w) - least + 1):
        head, tail = w[:i], w[i:]
        if English.zipf(head) >= COMPOUND_ZIPF and English.zipf(tail) >= COMPOUND_ZIPF:
            return head, tail
    return None


@lru_cache(maxsize=1 << 16)
def _compound_parts(word: str) -> tuple[str, ...]:
    """The two halves of a rare closed compound ('lookahead' -> look, ahead; 'minibatch' -> mini, batch)
    when both are common words of four letters or more; nothing for a word of its own ('transformer')."""
    w = word.casefold()
    technical = technical_compound(w)
    if technical:  # its head (a toolbar is a bar), and a modifier that is no everyday word ('in a wave' for
        # Wavelength, readings 84, 113 and 115: four items; not 'where you work with data' for Worksheet)
        return technical if English.zipf(technical[0]) < EVERYDAY_ZIPF else technical[1:]
    if not w.isalpha() or len(w) < 8:
        return ()
    halves = common_halves(w)
    if halves and English.zipf(w) < RARE_ZIPF:
        return halves
    prefix = next((p for p in PREFIXES if w.startswith(p) and len(w) - len(p) >= 4), None)
    rest = w[len(prefix) :] if prefix else ""
    if prefix and English.zipf(w) < 3.0 and (English.zipf(rest) >= 3.0 or len(rest) >= 6 and English.zipf(rest) >= 2.5):
        return (rest,)  # 'Multimodal' is cued by 'mixed-modal'; 'Ultracentrifuge' by 'centrifuge'
    return ()


@lru_cache(maxsize=1 << 16)
def technical_compound(word: str) -> tuple[str, str] | None:
    """(modifier, head) of a technical closed compound: two common words of three letters or more, the compound
    rarer than either ('toolbar' -> tool, bar; 'worksheet' -> work, sheet). Its head cues it (a toolbar is a bar: 'bar
    of icons …', reading 106: three items on office software), its modifier when that is no everyday word ('wave' for
    Wavelength), and another such compound of its modifier ('workbook'). Not a compound as common as its halves
    ('database', 'keyboard'), nor a rare one, whose halves both count (_compound_parts)."""
    w = word.casefold()  # (ASCII: a word such as 'cramér' would load wordfreq itself, 37 MB, for no compound)
    if not (w.isascii() and w.isalpha()) or not RARE_ZIPF <= English.zipf(w) < HEAD_ZIPF:
        return None
    return common_halves(w, least=3)


@lru_cache(maxsize=1 << 16)
def _combining_form(word: str) -> tuple[str, str] | None:
    """A rare word made of a Greek or Latin combining form and a common word ('biopsychology' -> bio,
    psychology; 'electronegativity' -> electro, negativity): a text word opening with the same form ('biology',
    'electrons') or showing the word points at it (blind reading 73: 'study of how biology influences behavior'
    for Biopsychology). Stems of names carry the form as 'bio-' (see shares_stem)."""
    w = word.casefold()
    if not w.isalpha() or len(w) < 8 or English.zipf(w) >= FORM_ZIPF:
        return None
    for i in range(3, len(w) - 3):
        if w[i - 1] == "o" and English.zipf(w[i:]) >= FORM_ZIPF - 0.5:
            return w[:i], w[i:]
    return None


@lru_cache(maxsize=1 << 16)
def visible_words(text: str) -> tuple[str, ...]:
    """Content words of a text, math commands left out, for word-level cues (interned: kept per text)."""
    plain = re.sub(r"\\[A-Za-z]+", " ", text)
    plain = re.sub(r"\b(\d)[-\u2010\u2013]([A-Za-z])\b", r"\1\2", plain)  # '3-D' is the '3D' of a name
    return tuple(
        sys.intern(w)
        for w in _TOKEN.findall(plain)
        if (len(w) >= 3 or len(w) == 2 and w.isupper()) and w.casefold() not in English.stop_words
    )


def shown_name_stems(text: str, topic: Topic) -> set[str]:
    """The stems of the topic's name words that the text shows (a blank aside)."""
    return shares_stem(visible_words(text.replace(BLANK, " ")), name_stems(topic), topic.language)


def shares_stem(words, stems: frozenset[str], lang: str = "en") -> set[str]:
    """The stems among `stems` that some word matches (same stem, or one stem extending the other)."""
    if not stems:
        return set()
    if lang != "en":
        return {t for w in words for s in word_stems(w, lang) for t in stems if word_family(s, t)}
    known = _WORD_HITS.get(stems)
    if known is None:
        if len(_WORD_HITS) >= 1 << 14:
            _WORD_HITS.clear()  # (a full cache starts afresh)
        known = _WORD_HITS[stems] = {}
    index = _stem_index(stems)
    every_word = any(t.endswith("-") for t in stems) or bool(_negated(stems))  # (tests no index narrows)
    hit: set[str] = set()
    for w in words:
        found = known.get(w)
        if found is None:
            keys, others = _word_keys(w)
            if every_word or not index.keys().isdisjoint(keys) or not stems.isdisjoint(others):
                found = tuple(_word_hits(w, stems))
            else:
                found = ()  # (most words: no stem shares a key of the index with it)
            known[w] = found
        hit.update(found)
    return hit


@lru_cache(maxsize=1 << 16)
def _word_keys(w: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys of a _stem_index that _word_hits looks an English word up by, and the stems it matches outside
    the index (short stems, irregular families): a word with neither in common with a name matches none of it.
    (Tuples of strings, which the garbage collector stops walking.)"""
    low = w.casefold()
    own = word_stems(w, "en")
    rest = _behind_prefix(low)
    behind = word_stems(rest, "en") if rest else frozenset()
    keys = {low[:4], "^" + low[:3], *(s[:4] for s in own | behind), *("$" + s[-4:] for s in own)}
    keys.update("^" + s[:3] for s in own)
    keys.update("#" + r for r in map(_counted_root, own) if r)
    others = {s for s in own if len(s) < 4}.union(*(irregular_family(s) for s in own))
    return tuple(keys), tuple(others)


def _behind_prefix(low: str) -> str | None:
    """What a case-folded word has behind one of PREFIXES ('retrovirus' -> 'virus'), when four letters or more."""
    prefixed = next((p for p in PREFIXES if low.startswith(p) and len(low) - len(p) >= 4), None)
    return low[len(prefixed) :].lstrip("-") if prefixed else None


# the stems each word matches, by the set of stems asked: a word is matched against one name's stems for many texts
# (dicts of strings and tuples of strings, which the garbage collector does not walk)
_WORD_HITS: dict[frozenset[str], dict[str, tuple[str, ...]]] = {}


def _word_hits(w: str, stems: frozenset[str], lang: str = "en") -> set[str]:
    """The stems among `stems` that one English word matches (shares_stem)."""
    index = _stem_index(stems)
    low = w.casefold()
    hit = {t for t in stems if t.endswith("-") and low.startswith(t[:-1])}  # 'biology' and 'Biopsychology'
    if len(low) >= _SHARED_ROOT:  # 'authority' and 'Authoritarianism': eight letters alike (reading 92)
        hit |= {t for t in index.get(low[:4], ()) if t[:_SHARED_ROOT] == low[:_SHARED_ROOT]}
    rest = _behind_prefix(low)
    if rest:  # a name word behind a prefix: 'a retrovirus' for Human immunodeficiency virus (reading 101)
        for s in word_stems(rest, lang):
            hit |= {t for t in index.get(s[:4], ()) if stems_match(s, t)}
    form = next((p for p in _SCIENTIFIC_FORMS if low.startswith(p) and len(low) > len(p) + 1), None)
    if form:  # one scientific combining form: 'microscope', 'microorganism' and 'Microbe' (readings 96-100)
        hit |= {t for t in index.get("^" + low[:3], ()) if t.startswith(form) and len(t) > len(form)}
    if len(low) >= 7:  # a compound opening on the word: 'bacteria' and 'Bacteriophage' (reading 97)
        hit |= {t for t in index.get(low[:4], ()) if len(t) >= len(low) + 3 and t.startswith(low[:-1])}
    for s in word_stems(w, lang):
        counted = _counted_root(s)
        near = (*index.get(s[:4], ()), *index.get("$" + s[-4:], ()), *index.get("^" + s[:3], ()))
        for t in (*near, *index.get("#" + counted, ())) if counted else near:
            if (
                stems_match(s, t)
                or _derived(s, t)
                or _prefix_swapped(s, t)
                or _short_root(low, t)
                or _ition(s, t)
                or _counted(low, s, t)
                or _combined(low, t)
            ):
                hit.add(t)
        hit |= {t for rest, t in _negated(stems) if stems_match(s, rest) or _derived(s, rest) or _built_on(s, rest)}
        if len(s) < 4 and s in stems:
            hit.add(s)
        hit |= irregular_family(s) & stems  # 'prove' / Burden of proof
    return hit


_SHARED_ROOT = 8  # a word and a name stem opening on this many letters alike are one root to a reader
_SCIENTIFIC_FORMS = ("micro", "macro", "mega", "nano", "ultra", "endo", "exo", "ecto", "keto")  # (of PREFIXES: the ones
# no everyday word opens with)


_COUNTING = ("mono", "poly", "oligo", "multi", "tetra", "tri", "di", "uni", "bi")


def _prefix_swapped(a: str, b: str) -> bool:
    """One root of seven letters or more behind two short openings: 'Entrepreneurs' in the description of
    Intrapreneurs, 'macronutrients' in one of Micronutrient (readings 98-99, matching sets)."""
    if a == b or a[-7:] != b[-7:]:
        return False
    common = len(os.path.commonprefix([a[::-1], b[::-1]]))
    return common >= 7 and 0 < len(a) - common <= 5 and 0 < len(b) - common <= 5


# (the unambiguous ones of distractors.NEGATING_PREFIXES: 'in', 'de', 'a' open too many words that negate nothing)
_NEGATIONS = ("non", "un", "dis", "anti")


@lru_cache(maxsize=1 << 14)
def _negated(stems: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Stems that negate a word of five letters or more, with that word: a reader sees 'did not conform' in
    'Nonconformists' (reading 85), which the stemmer keeps apart."""
    return tuple(
        (t[len(p) :].lstrip("-"), t)
        for t in stems
        for p in _NEGATIONS
        if t.startswith(p) and len(t[len(p) :].lstrip("-")) >= 5
    )


# what turns a word of three letters into an adjective or a noun of its own, as the stemmer leaves them ('sexual',
# 'ionic', 'artist', 'activ' of active, 'gaseous')
_SHORT_ROOT_SUFFIXES = frozenset("ual al ic ical y ism ist iv ous eous ful".split())


def _short_root(word: str, stem: str) -> bool:
    """A word of three letters, as written, and a name stem built on it with a derivational suffix: 'a person's sex'
    in the description of Sexual division of labor (reading 157), which stems_match leaves apart below four letters
    (not an inflected 'acts' beside Active transport)."""
    return len(word) == 3 and word.isalpha() and stem.startswith(word) and stem[3:] in _SHORT_ROOT_SUFFIXES


def _ition(word_stem: str, stem: str) -> bool:
    """A stem of three letters, inflected too, and a name stem that adds the 'it' of -ition/-itive to it: 'zero is
    added' in the description of Additive identity (reading 180); no more than that ('acts' beside Active transport
    is another sense)."""
    return len(word_stem) == 3 and stem == word_stem + "it"


# second halves of closed compounds that leave the meaning to the first ('airborne': carried by air)
_COMBINING_TAILS = ("borne", "proof", "wide", "like", "free", "bound", "wise")


def _combined(word: str, stem: str) -> bool:
    """A word, as written, that a name stem opens on before a combining form: 'remaining suspended in air' in the
    description of Airborne transmission (readings 172 and 194). Not an everyday noun after it ('where you work with
    data' is no cue of Worksheet, reading 107)."""
    rest = stem[len(word) :]
    return (
        len(word) >= 3
        and stem.startswith(word)
        and word not in English.stop_words
        and any(tail.startswith(rest) and len(rest) >= len(tail) - 1 for tail in _COMBINING_TAILS)
    )


def _built_on(word: str, root: str) -> bool:
    """A word made of a negated name's root and a suffix, common words too: 'competitor' in the description of
    Noncompete agreement (readings 166-167, twice: the root of a negated name is a word a reader knows)."""
    return word.startswith(root) and len(word) - len(root) <= 5


@lru_cache(maxsize=1 << 16)
def _derived(a: str, b: str) -> bool:
    """A rare word built on a word of five letters or more ('metal' and 'metalloid'): a reader sees the
    one in the other. A common word of its own ('state', 'statement') is not derived in that sense."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 5 and English.zipf(long_) < 3.0


@lru_cache(maxsize=1 << 14)
def _stem_index(stems: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Stems by their first four, their last four and their first three letters: stems that match share one
    of them (a letter dropped from the fourth: 'number'/'numer')."""
    index: dict[str, list[str]] = {}
    for t in stems:
        if t.startswith(COMPOUND):
            continue  # a hyphenated compound is matched whole (hyphenated), never by its letters
        index.setdefault(t[:4], []).append(t)
        index.setdefault("$" + t[-4:], []).append(t)
        index.setdefault("^" + t[:3], []).append(t)
        root = _counted_root(t)
        if root:
            index.setdefault("#" + root, []).append(t)  # ('polym' by 'm', for 'monomer')
    return {k: tuple(v) for k, v in index.items()}


def _counted(word: str, stem: str, name_stem: str) -> bool:
    """One root behind two counting prefixes: 'monomer residues' in the description of Polymer (reading 191: the
    stems 'monom' and 'polym'), a root of three letters or more as written ('trial' is no cue of Dial)."""
    root = _counted_root(stem)
    return (
        root is not None
        and stem != name_stem
        and root == _counted_root(name_stem)
        and len(_counted_root(word) or "") >= 3
    )


def uncarried(cues, stems) -> frozenset[str]:
    """The cue stems no stem among `stems` carries: the same stem, or the same root of three letters or more behind
    another counting prefix ('polynomial' in a stem shows Trinomial and Binomial alike)."""
    have = {_family(s) for s in stems}
    return frozenset(c for c in cues if _family(c) not in have)


def _family(stem: str) -> str:
    root = _counted_root(stem)
    return "#" + root if root is not None and len(root) >= 3 else stem


def _counted_root(stem: str) -> str | None:
    """What a stem has behind a counting prefix ('polym' -> 'm'; 'disaccharid' -> 'saccharid'), or None."""
    p = next((x for x in _COUNTING if stem.startswith(x) and len(stem) > len(x)), None)
    return stem[len(p) :] if p else None


@per_topic_texts(maxsize=1 << 18)
def cue_in_math(text: str, topic: Topic) -> bool:
    """A spelling of the topic written inside math, e.g. '\\mathcal{L}_{\\text{IPO}}' or '\\text{ELBO}(q)'."""
    spans = math_spans(text)
    if not spans:
        return False
    words = {w for s, e in spans for w in _MATH_WORD.findall(re.sub(r"\\[A-Za-z]+", " ", text[s:e]))}
    if not words:
        return False
    inner = " ".join(sorted(words))
    return bool(_spans(inner, cue_spellings(topic), topic.language))


@lru_cache(maxsize=1 << 16)
def _starts(text: str) -> dict[str, None]:
    """How the text's words start (a dict of strings, which the garbage collector does not walk: a big bank
    keeps tens of thousands of these; the strings interned, so every text shares one 'the')."""
    return dict.fromkeys(sys.intern(p.casefold()) for p in {t[:n] for t in _TOKEN.findall(text) for n in (1, 2, 3)})


def cue_spans(text: str, topic: Topic) -> list[tuple[int, int]]:
    """Where the topic's spellings appear outside math (any inflection)."""
    present = _starts(text)
    # a spelling can only match where every one of its words starts like a word of the text
    spellings = cue_spellings(topic)
    only = frozenset(i for i, starts in enumerate(_word_starts(topic)) if all(map(present.__contains__, starts)))
    if not only:
        return []
    out = []
    pos = 0
    for s, e in [*math_spans(text), (len(text), len(text))]:
        out += [(pos + a, pos + b) for a, b in _spans(text[pos:s], spellings, topic.language, only)]
        pos = e
    return out


@lru_cache(maxsize=1 << 16)
def _word_starts(topic: Topic) -> tuple[tuple[str, ...], ...]:
    """For each of cue_spellings(topic): how its words start (their first three letters, case-folded; tuples
    of strings, which the garbage collector stops walking)."""
    return tuple(tuple(sys.intern(w[:3].casefold()) for w in _TOKEN.findall(s)) for s in cue_spellings(topic))


@per_topic_texts(maxsize=1 << 18)
def mentions(text: str, topic: Topic) -> bool:
    """The topic is named anywhere in the text, inside math or glued into a longer token included, with an
    aside inside its name ('Text-to-image (T2I) alignment'), or contracted ('CoQ10' for Coenzyme Q10)."""
    return (
        bool(cue_spans(text, topic))
        or cue_in_math(text, topic)
        or _named_around_aside(text, topic)
        or contracted(text, topic.name)
    )


_MIXED_CASE = re.compile(r"(?<![\w-])(?=[A-Za-z0-9]*[a-z])[A-Za-z](?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{2,}(?![\w-])")
# (a capital after the first letter: 'CoQ10', 'LoRA'; not a capitalised word, 'Sentencing' being 'sentencin' + 'g')


@lru_cache(maxsize=1 << 16)
def contracted(text: str, name: str) -> bool:
    """The text shows a token in mixed case built from the starts of the name's words, in order: 'CoQ10' for
    'Coenzyme Q10' (reading 101: a description naming its own term offered for another, and a matching cue)."""
    words = [w.casefold() for w in re.findall(r"[A-Za-z0-9]+", _ASIDE.sub(" ", name))]
    if len(words) < 2 or not _MIXED_CASE.search(text):
        return False
    return any(_built_from(t.casefold(), tuple(words)) for t in _MIXED_CASE.findall(text))


def _built_from(token: str, words: tuple[str, ...]) -> bool:
    if not words:
        return not token
    return any(
        token.startswith(words[0][:n]) and _built_from(token[n:], words[1:]) for n in range(len(words[0]), 0, -1)
    )


def _named_around_aside(text: str, topic: Topic) -> bool:
    if "(" not in text:
        return False
    plain = _ASIDE.sub("", text)
    return plain != text and bool(cue_spans(plain, topic))


_ASIDE = re.compile(r"\s*\([^()]*\)")


# ---- descriptions ----


@dataclass(frozen=True)
class Slot:
    start: int  # the replaced span in the description text (an article before it is not included)
    end: int
    part: Part
    subject: bool  # opens its sentence: the clause's subject
    number: str | None  # 'sg'/'pl' when the verb after the subject shows it
    article: str  # '', or the article just before a mid-sentence slot ('a', 'an', 'the')
    article_start: int  # where that article starts (== start when there is none)
    pronoun: bool = False  # the slot is an opening 'It'/'They', not a name
    lang: str = "en"  # the bank file's language, whose rules rewrite the slot


@dataclass(frozen=True)
class Description:
    topic: str
    text: str
    slot: Slot | None
    sentences: int
    words: int
    start: int = 0  # index of its first sentence in the definition

    @property
    def form(self) -> str:
        """'clause' when the text says what the topic does (a subject slot), 'np' for a defining noun phrase
        or a sentence that never refers to the topic by name."""
        return "clause" if self.slot is not None and self.slot.subject else "np"

    def blanked(self) -> str:
        """The slot as a blank. An article at the start goes ('A _____ approximates' -> '_____ approximates');
        'a'/'an' before a mid-sentence blank becomes 'a(n)', so the article does not tell the answer's sound."""
        if self.slot is None:
            return self.text
        s = self.slot
        if s.subject:
            return self.text[: s.article_start] + self._kept_article() + BLANK + self.text[s.end :]
        if s.article in ("a", "an") and s.lang == "en":
            return self.text[: s.article_start] + "a(n) " + BLANK + self.text[s.end :]
        return self.text[: s.start] + BLANK + self.text[s.end :]

    def filled(self, name: str) -> str:
        """The slot filled with a term's name (articles agree with the name)."""
        if self.slot is None:
            return self.text
        s = self.slot
        if s.subject:
            article = self._kept_article(name)
            return self.text[: s.article_start] + article + self._cased(name, bool(article)) + self.text[s.end :]
        if s.article in ("a", "an") and s.lang == "en":
            named = English.article_for(name) + " " + self._cased(name, True)
            return self.text[: s.article_start] + named + self.text[s.end :]
        return self.text[: s.start] + self._cased(name, True) + self.text[s.end :]

    def _cased(self, name: str, inside: bool) -> str:
        """English: a common noun phrase inside a sentence, where the text writes its slot in lower case, in lower
        case too ('… mechanistic and organic organizational structures', not '… organic Organizational structures';
        'Gibbs free energy', not 'Gibbs Free energy': readings 120-121)."""
        s = self.slot
        shown = self.text[s.start : s.end]
        if not inside or s.lang != "en" or not shown[:1].islower() or not _common_noun(name) or not name[:1].isupper():
            return name
        first = name.split()[0].split("-")[0]
        if " " not in name and not English.readings(first.casefold()):
            return name  # ('Hammurabi': one word no word list knows is a name)
        return name[:1].lower() + name[1:]

    def _kept_article(self, name: str | None = None) -> str:
        """The subject's article, kept: 'The _____ retains the judicial office …' and 'A(n) _____ retains …'
        read, '_____ retains …' filled with 'Senior judge' does not ('the' says nothing of the answer, and
        'A(n)' hides whether it starts with a vowel sound). Filled, 'a'/'an' agrees with the name. Blank, the article
        stays where the text writes the slot as a common noun, however the name is cased ('A vision-language model
        jointly processes …' for Vision Language Model: '_____ jointly processes …' read as broken, reading 212)."""
        s = self.slot
        lead = self.text[s.article_start : s.start]
        article = lead.strip().casefold()
        common = _common_noun(name) if name else _common_noun(s.part.label) or _common_noun(self.text[s.start : s.end])
        if s.lang != "en" or article not in ("the", "a", "an") or not common:
            return ""  # 'xLSTM augments …', 'Optimal Transport approximates …': a title takes no article
        if article == "the":
            return lead
        return (English.article_for(name).capitalize() if name else "A(n)") + " "

    def as_option(self) -> str | None:
        """The description as an answer option that names nothing: the topic becomes 'It'/'They' as
        subject, 'it' elsewhere ('models trained with it extrapolate'), 'its' as a possessive."""
        if self.slot is None:
            return self.text
        s = self.slot
        rules = language(s.lang)
        if rules.singular_pronoun is None:
            return None  # no pronoun rules for this language: the description never stands in as 'it'
        if self.text[s.end :].lstrip().startswith("("):
            return None  # 'It (PagedAttention, vLLM 2023) …': the bracket would say whose description it is
        if s.subject:
            if s.number is None and not s.pronoun:
                return None  # the verb does not say whether 'It' or 'They' would agree
            pronoun = rules.plural_pronoun if s.number == "pl" else rules.singular_pronoun
            if self.text.startswith(("'s", "’s"), s.end):
                return None  # 'Its/Their …' would tell the number apart
            return self.text[: s.article_start] + pronoun + self.text[s.end :]
        before = _TOKEN.findall(self.text[: s.article_start])[-1:]
        if s.article or not before or before[0].casefold() not in rules.pronoun_hosts:
            return None  # 'the empirical it', 'each it layer': only 'with it', 'uses it' read
        return self.text[: s.article_start] + "it" + self.text[s.end :]


def _sentence_analysis(sentence: str, topic: Topic):
    """(status, slot) for one sentence: 'clean', 'slot' with its Slot (offsets in the sentence), or 'dirty'."""
    if cue_in_math(sentence, topic):
        return "dirty", None
    spans = _merge_brackets(sentence, cue_spans(sentence, topic))
    if not spans and _named_around_aside(sentence, topic):
        return "dirty", None
    if topic.language != "en" and spans:
        return _other_language_slot(sentence, topic, spans)
    if not spans:
        m = topic.language == "en" and re.match(r"(It|They|These|This)\s+(\w+)", sentence)
        if m and English.verb_number(m.group(2)) is not None or m and m.group(2).casefold() in ("can", "may", "will"):
            number = English.subject_pronouns[m.group(1).casefold()]
            whole = parts(topic)[0]
            return "slot", Slot(0, m.end(1), whole, True, number, "", 0, pronoun=True)
        return "clean", None
    if len(spans) > 1:
        return "dirty", None
    a, b = spans[0]
    if sentence.startswith(("'s", "’s"), b - 2) and b - a > 2:
        b -= 2  # a possessive is kept outside the slot: '_____'s'
    part = _matches_part(sentence[a:b], topic)
    if part is None:  # an inflected or partial spelling: it cannot be blanked cleanly
        return "dirty", None
    aside = re.match(r"\s*\(([^()]*)\)", sentence[b:])
    if aside and (_abbreviates(sentence[a:b], aside.group(1)) or _abbreviates(aside.group(1), sentence[a:b])):
        b += aside.end()  # 'NCCL (NVIDIA Collective Communications Library)': the expansion goes with the name
    if _LEFT_GLUE.search(sentence[:a]) or _RIGHT_GLUE.match(sentence[b:]):
        return "dirty", None  # glued into a longer token: 'DINO-style', 'I-JEPA', 'PixelCNN++'
    before = sentence[:a]
    m = re.search(r"(?:^|\s)(a|an|the|A|An|The)\s+$", before)
    article = m.group(1).casefold() if m else ""
    article_start = (m.start(1)) if m else a
    subject = before.strip() == "" or (m is not None and before[: m.start(1)].strip() == "")
    if subject and re.match(r"\s*[;:,]", sentence[b:]):
        return "dirty", None  # 'the margin of error; depends on …': 'It; depends' (reading 42), '_____; depends'
    nxt = _TOKEN.findall(sentence[b:])[:1]
    as_verb = False
    if _ALIAS_FRAME.search(before):
        return "dirty", None  # 'also called _____', '(also, _____)': the blank would only ask for a synonym
    if re.search(r"[A-Z][\w.]*\s+$", before) and before.strip() and re.match(r"\s+[A-Z]", sentence[b:]):
        return "dirty", None  # inside a proper name: 'the U.S. _____ Commission'
    if _after_a_modifier(before):
        return "dirty", None  # 'The empirical _____ of a function class': only the key's head noun takes it
    if _after_its_noun(before, sentence[b:]):
        return "dirty", None  # 'Appellate review _____ implies …': the name follows a noun as its modifier
    proper = re.search(r"(?<![\w'’-])([A-Z][\w'’-]+)\s+$", before)
    if (
        proper
        and proper.group(1).casefold() not in English.stop_words
        and not English.readings(proper.group(1).casefold())
    ):
        return "dirty", None  # 'Gibbs _____ is the usable energy': the name ends a longer one (reading 122)
    if nxt and re.match(r"\s+\w", sentence[b:]):
        readings = English.readings(nxt[0])
        subject_verb = before.strip() == "" or re.fullmatch(r"\s*(?:A|An|The)\s+", before)
        after = _TOKEN.findall(sentence[b:])[1:2]
        # a noun after the name is its head when a verb agreeing with that noun follows ('_____ models
        # factorise', '_____ layer is'); an -s word after a singular subject name, with no such verb, is
        # the name's own verb ('Tensor parallelism shards individual matrices', '… trains models from …')
        plural_next = nxt[0].endswith("s") and not nxt[0].endswith("ss")
        head_verb = English.verb_number(after[0]) if after else None
        if head_verb is None and plural_next and after and _bare_verb(after[0]):
            head_verb = "pl"  # '_____ peoples collect fruits …' ('collect' is a noun too: reading 122, two items)
        modifier = "NOUN" in readings and head_verb == ("pl" if plural_next else "sg")
        as_verb = subject_verb and plural_next and not modifier and English.name_number(part.label) != "pl"
        if not as_verb and (readings == frozenset({"NOUN"}) or "NOUN" in readings and not subject_verb or modifier):
            return "dirty", None  # the name modifies a noun ('a sparse MoE layer', '_____ models factorise')
    number = None
    if subject:
        following = _TOKEN.findall(re.sub(r"^\s*\([^()]*\)", " ", sentence[b:]))[:3]  # past '(Khattab & …, 2020)'
        for w in following:
            number = English.verb_number(w)
            adverb = w.casefold().endswith("ly") and "ADV" in English.readings(w)  # '_____ jointly processes'
            if number is not None or not adverb and w.casefold() not in ("also", "often", "usually", "then"):
                break
        if number is None and as_verb:
            number = "sg"
    return "slot", Slot(a, b, part, subject, number, article if not subject else "", article_start)


def _word_before(before: str) -> str | None:
    """The word just before a slot, case-folded (None after punctuation or at the start)."""
    prev = re.search(r"([A-Za-z]+) $", before)
    return prev.group(1).casefold() if prev else None


def _after_a_modifier(before: str) -> bool:
    """The slot follows a describing word ('The empirical _____ of …'): the key's name reads as that word's
    noun, and names of other kinds do not (readings 25, 28)."""
    prev = _word_before(before)
    return prev is not None and English.readings(prev) == frozenset({"ADJ"})


def _bare_verb(word: str) -> bool:
    """A lower-case word that can be a verb in its bare form ('collect', 'use'), not '-s', '-ed' or '-ing'."""
    return word.islower() and "VERB" in English.readings(word) and not word.endswith(("s", "ed", "ing"))


def _after_its_noun(before: str, after: str) -> bool:
    """The slot sits between a noun and that noun's verb ('Appellate review _____ implies that …'): the name
    would stand there as a modifier (de novo, en banc), which no noun among the lures can be."""
    prev = _word_before(before)
    verb = re.match(r" ([a-z]+)\b", after)
    if prev is None or not verb or prev in English.stop_words:
        return False
    readings = English.readings(prev)
    return "NOUN" in readings and "ADJ" not in readings and English.verb_number(verb.group(1)) is not None


def _broken(sentence: str) -> bool:
    """A sentence that describes nothing as it stands: words doubled by a slip, 'The term …' speaking of the
    word, or a question ('… can a strong model generalise beyond its supervisor?')."""
    return bool(DOUBLED_WORDS.search(sentence) or _SELF_REFERENCE.match(sentence)) or sentence.rstrip().endswith("?")


def _common_noun(name: str) -> bool:
    """A name written as a common noun phrase ('Senior judge', 'Covalent bond'), which takes an article, not a
    title, acronym or proper name ('Optimal Transport', 'xLSTM', 'RLAIF (RL from AI Feedback)')."""
    return bool(re.fullmatch(r"[A-Za-z][a-z]*(?:[ \-][a-z]+)*", name))


def _renamed_opening(sentence: str, topic: Topic):
    """A first sentence that opens on the topic under a spelling no blank could take — part of its name or
    an inflection ('The Perceiver uses …' for Perceiver Architecture, 'Spectral bias is …') — as the same
    sentence opening on 'It'/'They' (sentence, ('slot', pronoun slot)); None when it names the topic again
    or no verb right after the opening says which pronoun agrees."""
    if cue_in_math(sentence, topic):
        return None
    spans = _merge_brackets(sentence, cue_spans(sentence, topic))
    if len(spans) != 1 or not re.fullmatch(r"(?:(?:A|An|The)\s+)?", sentence[: spans[0][0]]):
        return None
    rest = sentence[spans[0][1] :]
    aside = re.match(r"\s*\([^()]*\)", rest)  # 'LLaVA (Liu et al., 2023) connects …'
    rest = rest[aside.end() :] if aside else rest
    words = _TOKEN.findall(rest)[:2]
    if not re.match(r"\s+\w", rest) or len(words) < 2:
        return None  # glued into a longer token ('DINO-style'), or nothing follows
    number = English.verb_number(words[0])
    if number is None or "NOUN" in English.readings(words[0]) and English.verb_number(words[1]) is not None:
        return None  # no verb, or the name modifies a noun ('Diffusion models factorise …')
    if not is_compound(topic) and English.name_number(topic.name) not in (number, None):
        return None  # 'A sparse representation is …' is no 'It is …' for Sparse Representations
    pronoun = "They" if number == "pl" else "It"
    text = pronoun + rest
    return text, ("slot", Slot(0, len(pronoun), parts(topic)[0], True, number, "", 0, pronoun=True))


_ELIDED_BEFORE = re.compile(r"(?:^|[^\w'’])(\w+['’])$")
_WORD_BEFORE = re.compile(r"(?:^|[^\w'’])(\w+)\s+$")


def _other_language_slot(sentence: str, topic: Topic, spans: list[tuple[int, int]]):
    """A slot in a language without pronoun or article rewriting: one whole declared spelling, not glued
    into a longer token, with no agreeing word before it ('la _____', 'l'_____', 'del _____' tell gender,
    number or the first sound) — except at the start of the sentence, where that word goes with the name."""
    if len(spans) > 1:
        return "dirty", None
    a, b = spans[0]
    part = _matches_part(sentence[a:b], topic)
    if part is None or _RIGHT_GLUE.match(sentence[b:]) or _LEFT_GLUE.search(sentence[:a]):
        return "dirty", None  # an inflected form ('leyes' for 'Ley'), or glued into a longer token
    before = sentence[:a]
    m = _ELIDED_BEFORE.search(before) or _WORD_BEFORE.search(before)
    word = m.group(1).casefold().replace("’", "'") if m else ""
    agreeing = word in language(topic.language).agreeing
    if m and not agreeing and word.endswith("'"):
        return "dirty", None  # another elision ('qu'_____'): the blank would still show a vowel follows
    start = m.start(1) if agreeing else a
    subject = before[:start].strip() == ""
    if agreeing and not subject:
        return "dirty", None
    return "slot", Slot(a, b, part, subject, None, word if subject else "", start, lang=topic.language)


def _merge_brackets(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Grouped-query attention (GQA)' is one occurrence, not two."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            close = re.match(r"\s*\)", text[b:])
            if re.fullmatch(r"\s*\(\s*", text[pb:a]) and close:
                out[-1] = (pa, b + close.end())
                continue
        out.append((a, b))
    return out


def _matches_part(occurrence: str, topic: Topic) -> Part | None:
    """The part whose declared spelling this occurrence is (an 'X (Y)' pair: both sides of one part)."""
    m = re.fullmatch(r"(.*?)\s*\(\s*(.*?)\s*\)", occurrence)
    pieces = [occurrence] if m is None else [occurrence, m.group(1), m.group(2)]
    for p in parts(topic):
        spelled = {_norm(x) for x in p.answers}
        if _norm(pieces[0]) in spelled or len(pieces) == 3 and {_norm(pieces[1]), _norm(pieces[2])} <= spelled:
            return p
    return None


@lru_cache(maxsize=1 << 16)
def descriptions(topic: Topic, max_words: int = MAX_STEM_WORDS) -> tuple[Description, ...]:
    """Every usable description of the topic, the one starting at the first sentence first. Each starts
    with a slotted or a self-standing clean sentence and goes on with clean sentences while they fit."""
    sents = [
        _head_clause(s, topic)
        for s in sentences(without_alias_notes(topic))
        if not CROSS_REFERENCE.match(s) and not ETYMOLOGY.match(s)
    ]
    analysed = [_sentence_analysis(s, topic) for s in sents]
    if analysed and analysed[0][0] == "dirty" and topic.language == "en":
        renamed = _renamed_opening(sents[0], topic)  # 'The Perceiver uses …' -> 'It uses …'
        if renamed is not None:
            sents[0], analysed[0] = renamed
    out = []
    for i, (status, slot) in enumerate(analysed):
        if status == "dirty":
            continue
        if i > 0 and (slot is None or not slot.subject):
            continue  # a later sentence that does not open on the topic leans on the ones before it
        if slot is not None and not slot.subject and re.match(r"(?:an?\s|[a-z])", sents[i]):
            continue  # a defining phrase that names the topic inside ('a closed curve for which … any point on the
            # ellipse …'): blanked, it defines the blank by itself (reading 113)
        if i > 0 and slot.pronoun and not sents[i].startswith("It "):
            continue  # a later 'They'/'This' may mean something else the previous sentence spoke of
        if i > 0 and _POINTS_BACK.search(sents[i]):
            continue  # 'It shares these exact marginals …': 'these' would point at nothing shown
        if is_compound(topic) and COUNTED.match(sents[i]):
            continue  # 'Two objectives for …' for 'CTC Loss & RNN-Transducer': only a compound name is two things
        if _broken(sents[i]):
            continue  # 'the median of the of the lower half' reads broken; 'The term applies to …' says what it names
        if i > 0 and (_REMARK.search(sents[i]) or _CLAIM.search(sents[i])):
            continue  # 'It is a useful lens on …, though … remains debated': a verdict, not what it is
        text, words = sents[i], len(sents[i].split())
        if words < MIN_WORDS:
            continue  # 'Send back.': too little to tell a topic by
        out.append(Description(topic.name, text, slot, 1, words, i))
        for j in range(i + 1, len(sents)):
            status_j, slot_j = analysed[j]
            fits = words + len(sents[j].split()) <= max_words
            if not (status_j == "clean" or slot_j is not None and slot_j.pronoun) or not fits:
                break
            if _broken(sents[j]) or _CLAIM.search(sents[j]) or _REMARK.search(sents[j]):
                break
            text += " " + sents[j]
            words += len(sents[j].split())
            out.append(Description(topic.name, text, slot, j - i + 1, words, i))
    subject = _named_last(sents[0], topic) if sents and topic.language == "en" else None
    if subject is not None and len(subject.split()) >= MIN_WORDS:
        out.append(Description(topic.name, subject, None, 1, len(subject.split()), 0))  # after the blanked sentence
    # the longest description from the earliest sentence first; its shorter cuts are fallbacks
    out.sort(key=lambda d: (d.start, -d.sentences))
    return tuple(out)


_CALLED_LAST = re.compile(
    rf"(?P<subject>[^;:]+?)\s+(?:is|are)\s+(?:(?:usually|often|also|sometimes)\s+)?{NAMING}\s+"
    r"(?:(?:the|an?|its|their)\s+)?(?P<name>[^,;:]+?)\s*\.?\s*"
)


def _named_last(sentence: str, topic: Topic) -> str | None:
    """The subject of a sentence that ends by naming the topic ('The process of approximating a number is called
    rounding.', Prealgebra 2e): a defining phrase that names nothing — the statement and the option the blanked
    sentence cannot make ('Rounding: The process of approximating a number')."""
    m = _CALLED_LAST.fullmatch(sentence.strip())
    if (
        m is None
        or _norm(m.group("name")) not in {_norm(n) for n in topic.names}
        or mentions(m.group("subject"), topic)
    ):
        return None
    return m.group("subject").strip()


_ALIAS_NOTE = re.compile(
    r"\(\s*(?:(?:also|or|aka)\b[,:]?|plural\s*[=:])\s*(?:called\s+|known as\s+)?([^()]+?)\s*\)\s*", re.I
)
# '(also, …)' and '(plural = alae)' give names only; '(or both)' may say more
_ANOTHER_NAME = re.compile(r"\(\s*(?:also\b|aka\b|plural\s*[=:])", re.I)


def without_alias_notes(topic: Topic) -> str:
    """The definition without notes that only give another declared name ('(also, reductant) substance
    that …'): they name the topic, but say nothing about it; nor bracketed pointers to other entries."""
    names = {_norm(n) for n in topic.names}

    def drop(m: re.Match) -> str:
        if _declared(m, names) or _ANOTHER_NAME.match(m.group()):
            return ""  # ('(also, thrombocytes)' undeclared too: shown in a stem it names the answer, reading 71)
        return m.group()

    text = _FORM_NOTE.sub("", _CROSS_NOTE.sub("", _ALIAS_NOTE.sub(drop, topic.definition)))
    if topic.language.split("-")[0] == "en":
        text = _ALIAS_CLAUSE.sub("", _LEADING_NAME.sub("", text))
    spelled = _EXPANSION.match(text)
    if spelled and any(_spells(n, spelled.group(1)) for n in topic.names):
        text = text[spelled.end() :]
    return _GLOSS_NOTE.sub("", text).strip()


# a name spelled out opening a definition, up to a semicolon: 'Natural Hazards Triggering Technological Accidents;
# human-made disaster …' for NA-TECH (reading 157: the right option was the one spelling out the asked acronym)
_EXPANSION = re.compile(r"\s*((?:[A-Z][\w'’-]*\s+(?:(?:of|and|the|for|in|on|to)\s+)?){1,8}[A-Z][\w'’-]*)\s*;\s*")


def _spells(name: str, phrase: str) -> bool:
    """Does the name's every letter stand, in order, in the phrase, from its first letter on ('NA-TECH' in 'Natural
    Hazards Triggering Technological Accidents'), the name being shorter (an acronym, not the phrase itself)?"""
    letters = [c.casefold() for c in name if c.isalnum()]
    spelled = [c.casefold() for c in phrase if c.isalnum()]
    if len(letters) < 2 or len(letters) * 2 > len(spelled) or letters[0] != spelled[0]:
        return False
    rest = iter(spelled)
    return all(c in rest for c in letters)


# a note of other names opening a definition, unbracketed: 'also called unsystematic risk, a risk that …', 'also known
# as the acid test ratio; ratio used …', 'or IQR, is the range …' (a stem opening so names its answer twice, and the
# right option is the one that opens so); up to a semicolon only past names, no clause ('also called X, a thing that
# …; …' ends at the comma)
_NAMES_ONLY = r"(?:(?!\b(?:that|which|who|whose|is|are|was|were|used)\b)[^;.()])"
_LEADING_NAME = re.compile(
    rf"^\s*(?:also\s+(?:called|known\s+as)\s+{_NAMES_ONLY}{{1,80}}?;|also\s+(?:called|known\s+as)\s+[^,;.()]{{1,60}}?,"
    rf"|or\s+[^,;.()]{{1,40}}?,\s*(?:is|are)\b)\s*",
    re.I,
)


# another name set off later in the definition: '“pass-through” entity, also known as a small corporation, where …'
# (S corporation), '…; also called a shortage', '…, also known as immunoglobulins': it names the topic and says nothing
# of it (readings 166-167: 'small corporation' pointed at S corporation three times; reading 96: Microbe twice); one
# name only, ended by a comma, semicolon, full stop or the definition's end ('also known as A, B, or C' is left)
_ALIAS_CLAUSE = re.compile(
    r"\s*[,;]\s*(?:(?:also|sometimes|commonly|often|otherwise)\s+(?:called|known\s+as|termed|referred\s+to\s+as))"
    r"\s+[^,;.()]{1,60}?(?=\s*[;.]|\s*$|,(?!\s*(?:or|and)\b)(?![^,;.()]*,\s*(?:or|and)\b))",
    re.I,
)


# the name's literal sense in quotes, closing the definition: '…; “water-hating”' of Hydrophobic translates the name
# word by word (reading 121: three items read as cued by it)
_GLOSS_NOTE = re.compile(r"\s*[;,]\s*[“\"‘][^”\"’.;]{1,40}[”\"’]\s*\.?\s*$")


# a grammar note opening a definition, the other number of the name: 'singular codex; Maya books that …' (Codices:
# the note points at its own term in a matching set, reading 87)
_FORM_NOTE = re.compile(r"^\s*(?:singular|plural)\s*[:=]?\s*[^\W\d_][\w'’-]*\s*;\s*", re.I)


def undeclared_names(topic: Topic) -> list[str]:
    """The '(also, …)' notes of a definition that give a name the topic does not declare."""
    names = {_norm(n) for n in topic.names}
    notes = _ALIAS_NOTE.finditer(topic.definition)  # (an empty '(also, )' gives no name: nothing to declare)
    return [
        m.group().strip() for m in notes if _ANOTHER_NAME.match(m.group()) and _spelled(m) and not _declared(m, names)
    ]


def _spelled(note: re.Match) -> list[str]:
    """The names an alias note (_ALIAS_NOTE) gives, normalised."""
    return [_norm(x) for x in re.split(r",\s*|\s+or\s+", note.group(1)) if _norm(x)]


def _declared(note: re.Match, names: set[str]) -> bool:
    """Does an alias note give only names the topic declares?"""
    spelled = _spelled(note)
    return bool(spelled) and all(x in names for x in spelled)


# '… for stoichiometric equivalence (see equivalence point)': a pointer to another entry, left inside an option
# (reading 48), that says nothing about the topic
_CROSS_NOTE = re.compile(rf"\s*\({CROSS_REFERENCE.pattern}[^()]*\)", re.I)


_FIRST_OF_LIST = re.compile(r"(?:^|\s)\(?(?:1|i|a)\)\s")


def _head_clause(sentence: str, topic: Topic) -> str:
    """A sentence that names the topic after a semicolon is cut to the clause before it, when that clause
    does not ('The judge who has primary responsibility …; chief judges are determined by seniority')."""
    head, sep, _ = sentence.partition("; ")
    if not sep or math_spans(sentence) or mentions(head, topic) or not mentions(sentence, topic):
        return sentence
    if _FIRST_OF_LIST.search(head):
        return sentence  # 'Four major tenets: (1) All individuals …; (2) Justice is …': a list cut after its first item
        # announces what it does not give (reading 195)
    if any(head.count(a) != head.count(b) for a, b in ("()", "[]", "“”")) or head.count('"') % 2:
        return sentence  # the semicolon sits inside a bracket or a quotation
    return head.rstrip(" ,:") + "."  # a clause that ends like the sentences beside it


def head_number(desc: Description) -> str | None:
    """'pl' for a defining phrase with a plural head noun ('The offices of a judge …', 'atoms that contain …'),
    'sg' for a singular one: the key's name agrees with it, so the lures must too."""
    if desc.slot is not None:
        return None
    return phrase_number(desc.text)


# a word after which a plural noun cannot go on its phrase, and a verb can take its object: 'grants the creator …'
OBJECT_OPENERS = frozenset("the a an each every its their this these those any".split())


def third_person(word: str, after: str = "") -> bool:
    """A verb in its third-person singular form and nothing else ('transmits', 'contains'; not 'focuses', also a
    plural noun, nor a gerund), or a word that is a noun too before its object ('grants the creator …', 'measures
    the ability …' — as a noun, 'grants' would not go on with 'the'; readings 166-167)."""
    from .lexicon import getAllLemmas

    low = word.casefold()
    readings = English.readings(low)
    opener = after.casefold() in OBJECT_OPENERS or after.endswith(("'s", "’s"))  # ('compresses Maslow’s …')
    verb = readings == {"VERB"} or "VERB" in readings and opener
    if word[1:] != low[1:] or not verb or not low.endswith("s") or low.endswith("ss"):
        return False
    return any(low in (lemma + "s", lemma + "es") for lemma in getAllLemmas(low, "VERB").get("VERB", ()))


def phrase_number(text: str) -> str | None:
    """'pl' when a defining phrase's head noun is plural, 'sg' when it is singular (see head_number); None
    when it has none."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"\\\(.*?\\\)", " ", text).split(";")[0])[:6]
    head = None  # (before a semicolon: 'thin and curved bone; serves as …' is singular)
    if words and third_person(words[0], words[1] if len(words) > 1 else ""):
        return "sg"  # 'transmits impulses from …' (Afferent): said of one thing (reading 101)
    for w in words:
        low = w.casefold()
        if low in ("that", "which", "who", "whom", "whose", "where", "when", "of", "in", "with", "for", "by", "to"):
            break
        if low in ("and", "or"):
            continue  # 'tangible or intangible resources owned …' (Assets): the head comes after
        if low not in English.stop_words and "NOUN" in English.readings(low):
            head = low
        elif w[0].isupper() and not English.readings(low) and English.is_plural_noun(low):
            head = low  # a people the tables lack: 'less well-off Romans who …' (reading 91)
        elif w == low and len(low) >= 6 and not English.readings(low):
            head = low  # a technical noun the tables lack: 'glycosphingolipids that …' (reading 101)
        elif head:
            break
    if head is None:
        return None
    return "pl" if English.is_plural_noun(head) else "sg"


_VERB_PARTICLES = frozenset("from to on upon into in with for at about".split())


def verb_opening(text: str, owner: str) -> str | None:
    """The number of a defining phrase that opens with its verb, said of its own term `owner` (a name): 'sg' for
    'grants the creator …' (third_person), 'pl' for 'stem from changes …' under a plural name (Political factors:
    a bare verb before a particle or its object, where a noun would disagree with the name); None for a noun
    phrase. After another term's name the verb must agree with that name as well (readings 166-167: 'Copyright:
    stem from changes in politics …' told a false statement by its grammar, three items)."""
    words = re.findall(r"[^\W\d_]+", text)[:2]
    if len(words) < 2:
        return None
    if third_person(words[0], words[1]):
        return "sg"
    after = words[1].casefold()
    if _bare_verb(words[0]) and (after in _VERB_PARTICLES or after in OBJECT_OPENERS):
        return "pl" if English.name_number(owner) == "pl" else None
    return None


# 'It is widely used because …', 'It is solved by …', 'It can be derived from …': a later sentence saying how the
# thing is used, solved or derived describes no term (readings 31-37: 7 of 8 matching sets showing one were
# flawed; reading 39: 'It is solved by natural-gradient + line search' offered as what TRPO is, its 'It' the
# optimisation problem)
_USE_PREDICATE = (
    r"\s+(?:is|are|was|were|can be|could be|may be|might be|has been|have been)\s+"
    r"(?:(?:\w+ly|often|also|sometimes|still)\s+)?(?:\w+ed|\w+en|built|made|done|known|seen|shown|found|run)\b"
)
_USE_REMARK = re.compile(r"(?:It|They)" + _USE_PREDICATE)


def remark(desc: Description, text: str | None = None) -> bool:
    """Is a later sentence a remark on the thing (_USE_REMARK), not a description of it? Said of the term by
    name ('_____ can be derived from a KL-constrained reward-maximization view …', DPO: readings 31, 33, 39 and 40
    found KTO fitting it as well) or, as an option, by 'It'."""
    if not desc.start:
        return False
    if desc.slot is not None and desc.slot.subject:
        return re.match(_USE_PREDICATE, desc.text[desc.slot.end :]) is not None
    return text is not None and _USE_REMARK.match(text) is not None


# a description of fewer words is too thin to fit only its own term among five or six ('The duty to prove disputed
# facts.' beside Degree of proof required, 'a numerical characteristic of the sample.' beside Proportion: readings
# 31-39, 7 of 18 sets with one flawed, 14 of 67 without; reading 39, 4 of 4)
SHORTEST = 7


def too_thin(text: str) -> bool:
    """Too few words to single out one term ('Sentencing option in the federal courts.')."""
    return len(text.split()) < SHORTEST


def cut_mid_procedure(desc: Description, topic: Topic) -> bool:
    """English: does cutting the description to its first sentences (first_sentences) leave out the steps of a
    procedure, the next sentence opening with an imperative ('a method for selecting a random sample; list the
    members of the population.' before 'Use simple random sampling to select a starting point …', reading 39)?
    What is left describes any method of its kind."""
    if language(topic.language) is not English:
        return False
    after = desc.start + len(sentences(first_sentences(desc).text))  # the definition's next sentence
    every = sentences(topic.definition)
    return after < len(every) and _opens_a_step(every[after])


_STEP_OBJECT = frozenset("the a an every each all some one two this that these those your its their".split())


@lru_cache(maxsize=1 << 12)
def _opens_a_step(sentence: str) -> bool:
    """An imperative: a verb in its base form that is not mostly a noun, then a determiner, an adjective or a
    one-letter variable ('Use simple …', 'Let k =', 'Choose every …', 'Divide the …'; not 'Evidence indicating
    …', 'Query cost is …', 'Direct (in user prompt) …')."""
    from .lexicon import getAllLemmas, noun_classes

    words = re.findall(r"[A-Za-z]+", sentence)[:2]
    if len(words) < 2 or not words[0][0].isupper():
        return False
    verb, after = words[0].casefold(), words[1].casefold()
    if getAllLemmas(verb).get("VERB") != (verb,):
        return False
    lemmas = getAllLemmas(after)
    if not (after in _STEP_OBJECT or len(after) == 1 or "ADJ" in lemmas and "VERB" not in lemmas):
        return False
    return not noun_classes(verb)  # (last: WordNet's table is loaded only for such openings)


def first_sentences(desc: Description, min_words: int = 12) -> Description:
    """The description cut to its first sentence, or its first two when the first is short."""
    parts_ = sentences(desc.text)
    if len(parts_) <= 1:
        return desc
    text = parts_[0]
    if len(text.split()) < min_words:
        text = f"{text} {parts_[1]}"
    if text == desc.text:
        return desc
    return Description(desc.topic, text, desc.slot, min(2, desc.sentences), len(text.split()), desc.start)
