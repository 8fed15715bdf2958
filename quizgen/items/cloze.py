"""Cloze: the term blanked in its definition, or one or two key phrases blanked."""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from functools import cached_property

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..distractors import DistractorIndex, GenerationError
from ..model import ClozeItem, Topic
from ..text.mask import BLANK, mask_spellings, mask_topic, mask_words, name_words
from ..text.math import math_spans

MODES = ("term", "keyphrase")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")


def accepted_names(topic: Topic) -> tuple[str, ...]:
    """What a student may write for the term: its names and aliases first, then the other spellings the
    masking recognises (grading ignores case and spacing)."""
    return tuple(dict.fromkeys((*topic.names, *mask_spellings(topic))))


def word_variants(word: str) -> tuple[str, ...]:
    """The word and its simple singular/plural partner: 'layers'/'layer', 'identity'/'identities'."""
    if word.endswith("ies") and len(word) > 4:
        other = word[:-3] + "y"
    elif word.endswith(("ses", "xes", "ches", "shes")):
        other = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        other = word[:-1]
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        other = word[:-1] + "ies"
    elif word.endswith(("s", "x", "ch", "sh")):
        other = word + "es"
    else:
        other = word + "s"
    return (word, other)


class KeyphrasePicker:
    """Content words a definition does not repeat, ranked by how rare they are across the bank."""

    def __init__(self, topics: tuple[Topic, ...]):
        self.topics = topics

    @cached_property
    def idf(self) -> dict[str, float]:
        df: Counter = Counter()
        for t in self.topics:
            df.update({w.casefold() for w in _WORD.findall(t.definition)})
        n = len(self.topics)
        return {w: math.log((1 + n) / (1 + c)) for w, c in df.items()}

    def candidates(self, topic: Topic) -> list[tuple[int, int, str]]:
        """(start, end, word) of blankable words: not stop words, not in math, not the term, said once."""
        text = topic.definition
        spans = math_spans(text)
        name_words = {w.casefold() for n in mask_spellings(topic) for w in _WORD.findall(n)}
        counts = Counter(w.casefold() for w in _WORD.findall(text))
        out = []
        for m in _WORD.finditer(text):
            w = m.group()
            f = w.casefold()
            if (
                len(w) < 5
                or f in ENGLISH_STOP_WORDS
                or f in name_words
                or counts[f] > 1
                or any(s <= m.start() < e for s, e in spans)
                or any(c.isupper() for c in w)
            ):  # proper nouns and acronyms are trivia
                continue
            stem = f[:5]
            if any(nw.startswith(stem) for nw in name_words):
                continue
            out.append((m.start(), m.end(), w))
        return sorted(out, key=lambda c: (-self.idf.get(c[2].casefold(), 0), c[0]))


def make_cloze(
    ix: DistractorIndex,
    picker: KeyphrasePicker,
    key: Topic,
    rng: random.Random,
    mode: str,
    word_bank: bool = False,
    k: int = 4,
) -> ClozeItem:
    if mode == "term":
        # words of the term left standing ('a sparse representation is…') would hand over the answer
        text = mask_words(mask_topic(key.definition, key), name_words(key))
        if BLANK not in text:
            text = f"{BLANK}: {text}"
        answer = tuple(accepted_names(key) for _ in range(text.count(BLANK)))
        bank_words = None
        notes: tuple[str, ...] = ()
        if word_bank:
            pick = ix.pick(key, k - 1, rng, "medium", stem=text)
            bank_words = tuple(sorted([key.name, *(t.name for t in pick.topics)], key=str.casefold))
            notes = tuple(f"word bank widened to group '{c}'" for c in pick.widened)
        return ClozeItem(
            key.name, key.category, mode="term", text=text, answer=answer, word_bank=bank_words, notes=notes
        )
    cands = picker.candidates(key)
    if not cands:
        raise GenerationError(
            f"'{key.name}' has no word that can be blanked (every content word repeats, "
            "is a stop word, sits in math or is part of the term)"
        )
    blanks = 2 if len(key.definition.split()) >= 25 and len(cands) >= 2 else 1
    top = cands[: max(blanks, 4)]
    chosen = sorted(rng.sample(top, blanks))
    if blanks == 2 and chosen[1][0] - chosen[0][1] < 2:
        chosen = chosen[:1]
    text, pos = [], 0
    for start, end, _ in chosen:
        text.append(key.definition[pos:start])
        text.append(BLANK)
        pos = end
    text.append(key.definition[pos:])
    body = "".join(text)
    answer = tuple(word_variants(w) for _, _, w in chosen)
    bank_words = None
    if word_bank:
        extras = _sibling_words(ix, picker, key, {w.casefold() for _, _, w in cands}, len(chosen) + 2, rng)
        bank_words = tuple(sorted([w for _, _, w in chosen] + extras, key=str.casefold))
    return ClozeItem(
        key.name, key.category, mode="keyphrase", text=f"{key.name}: {body}", answer=answer, word_bank=bank_words
    )


def _sibling_words(ix, picker, key, avoid: set[str], n: int, rng: random.Random) -> list[str]:
    """Rare words from sibling definitions that the key's own definition never uses."""
    used = {w.casefold() for w in _WORD.findall(key.definition)} | avoid
    pool = []
    for sib in ix.bank.category(key.category).topics:
        if sib.name != key.name:
            pool += [w for _, _, w in picker.candidates(sib)[:3] if w.casefold() not in used]
    pool = sorted(set(pool))
    rng.shuffle(pool)
    if len(pool) < n:
        raise GenerationError(f"group '{key.category}' offers {len(pool)} words for a word bank; {n} needed")
    return pool[:n]
