"""`quizgen check`: generate a large sample of every item type and measure it against the hard rules,
balance targets and surface 'test-wise' solvers that see only the item."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy.stats import chisquare
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .distractors import GenerationError
from .items import ITEM_TYPES, ItemGenerator, ItemOptions
from .model import Bank, ClozeItem, MatchingItem, MCQItem, TrueFalseItem
from .text.mask import BLANK, contains_spelling

HARD_RULES = ("leaks", "named_in_stem", "duplicate_options", "overlap_distractors", "ambiguities")
SOLVERS = ("longest", "shortest", "stem_overlap", "most_similar", "odd_one_out")
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in ENGLISH_STOP_WORDS and len(w) > 2}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)  # items per type
    rules: Counter = field(default_factory=Counter)  # hard-rule violations
    examples: dict = field(default_factory=dict)  # rule -> first offending item id and topic
    positions: dict = field(default_factory=dict)  # k -> Counter of key positions
    longest: int = 0
    shortest: int = 0
    mcq: int = 0
    solver_hits: Counter = field(default_factory=Counter)
    chance: float = 0.0  # summed 1/k over MCQs
    distractor_sim: list = field(default_factory=list)
    sibling_sim: list = field(default_factory=list)
    true_answers: int = 0
    coverage_failures: list = field(default_factory=list)  # (type, topic, reason)
    coverage_sampled: tuple | None = None  # (topics tried, topics in the bank) when not all were tried

    def flag(self, rule: str, item) -> None:
        self.rules[rule] += 1
        self.examples.setdefault(rule, f"{item.id} ({item.topic})")

    @property
    def ok(self) -> bool:
        return not any(self.rules[r] for r in HARD_RULES)

    def position_p_value(self) -> float:
        ps = []
        for k, counter in self.positions.items():
            observed = [counter[i] for i in range(k)]
            if sum(observed) >= 5 * k:
                ps.append(float(chisquare(observed).pvalue))
        return min(ps) if ps else 1.0

    def as_dict(self) -> dict:
        n = max(self.mcq, 1)
        chance = self.chance / n
        return {
            "items": dict(self.counts),
            "hard_rules": {r: self.rules[r] for r in HARD_RULES},
            "examples": self.examples,
            "key_position": {str(k): [c[i] for i in range(k)] for k, c in sorted(self.positions.items())},
            "key_position_p": round(self.position_p_value(), 4),
            "key_unique_longest": round(self.longest / n, 4),
            "key_unique_shortest": round(self.shortest / n, 4),
            "chance": round(chance, 4),
            "solvers": {s: round(self.solver_hits[s] / n, 4) for s in SOLVERS},
            "distractor_similarity_ratio": round(
                float(np.mean(self.distractor_sim)) / max(float(np.mean(self.sibling_sim)), 1e-9), 2
            )
            if self.distractor_sim
            else None,
            "truefalse_true_share": round(self.true_answers / max(self.counts["truefalse"], 1), 4),
            "coverage_failures": [list(f) for f in self.coverage_failures],
            "coverage_sampled": list(self.coverage_sampled) if self.coverage_sampled else None,
            "ok": self.ok,
        }


class Checker:
    def __init__(self, bank: Bank, generator: ItemGenerator | None = None):
        self.bank = bank
        self.gen = generator or ItemGenerator(bank)
        self.ix = self.gen.index

    def run(self, count: int, seed: int, coverage: bool = True) -> Report:
        report = Report()
        rng = random.Random(seed)
        for item_type in ITEM_TYPES:
            try:
                items, failed = self.gen.items(item_type, count, rng)
            except GenerationError as e:
                report.coverage_failures.append((item_type, "(whole bank)", e.message))
                continue
            for topic, why in failed:
                report.coverage_failures.append((item_type, topic.name, why))
            for item in items:
                report.counts[item_type] += 1
                getattr(self, f"_check_{item_type}")(item, report)
        if coverage:
            self._coverage(report, seed)
        return report

    def _coverage(self, report: Report, seed: int, limit: int = 2000) -> None:
        """Every topic should yield every type (and both directions, both cloze modes); on banks larger
        than `limit` topics, a seeded sample of `limit` topics is tried and the report says so."""
        seen = {(t, n) for t, n, _ in report.coverage_failures}
        variants = [("mcq", ItemOptions(direction=d)) for d in ("definition-to-term", "term-to-definition")]
        variants += [("cloze", ItemOptions(mode=m)) for m in ("term", "keyphrase")]
        variants += [("matching", ItemOptions()), ("truefalse", ItemOptions())]
        topics = list(self.bank.topics)
        if len(topics) > limit:
            topics = random.Random(seed).sample(topics, limit)
            report.coverage_sampled = (limit, len(self.bank.topics))
        for topic in topics:
            for item_type, options in variants:
                try:
                    self.gen.item(item_type, topic, random.Random(seed), options)
                except GenerationError as e:
                    if (item_type, topic.name) not in seen:
                        report.coverage_failures.append((item_type, topic.name, e.message))

    # ---- per type ----

    def _check_mcq(self, item: MCQItem, report: Report) -> None:
        key = self.bank.topic(item.topic)
        options = [self.bank.topic(n) for n in item.option_topics]
        wrong = [o for o in options if o.name != key.name]
        k = len(options)
        if item.direction == "definition-to-term":
            if contains_spelling(item.stem, key):
                report.flag("leaks", item)
            if any(contains_spelling(item.stem, w) for w in wrong):
                report.flag("named_in_stem", item)
        else:
            if any(contains_spelling(text, t) for text, t in zip(item.options, options)):
                report.flag("leaks", item)
            if any(contains_spelling(text, key) for text, t in zip(item.options, options) if t is not key):
                report.flag("named_in_stem", item)
        if len({o.casefold() for o in item.options}) < k or any(
            self.ix.names_clash(a, b) or self.ix.overlapping(a, b)
            for i, a in enumerate(options)
            for b in options[i + 1 :]
        ):
            report.flag("duplicate_options", item)
        overlaps = self.bank.overlap_map.get(key.name.casefold(), frozenset())
        if any(w.name.casefold() in overlaps for w in wrong):
            report.flag("overlap_distractors", item)
        report.positions.setdefault(k, Counter())[item.answer] += 1
        report.mcq += 1
        report.chance += 1 / k
        self._balance_and_solvers(item, report)
        siblings = [t for t in self.bank.category(key.category).topics if t.name != key.name]
        report.distractor_sim.extend(self.ix.similarity(key, wrong).tolist())
        report.sibling_sim.append(float(np.mean(self.ix.similarity(key, siblings))) if siblings else 0.0)

    def _balance_and_solvers(self, item: MCQItem, report: Report) -> None:
        lengths = [len(o) for o in item.options]
        a = item.answer
        if lengths[a] == max(lengths) and lengths.count(max(lengths)) == 1:
            report.longest += 1
        if lengths[a] == min(lengths) and lengths.count(min(lengths)) == 1:
            report.shortest += 1
        words = [content_words(o) for o in item.options]
        stem = content_words(item.stem.replace(BLANK, " "))
        k = len(item.options)
        mean_sim = [np.mean([_jaccard(words[i], words[j]) for j in range(k) if j != i]) for i in range(k)]
        picks = {
            "longest": int(np.argmax(lengths)),
            "shortest": int(np.argmin(lengths)),
            "stem_overlap": int(np.argmax([len(w & stem) for w in words])),
            "most_similar": int(np.argmax(mean_sim)),
            "odd_one_out": int(np.argmin(mean_sim)),
        }
        for solver, choice in picks.items():
            report.solver_hits[solver] += choice == a

    def _check_cloze(self, item: ClozeItem, report: Report) -> None:
        key = self.bank.topic(item.topic)
        if item.mode == "term":
            if contains_spelling(item.text, key):
                report.flag("leaks", item)
        else:
            present = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]*", item.text)}
            if any(ans[0].casefold() in present for ans in item.answer):
                report.flag("leaks", item)
        if item.text.count(BLANK) != len(item.answer):
            report.flag("ambiguities", item)
        if item.word_bank is not None and len(set(item.word_bank)) != len(item.word_bank):
            report.flag("duplicate_options", item)

    def _check_matching(self, item: MatchingItem, report: Report) -> None:
        premises = [self.bank.topic(n) for n in item.premise_topics]
        topics = [self.bank.topic(n) for n in item.response_topics]
        for i, a in enumerate(topics):
            for b in topics[i + 1 :]:
                if self.ix.overlapping(a, b) or self.ix.names_clash(a, b):
                    report.flag("ambiguities", item)
        for text, owner in zip(item.responses, topics):
            if contains_spelling(text, owner):
                report.flag("leaks", item)
            if any(contains_spelling(text, p) for p in premises if p is not owner):
                report.flag("named_in_stem", item)
        if sorted(set(item.answer)) != sorted(item.answer) or len(item.responses) <= len(item.premises):
            report.flag("ambiguities", item)

    def _check_truefalse(self, item: TrueFalseItem, report: Report) -> None:
        key = self.bank.topic(item.topic)
        shown = self.bank.topic(item.shown_topic)
        report.true_answers += item.answer
        if item.answer != (shown.name == key.name):
            report.flag("ambiguities", item)
        if not item.answer:
            if self.ix.overlapping(key, shown):
                report.flag("overlap_distractors", item)
            if contains_spelling(item.statement, shown):
                report.flag("leaks", item)


def check_bank(bank: Bank, count: int = 1000, seed: int = 0, coverage: bool = True) -> Report:
    return Checker(bank).run(count, seed, coverage)


def format_report(r: dict) -> str:
    lines = ["items generated: " + ", ".join(f"{t} {n}" for t, n in r["items"].items())]
    lines.append("hard rules (must all be 0):")
    for rule, n in r["hard_rules"].items():
        example = f"   e.g. {r['examples'][rule]}" if n else ""
        lines.append(f"  {rule:<22}{n:>6}{example}")
    lines.append(f"key position counts: {r['key_position']}  chi-square p = {r['key_position_p']:.3f}")
    lines.append(
        f"key is the unique longest option: {r['key_unique_longest']:.1%}; "
        f"unique shortest: {r['key_unique_shortest']:.1%}  (chance {r['chance']:.1%})"
    )
    lines.append("surface solvers (accuracy, chance {:.1%}):".format(r["chance"]))
    for s, acc in r["solvers"].items():
        lines.append(f"  {s:<22}{acc:>7.1%}")
    lines.append(f"distractors vs random siblings, mean similarity to the key: x{r['distractor_similarity_ratio']}")
    lines.append(f"true/false share of true statements: {r['truefalse_true_share']:.1%}")
    failures = r["coverage_failures"]
    sampled = (
        f" (of a sample of {r['coverage_sampled'][0]} of {r['coverage_sampled'][1]} topics)"
        if r.get("coverage_sampled")
        else ""
    )
    lines.append(f"topics that cannot yield an item type: {len(failures)}{sampled}")
    for t, name, why in failures[:40]:
        lines.append(f"  {t}: {name}: {why}")
    lines.append("OK" if r["ok"] else "FAILED: a hard rule is broken")
    return "\n".join(lines)
