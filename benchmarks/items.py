"""Benchmark: 1,000 items from the bundled bank and from synthetic 1,000- and 10,000-topic banks.

Prints wall and CPU time and peak memory for each; targets (issues 3 and 14): the bundled bank <= 3 s; a
10,000-topic bank <= 5 s per 1,000 items and <= 500 MB, cost growing about linearly with the bank.
Run with nice: QUIZGEN_NO_CACHE=1 nice python benchmarks/items.py [--gc command]
(--gc command: the garbage-collector thresholds every quizgen command sets, quizgen.cli.GC_THRESHOLDS;
without it, Python's defaults, as a program calling the library has them. QUIZGEN_NO_CACHE=1: the
10,000-topic bank's TF-IDF matrix is computed, not read from the user cache.)

Measured 27 Nov 2026, 3 runs each alternating with main (2 shared cores, load average 2-4: CPU seconds are
the steadier figure; wall in brackets):
                          this branch                          main (80e8992)
  bundled bank            2.0-2.1 s CPU (2.0-3.7 s wall)        3.4-4.3 s CPU (4.4-5.1 s wall)     (<= 3 s: met)
    with --gc command     1.8-2.1 s CPU (2.6-3.1 s wall)        3.3-3.5 s CPU (3.3-5.1 s wall)
  10,000 topics           6.5-6.8 s CPU (6.9-9.2 s wall)        7.8-8.5 s CPU (10.1-13.2 s wall)   (<= 5 s: not met)
    with --gc command     5.0-5.2 s CPU (5.1-7.3 s wall)        7.3-7.7 s CPU (8.0-11.2 s wall)    (not met: 1 run of 3)
  peak RSS, 10,000        606 MB                                561 MB                             (<= 500 MB: not met)
(The collector alone took ~2 s of the 10,000-topic run with Python's defaults: it walks the millions of
objects the rules' caches keep.)
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
