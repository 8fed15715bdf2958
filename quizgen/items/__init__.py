"""Stage 2: items from a bank. One generator per bank; every draw takes an explicit random.Random."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from functools import cached_property

from ..distractors import DIFFICULTIES, DistractorIndex, GenerationError
from ..errors import QuizgenError
from ..model import Bank, Item, Topic
from .cloze import MODES, KeyphrasePicker, make_cloze
from .matching import make_matching
from .mcq import DIRECTIONS, make_mcq
from .order import Shuffled
from .truefalse import make_truefalse

ITEM_TYPES = ("mcq", "cloze", "matching", "truefalse")

# the note an item made in the second pass of `items` carries (its stem states a kind its group has too few of): a
# build tells the teacher which questions of a section they are (readings 220-221: their definition-to-term items
# read 30 of 40 fair, against 36 of 42 first-pass ones in the fresh draw 215-219)
MIXED_KINDS = "wrong answers of other kinds than its stem states (its group has too few of that kind)"


@dataclass(frozen=True)
class ItemOptions:
    direction: str | None = None  # mcq; None: either, drawn per item
    mode: str | None = None  # cloze; None: term (a key phrase only when asked: the weakest items, docs/quality.md)
    k: int = 4  # mcq options
    difficulty: str = "medium"
    word_bank: bool | None = None  # cloze; None: a word bank for every blank
    size: int = 5  # matching premises
    spare: int = 1  # matching extra responses
    widen: bool = False  # let the nearest other groups supply wrong answers when a group has too few
    # a stem that says the key's kind: True, lures of that kind or no item; False, lures of mixed kinds too; None
    # (items over a pool): topics whose lures can all be of that kind first, mixed kinds only once they run out
    same_kind: bool | None = None
    truth: bool | None = None  # true/false: the answer wanted (an exam balances them); None: drawn

    def validate(self) -> None:
        if not 3 <= self.k <= 6:
            raise QuizgenError(f"k (options per question) must be between 3 and 6, not {self.k}")
        if self.direction not in (None, *DIRECTIONS):
            raise QuizgenError(f"direction must be one of {', '.join(DIRECTIONS)}")
        if self.mode not in (None, *MODES):
            raise QuizgenError(f"mode must be one of {', '.join(MODES)}")
        if self.difficulty not in DIFFICULTIES:
            raise QuizgenError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        if self.size < 2 or self.spare < 1:
            raise QuizgenError("matching needs at least 2 terms and 1 spare definition")


class ItemGenerator:
    """Builds items of every type over one bank, sharing its similarity index. With item statistics from
    graded exams it drops (topic, type) pairs that discriminated negatively and prefers distractors
    that students chose."""

    def __init__(self, bank: Bank, stats: dict | None = None):
        self.bank = bank
        self.flawed: dict[tuple[str, str], str] = {}
        self._preferences: dict[str, dict[str, float]] = {}
        for entry in (stats or {}).get("items", []):
            key = (entry.get("type"), entry.get("topic"))
            if "negative discrimination" in entry.get("flags", []):
                self.flawed[key] = "dropped: negative discrimination in a graded exam"
            if entry.get("type") == "mcq" and entry.get("distractors"):
                self._preferences[entry["topic"]] = dict(entry["distractors"])

    @cached_property
    def index(self) -> DistractorIndex:
        ix = DistractorIndex(self.bank)
        ix.preferences = self._preferences
        return ix

    @cached_property
    def keyphrases(self) -> KeyphrasePicker:
        return KeyphrasePicker(self.bank.topics)

    def item(
        self,
        item_type: str,
        topic: Topic,
        rng: random.Random,
        options: ItemOptions = ItemOptions(),
        allowed: set[str] | None = None,
        avoid: frozenset[str] = frozenset(),
    ) -> Item:
        """One item on `topic`; `allowed` limits the other topics a matching set asks about; `avoid`: topics
        an exam already asks or shows, kept out of this item's wrong answers when others are safe. An item the
        siblings of the key's subject cannot make is tried again with the subject broadened
        (DistractorIndex.broadened)."""
        try:
            return self._item(item_type, topic, rng, options, allowed, avoid)
        except GenerationError:
            if not self.index.can_broaden(topic):
                raise
            with self.index.broadened():
                try:
                    return self._item(item_type, topic, rng, options, allowed, avoid)
                except GenerationError:
                    pass
            raise

    def _item(self, item_type, topic, rng, options, allowed, avoid) -> Item:
        o = options
        if item_type == "mcq":
            return self._either(
                o.direction,
                DIRECTIONS,
                rng,
                lambda d: make_mcq(self.index, topic, rng, d, o.k, o.difficulty, avoid, o.widen, bool(o.same_kind)),
            )
        if item_type == "cloze":
            mode = o.mode or "term"
            return make_cloze(
                self.index, self.keyphrases, topic, rng, mode, o.word_bank, o.k, avoid, o.widen, bool(o.same_kind)
            )
        if item_type == "matching":
            return make_matching(self.index, topic, rng, o.size, o.spare, allowed, avoid, o.widen)
        if item_type == "truefalse":
            return make_truefalse(self.index, topic, rng, o.difficulty, avoid, o.widen, o.truth)
        raise QuizgenError(f"item type must be one of {', '.join(ITEM_TYPES)}, not '{item_type}'")

    def _no_kinded_item(self, item_type: str, topic: Topic, options: ItemOptions) -> str | None:
        """Why the topic yields no item with lures of the kind its stem states, tried once with a random stream of
        its own (so the answer is the same whatever was drawn before: each question of an exam draws anew, and once
        the topics that can are used up every later question would try all the others again before mixed kinds;
        swapping one question must leave the others as they were); None when it yields one."""
        probe = random.Random(f"kinded:{topic.name}")
        return self.index.remember(
            ("kinded", item_type, options, topic.name), lambda: self._why_not(item_type, topic, probe, options)
        )

    def _why_not(self, item_type, topic, rng, options) -> str | None:
        try:
            self.item(item_type, topic, rng, options)
        except GenerationError as e:
            return e.message
        return None

    @staticmethod
    def _either(fixed: str | None, choices: tuple[str, ...], rng: random.Random, make):
        """The asked direction/mode, or when none was asked a drawn one — the other when a topic cannot
        yield the drawn one (so hard topics are not skipped for the sake of one form)."""
        if fixed is not None:
            return make(fixed)
        first = rng.choice(choices)
        try:
            return make(first)
        except GenerationError:
            return make(next(c for c in choices if c != first))

    def items(
        self,
        item_type: str,
        count: int,
        rng: random.Random,
        pool: list[Topic] | None = None,
        options: ItemOptions = ItemOptions(),
        avoid: frozenset[str] = frozenset(),
    ) -> tuple[list[Item], list[tuple[Topic, str]]]:
        """`count` items on distinct topics of the pool where possible (cycling when count exceeds it).
        Returns the items and the topics that could not yield one, with the reason."""
        options.validate()
        in_pool = pool is not None and item_type == "matching"  # (only matching sets ask it)
        allowed = {t.name for t in pool} if in_pool else None
        pool = list(pool if pool is not None else self.bank.topics)
        if not pool:
            raise QuizgenError("no topics to draw items from")
        items: list[Item] = []
        failed: dict[str, tuple[Topic, str]] = {}
        order: Shuffled | None = None
        kinded = item_type == "mcq" or item_type == "cloze" and options.mode in (None, "term")
        relaxed = options.same_kind is not None or not kinded  # (a term's kind beside a term's name only)
        second = False  # the second pass: topics the first left out, with lures of mixed kinds
        if not relaxed:
            options = replace(options, same_kind=True)
        while len(items) < count:
            if not order:
                if order is not None and not relaxed:  # every topic tried with lures of the kind its stem states:
                    relaxed, second, options = True, True, replace(options, same_kind=False)  # those it left out
                    left = [t for t, _ in failed.values() if t.name in self.index.kind_refused]
                    failed = {n: f for n, f in failed.items() if n not in self.index.kind_refused}
                    left = left or [t for t in pool if t.name not in failed]
                else:
                    left = [t for t in pool if t.name not in failed] if failed else pool
                order = Shuffled(left, rng)  # what shuffle then pop gives
                if not order:
                    break
            topic = order.pop()
            if (item_type, topic.name) in self.flawed:
                failed[topic.name] = (topic, self.flawed[(item_type, topic.name)])
                continue
            why = None if relaxed else self._no_kinded_item(item_type, topic, options)
            if why is not None:
                failed[topic.name] = (topic, why)
                continue
            try:
                item = self.item(item_type, topic, rng, options, allowed, avoid)
            except GenerationError as e:
                failed[topic.name] = (topic, e.message)
                continue
            if second and topic.name in self.index.kind_refused:
                item = replace(item, notes=(*item.notes, MIXED_KINDS))
            items.append(item)
        if len(items) < count:
            reasons = "; ".join(f"{t.name}: {why}" for t, why in list(failed.values())[:3])
            what = "matching set" if item_type == "matching" else f"{item_type} item"
            raise GenerationError(
                f"no topic left in the pool yields another {what} ({len(items)} of {count} made; {reasons})"
                if count == 1
                else f"only {len(items)} of {count} {what}s could be made ({reasons})"
            )
        return items, list(failed.values())


def generate_items(
    bank: Bank, item_type: str, count: int = 10, seed: int = 0, category: str | None = None, **options
) -> list[Item]:
    """Library entry point: `count` items of one type, reproducible from `seed`."""
    pool = None
    if category is not None:
        try:
            pool = list(bank.category(category).topics)
        except KeyError:
            raise QuizgenError(f"no category '{category}' in the bank") from None
    items, _ = ItemGenerator(bank).items(item_type, count, random.Random(seed), pool, ItemOptions(**options))
    return items
