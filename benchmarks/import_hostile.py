"""Benchmark: seconds per 100 KB for each hostile glossary of tests/hostile/imports (issue 10: every import
line ≤ 1 s per 100 KB). Run: python benchmarks/import_hostile.py"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "hostile" / "imports"))

from cases import CASES  # noqa: E402

from quizgen.bank.importers import import_text  # noqa: E402
from quizgen.errors import QuizgenError  # noqa: E402

for name, text in sorted(CASES.items()):
    start = time.perf_counter()
    try:
        outcome = f"{len(import_text(text, name).topics)} topic(s)"
    except QuizgenError:
        outcome = "located error"
    seconds = time.perf_counter() - start
    per = seconds / (len(text) / 100_000)
    print(f"{name:34s} {len(text) / 1000:7.1f} KB {seconds:6.2f} s  {per:6.2f} s/100 KB  {outcome}")
