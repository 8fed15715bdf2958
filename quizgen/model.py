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


def _abbreviates(short: str, long: str) -> bool:
    """True when `short` is an acronym of (part of) `long`: 'GQA' of 'Grouped-Query Attention', 'ELBO' of
    'Evidence Lower Bound', 'QLoRA' of 'Quantized LoRA', 'MoE' of 'Sparse Mixture-of-Experts Layer'."""
    uppers = [c.lower() for c in short if c.isupper()]
    if " " in short or len(uppers) < 2 and not any(c.isdigit() for c in short):
        return False
    letters = uppers if len(uppers) >= 2 else [c.lower() for c in short if c.isalpha()]
    words = [w for w in re.split(r"[\s\-–—/&]+", long) if w and w.lower() not in _MINOR_WORDS]
    if len(words) < 2 or not letters:
        return False
    chars = [(c.lower(), ci == 0 or c.isupper(), ci == 0) for w in words for ci, c in enumerate(w)]

    @cache
    def best(li: int, k: int) -> float:
        """Most initials hit when matching letters[li:] in order at positions >= k."""
        if li == len(letters):
            return 0
        options = [
            best(li + 1, j + 1) + hit
            for j in range(k, len(chars))
            if chars[j][0] == letters[li] and (li > 0 or chars[j][2])
            for hit in (int(chars[j][1]),)
        ]
        return max(options, default=float("-inf"))

    return best(0, 0) * 2 >= len(letters)


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

    @property
    def short_name(self) -> str:
        """The name without parenthetical parts: 'Grouped-Query Attention (GQA)' -> 'Grouped-Query Attention'."""
        return _PAREN.sub("", self.name).strip() or self.name

    @property
    def acronyms(self) -> tuple[str, ...]:
        """Parentheticals that spell the same thing: 'Grouped-Query Attention (GQA)' -> 'GQA',
        'ZeRO (Zero Redundancy Optimizer)' -> 'Zero Redundancy Optimizer'; qualifiers such as
        'Load Balancing (MoE)' are not names."""
        outer = self.short_name
        found = []
        for inner in re.findall(r"\(([^()]*)\)", self.name):
            inner = inner.strip()
            if inner and (_abbreviates(inner, outer) or _abbreviates(outer, inner)):
                found.append(inner)
        return tuple(found)

    @property
    def names(self) -> tuple[str, ...]:
        """Every way the bank spells this topic: name, short name, parenthetical, aliases (no repeats)."""
        seen: dict[str, str] = {}
        for n in (self.name, self.short_name, *self.acronyms, *self.aliases):
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

    def category(self, name: str) -> Category:
        for c in self.categories:
            if c.name.casefold() == name.casefold():
                return c
        raise KeyError(name)


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


def statement_parts(item: TrueFalseItem) -> tuple[str, str]:
    """(term, definition) of a 'Term: definition' statement, even when the term itself holds ': ';
    ('', statement) for a statement that says something of the term in a sentence of its own."""
    prefix = item.topic + ": "
    if item.statement.startswith(prefix):
        return item.topic, item.statement[len(prefix) :]
    return "", item.statement
