"""Draw the item sample that ../shared/ITEM_REVIEW.md asks a blind reader to judge, as readable text (for the
reader) and JSON (for the record).
Usage: python benchmarks/review_sample.py [--widen] [--mix] [--no-bundled] SEED OUT_DIR [BANK_DIR ...]
The bundled bank gets the full mix; each other bank 30 definition-to-term MCQs and 15 cloze items, or with --mix
every type (12 definition-to-term, 15 term-to-definition, 12 term blanks, 6 matching sets, 12 true/false: the
per-bank plan of readings 84-117). --widen draws every item as a section with `widen: true` would (wrong answers
may come from the nearest other groups); --no-bundled leaves the bundled bank out."""

from __future__ import annotations

import dataclasses
import json
import random
import sys
from pathlib import Path

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.render.text import item_as_text

BUNDLED = [
    ("mcq", ItemOptions(direction="definition-to-term"), 40),
    ("mcq", ItemOptions(direction="term-to-definition"), 40),
    ("cloze", ItemOptions(mode="term"), 25),
    ("cloze", ItemOptions(mode="keyphrase"), 25),
    ("matching", ItemOptions(), 10),
    ("truefalse", ItemOptions(), 30),
]
OTHER = [("mcq", ItemOptions(direction="definition-to-term"), 30), ("cloze", ItemOptions(), 15)]
MIX = [
    ("mcq", ItemOptions(direction="definition-to-term"), 12),
    ("mcq", ItemOptions(direction="term-to-definition"), 15),
    ("cloze", ItemOptions(mode="term"), 12),
    ("matching", ItemOptions(), 6),
    ("truefalse", ItemOptions(), 12),
]


def sample(bank_dir: str | None, plan, seed: int) -> tuple:
    bank = load_bank(bank_dir)
    gen = ItemGenerator(bank)
    rng = random.Random(seed)
    out = []
    for kind, options, count in plan:
        try:
            made, _ = gen.items(kind, min(count, len(bank.topics)), rng, None, options)
        except GenerationError as e:  # (a type no topic of the bank yields, as key phrases in small glossaries)
            print(f"{bank_dir or 'bundled'}: no {kind} {options}: {e.message[:80]}", file=sys.stderr)
            continue
        seen: set = set()  # a rare type cycles its topics: each topic once per type
        made = [it for it in made if it.topic not in seen and not seen.add(it.topic)]
        sets: list[set] = []  # and a matching set once: another key of the same group draws it again, reordered
        out += [it for it in made if kind != "matching" or _new_set(set(it.premise_topics), sets)]
    return out, bank


def _new_set(members: set, sets: list[set]) -> bool:
    """Does a matching set share at most two terms with every set already taken? (Readings 50-54: sets of one
    group, reordered, were up to four of a sample's ten.)"""
    if any(len(members & s) > 2 for s in sets):
        return False
    sets.append(members)
    return True


def main() -> None:
    args = sys.argv[1:]
    flags = {a for a in args if a in ("--widen", "--mix", "--no-bundled")}
    args = [a for a in args if a not in flags]
    if len(args) < 2 or not args[0].lstrip("-").isdigit():
        raise SystemExit(
            "usage: python benchmarks/review_sample.py [--widen] [--mix] [--no-bundled] SEED OUT_DIR [BANK_DIR ...]"
        )
    seed, out, widen = int(args[0]), Path(args[1]), "--widen" in flags
    out.mkdir(parents=True, exist_ok=True)
    plan = MIX if "--mix" in flags else OTHER
    banks = [] if "--no-bundled" in flags else [(None, "bundled", BUNDLED)]
    banks += [(b, Path(b).name, plan) for b in args[2:]]
    if widen:
        banks = [(b, n, [(k, dataclasses.replace(o, widen=True), c) for k, o, c in plan]) for b, n, plan in banks]
    for bank_dir, name, plan in banks:
        items, bank = sample(bank_dir, plan, seed)
        text = "\n\n".join(item_as_text(i + 1, it, bank.topic(it.topic).language) for i, it in enumerate(items))
        (out / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (out / f"{name}.json").write_text(json.dumps([it.to_json() for it in items], indent=1, ensure_ascii=False))
        print(f"{name}: {len(items)} items")


if __name__ == "__main__":
    main()
