"""Benchmark: synthetic faker banks of 1,000, 10,000 and 100,000 topics (20, 200 and 2,000 groups),
written as YAML folders, then for each: bank load, a `quizgen check` sample, and a 40-item exam build
(items, variants and the PDFs of one variant with its key) — wall time and peak memory, each size in a
fresh process. Targets (issue 6): 100,000 topics loaded and a 40-item exam built in <= 30 s and <= 2 GB.
Run: python benchmarks/scale.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_bank(n: int, groups: int, folder: Path) -> None:
    from synthetic import synthetic_bank

    from quizgen.bank.write import DraftCategory, DraftTopic, category_yaml, file_names

    bank = synthetic_bank(n, groups, seed=1)
    cats = [DraftCategory(c.name, tuple(DraftTopic(t.name, t.definition) for t in c.topics)) for c in bank.categories]
    for cat, name in zip(cats, file_names(cats)):
        (folder / name).write_text(category_yaml(cat), encoding="utf-8")


def measure(folder: str) -> dict:
    """Runs in a child process: the three stages on one bank folder."""
    import random

    from quizgen import load_bank
    from quizgen.exam import build_exam
    from quizgen.items import ItemGenerator
    from quizgen.output import OutputFolder, render_reportlab
    from quizgen.quality import Checker
    from quizgen.spec import ExamSpec, SectionSpec

    out = {}
    t = time.perf_counter()
    bank = load_bank(folder)
    out["load_s"], out["load_mb"] = time.perf_counter() - t, peak_mb()
    t = time.perf_counter()
    gen = ItemGenerator(bank)
    spec = ExamSpec(
        title="Scale",
        seed=1,
        variants=2,
        sections=(
            SectionSpec("mcq", count=24),
            SectionSpec("cloze", count=6, mode="term"),
            SectionSpec("matching", count=2),
            SectionSpec("truefalse", count=8),
        ),
    )
    exam = build_exam(spec, bank, gen)
    with tempfile.TemporaryDirectory() as tmp:
        one = exam.__class__(exam.spec, exam.variants[:1], exam.bank_source, exam.bank_hash)
        folder_out = OutputFolder(Path(tmp) / "o", one)
        render_reportlab(one, "key", folder_out)
        folder_out.finish()
    out["exam_s"], out["exam_mb"] = time.perf_counter() - t, peak_mb()
    t = time.perf_counter()
    report = Checker(bank, gen).run(100, seed=0, coverage=True)
    random.seed(0)
    out["check_s"], out["check_mb"] = time.perf_counter() - t, peak_mb()
    out["check_ok"] = report.ok
    out["topics"], out["groups"] = len(bank.topics), len(bank.categories)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    for n in (int(x) for x in args.sizes.split(",")):
        groups = max(20, n // 50)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            write_bank(n, groups, Path(tmp))
            made = time.perf_counter() - t
            run = subprocess.run([sys.executable, __file__, "--child", tmp], capture_output=True, text=True)
            if run.returncode:
                print(run.stderr)
                raise SystemExit(1)
            r = json.loads(run.stdout.strip().splitlines()[-1])
        print(
            f"{r['topics']:>7} topics in {r['groups']:>5} groups (YAML written in {made:.1f} s): "
            f"load {r['load_s']:.2f} s, {r['load_mb']:.0f} MB | 40-item exam + PDFs {r['exam_s']:.2f} s, "
            f"{r['exam_mb']:.0f} MB | load + exam {r['load_s'] + r['exam_s']:.2f} s | check sample "
            f"(100 per type) {r['check_s']:.2f} s, {r['check_mb']:.0f} MB, {'ok' if r['check_ok'] else 'FAILED'}"
        )


if __name__ == "__main__":
    main()
