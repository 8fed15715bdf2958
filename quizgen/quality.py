"""`quizgen check`: generate a large sample of every item type and measure it against the hard rules,
balance targets and surface 'test-wise' solvers that see only the item."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy.stats import chisquare

from .distractors import GenerationError, content_words
from .items import ITEM_TYPES, ItemGenerator, ItemOptions
from .items.mcq import of_kind, stem_body, stem_cues
from .model import Bank, ClozeItem, MatchingItem, MCQItem, TrueFalseItem, without_brackets
from .text.describe import mentions, name_stems, parts, shown_name_stems, uncarried
from .text.language import English, off_rules
from .text.mask import BLANK, ELIDED


def contains_spelling(text: str, topic) -> bool:
    """Named anywhere in the text, math and glued tokens ('DINO-style') included."""
    return mentions(text.replace(BLANK, " "), topic)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def surface_flaws(text: str, stem: bool = False) -> list[str]:
    """Flaws a reader sees in any text an item prints: marks left by masking (one is allowed in a stem
    every option shares, none in options or statements, where it would single one out), several blanks, an article
    that tells the blank's first sound, a blank glued to a fragment ('_____-style')."""
    flaws = []
    if ELIDED in text:
        flaws.append("elision_marks")
    if text.count(BLANK) > 1:
        flaws.append("several_blanks")
    if re.search(r"\b(?:a|an|A|An)\s+" + re.escape(BLANK), text):
        flaws.append("article_cue")
    if re.search(re.escape(BLANK) + r"(?:[\-–]\w|\+\+|\w)|\w[\-–]" + re.escape(BLANK), text):
        flaws.append("leaks")
    if not _balanced(text):
        flaws.append("unbalanced_brackets")
    return flaws


HARD_RULES = (
    "leaks",
    "named_in_stem",
    "duplicate_options",
    "overlap_distractors",
    "ambiguities",
    "elision_marks",
    "several_blanks",
    "article_cue",
    "word_cue",
    "undeclared_answers",
    "unbalanced_brackets",
)
SOLVERS = (
    "longest",
    "shortest",
    "stem_overlap",
    "least_stem_overlap",
    "most_similar",
    "odd_one_out",
    "unique_feature",
    "lacks_feature",
    "most_elisions",
    "grammar",
)
# a test-wise student's rules for true/false: a statement that repeats a word of the term's name is about that term
# (True), or is a borrowed one dressed up (False); a tie (no such word) is a guess
TRUEFALSE_SOLVERS = ("repeats_name", "repeats_name_inverse")
_FEATURES = {
    "brackets": re.compile(r"[()\[\]]"),
    "digits": re.compile(r"\d"),
    "math": re.compile(r"\\\("),
    "dashes": re.compile(r"[\-–—]"),
    "quotes": re.compile(r"[\"'“”‘’]"),
    "several sentences": re.compile(r"[.!?]\s+[A-Z]"),
    "compound name": re.compile(r"&|:|\s/\s|\bvs\.?\s"),  # 'Meta-Learning: MAML & Reptile' (readings 44-45)
}


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
    # per MCQ direction: items, summed 1/k, solver hits and the topics asked (a cue in one direction is hidden
    # when the other leans the opposite way; few topics make a figure noisy: every item on a topic is alike)
    by_direction: dict = field(default_factory=dict)
    distractor_sim: list = field(default_factory=list)
    sibling_sim: list = field(default_factory=list)
    true_answers: int = 0
    truefalse_repeats: float = 0.0  # the 'repeats the name' solver's credit over true/false items (the inverse's:
    # the items less it, ties sharing the credit)
    coverage_failures: list = field(default_factory=list)  # (type, topic, reason)
    coverage_sampled: tuple | None = None  # (topics tried, topics in the bank) when not all were tried
    coverage: dict = field(default_factory=dict)  # 'mcq definition-to-term' -> (topics that yield it, tried)
    flagged: Counter = field(default_factory=Counter)  # (type, rule) -> items with that flag
    languages: dict = field(default_factory=dict)  # bank language -> {'topics': n, 'off': [rules and modes off]}
    _seen: set = field(default_factory=set)

    def flag(self, rule: str, item) -> None:
        self.rules[rule] += 1
        self.examples.setdefault(rule, f"{item.id} ({item.topic})")
        if (item.id, rule) not in self._seen:
            self._seen.add((item.id, rule))
            self.flagged[(item.type, rule)] += 1

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

    def _tf_credit(self) -> tuple[float, float]:
        return self.truefalse_repeats, self.counts["truefalse"] - self.truefalse_repeats

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
            "solvers_by_direction": {
                d: {
                    "items": v["items"],
                    "topics": len(v["topics"]),
                    "chance": round(v["chance"] / v["items"], 4),
                    "solvers": {s: round(v["hits"][s] / v["items"], 4) for s in SOLVERS},
                }
                for d, v in sorted(self.by_direction.items())
            },
            "distractor_similarity_ratio": round(
                float(np.mean(self.distractor_sim)) / max(float(np.mean(self.sibling_sim)), 1e-9), 2
            )
            if self.distractor_sim
            else None,
            "truefalse_true_share": round(self.true_answers / max(self.counts["truefalse"], 1), 4),
            "truefalse_solvers": dict(
                zip(TRUEFALSE_SOLVERS, (round(x / max(self.counts["truefalse"], 1), 4) for x in self._tf_credit()))
            ),
            "flag_shares": {
                f"{t} {r}": round(n / max(self.counts[t], 1), 4) for (t, r), n in sorted(self.flagged.items())
            },
            "coverage": {v: round(ok / max(n, 1), 4) for v, (ok, n) in self.coverage.items()},
            "coverage_failures": [list(f) for f in self.coverage_failures],
            "coverage_sampled": list(self.coverage_sampled) if self.coverage_sampled else None,
            "languages": self.languages,
            "ok": self.ok,
        }


class Checker:
    def __init__(self, bank: Bank, generator: ItemGenerator | None = None):
        self.bank = bank
        self.gen = generator or ItemGenerator(bank)
        self.ix = self.gen.index

    def run(self, count: int, seed: int, coverage: bool = True) -> Report:
        report = Report()
        for code, n in sorted(Counter(t.language for t in self.bank.topics).items()):
            report.languages[code] = {"topics": n, "off": off_rules(code)}
        for item_type in ITEM_TYPES:  # each type from a stream of its own: a change to how one type is made
            rng = random.Random(f"{seed}:{item_type}")  # leaves the others' samples, and their figures, as they were
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
        # the topics an exam takes first (items over a pool, same_kind unset): every lure of the kind the stem states
        variants += [
            ("mcq", ItemOptions(direction="definition-to-term", same_kind=True)),
            ("cloze", ItemOptions(mode="term", same_kind=True)),
        ]
        topics = list(self.bank.topics)
        if len(topics) > limit:
            topics = random.Random(seed).sample(topics, limit)
            report.coverage_sampled = (limit, len(self.bank.topics))
        for item_type, options in variants:
            label = " ".join(x for x in (item_type, options.direction, options.mode) if x)
            label += ", lures of the stated kind" if options.same_kind else ""
            made = 0
            for topic in topics:
                try:
                    self.gen.item(item_type, topic, random.Random(seed), options)
                    made += 1
                except GenerationError as e:
                    if (item_type, topic.name) not in seen and not options.same_kind:
                        report.coverage_failures.append((label, topic.name, e.message))
            report.coverage[label] = (made, len(topics))

    # ---- per type ----

    def _check_mcq(self, item: MCQItem, report: Report) -> None:
        key = self.bank.topic(item.topic)
        options = [self.bank.topic(n) for n in item.option_topics]
        wrong = [o for o in options if o.name != key.name]
        k = len(options)
        for i, text in enumerate((item.stem, *item.options)):
            for flaw in surface_flaws(text, stem=i == 0):
                report.flag(flaw, item)
        if item.direction == "definition-to-term":
            body = stem_body(item.stem)
            if contains_spelling(body, key):
                report.flag("leaks", item)
            if any(contains_spelling(body, w) for w in wrong):
                report.flag("named_in_stem", item)
            cues = uncarried(stem_cues(body, key), set().union(*(name_stems(w) for w in wrong)))
            if cues:
                report.flag("word_cue", item)
            if self._other_kind(key, body, wrong):
                report.flag("lure_of_other_kind", item)
        else:
            if any(contains_spelling(text, t) for text, t in zip(item.options, options)):
                report.flag("leaks", item)
            if any(contains_spelling(text, key) for text, t in zip(item.options, options) if t is not key):
                report.flag("named_in_stem", item)
            others = set().union(*(stem_cues(o, key) for i, o in enumerate(item.options) if i != item.answer))
            if uncarried(stem_cues(item.options[item.answer], key), others):
                report.flag("word_cue", item)  # only the right description repeats a word of the term's name
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
        """Strategies of a test-wise student who reads only the item. Each picks the options its rule
        favours; a tie shares the credit, so a rule that sees nothing scores chance."""
        lengths = [len(o) for o in item.options]
        a = item.answer
        if lengths[a] == max(lengths) and lengths.count(max(lengths)) == 1:
            report.longest += 1
        if lengths[a] == min(lengths) and lengths.count(min(lengths)) == 1:
            report.shortest += 1
        code = self.bank.topic(item.topic).language
        words = [content_words(o, code) for o in item.options]
        stem = content_words(item.stem.replace(BLANK, " "), code)
        k = len(item.options)
        mean_sim = [float(np.mean([_jaccard(words[i], words[j]) for j in range(k) if j != i])) for i in range(k)]
        overlap = [len(w & stem) for w in words]
        has = {f: [bool(rx.search(o)) for o in item.options] for f, rx in _FEATURES.items()}
        unique = {i for flags in has.values() if sum(flags) == 1 for i in range(k) if flags[i]}
        lacking = {i for flags in has.values() if sum(flags) == k - 1 for i in range(k) if not flags[i]}
        scores = {
            "longest": lengths,
            "shortest": [-x for x in lengths],
            "stem_overlap": overlap,
            "least_stem_overlap": [-x for x in overlap],
            "most_similar": mean_sim,
            "odd_one_out": [-x for x in mean_sim],
            "unique_feature": [i in unique for i in range(k)],
            "lacks_feature": [i in lacking for i in range(k)],
            "most_elisions": [o.count(ELIDED) + o.count(BLANK) for o in item.options],
            "grammar": self._agreement(item),
        }
        mine = report.by_direction.setdefault(
            item.direction, {"items": 0, "chance": 0.0, "hits": Counter(), "topics": set()}
        )
        mine["items"] += 1
        mine["chance"] += 1 / k
        mine["topics"].add(item.topic)
        for solver, values in scores.items():
            best = max(values)
            picked = [i for i, v in enumerate(values) if v == best]
            report.solver_hits[solver] += (a in picked) / len(picked)
            mine["hits"][solver] += (a in picked) / len(picked)

    def _agreement(self, item: MCQItem) -> list[bool]:
        """Options whose grammatical number agrees with the verb after the stem's blank."""
        m = re.search(re.escape(BLANK) + r"\s+(\w+)", item.stem)
        number = English.verb_number(m.group(1)) if m and item.direction == "definition-to-term" else None
        if number is None:
            return [True] * len(item.options)
        return [English.name_number(o) in (number, None) for o in item.options]

    def _check_cloze(self, item: ClozeItem, report: Report) -> None:
        key = self.bank.topic(item.topic)
        for flaw in surface_flaws(item.text, stem=True):
            if not (flaw == "several_blanks" and item.mode == "keyphrase"):
                report.flag(flaw, item)
        if item.mode == "term":
            if contains_spelling(item.text, key):
                report.flag("leaks", item)
            declared = {a for p in parts(key) for a in p.answers}
            if any(a not in declared for answers in item.answer for a in answers):
                report.flag("undeclared_answers", item)
        elif any(len(a) != 1 or a[0] not in key.definition for a in item.answer):
            report.flag("undeclared_answers", item)
        if any(not _balanced(a) for answers in item.answer for a in answers):
            report.flag("unbalanced_brackets", item)
        else:
            present = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]*", item.text)}
            if any(ans[0].casefold() in present for ans in item.answer):
                report.flag("leaks", item)
        if item.text.count(BLANK) != len(item.answer):
            report.flag("ambiguities", item)
        if item.word_bank is not None and len(set(item.word_bank)) != len(item.word_bank):
            report.flag("duplicate_options", item)
        if item.mode == "term" and item.word_bank:
            wrong = [t for w in item.word_bank if (t := self._printed.get(w.casefold())) is not None and t is not key]
            if self._other_kind(key, item.text.replace(BLANK, " ").lstrip(" :"), wrong):
                report.flag("lure_of_other_kind", item)

    @cached_property
    def _printed(self) -> dict:
        """Topics by the names a word bank prints (with or without a bracketed aside)."""
        out = {}
        for t in self.bank.topics:
            for n in (t.name, without_brackets(t.name)):
                out.setdefault(n.casefold(), t)
        return out

    def _other_kind(self, key, body: str, wrong) -> bool:
        """English: the text opens with the key's defining phrase, which says what kind of thing it is ('protein
        that …', 'period of time …'), and some wrong option is not known to be that kind. Not a hard rule: kinds
        said in other words are often close ('request' / 'statement'); but blind readers struck such options in
        about half the items of fields the rules had never seen (readings 71-75)."""
        kind = self.ix.genus(key)
        if key.language != "en" or kind is None or not of_kind(self.ix, key, kind):
            return False
        opening = re.findall(r"\w+", key.definition.casefold())[:3]
        if re.findall(r"\w+", body.casefold())[:3] != opening:
            return False
        return any(not of_kind(self.ix, w, kind) for w in wrong)

    def _check_matching(self, item: MatchingItem, report: Report) -> None:
        premises = [self.bank.topic(n) for n in item.premise_topics]
        topics = [self.bank.topic(n) for n in item.response_topics]
        for i, a in enumerate(topics):
            for b in topics[i + 1 :]:
                if self.ix.overlapping(a, b) or self.ix.names_clash(a, b):
                    report.flag("ambiguities", item)
        for text, owner in zip(item.responses, topics):
            for flaw in surface_flaws(text):
                report.flag(flaw, item)
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
        for flaw in surface_flaws(item.statement):
            report.flag(flaw, item)
        if item.answer != (shown.name == key.name):
            report.flag("ambiguities", item)
        if not item.answer:
            if self.ix.overlapping(key, shown):
                report.flag("overlap_distractors", item)
            if contains_spelling(item.statement, shown):
                report.flag("leaks", item)
        subjects = sorted({*key.names, *(p.label for p in parts(key))}, key=len, reverse=True)
        # (the subject in any case: 'An interval represents …' names Interval once)
        found = next((m for x in subjects if (m := re.search(re.escape(x), item.statement, re.I))), None)
        said = item.statement if found is None else f"{item.statement[: found.start()]} {item.statement[found.end() :]}"
        if item.answer and mentions(said, key):
            report.flag("leaks", item)  # a true statement that names its term a second time
        repeats = bool(shown_name_stems(said, key))
        report.truefalse_repeats += item.answer if repeats else 0.5


def check_bank(bank: Bank, count: int = 1000, seed: int = 0, coverage: bool = True) -> Report:
    return Checker(bank).run(count, seed, coverage)


_SHORT = {"definition-to-term": "def>term", "term-to-definition": "term>def"}


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
    directions = r.get("solvers_by_direction", {})
    lines.append("surface solvers (accuracy, chance {:.1%}):".format(r["chance"]))
    for d, v in directions.items():
        lines.append(f"  {d}: {v['items']} items on {v['topics']} topics, chance {v['chance']:.1%}")
    if directions:
        lines.append(f"  {'':<22}{'all':>7}" + "".join(f"{_SHORT.get(d, d):>10}" for d in directions))
    for s, acc in r["solvers"].items():
        lines.append(f"  {s:<22}{acc:>7.1%}" + "".join(f"{v['solvers'][s]:>10.1%}" for v in directions.values()))
    lines.append(f"distractors vs random siblings, mean similarity to the key: x{r['distractor_similarity_ratio']}")
    lines.append(f"true/false share of true statements: {r['truefalse_true_share']:.1%}")
    for s, acc in r["truefalse_solvers"].items():
        lines.append(f"  true/false solver {s:<22}{acc:>7.1%}  (chance 50.0%)")
    if r.get("flag_shares"):
        lines.append("flagged items by type and flaw:")
        for name, share in r["flag_shares"].items():
            lines.append(f"  {name:<34}{share:>7.1%}")
    lines.append("coverage (topics that yield each type):")
    for label, share in r.get("coverage", {}).items():
        lines.append(f"  {label:<50}{share:>7.1%}")
    failures = r["coverage_failures"]
    sampled = (
        f" (of a sample of {r['coverage_sampled'][0]} of {r['coverage_sampled'][1]} topics)"
        if r.get("coverage_sampled")
        else ""
    )
    for code, info in r.get("languages", {}).items():
        off = ", ".join(info["off"]) or "none"
        lines.append(f"language {code} ({info['topics']} topics): item rules and modes off: {off}")
    lines.append(f"topics that cannot yield an item type: {len(failures)}{sampled}")
    for t, name, why in failures[:40]:
        lines.append(f"  {t}: {name}: {why}")
    lines.append("OK" if r["ok"] else "FAILED: a hard rule is broken")
    return "\n".join(lines)
