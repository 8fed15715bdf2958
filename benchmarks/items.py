"""Benchmark: 1,000 items from the bundled bank and from synthetic 1,000- and 10,000-topic banks.

Prints wall and CPU time and peak memory for each; targets (issues 3 and 14): the bundled bank <= 3 s; a
10,000-topic bank <= 5 s per 1,000 items and <= 500 MB, cost growing about linearly with the bank.
Run with nice: QUIZGEN_NO_CACHE=1 nice python benchmarks/items.py [--gc command]
(--gc command: the garbage-collector thresholds every quizgen command sets, quizgen.cli.GC_THRESHOLDS;
without it, Python's defaults, as a program calling the library has them. QUIZGEN_NO_CACHE=1: the
10,000-topic bank's TF-IDF matrix is computed, not read from the user cache.)

Measured 27 Nov 2026 after PyStemmer and the caching work of branch speed4, 2 runs each alternating with main
(30d9fbb, which it is rebased on), OPENBLAS_NUM_THREADS=1 (the commands' setting; with a BLAS thread per core
the 1,000-topic bank's ARPACK varied 2-5 s), load average 0.2-2, CPU seconds (wall within 0.02 s):
                          speed4                    main (30d9fbb)
  bundled bank            1.57-1.65 s               1.85-1.88 s          (<= 3 s: met)
    with --gc command     1.45-1.49 s               1.69-1.71 s
  1,000 topics            2.03-2.33 s               2.57-2.60 s
    with --gc command     1.63-1.69 s               2.14-2.17 s
  10,000 topics           5.80-5.88 s               7.35-7.36 s          (<= 5 s: not met, by 0.8-0.9 s)
    with --gc command     4.35-4.38 s               5.14-5.19 s          (<= 5 s: met)
  peak RSS, 10,000        615-617 MB                675-676 MB           (<= 500 MB: not met)
(With Python's default thresholds the collector takes ~2 s of the 10,000-topic run: ten full collections of
~530,000 tracked objects, most of them the keys and values of the rules' per-topic caches — 1-tuples
holding a topic, (text, topic) pairs, small frozensets — which grow by a quarter between collections.)

Remeasured 27 Nov on branch speed5 (caches the collector does not walk, interned words), main 9ed3fd6
alternating, CPU seconds; this session ran ~20 % slower than the last on unchanged code:
                          speed5                    main (9ed3fd6)
  bundled bank            2.0-2.2 s                 1.9-2.0 s            (<= 3 s: met)
    with --gc command     1.8 s                     2.0 s
  10,000 topics           5.9-6.4 s                 7.0-7.2 s            (<= 5 s: not met)
    with --gc command     5.5 s                     5.6 s                (<= 5 s: not met this session)
  peak RSS, 10,000        424 MB                    619 MB               (<= 500 MB: met)
(Full collections of the 10,000-topic run: ~1.0 s in eight, over ~262,000 tracked objects, was ~2 s in nine
over ~513,000; what is left is mostly the cache entries themselves.)
After rebasing on main dc8cfe9 (one run each): 10,000 topics 5.99 s, 5.41 s with --gc command, 373 MB
(main dc8cfe9: 7.66 s, 566 MB); the bundled bank's 1,000 items within noise of main (1.34-1.50 s CPU both).

Remeasured 29 Nov, session 23 (--gc command, QUIZGEN_NO_CACHE=1; a machine about twice as slow as in earlier
sessions: benchmarks/plain_platypus.py's 5-question exam 0.34-0.42 s against 0.20 s), session 22's code (ce62913)
and this session's in the same minutes:
                          ce62913                   17648c9
  bundled bank            2.43 s wall, 2.60 s CPU   2.55-2.68 s wall, 2.72-2.83 s CPU    (<= 3 s: met)
  1,000 topics            5.85 s wall, 6.44 s CPU   5.49-5.93 s wall, 6.14-6.55 s CPU
  10,000 topics           11.35 s wall              11.14-13.31 s wall                   (<= 5 s: not met here)
  peak RSS, 10,000        461 MB                    463 MB (498 MB before the ASCII fix of 17648c9)

Remeasured 29 Nov, session 25 (--gc command, QUIZGEN_NO_CACHE=1; a faster machine: the plain 5-question script
0.16-0.18 s), session 24's code (f369c28) and this session's (dd4026a) in the same minutes:
                          f369c28                   dd4026a
  bundled bank            1.73 s wall, 1.88 s CPU   1.66 s wall, 1.82 s CPU              (<= 3 s: met)
  1,000 topics            4.09 s wall, 4.70 s CPU   4.21 s wall, 4.73 s CPU
  10,000 topics           8.20 s wall               8.42 s wall                          (<= 5 s: not met)
  peak RSS, 10,000        477 MB                    470 MB                               (<= 500 MB: met)

Remeasured 29 Nov, session 26 (--gc command, QUIZGEN_NO_CACHE=1; the plain 5-question script 0.19-0.25 s),
session 25's code (1b78fef) and this session's (248a615) in the same minutes:
                          1b78fef                   248a615
  bundled bank            1.89 s wall, 2.07 s CPU   2.12 s wall, 2.30 s CPU              (<= 3 s: met)
  1,000 topics            4.71 s wall, 5.27 s CPU   5.00 s wall, 5.57 s CPU
  10,000 topics           9.84 s wall               9.85 s wall                          (<= 5 s: not met)
  peak RSS, 10,000        471 MB                    473 MB                               (<= 500 MB: met)
  (in process, 200 items of each type from the bundled bank, alternating: true/false 0.10-0.11 s against 0.17-0.18 s,
  the whole 2.06-2.38 s against 2.12-2.18 s: more terms now yield a statement, and a term whose statement repeats a
  word of its name looks through its siblings' phrases for one that does too)

Remeasured 29 Nov, session 27 (--gc command, QUIZGEN_NO_CACHE=1, load ~0.6-0.9), the session's first code (91d95dc) and
its last (4e58d89) alternating, two runs each; shares_stem now passes over words no name stem can match:
                          91d95dc                   4e58d89
  bundled bank            1.93-1.98 s wall          1.67-1.78 s wall                     (<= 3 s: met)
  1,000 topics            4.26-4.55 s wall          3.55-3.63 s wall
  10,000 topics           8.74-9.22 s wall          8.32-8.38 s wall                     (<= 5 s: not met)
  peak RSS, 10,000        473 MB                    483-484 MB                           (<= 500 MB: met)

Remeasured 29 Nov, session 28 (--gc command, QUIZGEN_NO_CACHE=1, load ~1; a machine ~15 % slower than session 27's),
the session's first code (57e0dfb) and its last alternating, two runs each; an item the key's subject cannot make is
now tried again broadened, where broadening can change it:
                          57e0dfb                   session 28
  bundled bank            1.98-2.03 s wall          2.03-2.19 s wall                     (<= 3 s: met)
  1,000 topics            4.50-4.81 s wall          4.95-5.21 s wall
  10,000 topics           9.69-10.36 s wall         9.35-9.46 s wall                     (<= 5 s: not met)
  peak RSS, 10,000        485 MB                    486 MB                               (<= 500 MB: met)

Remeasured 29 Nov, session 29 (--gc command, QUIZGEN_NO_CACHE=1, load ~1), session 28's last code (e1ef152) and this
session's (7fe3b53) alternating, two runs each; the rules of readings 166-172 first cost the synthetic banks 8-10 %
(a regex compiled per pair of topics to find the kinds a definition opens with), compared word by word since:
                          e1ef152                   7fe3b53
  bundled bank            1.72-1.77 s wall          1.78-1.83 s wall                     (<= 3 s: met)
  1,000 topics            4.00-4.24 s wall          3.99-4.00 s wall
  10,000 topics           7.98-8.31 s wall          7.84-7.96 s wall                     (<= 5 s: not met)
  peak RSS, 10,000        485-486 MB                488 MB                               (<= 500 MB: met)

Remeasured 29 Nov, session 30 (--gc command, QUIZGEN_NO_CACHE=1; session 29's code 32da5bd alternating in process,
CPU seconds): the bundled bank 1.92-1.96 s (32da5bd 1.85-1.93 s; met); 10,000 topics 8.53-8.54 s (32da5bd 8.43-8.75 s;
not met); this script: 1,000 topics 4.96-5.04 s wall, 10,000 topics 9.31-9.43 s wall, peak 489 MB (met).

Remeasured 29 Nov, session 31 (no speed work; session 30's code 1e7c43b alternating in process, CPU seconds, two
sittings, the second after the true/false lenders from the chapter): the bundled bank 1.86-2.00 s (1.86-1.97 s; met);
10,000 topics 7.71-8.70 s (7.83-8.84 s; not met); this script: bundled
2.03 s, 1,000 topics 4.65 s, 10,000 topics 9.08 s wall, peak 488 MB (met). A second run of one generator over new
topics of the 10,000 costs 4.8 s instead of 7.7: ~3 s is each group's and topic's first analysis, spread thin.

Remeasured 29 Nov, session 32 (no speed work; --gc command, QUIZGEN_NO_CACHE=1, OPENBLAS_NUM_THREADS=1, nice): the
bundled bank 1.72 s CPU (met); 1,000 topics 3.82 s CPU; 10,000 topics 8.14 s CPU, 11.50 s wall (not met), peak 488 MB
(met). In process (/tmp script, 200 items of each type): 8.20 s CPU; the profile as flat as session 31's, the probe of
the kind a stem states (ItemGenerator._no_kinded_item) holding half of it, most of that each topic's first analysis.
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
