"""Cloze: the term blanked in a sentence of its definition, or a key phrase — a domain term — blanked."""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from functools import cached_property

from ..distractors import DistractorIndex, GenerationError
from ..i18n import labelled
from ..model import ClozeItem, Topic, without_brackets
from ..text.describe import (
    CROSS_REFERENCE,
    DOUBLED_WORDS,
    Description,
    head_number,
    mentions,
    name_stems,
    parts,
    remark,
    shares_stem,
    uncarried,
    whole_names,
)
from ..text.language import English, language
from ..text.mask import BLANK, sentences
from ..text.math import math_spans
from .cooccur import Runs
from .mcq import (
    as_printed,
    as_shown,
    head_named_alone,
    joined_alone,
    lures_carry,
    number_fit,
    pick_by_kind,
    stem_cues,
    stem_number,
    two_things,
)
from .truefalse import own_subject

MODES = ("term", "keyphrase")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
TECHNICAL = 2.5  # Zipf frequency below which a word is a term of art even if the bank uses it only once
PREDICTED = 0.6  # a neighbour used with the word in this share of the bank's other definitions predicts it
GENERIC = 0.15  # a word in more definitions than this share is the bank's own everyday vocabulary
EVERYDAY = 4.4  # a word this common in general English (Zipf; 1 in 40,000 words) is never a key phrase
OVERUSED = 1.5  # a domain term is at least 10^1.5 (about 30) times more frequent in the bank than in general use


class KeyphrasePicker:
    """Domain terms of a definition: nouns that are rare in general English but used across the bank."""

    def __init__(self, topics: tuple[Topic, ...], lang=English):
        self.topics = topics
        self.lang = lang

    @cached_property
    def _topic_stems(self) -> tuple[tuple[str, ...], ...]:
        """Each topic's name and definition as its sequence of word stems."""
        stem = self.lang.stem
        return tuple(tuple(map(stem, _WORD.findall(f"{t.name} {t.definition}"))) for t in self.topics)

    @cached_property
    def bank_frequency(self) -> Counter:
        """In how many topics' definitions or names each word's stem appears."""
        df: Counter = Counter()
        for stems in self._topic_stems:
            df.update(set(stems))
        return df

    @cached_property
    def _bank_counts(self) -> tuple[Counter, int]:
        counts: Counter = Counter()
        for stems in self._topic_stems:
            counts.update(stems)
        return counts, max(sum(counts.values()), 1)

    def bank_zipf(self, word: str) -> float:
        """The word's frequency in this bank on the Zipf scale (log10 of uses per billion words)."""
        counts, total = self._bank_counts
        return math.log10(max(counts[self.lang.stem(word)], 1) / total * 1e9)

    def is_domain_term(self, word: str) -> bool:
        lang = self.lang
        if len(word) < 4 or word.casefold() in lang.stop_words or any(c.isupper() for c in word):
            return False  # short words, stop words; capitals are names and acronyms (trivia, not concepts)
        if lang.zipf(word) >= EVERYDAY:
            return False  # 'task', 'model', 'data': however much the bank uses them, everyone knows them
        parts = word.split("-")
        head = parts[-1]
        readings = lang.readings(head)
        if readings and "NOUN" not in readings:
            return False  # only a verb, adjective or adverb: 'assure', 'deemed'
        zipf = lang.zipf(word) if len(parts) == 1 else min(lang.zipf(p) for p in parts)
        if zipf < TECHNICAL:
            return True  # a term of art: 'softmax', 'exchangeability'
        # a word the bank uses far more than everyday English does ('jury' in law, 'variance' in statistics),
        # in more than one definition — not an everyday word that happens to be there ('yield', 'state')
        df = self.bank_frequency[lang.stem(word)]
        if df > GENERIC * len(self.topics):
            return False  # the bank's own everyday word ('model' in machine learning): many blanks would fit
        return df >= 2 and self.bank_zipf(word) - zipf >= OVERUSED

    def candidates(self, text: str, topic: Topic) -> list[tuple[int, int, str]]:
        """(start, end, word) of blankable domain terms in `text`, the most technical first."""
        spans = math_spans(text)
        in_math = {  # 'has _____ \( \text{Var}(\hat\theta) \ge … \)': the math spells the word's start
            w.casefold() for a, b in spans for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"\\[A-Za-z]+", " ", text[a:b]))
        }
        own = name_stems(topic)
        folded = Counter(self.lang.stem(w) for w in _WORD.findall(text))
        tokens = list(_WORD.finditer(text))
        out = []
        for i, m in enumerate(tokens):
            w = m.group()
            if not self.is_domain_term(w) or folded[self.lang.stem(w)] > 1:
                continue
            if not _nominal(w, self.lang) or _adjectival(w, self.lang):
                continue  # naming words only: a describing word's blank is judged by grammar, not knowledge
            if any(s <= m.start() < e for s, e in spans) or shares_stem([w, *w.split("-")], own, topic.language):
                continue  # in math, or guessable from the term's own name
            if any(w.casefold().startswith(x) for x in in_math):
                continue
            prev = tokens[i - 1].group().casefold() if i else ""
            nxt = tokens[i + 1].group().casefold() if i + 1 < len(tokens) else ""
            if i and prev not in self.lang.stop_words and not text[tokens[i - 1].end() : m.start()].strip():
                continue  # the head after its modifiers ('policy-gradient _____', 'depthwise _____'): a stock
                # phrase the modifier completes, or several heads fit
            if nxt and nxt not in self.lang.stop_words and not text[m.end() : tokens[i + 1].start()].strip():
                if "NOUN" in self.lang.readings(nxt) and "VERB" not in self.lang.readings(nxt):
                    continue  # a modifier of the noun after it ('manipulating _____ activations')
            if prev in self.lang.verb_openers:
                continue  # 'to _____', 'that _____': a verb reading of a word that can be a noun ('yield')
            if "VERB" in self.lang.readings(w) and prev not in self.lang.noun_openers:
                continue  # 'the sample size _____': without a determiner before it, it may be the verb
            if prev in ("a", "an") or prev in self.lang.coordinators or nxt in self.lang.coordinators:
                continue  # 'a/an' tells the first sound; 'key and _____' is a pair the other half predicts
            if self._parallel_noun(tokens, i):
                continue  # 'whose ablation jailbreaks …, and whose _____ forces refusal' (reading 24)
            if self._opposite_shown(w, folded):
                continue  # 'the output does not change when the _____ is transformed' (reading 24)
            if self._in_contrast(text, m.start(), m.end()) or self._predicted(tokens, i) or self._fixed(tokens, i):
                continue
            if prev and nxt and self._parallel(text, prev, nxt, m.start()):
                continue  # 'at training time … at _____ time': a parallel frame hands the word over
            if nxt == "of" and prev in self.lang.idiom_openers:
                continue  # 'in _____ of', 'on _____ of': an idiom, not a concept
            if self._after_of(tokens, i):
                continue  # 'factors of _____', 'the court of _____', 'a period of _____': the noun before 'of'
                # takes one word (readings 60-61: 9 of 11 such blanks flawed, for the set phrase or for lures
                # that make no sense after it)
            if re.match(r"\s*:", text[m.end() :]):
                continue  # '_____: s for sample standard deviation': a label the symbols after it give away
            if prev in self.lang.quantifiers:
                continue  # 'performs most _____', 'without further _____ with', 'the first few _____': a bare
                # quantified noun the verb or the phrase around it picks (readings 60, 61, 66, 69: flawed in all)
            if re.match(r"[\-–/]\w", text[m.end() :]) or re.search(r"\w[\-–/]$", text[: m.start()]):
                continue
            if _aside(text, m.start(), m.end()):
                continue
            out.append((m.start(), m.end(), w))
        return sorted(out, key=lambda c: (self.lang.zipf(c[2]), c[0]))

    def domain_nouns(self, text: str) -> list[str]:
        """The domain terms of a text that can be nouns, once each, the most technical first: a word bank's
        lures (where they stand in their own text does not matter, only what they are)."""
        words: dict[str, None] = {}
        for m in _WORD.finditer(text):
            w = m.group()
            if self.is_domain_term(w) and _nominal(w, self.lang) and not _symbolic(w):
                if "VERB" not in self.lang.readings(w) or not _after_subject(text[: m.start()]):
                    words.setdefault(w)
        return sorted(words, key=self.lang.zipf)

    @cached_property
    def _documents(self) -> dict[str, frozenset[int]]:
        """For each word stem, the topics whose name or definition uses it."""
        docs: dict[str, set[int]] = {}
        for i, stems in enumerate(self._topic_stems):
            for s in stems:
                docs.setdefault(s, set()).add(i)
        return {k: frozenset(v) for k, v in docs.items()}

    @cached_property
    def _runs(self) -> Runs:
        """How many definitions use a run of adjacent word stems (a pair, a triple), counted when asked."""
        stem, topics = self.lang.stem, self.topics
        return Runs(self._documents, lambda i: tuple(stem(w) for w in _WORD.findall(topics[i].definition)))

    def fits_frame(self, word: str, text: str, start: int, end: int) -> bool:
        """Does the bank use `word` in the frame around the blank — after the content word before it, before
        the content word after it, or after the same two words ('a court _____' → decision or opinion;
        'review the _____' → decision, proceedings)? Then it is a second answer, not a lure."""
        stem = self.lang.stem(word)
        before = [self.lang.stem(w) for w in _WORD.findall(text[:start])[-2:]]
        after = [self.lang.stem(w) for w in _WORD.findall(text[end:])[:1]]
        stops = {self.lang.stem(w) for w in self.lang.stop_words}
        if before and before[-1] not in stops and self._runs.count(before[-1], stem):
            return True
        if after and after[0] not in stops and self._runs.count(stem, after[0]):
            return True
        return len(before) == 2 and before[-1] in stops and self._runs.count(*before, stem) > 0

    def follows(self, word: str, text: str, start: int) -> bool:
        """After a preposition ('during _____', 'at _____'), a word the bank also writes after it; elsewhere
        any word."""
        before = _WORD.findall(text[:start])[-1:]
        if not before or before[0].casefold() not in self.lang.prepositions:
            return True
        return self._runs.count(self.lang.stem(before[0]), self.lang.stem(word)) > 0

    @cached_property
    def _term_words(self) -> dict[str, frozenset[str]]:
        """For a one-word term ('Opinion'), the stems of its definition ('… explanation of the decision …')."""
        out: dict[str, set[str]] = {}
        for t in self.topics:
            for name in t.names:
                if _WORD.fullmatch(name) and "-" not in name:
                    words = out.setdefault(self.lang.stem(name), set())
                    words.update(self.lang.stem(w) for w in _WORD.findall(t.definition))
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def _contexts(self) -> dict[str, Counter]:
        """For each word stem, the content-word stems around it (two either side) across the bank's definitions."""
        stem, stops = self.lang.stem, self.lang.stop_words
        out: dict[str, Counter] = {}
        for t in self.topics:
            words = [stem(w) for w in _WORD.findall(t.definition) if w.casefold() not in stops]
            for i, w in enumerate(words):
                out.setdefault(w, Counter()).update(words[max(0, i - 2) : i] + words[i + 1 : i + 3])
        return out

    def likeness(self, a: str, b: str) -> float:
        """How alike the bank's uses of two words are: the cosine of the words they keep company with ('tokens'
        and 'inputs' share 'sequence', 'attention', 'position'; 'tokens' and 'protocols' little)."""
        ca, cb = self._contexts.get(self.lang.stem(a)), self._contexts.get(self.lang.stem(b))
        if not ca or not cb:
            return 0.0
        dot = sum(v * cb[k] for k, v in ca.items() if k in cb)
        return dot / math.sqrt(sum(v * v for v in ca.values()) * sum(v * v for v in cb.values()))

    def related(self, a: str, b: str) -> bool:
        """One word is a term of the bank whose definition uses the other ('opinion' is 'a judge's written
        explanation of the decision'): offered for the other's blank, it is a near-synonym, not a lure."""
        sa, sb = self.lang.stem(a), self.lang.stem(b)
        return sb in self._term_words.get(sa, ()) or sa in self._term_words.get(sb, ())

    def _fixed(self, tokens, i: int) -> bool:
        """Half of a fixed phrase the bank keeps using ('random variables', 'KV cache', 'null hypothesis'):
        the other half hands the word over."""
        stem = self.lang.stem(tokens[i].group())
        for j, pair in ((i - 1, lambda o: (o, stem)), (i + 1, lambda o: (stem, o))):
            if 0 <= j < len(tokens):
                other = tokens[j].group()
                if other.casefold() not in self.lang.stop_words and self._runs.count(*pair(self.lang.stem(other))) >= 3:
                    return True
        return False

    def _predicted(self, tokens, i: int, window: int = 4) -> bool:
        """A neighbour that, across the bank, nearly always comes with the blanked word gives it away
        ('by 1 degree Celsius' -> temperature): among the other topics that use the neighbour, at least
        PREDICTED of them also use the word."""
        docs = self._documents
        own = docs.get(self.lang.stem(tokens[i].group()), frozenset())
        for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
            w = tokens[j].group()
            if j == i or len(w) < 4 or w.casefold() in self.lang.stop_words:
                continue
            with_neighbour = docs.get(self.lang.stem(w), frozenset())
            if len(with_neighbour) >= 3 and len(with_neighbour & own) - 1 >= PREDICTED * (len(with_neighbour) - 1):
                return True
        return False

    def _after_of(self, tokens, i: int) -> bool:
        """The word completes a noun's 'of' phrase: 'of' right before it, or 'of' and an article."""
        before = [t.group().casefold() for t in tokens[max(0, i - 2) : i]]
        if before[-1:] == ["of"]:
            return True
        return len(before) == 2 and before[0] == "of" and before[1] in self.lang.articles

    @staticmethod
    def _parallel(text: str, prev: str, nxt: str, at: int) -> bool:
        frame = re.compile(rf"\b{re.escape(prev)}\s+[^\W\d_][\w-]*\s+{re.escape(nxt)}\b", re.IGNORECASE)
        return any(abs(m.start() - at) > len(prev) + 2 for m in frame.finditer(text))

    @cached_property
    def _pairs(self) -> dict[str, frozenset[str]]:
        """Words the bank pairs ('encoder and decoder', 'bias–variance', 'prior or posterior') in two or more
        definitions: one of a pair shown beside the blank hands over the other. (A hyphen makes a compound,
        'feed-forward', not a pair.)"""
        pattern = re.compile(r"([^\W\d_]{3,})(?:\s+(?:and|or|vs\.?|versus)\s+|\s*[–/]\s*)([^\W\d_]{3,})")
        seen: dict[tuple[str, str], set[int]] = {}
        for i, t in enumerate(self.topics):
            for a, b in pattern.findall(t.definition):
                sa, sb = self.lang.stem(a), self.lang.stem(b)
                if sa != sb and a.casefold() not in self.lang.stop_words and b.casefold() not in self.lang.stop_words:
                    seen.setdefault((sa, sb), set()).add(i)
        out: dict[str, set[str]] = {}
        for (sa, sb), where in seen.items():
            if len(where) >= 2:
                out.setdefault(sa, set()).add(sb)
                out.setdefault(sb, set()).add(sa)
        return {k: frozenset(v) for k, v in out.items()}

    _LOOSE = frozenset("a an the of in to for with on by from as at and or".split())

    def _parallel_noun(self, tokens, i: int) -> bool:
        """The words before the blank come again before a noun of the blank's WordNet class: the two halves
        of a parallel ('about the target … about the _____', 'whose ablation … whose _____') hand it over.
        The frame is the two words before, or one that is not an article or a common preposition."""
        lang = self.lang
        classes = set(lang.noun_classes(tokens[i].group())[:1])
        words = [t.group().casefold() for t in tokens]
        frames = [tuple(words[i - 2 : i])] if i >= 2 else []
        if i >= 1 and words[i - 1] not in self._LOOSE:
            frames.append((words[i - 1],))
        for frame in frames:
            n = len(frame)
            for j in range(n, len(words)):
                if j != i and tuple(words[j - n : j]) == frame and classes & set(lang.noun_classes(words[j])):
                    return True
        return False

    def _opposite_shown(self, word: str, shown: Counter) -> bool:
        """The text shows the word's partner: a pair the bank keeps making, a WordNet antonym, or the word with
        its counterpart prefix ('the output does not change when the _____ is transformed': input; readings
        44-48, flawed in all five)."""
        lang = self.lang
        partners = set(self._pairs.get(lang.stem(word), ()))
        partners |= {lang.stem(w) for w in lang.antonyms(word)}
        low = word.casefold()
        partners |= {
            lang.stem(b + low[len(a) :]) for a, b in _COUNTERPARTS if low.startswith(a) and len(low) > len(a) + 2
        }
        return any(shown[p] for p in partners)

    def _in_contrast(self, text: str, start: int, end: int) -> bool:
        """'… rather than _____', '_____ instead of …': the contrast gives the blank away."""
        before = " ".join(text[max(0, start - 40) : start].casefold().split()[-5:])
        after = " ".join(text[end : end + 30].casefold().split()[:3])
        markers = [" ".join(c) for c in self.lang.contrasts if len(c) > 1 or c[0] != "than"]
        return any(f" {m} " in f" {before} " or after.startswith(m) for m in markers) or before.endswith(" than")


def make_cloze(
    ix: DistractorIndex,
    picker: KeyphrasePicker,
    key: Topic,
    rng: random.Random,
    mode: str,
    word_bank: bool | None = None,
    k: int = 4,
    avoid: frozenset[str] = frozenset(),
    widen: bool = False,
    same_kind: bool = False,
) -> ClozeItem:
    """`word_bank`: None gives every printed blank a word bank — without one, several terms or words often fit
    a description, and the student cannot know which one the teacher means."""
    if mode == "term":
        return _term(ix, key, rng, word_bank is not False, k, avoid, widen, same_kind)
    return _keyphrase(ix, picker, key, rng, True if word_bank is None else word_bank)


def _term(ix, key, rng, word_bank, k, avoid, widen, same_kind=False) -> ClozeItem:
    why = "its definition names it in every sentence"
    for desc in ix.descriptions(key):
        if remark(desc):
            continue
        if desc.slot is None and key.language == "en" and desc.text[:1].isupper() and own_subject(desc.text):
            continue  # '_____: Vincent (2011) showed that …' labels a sentence with a subject of its own: a heading,
            # not a blank in a sentence (reading 170); as a 'Term: …' statement is never made of one
        text = desc.blanked() if desc.slot is not None else labelled(key.language, BLANK, desc.text)
        if mentions(text.replace(BLANK, " "), key):
            continue
        number = stem_number(ix, key, desc)
        if number is not None and ix.number(key) not in (number, None):
            why = "the verb after the blank does not agree with its name"
            continue
        cues = stem_cues(text, key)
        if cues and not word_bank:
            why = "words of its name stay in every usable sentence"
            continue  # (they would hand the answer over)
        answers = desc.slot.part.answers if desc.slot is not None and not desc.slot.pronoun else key.names
        if answers == key.names:
            answers = whole_names(key)  # a blank for all of 'CTC Loss & RNN-Transducer': 'CTC' names one part
        if desc.slot is None and _one_part_said(key, desc):
            why = "its name joins two things, and the defining phrase labelled with it is one of them"
            continue
        bank_words = None
        notes: tuple[str, ...] = ()
        if word_bank:
            fits = number_fit(key, desc, answers[0])
            if fits is False:
                why = "its name joins two things, which the verb after the blank does not take"
                continue  # 'VC Dimension and Shattering' for '_____ is …'
            how = dict(stem=text, number=number, avoid=avoid, widen=widen, prefer_stems=cues, names=True)
            try:  # 'The geographic area …' with three judges in the bank: eliminated by kind
                # (volumes for 'volume of titrant …'; 'FlashAttention-2 and FlashAttention-3' is no entry for
                # '_____ is a positional method': fits)
                pick = pick_by_kind(
                    ix,
                    key,
                    desc,
                    k,
                    rng,
                    "medium",
                    how,
                    lambda t, fits=fits: fits is None or fits(t),
                    2,
                    fits,
                    same_kind=same_kind,
                )
            except GenerationError as e:
                why = e.message
                continue
            carriers = [as_shown(t, without_brackets(t.name) or t.name) for t in pick.topics]
            if uncarried(cues, set().union(*(name_stems(t) for t in carriers))) or not lures_carry(cues, carriers):
                why = "words of its name stay in every usable sentence"
                continue  # a name word the text shows points at the key unless other entries carry it too, outside
                # their brackets ('scales roughly linearly' and 'ALiBi (Attention with Linear Biases)' beside Linear
                # Attention: readings 17, 55 for definition-to-term, 170 for a term blank)
            if head_named_alone(ix, key, desc, pick.topics):
                why = "its definition opens with the head noun of its name, which no other entry's name leads with"
                continue  # 'Protéine dont …' with one entry named 'Protéine …
            if key.language == "en" and joined_alone(answers[0], [t.name for t in pick.topics]):
                why = "its name is the one entry that joins two things or heads a list"
                continue  # 'Prompt Injection: Taxonomy & Defences', the one heading in the word bank
            printed = list(as_printed([answers[0], *(t.name for t in pick.topics)]))
            shown = next((a for a in answers if a.casefold() == printed[0].casefold()), None)
            if shown is None:
                printed[0] = answers[0]  # (an entry the answer key accepts, and prints first)
            else:
                answers = (shown, *(a for a in answers if a != shown))
            bank_words = tuple(sorted(printed, key=str.casefold))
            notes = tuple(f"word bank widened to group '{c}'" for c in pick.widened)
        return ClozeItem(
            key.name, key.category, mode="term", text=text, answer=(answers,), word_bank=bank_words, notes=notes
        )
    raise GenerationError(f"no term blank for '{key.name}': {why}")


def _one_part_said(key: Topic, desc: Description) -> bool:
    """English: a singular defining phrase given for a name joining two things whose definition goes on to name a
    part alone says what one part is ('Formal guarantee that …' for Differential Privacy & DP-SGD, 'DP-SGD achieves
    …' after it: DP-SGD is an algorithm; reading 154). A plural one ('Rigorous protocols for …') may speak of both;
    names that never come apart ('Full faith and credit clause') are one thing, and so are two spellings of one
    ('Flow Matching / Rectified Flow')."""
    pieces = parts(key)[1:]
    if key.language != "en" or len(pieces) < 2 or not two_things(key.name) or head_number(desc) != "sg":
        return False
    rest = key.definition.replace(desc.text, " ")
    return any(re.search(rf"(?<!\w){re.escape(p.label)}(?!\w)", rest, re.I) for p in pieces)


def _keyphrase(ix, picker: KeyphrasePicker, key: Topic, rng: random.Random, word_bank: bool) -> ClozeItem:
    if "keyphrase cloze" not in language(key.language).supports:
        raise GenerationError(
            f"key-phrase cloze is off for language '{key.language}' (no part-of-speech data to tell nouns apart)"
        )
    sents = [s for s in sentences(key.definition) if not CROSS_REFERENCE.match(s)] or sentences(key.definition)
    shown = sents[0] if len(sents[0].split()) >= 12 or len(sents) == 1 else " ".join(sents[:2])
    if DOUBLED_WORDS.search(shown):
        raise GenerationError(
            f"the definition of '{key.name}' repeats words by mistake ('{DOUBLED_WORDS.search(shown).group(0)}')"
        )
    cands = picker.candidates(shown, key)
    genus = ix.genus(key)  # never the kind the definition says the term is: each kind of it fills the blank too
    if genus is not None:  # ('The _____ ordered by a court' for Sentence: imprisonment, reading 69)
        cands = [c for c in cands if picker.lang.stem(c[2]) != picker.lang.stem(genus)]
    if word_bank:  # a word bank offers words of the blank's kind: a word whose kind is unknown has none
        cands = [c for c in cands if picker.lang.noun_classes(c[2])]
    if not cands:
        raise GenerationError(
            f"'{key.name}' has no domain term to blank (every candidate is everyday English, "
            "part of the name, repeated, paired or in math)"
        )
    top = cands[:3]
    rng.shuffle(top)
    top += cands[3:]  # one blank: a second one makes the sentence harder to read, not the item
    blank, bank_words = top[0], None
    if word_bank:  # the first blank whose group offers a word bank for it
        failure = None
        for blank in top:
            try:
                extras = _lures(ix, picker, key, [blank], shown, 2, rng)
            except GenerationError as e:
                failure = failure or e
                continue
            bank_words = tuple(sorted([blank[2], *extras], key=str.casefold))
            break
        else:
            raise failure
    start, end, word = blank
    body, answer = f"{shown[:start]}{BLANK}{shown[end:]}", ((word,),)
    named = mentions(shown, key)  # (a part counts: 'Attention sinks are …' for 'Attention Sinks / StreamingLLM')
    text = body if named else f"{key.name} — {body}"  # the term in full, set apart from the text
    return ClozeItem(key.name, key.category, mode="keyphrase", text=text, answer=answer, word_bank=bank_words)


_COUNTERPARTS = tuple(
    (a, b)
    for pair in (
        "in out",
        "input output",
        "pre post",
        "over under",
        "up down",
        "inter intra",
        "sub super",
        "min max",
        "inner outer",
        "upper lower",
        "en de",
        "im ex",
        "in ex",
    )
    for a, b in (pair.split(), pair.split()[::-1])
)


def _aside(text: str, start: int, end: int) -> bool:
    """Is the word one of an aside's or a list's members — inside brackets ('(gender, ethnicity, _____, a specific
    memory)'), between two commas, or after an enumerator ('(c) _____ beyond …')? Many words fit there, and the
    rest of the list or the sentence's other parts hand it over (readings 44-48: flawed in all five)."""
    before, after = text[:start], text[end:]
    if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
        return True
    left, right = re.search(r"[^,;:.()—]*$", before).group(), re.match(r"[^,;:.()—]*", after).group()
    if before[: len(before) - len(left)].endswith(",") and after[len(right) :].startswith(","):
        return len(f"{left} {right}".split()) <= 3  # a list's member: 'apologies, _____, confident wrong answers'
    return bool(re.search(r"(?:^|[\s(])(?:[a-z]|[ivx]+|\d+)\)\s*$", before))


def _after_subject(before: str) -> bool:
    """Does a word stand where a verb would: first in its sentence, or after a name, an acronym, a letter or a
    closing bracket ('unadjusted Langevin (ULA) trades bias for …', 'the choice of k trades off …')? A word that
    can be a verb is no noun there: 'trades' beside 'evaluations' (reading 55)."""
    tail = before.rstrip()
    if not tail or tail[-1] in ".;:!?)":
        return True
    last = re.search(r"[\w-]+$", tail)
    return bool(last) and (len(last.group()) == 1 or any(c.isupper() for c in last.group()))


def _adjectival(word: str, lang) -> bool:
    """A describing word: an adjective reading, or for words the tables lack, an adjective's ending."""
    readings = lang.readings(word.split("-")[-1])
    if readings:
        return "ADJ" in readings
    return word.casefold().endswith(("al", "ic", "ive", "ous", "able", "ible", "ary", "ful", "less", "ed"))


def _nominal(word: str, lang) -> bool:
    """A naming word: a noun reading, or for words the tables lack, neither an adverb's '-ly' nor a verb's
    '-ises'."""
    last = word.split("-")[-1]
    readings = lang.readings(last)
    if readings:
        return "NOUN" in readings
    return not last.casefold().endswith("ly") and lang.verb_number(last) is None  # not 'parameterises'


def _lures(ix, picker: KeyphrasePicker, key: Topic, blanks, shown: str, n: int, rng) -> list[str]:
    """Domain terms from sibling definitions, of the same number and kind of word as the answers, that the
    key's own definition never uses, that share no stem with an answer, and that the bank never uses in a
    blank's frame (where they would be second answers)."""
    lang = picker.lang
    answers = [w for _, _, w in blanks]
    nouns = all(_nominal(a, lang) for a in answers)
    used = {_spelling(lang, w) for w in _WORD.findall(f"{key.name} {key.definition}")}
    plural = [lang.is_plural_noun(a.split("-")[-1]) for a in answers]
    adjective = any(_adjectival(a, lang) for a in answers)
    siblings = [t for t in ix.bank.category(key.category).topics if t.name != key.name]
    near = ix.relatedness(key, siblings)  # words from the definitions nearest in subject first
    # (only the group's: words from the nearest other groups read as off-subject — reading 26)
    ordered = [siblings[i] for i in sorted(range(len(siblings)), key=lambda i: -near[i])]
    pool: dict[str, None] = {}
    for sib in ordered:
        for w in picker.domain_nouns(sib.definition):
            if _spelling(lang, w) in used or lang.is_plural_noun(w.split("-")[-1]) not in plural:
                continue  # the key's own words, in any spelling ('optimisation' for 'optimization')
            if _adjectival(w, lang) != adjective:
                continue  # a describing word among naming words (or the reverse) stands out
            if nouns and not _nominal(w, lang):
                continue  # 'instrumentally' among nouns
            if any(picker.fits_frame(w, shown, a, b) or picker.related(w, ans) for a, b, ans in blanks):
                continue
            if not all(picker.follows(w, shown, a) for a, _, _ in blanks):
                continue  # 'bandwidth during _____' with 'bias': the bank never writes 'during bias' (reading 25)
            if not all(_same_class(lang, w, ans) for ans in answers):
                continue  # 'algorithm · continuation · critic · factuality': only one fits a role (reading 24)
            if any(_spelling(lang, w.split("-")[-1]) == _spelling(lang, p.split("-")[-1]) for p in pool):
                continue  # 'parameter · per-parameter': one word twice
            if any(_spelling(lang, ans) in {_spelling(lang, p) for p in w.split("-")} for ans in answers):
                continue  # 'mechanistic-interpretability' beside 'interpretability' fills the blank too (reading 21)
            pool.setdefault(w)
    # the words the bank uses most as it uses the answers ('tokens' beside 'inputs', not 'protocols': readings 44-48
    # found words of the group that no one would write in the blank), the nearest subjects' first on a tie
    likeness = {w: round(min(picker.likeness(w, a) for a in answers), 9) for w in pool}
    words = sorted(pool, key=lambda w: -likeness[w])[: 2 * n]  # in a seeded order
    rng.shuffle(words)
    out: list[str] = []
    for w in words:
        if len(out) == n:
            break
        if all(_spelling(lang, w) != _spelling(lang, o) for o in out):
            out.append(w)
    if len(out) < min(n, 2):
        raise GenerationError(f"group '{key.category}' offers {len(out)} domain terms for a word bank; 2 needed")
    return out


def _symbolic(word: str) -> bool:
    """A letter's name or a symbol in the word ('beta', 'α-divergences'): notation, not a concept of its own."""
    from ..text.latexmath import GREEK

    return any(p.casefold() in GREEK or not p.isascii() for p in word.split("-"))


def _same_class(lang, a: str, b: str) -> bool:
    """Two nouns of one kind of thing: each one's most frequent WordNet class is among the other's ('router',
    a person or a device, beside 'critic', a person)."""
    ca, cb = lang.noun_classes(a), lang.noun_classes(b)
    return bool(ca and cb) and ca[0] in cb and cb[0] in ca


_VARIANTS = ((r"isation", "ization"), (r"ise([sd]?)$", r"ize\1"), (r"ising$", "izing"), (r"yse", "yze"), (r"our", "or"))


def _spelling(lang, word: str) -> str:
    """The stem of a word with British spellings made American, so 'optimisation' and 'optimization' are one."""
    w = word.casefold()
    for a, b in _VARIANTS:
        w = re.sub(a, b, w)
    return lang.stem(w)
