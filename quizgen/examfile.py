"""Reading a built exam back from its exam.json (for exports, grading, simulation and re-tests)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .bank.load import display_path
from .errors import Location, QuizgenError

REQUIRED = {
    "mcq": ("options", "answer", "option_topics"),
    "cloze": ("text", "answer"),
    "matching": ("premises", "responses", "answer", "premise_topics", "response_topics"),
    "truefalse": ("statement", "answer", "shown_topic"),
}


@dataclass(frozen=True)
class ExamRecord:
    """exam.json as read: `variants` maps a code to its questions (item JSON plus number, points, section)."""

    path: str
    title: str
    seed: int
    variants: dict[str, list[dict]]
    data: dict


def load_exam_json(path: str | os.PathLike) -> ExamRecord:
    p = Path(path)
    display = display_path(p)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise QuizgenError(f"cannot read the exam: {e.strerror}", Location(display)) from None
    except UnicodeDecodeError:
        raise QuizgenError("not UTF-8 text; give the exam.json that quizgen build wrote", Location(display)) from None
    except json.JSONDecodeError as e:
        raise QuizgenError(f"not valid JSON: {e.msg}", Location(display, e.lineno, e.colno)) from None
    if not isinstance(data, dict) or not isinstance(data.get("variants"), list) or not data["variants"]:
        raise QuizgenError("no 'variants' list; give the exam.json that quizgen build wrote", Location(display))
    variants: dict[str, list[dict]] = {}
    for vi, v in enumerate(data["variants"]):
        where = f"variants[{vi}]"
        if not isinstance(v, dict) or not isinstance(v.get("code"), str) or not isinstance(v.get("questions"), list):
            raise QuizgenError(f"{where} needs 'code' and 'questions'", Location(display))
        for qi, q in enumerate(v["questions"]):
            kind = q.get("type") if isinstance(q, dict) else None
            if kind not in REQUIRED:
                raise QuizgenError(f"{where}.questions[{qi}] has no valid 'type'", Location(display))
            missing = [f for f in ("number", "points", "topic", *REQUIRED[kind]) if f not in q]
            if missing:
                raise QuizgenError(f"{where}.questions[{qi}] lacks '{missing[0]}'", Location(display))
            if q["number"] != qi + 1:
                raise QuizgenError(
                    f"{where}.questions[{qi}] is numbered {q['number']}, expected {qi + 1}", Location(display)
                )
        variants[v["code"]] = v["questions"]
    return ExamRecord(display, str(data.get("title", "")), int(data.get("seed", 0) or 0), variants, data)
