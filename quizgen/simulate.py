"""Simulated classes: responses drawn from a Rasch-like item-response model, for trying grading end to end."""

from __future__ import annotations

import math
import random

from .csvsafe import csv_bytes
from .exam import LETTERS
from .examfile import ExamRecord


def _p_correct(ability: float, difficulty: float, flawed: bool) -> float:
    x = 1.7 * (ability - difficulty)
    return 1 / (1 + math.exp(x if flawed else -x))  # a flawed item favours weaker students


def recorded_students(record: ExamRecord) -> list[tuple[str, str]]:
    """(id, variant) of each student exam.json records (an exam built with a roster); [] when none."""
    return [(s["id"], s["variant"]) for s in record.students]


def simulate(
    record: ExamRecord,
    students: int,
    seed: int,
    flawed_topic: str | None = None,
    ids: list[str] | None = None,
    roster: list[tuple[str, str]] | None = None,
) -> tuple[bytes, bytes]:
    """RESPONSES.csv bytes and a truth file (student_id, variant, ability) from the seed; `ids` (with their
    variants assigned in turn, as a roster's are) replaces the made-up SIM0001, … ids; with a `roster` of
    (id, variant), its first `students` students answer the variant they were given."""
    rng = random.Random(f"quizgen-simulate:{seed}")
    codes = list(record.variants)
    width = max(len(q) for q in record.variants.values())
    difficulty: dict[tuple, float] = {}
    appeal: dict[tuple, float] = {}
    out = [["student_id", "variant", *(f"q{i}" for i in range(1, width + 1))]]
    truth = [["student_id", "variant", "ability"]]
    for s in range(students):
        if roster:
            sid, code = roster[s]
        else:
            sid, code = ids[s] if ids else f"SIM{s + 1:04d}", codes[s % len(codes)]
        ability = rng.gauss(0, 1)
        row = []
        for q in record.variants[code]:
            key = (q["type"], q["topic"])
            if key not in difficulty:  # (a planted flaw sits at middle difficulty, where item analysis can see
                # it: an item nearly everyone answers discriminates nothing either way)
                difficulty[key] = 0.0 if q["topic"] == flawed_topic else random.Random(f"{seed}:{key}").gauss(0, 1)
            p = _p_correct(ability, difficulty[key], q["topic"] == flawed_topic)
            row.append(_answer(q, rng, p, appeal))
        out.append([sid, code, *row, *([""] * (width - len(row)))])
        truth.append([sid, code, f"{ability:.4f}"])
    return csv_bytes(out), csv_bytes(truth)


def _answer(q: dict, rng: random.Random, p: float, appeal: dict) -> str:
    kind = q["type"]
    if kind == "mcq":
        if rng.random() < 0.03:
            return ""  # omitted
        if rng.random() < p:
            return LETTERS[q["answer"]]
        wrong = [i for i in range(len(q["options"])) if i != q["answer"]]
        weights = [appeal.setdefault((q["topic"], q["option_topics"][i]), rng.expovariate(1.0) ** 2) for i in wrong]
        return LETTERS[rng.choices(wrong, weights)[0]]
    if kind == "truefalse":
        return ("T" if q["answer"] else "F") if rng.random() < p else ("F" if q["answer"] else "T")
    if kind == "matching":
        n = len(q["responses"])
        return "".join(
            LETTERS[a] if rng.random() < p else LETTERS[(a + 1 + rng.randrange(n - 1)) % n] for a in q["answer"]
        )
    return " | ".join(acc[0] if rng.random() < p else "" for acc in q["answer"])
