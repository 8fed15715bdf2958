"""Grading responses against an exam.json, and item analysis that later builds can learn from."""

from __future__ import annotations

import difflib
import json
import math
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .csvsafe import csv_bytes
from .distractors import NON_FUNCTIONING
from .errors import BankError, Diagnostic, Location, QuizgenError
from .exam import LETTERS
from .examfile import ExamRecord
from .userfile import csv_rows, read_text


@dataclass(frozen=True)
class Response:
    line: int
    student_id: str
    variant: str
    answers: tuple[str, ...]
    name: str = ""


def read_responses(path: str | os.PathLike, record: ExamRecord, roster: list | None = None) -> list[Response]:
    """RESPONSES.csv: student_id, variant, q1, q2, … — every bad row reported with its line, none dropped.
    Each row is checked against the class: `roster` (students with name and id), else the students
    exam.json records; and against the variant exam.json says the student was given."""
    display, text = read_text(path, "responses")
    rows = csv_rows(text, restore=True, source=display)
    assigned = {s["id"]: s["variant"] for s in record.students}
    names = {s.id: s.name for s in roster} if roster is not None else {s["id"]: s["name"] for s in record.students}
    class_list = "the roster" if roster is not None else f"the students of {record.path}"
    if rows and rows[0][1] and rows[0][1][0].strip().lower() in ("student_id", "student", "id"):
        rows = rows[1:]
    if not rows:
        raise QuizgenError("no responses in the file", Location(display))
    diags: list[Diagnostic] = []
    seen: dict[str, int] = {}
    out = []
    for n, row in rows:
        where = Location(display, n)
        sid = row[0].strip() if row else ""
        code = row[1].strip() if len(row) > 1 else ""
        answers = tuple(c.strip() for c in row[2:])
        questions = record.variants.get(code)
        problems = []
        if not sid:
            problems.append("no student_id")
        elif sid in seen:
            problems.append(f"student '{sid}' already answered on line {seen[sid]}")
        elif names and sid not in names:
            problems.append(f"student '{sid}' is not in {class_list}; check the id")
        elif sid in assigned and code != assigned[sid] and questions is not None:
            problems.append(f"student '{sid}' was given variant {assigned[sid]}, but this row says {code}")
        if questions is None:
            problems.append(f"unknown variant '{code}' (the exam has {', '.join(record.variants)})")
        else:
            if len(answers) < len(questions) or any(answers[len(questions) :]):
                problems.append(f"{len(answers)} answer column(s) for the {len(questions)} questions of variant {code}")
            else:
                for q, raw in zip(questions, answers):
                    why = invalid_answer(q, raw)
                    if why:
                        problems.append(f"q{q['number']}: {why}")
        if problems:
            diags += [Diagnostic(where, "error", f"{p}; fix this row") for p in problems]
            continue
        seen[sid] = n
        out.append(Response(n, sid, code, answers[: len(questions)], names.get(sid, "")))
    if diags:
        raise BankError(diags)
    return out


def invalid_answer(q: dict, raw: str) -> str | None:
    if not raw:
        return None  # omitted
    kind = q["type"]
    if kind == "cloze" and raw.startswith(POINTS_CELL):
        given = points_cell(raw)
        if given is None or not 0 <= given <= float(q["points"]):
            return f"'{raw}' must be {POINTS_CELL}N with N between 0 and the question's {float(q['points']):g} points"
    elif kind == "cloze":
        if raw.count("|") + 1 > len(q["answer"]):
            return f"{raw.count('|') + 1} answers (separated by |) for {len(q['answer'])} blank(s)"
    elif kind == "mcq":
        if len(raw) != 1 or raw.upper() not in LETTERS[: len(q["options"])]:
            return f"'{raw}' is not one of {', '.join(LETTERS[: len(q['options'])])}"
    elif kind == "truefalse":
        if raw.upper() not in ("T", "F", "TRUE", "FALSE"):
            return f"'{raw}' is not T or F"
    elif kind == "matching":
        letters = raw.replace(" ", "").upper()
        allowed = LETTERS[: len(q["responses"])]
        if len(letters) != len(q["premises"]) or any(c not in allowed + "-" for c in letters):
            return (
                f"'{raw}' needs one letter ({allowed[0]}–{allowed[-1]}, or - for none) for each of the "
                f"{len(q['premises'])} terms"
            )
    return None


POINTS_CELL = "points="  # a cloze cell already marked by the teacher (answer sheets' score grid): points=1.5


def points_cell(raw: str) -> float | None:
    """The points of a 'points=1.5' cell (plain text that no spreadsheet evaluates), or None."""
    try:
        value = float(raw[len(POINTS_CELL) :])
    except ValueError:
        return None
    return value if raw.startswith(POINTS_CELL) and math.isfinite(value) else None


def normalize(text: str) -> str:
    return " ".join(re.sub(r"[-‐–—_]", " ", text.casefold()).split())


def blank_ok(given: str, accepted: list[str], fuzzy: float) -> bool:
    g = normalize(given)
    if not g:
        return False
    for a in accepted:
        n = normalize(a)
        if g == n or (fuzzy > 0 and difflib.SequenceMatcher(None, g, n).ratio() >= 1 - fuzzy):
            return True
    return False


@dataclass(frozen=True)
class Scored:
    score: float
    fraction: float  # 0..1 of the question's points earned before negative marking
    choice: str | None  # MCQ: the topic of the chosen option (for distractor analysis)


def score_question(q: dict, raw: str, negative: bool = False, fuzzy: float = 0.0) -> Scored:
    points = float(q["points"])
    kind = q["type"]
    if kind == "mcq":
        if not raw:
            return Scored(0.0, 0.0, None)
        i = LETTERS.index(raw.upper())
        if i == q["answer"]:
            return Scored(points, 1.0, q["option_topics"][i])
        penalty = -points / (len(q["options"]) - 1) if negative else 0.0
        return Scored(penalty, 0.0, q["option_topics"][i])
    if kind == "truefalse":
        if not raw:
            return Scored(0.0, 0.0, None)
        ok = raw.upper().startswith("T") == bool(q["answer"])
        return Scored(points if ok else (-points if negative else 0.0), float(ok), None)
    if kind == "matching":
        letters = raw.replace(" ", "").upper()
        right = sum(1 for c, a in zip(letters, q["answer"]) if c != "-" and LETTERS.index(c) == a) if letters else 0
        frac = right / len(q["premises"])
        return Scored(points * frac, frac, None)
    given = points_cell(raw) if raw.startswith(POINTS_CELL) else None
    if given is not None:
        return Scored(given, given / points if points else 0.0, None)
    parts = [p.strip() for p in raw.split("|")] if raw else []
    right = sum(1 for given, accepted in zip(parts, q["answer"]) if blank_ok(given, accepted, fuzzy))
    frac = right / len(q["answer"])
    return Scored(points * frac, frac, None)


@dataclass
class ItemStats:
    type: str
    topic: str
    category: str
    n: int = 0
    p: float = 0.0
    discrimination: float = 0.0
    point_biserial: float = 0.0
    distractors: dict = field(default_factory=dict)  # distractor topic -> share of students who chose it
    non_functioning: list = field(default_factory=list)
    flags: list = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return self.type, self.topic


@dataclass
class GradeResult:
    record: ExamRecord
    students: list[dict]  # per student: id, variant, score, max, sections {heading: score}, items {key: fraction}
    items: list[ItemStats]
    reliability: float | None  # KR-20 (Cronbach's alpha on partial credit) over the items everyone took


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 3:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sxy / (sx * sy) if sx and sy else 0.0


def grade(record: ExamRecord, responses: list[Response], negative: bool = False, fuzzy: float = 0.0) -> GradeResult:
    students = []
    item_scores: dict[tuple, list[tuple[int, float]]] = defaultdict(list)  # key -> (student index, fraction)
    choices: dict[tuple, Counter] = defaultdict(Counter)
    options: dict[tuple, set] = defaultdict(set)
    meta: dict[tuple, tuple[str, str]] = {}
    for si, r in enumerate(responses):
        questions = record.variants[r.variant]
        total = maximum = 0.0
        sections: dict[str, float] = defaultdict(float)
        fractions = {}
        for q, raw in zip(questions, r.answers):
            s = score_question(q, raw, negative, fuzzy)
            total += s.score
            maximum += float(q["points"])
            # numbered, so two sections with the same heading keep separate columns
            sections[f"{q.get('section_number', '')}. {q.get('section', q['type'])}".lstrip(". ")] += s.score
            key = (q["type"], q["topic"])
            meta[key] = (q["type"], q.get("category", ""))
            fractions[key] = s.fraction
            item_scores[key].append((si, s.fraction))
            if q["type"] == "mcq":
                options[key] |= {t for t in q["option_topics"] if t != q["topic"]}
                if s.choice and s.choice != q["topic"]:
                    choices[key][s.choice] += 1
        students.append(
            {
                "id": r.student_id,
                "name": r.name,
                "variant": r.variant,
                "score": total,
                "max": maximum,
                "sections": dict(sections),
                "items": fractions,
            }
        )
    totals = [s["score"] for s in students]
    order = sorted(range(len(students)), key=lambda i: totals[i])
    cut = max(1, round(0.27 * len(students)))
    lower, upper = set(order[:cut]), set(order[-cut:])
    items = []
    for key, scores in item_scores.items():
        st = ItemStats(key[0], key[1], meta[key][1], n=len(scores))
        fr = {i: f for i, f in scores}
        st.p = sum(fr.values()) / len(fr)
        up = [fr[i] for i in upper if i in fr]
        lo = [fr[i] for i in lower if i in fr]
        st.discrimination = (sum(up) / len(up) if up else 0) - (sum(lo) / len(lo) if lo else 0)
        weight = _points_of(record, key)
        rest = [totals[i] - fr[i] * weight for i in fr]  # corrected: the item's own score left out of the total
        st.point_biserial = _pearson([fr[i] for i in fr], rest)
        if key[0] == "mcq":
            st.distractors = {t: choices[key][t] / len(scores) for t in sorted(options[key])}
            st.non_functioning = [t for t, share in st.distractors.items() if share < NON_FUNCTIONING]
        if st.discrimination < 0:
            st.flags.append("negative discrimination")
        if st.non_functioning:
            st.flags.append("non-functioning distractors")
        if st.p > 0.95:
            st.flags.append("too easy")
        if st.p < 0.2:
            st.flags.append("too hard")
        items.append(st)
    items.sort(key=lambda s: (s.type, s.topic))
    return GradeResult(record, students, items, _reliability(students, items))


def _points_of(record: ExamRecord, key: tuple) -> float:
    for questions in record.variants.values():
        for q in questions:
            if (q["type"], q["topic"]) == key:
                return float(q["points"])
    return 1.0


def _reliability(students: list[dict], items: list[ItemStats]) -> float | None:
    common = [s.key for s in items if s.n == len(students)]
    k = len(common)
    if k < 2 or len(students) < 3:
        return None
    rows = [[st["items"][key] for key in common] for st in students]
    totals = [sum(r) for r in rows]
    mean_t = sum(totals) / len(totals)
    var_t = sum((t - mean_t) ** 2 for t in totals) / (len(totals) - 1)
    if var_t == 0:
        return None
    var_items = 0.0
    for j in range(k):
        col = [r[j] for r in rows]
        m = sum(col) / len(col)
        var_items += sum((x - m) ** 2 for x in col) / (len(col) - 1)
    return k / (k - 1) * (1 - var_items / var_t)


# ---- files ----


def scores_csv(result: GradeResult) -> bytes:
    headings = sorted({h for s in result.students for h in s["sections"]})
    named = any(s.get("name") for s in result.students)
    rows = [["student_id", *(["name"] if named else []), "variant", "score", "max", "percent", *headings]]
    for s in result.students:
        pct = 100 * s["score"] / s["max"] if s["max"] else 0
        rows.append(
            [
                s["id"],
                *([s.get("name", "")] if named else []),
                s["variant"],
                f"{s['score']:g}",
                f"{s['max']:g}",
                f"{pct:.1f}",
                *(f"{s['sections'].get(h, 0):g}" for h in headings),
            ]
        )
    return csv_bytes(rows)


def items_csv(result: GradeResult) -> bytes:
    rows = [
        [
            "type",
            "topic",
            "category",
            "n",
            "difficulty_p",
            "discrimination",
            "point_biserial",
            "distractor_choices",
            "non_functioning_distractors",
            "flags",
        ]
    ]
    for s in result.items:
        chosen = "; ".join(f"{t}: {share:.0%}" for t, share in s.distractors.items())
        rows.append(
            [
                s.type,
                s.topic,
                s.category,
                s.n,
                f"{s.p:.3f}",
                f"{s.discrimination:.3f}",
                f"{s.point_biserial:.3f}",
                chosen,
                "; ".join(s.non_functioning),
                "; ".join(s.flags),
            ]
        )
    return csv_bytes(rows)


def stats_json(result: GradeResult) -> bytes:
    data = {
        "quizgen_item_stats": 1,
        "exam": result.record.title,
        "students": len(result.students),
        "items": [
            {
                "type": s.type,
                "topic": s.topic,
                "p": round(s.p, 4),
                "discrimination": round(s.discrimination, 4),
                "point_biserial": round(s.point_biserial, 4),
                "flags": s.flags,
                "distractors": {t: round(v, 4) for t, v in s.distractors.items()},
            }
            for s in result.items
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_stats(path: str | os.PathLike) -> dict:
    """Item statistics written by `quizgen grade --stats-out`."""
    display, text = read_text(path, "item statistics")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise QuizgenError(f"not valid JSON: {e.msg}", Location(display, e.lineno, e.colno)) from None
    except RecursionError:
        raise QuizgenError(
            "JSON nested too deeply; write the file with quizgen grade --stats-out", Location(display)
        ) from None
    if not isinstance(data, dict) or data.get("quizgen_item_stats") != 1 or not isinstance(data.get("items"), list):
        raise QuizgenError(
            "not a quizgen item-statistics file; write one with quizgen grade --stats-out", Location(display)
        )
    for i, entry in enumerate(data["items"]):
        if not _stats_entry_ok(entry):
            raise QuizgenError(
                f"items[{i}] is malformed (needs type, topic, a flags list and a distractors "
                "mapping); write the file again with quizgen grade --stats-out",
                Location(display),
            )
    return data


def _stats_entry_ok(entry) -> bool:
    if not isinstance(entry, dict) or not isinstance(entry.get("type"), str) or not isinstance(entry.get("topic"), str):
        return False
    distractors = entry.get("distractors", {})
    return (
        isinstance(entry.get("flags", []), list)
        and isinstance(distractors, dict)
        and all(isinstance(k, str) and isinstance(v, (int, float)) for k, v in distractors.items())
    )


def missed_topics(result: GradeResult, student: str | None = None) -> list[str]:
    """Topics a student did not get fully right, or (without a student) that fewer than half the class got."""
    if student is not None:
        rows = [s for s in result.students if s["id"] == student]
        if not rows:
            raise QuizgenError(f"no student '{student}' in the responses")
        return sorted({topic for (_, topic), frac in rows[0]["items"].items() if frac < 1})
    return sorted({s.topic for s in result.items if s.p < 0.5})
