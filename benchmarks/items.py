"""Benchmark: 1,000 items from the bundled bank and from a synthetic 10,000-topic bank.

Prints wall time and peak memory for each; targets (issue 3): 10,000-topic bank ≤ 5 s and ≤ 500 MB,
cost growing about linearly with the bank. Run: python benchmarks/items.py
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_bank  # noqa: E402

from quizgen import load_bank  # noqa: E402
from quizgen.items import ITEM_TYPES, ItemGenerator  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(label: str, bank, count: int = 1000) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    gen = ItemGenerator(bank)
    rng = random.Random(0)
    made = 0
    for i, item_type in enumerate(ITEM_TYPES):
        n = count // len(ITEM_TYPES) + (1 if i < count % len(ITEM_TYPES) else 0)
        items, _ = gen.items(item_type, n, rng)
        made += len(items)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{label:<34} {len(bank.topics):>7} topics  {made:>5} items  {elapsed:6.2f} s wall  {cpu:6.2f} s CPU  "
        f"peak RSS {peak_mb():6.0f} MB"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--gc",
        choices=("library", "command"),
        default="library",
        help="library: Python's garbage-collector thresholds; command: those every quizgen command sets",
    )
    if parser.parse_args().gc == "command":
        from quizgen.cli import GC_THRESHOLDS

        gc.set_threshold(*GC_THRESHOLDS)
    run("bundled bank", load_bank())
    for n, c in ((1000, 50), (10000, 500)):
        t0 = time.perf_counter()
        bank = synthetic_bank(n, c, seed=1)
        print(f"  (synthetic bank of {n} built in {time.perf_counter() - t0:.2f} s)")
        run(f"synthetic faker bank, {c} groups", bank)
