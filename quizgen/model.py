"""The data every stage shares: frozen dataclasses, raw bank text (escaping happens at the edges)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from .errors import Location

_PAREN = re.compile(r"\s*\([^()]*\)")
_MINOR_WORDS = frozenset(["of", "the", "and", "for", "to", "in", "from", "with", "a", "an", "on", "by"])


def without_brackets(name: str) -> str:
    """A name without its bracketed parts: 'Grouped-Query Attention (GQA)' -> 'Grouped-Query Attention'."""
    return _PAREN.sub("", name).strip() or name


def _abbreviates(short: str, long: str) -> bool:
    """True when `short` abbreviates all of `long`: every word of `long` (minor words may be skipped)
    gives its first letter, and the letters of `short` follow in order, more than one from a word where
    needed — 'GQA' of 'Grouped-Query Attention', 'ELBO' of 'Evidence Lower Bound', 'ZeRO' of 'Zero
    Redundancy Optimizer', 'QLoRA' of 'Quantized LoRA'; not 'ViT' of 'Vision Transformer Variants'
    (the variants are not the ViT) nor 'MoE' of 'Sparse Mixture-of-Experts Layer'."""
    letters = [c.casefold() for c in short if c.isalnum()]
    if " " in short or len(letters) < 2 or sum(c.isupper() for c in short) < 2 and not any(c.isdigit() for c in short):
        return False
    words = [w for w in re.split(r"[\s/&]+", long) if w]  # 'Multi-head' is one word: MLA
    if len(words) < 2 and not (words and re.search(r"[\-–]", words[0])):
        return False

    @cache
    def match(li: int, wi: int) -> bool:
        """letters[li:] spell words[wi:], starting with the initial of words[wi]."""
        if wi == len(words):
            return li == len(letters)
        word = words[wi].casefold()
        if word in _MINOR_WORDS and match(li, wi + 1):
            return True
        if li == len(letters) or word[0] != letters[li]:
            return False
        # take the initial, then any further letters of this word in order, then go on to the next word
        out = match(li + 1, wi + 1)
        pos, k = 1, li + 1
        while not out and k < len(letters):
            found = word.find(letters[k], pos)
            if found < 0:
                break
            pos, k = found + 1, k + 1
            out = match(k, wi + 1)
        return out

    return match(0, 0)


_OTHER_NAME = re.compile(r"(?:or|also|also called|aka|a\.k\.a\.)\s+([^,;]+)", re.I)


@dataclass(frozen=True)
class Topic:
    name: str
    definition: str
    category: str
    aliases: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    id: str | None = None
    location: Location = field(default=Location("<memory>"), compare=False)
    language: str = "en"  # BCP 47 tag of the bank file the topic comes from; its item rules follow it

    # (names are asked for again and again by the item rules: each is computed once, kept in __dict__)
    @cached_property
    def short_name(self) -> str:
        """The name without parenthetical parts: 'Grouped-Query Attention (GQA)' -> 'Grouped-Query Attention'."""
        return without_brackets(self.name)

    @cached_property
    def _parentheticals(self) -> tuple[str, ...]:
        """The bracketed parts of the name, stripped: 'Budget constraint (or budget line)' -> 'or budget line'."""
        return tuple(inner.strip() for inner in re.findall(r"\(([^()]*)\)", self.name))

    @cached_property
    def acronyms(self) -> tuple[str, ...]:
        """Parentheticals that spell the same thing: 'Grouped-Query Attention (GQA)' -> 'GQA',
        'ZeRO (Zero Redundancy Optimizer)' -> 'Zero Redundancy Optimizer'; qualifiers such as
        'Load Balancing (MoE)' are not names."""
        outer = self.short_name
        found = []
        for inner in self._parentheticals:
            other = _OTHER_NAME.fullmatch(inner)
            if other:  # 'Budget constraint (or budget line)': a second name, noted in the headword
                found.append(other.group(1).strip())
            elif inner and (_abbreviates(inner, outer) or _abbreviates(outer, inner)):
                found.append(inner)
        return tuple(found)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every way the bank spells this topic: name, short name, parenthetical, aliases (no repeats); not a
        headword with its note of another name, 'Budget constraint (or budget line)', which no one writes as an
        answer (reading 120)."""
        seen: dict[str, str] = {}
        noted = any(_OTHER_NAME.fullmatch(i) for i in self._parentheticals)
        for n in ((self.short_name,) if noted else (self.name, self.short_name)) + (*self.acronyms, *self.aliases):
            if n.strip():  # (a name that is all brackets, '(or x)', has no short name)
                seen.setdefault(n.casefold(), n)
        return tuple(seen.values())


@dataclass(frozen=True)
class Category:
    name: str
    topics: tuple[Topic, ...]
    description: str = ""
    location: Location = field(default=Location("<memory>"), compare=False)


@dataclass(frozen=True)
class Bank:
    categories: tuple[Category, ...]
    source: str = "<memory>"

    @cached_property
    def topics(self) -> tuple[Topic, ...]:
        return tuple(t for c in self.categories for t in c.topics)

    @cached_property
    def by_name(self) -> dict[str, Topic]:
        """Topics keyed by case-folded name."""
        return {t.name.casefold(): t for t in self.topics}

    @cached_property
    def overlap_map(self) -> dict[str, frozenset[str]]:
        """Case-folded name -> case-folded names it overlaps with, in both directions."""
        pairs: dict[str, set[str]] = {t.name.casefold(): set() for t in self.topics}
        for t in self.topics:
            for other in t.overlaps:
                a, b = t.name.casefold(), other.casefold()
                if b in pairs and a != b:
                    pairs[a].add(b)
                    pairs[b].add(a)
        return {k: frozenset(v) for k, v in pairs.items()}

    def topic(self, name: str) -> Topic:
        return self.by_name[name.casefold()]

    @cached_property
    def _categories(self) -> dict[str, Category]:
        return {c.name.casefold(): c for c in reversed(self.categories)}

    def category(self, name: str) -> Category:
        try:
            return self._categories[name.casefold()]
        except KeyError:
            raise KeyError(name) from None


# ---- items: what the generator produces; JSON field names follow quizgen/item.schema.json ----


def _item_id(kind: str, content: dict) -> str:
    """Stable identity: the same content always gets the same id."""
    payload = json.dumps([kind, content], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Item:
    """Fields every item has; `content()` is what the id is computed from and what JSON shows."""

    topic: str
    category: str
    notes: tuple[str, ...] = field(default=(), kw_only=True)  # e.g. distractor groups widened to

    type = "item"

    def content(self) -> dict:
        raise NotImplementedError

    @property
    def id(self) -> str:
        return _item_id(self.type, self.content())

    def to_json(self) -> dict:
        out = {"id": self.id, "type": self.type, "topic": self.topic, "category": self.category, **self.content()}
        if self.notes:
            out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True)
class MCQItem(Item):
    direction: str  # "definition-to-term" | "term-to-definition"
    stem: str
    options: tuple[str, ...]
    option_topics: tuple[str, ...]
    answer: int
    difficulty: str = "medium"

    type = "mcq"

    def content(self) -> dict:
        return {
            "direction": self.direction,
            "stem": self.stem,
            "options": list(self.options),
            "option_topics": list(self.option_topics),
            "answer": self.answer,
            "difficulty": self.difficulty,
        }


@dataclass(frozen=True)
class ClozeItem(Item):
    mode: str  # "term" | "keyphrase"
    text: str  # blanks written as _____
    answer: tuple[tuple[str, ...], ...]  # per blank, the accepted answers
    word_bank: tuple[str, ...] | None = None

    type = "cloze"

    def content(self) -> dict:
        out = {"mode": self.mode, "text": self.text, "answer": [list(a) for a in self.answer]}
        if self.word_bank is not None:
            out["word_bank"] = list(self.word_bank)
        return out


@dataclass(frozen=True)
class MatchingItem(Item):
    premises: tuple[str, ...]
    premise_topics: tuple[str, ...]
    responses: tuple[str, ...]
    response_topics: tuple[str, ...]
    answer: tuple[int, ...]  # for each premise, the index of its response

    type = "matching"

    def content(self) -> dict:
        return {
            "premises": list(self.premises),
            "premise_topics": list(self.premise_topics),
            "responses": list(self.responses),
            "response_topics": list(self.response_topics),
            "answer": list(self.answer),
        }


@dataclass(frozen=True)
class TrueFalseItem(Item):
    statement: str
    shown_topic: str  # whose definition the statement shows
    answer: bool

    type = "truefalse"

    def content(self) -> dict:
        return {"statement": self.statement, "shown_topic": self.shown_topic, "answer": self.answer}


def statement_parts(item: TrueFalseItem) -> tuple[str, str, str]:
    """(term, colon, definition) of a 'Term: definition' statement, even when the term itself holds ': ', the
    colon as the bank's language writes it (': ', or '\u00a0: ' in French); ('', '', statement) for a statement
    that says something of the term in a sentence of its own."""
    m = re.match(re.escape(item.topic) + r"([ \u00a0\u202f]?: )", item.statement)
    if m:
        return item.topic, m.group(1), item.statement[m.end() :]
    return "", "", item.statement
