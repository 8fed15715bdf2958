"""The `answer_sheets` record of an exam.json, read once and checked field by field (the file may have been
edited by anyone), as frozen dataclasses the scanner works from."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import Location, QuizgenError
from ..examfile import ExamRecord

FIELDS = ("choice", "match", "points", "student_id")
MAX_PAGES = 50
MAX_BUBBLES = 200_000


@dataclass(frozen=True)
class BubbleSpec:
    page: int
    x: float
    y: float
    r: float
    field: str
    value: str
    question: int = 0
    index: int = 0  # matching term or student-number digit position


@dataclass(frozen=True)
class LayoutSpec:
    variant: str
    named: bool
    pages: int
    bubbles: tuple[BubbleSpec, ...]
    write_ins: tuple[tuple[int, float, float, float, float, int], ...]  # page, x, y, w, h, question


@dataclass(frozen=True)
class SheetSpec:
    exam_hash: str
    page_size: tuple[float, float]
    fiducials: tuple[tuple[float, float], ...]  # top-left, top-right, bottom-right, bottom-left
    fiducial_side: float
    qr: tuple[float, float, float]  # x, y, side
    id_digits: int
    layouts: dict[tuple[str, bool], LayoutSpec]
    copies: dict[str, str]  # named copies: student id -> variant


def load_sheet_spec(record: ExamRecord) -> SheetSpec:
    where = Location(record.path)
    data = record.data.get("answer_sheets")
    if not isinstance(data, dict):
        raise QuizgenError(
            "this exam has no answer sheets; build it with --answer-sheet (or answer_sheet: true in the spec)", where
        )

    def bad(field: str, what: str):
        return QuizgenError(f"answer_sheets.{field} {what}; give the exam.json that quizgen build wrote", where)

    def number(v, field: str, low: float = -1e6, high: float = 1e6) -> float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not low <= v <= high:
            raise bad(field, f"must be a number between {low:g} and {high:g}")
        return float(v)

    def integer(v, field: str, low: int, high: int) -> int:
        if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high:
            raise bad(field, f"must be a whole number between {low} and {high}")
        return v

    exam_hash = data.get("exam_hash")
    if not isinstance(exam_hash, str) or not exam_hash.isalnum() or len(exam_hash) > 64:
        raise bad("exam_hash", "is missing or malformed")
    size = data.get("page_size")
    if not isinstance(size, list) or len(size) != 2:
        raise bad("page_size", "must be [width, height]")
    w, h = (number(v, "page_size", 72, 72 * 60) for v in size)
    fid = data.get("fiducials")
    centres = fid.get("centres") if isinstance(fid, dict) else None
    if (
        not isinstance(centres, list)
        or len(centres) != 4
        or not all(isinstance(c, list) and len(c) == 2 for c in centres)
    ):
        raise bad("fiducials.centres", "must list four [x, y] centres")
    fiducials = tuple((number(c[0], "fiducials", 0, w), number(c[1], "fiducials", 0, h)) for c in centres)
    side = number(fid.get("side"), "fiducials.side", 1, 200)
    qr = data.get("qr")
    if not isinstance(qr, dict):
        raise bad("qr", "is missing")
    qr_box = (
        number(qr.get("x"), "qr.x", 0, w),
        number(qr.get("y"), "qr.y", 0, h),
        number(qr.get("size"), "qr.size", 10, w),
    )
    id_digits = integer(data.get("id_digits"), "id_digits", 1, 12)
    raw_layouts = data.get("layouts")
    if not isinstance(raw_layouts, list) or not raw_layouts:
        raise bad("layouts", "must be a non-empty list")
    layouts: dict[tuple[str, bool], LayoutSpec] = {}
    total = 0
    for li, lay in enumerate(raw_layouts):
        at = f"layouts[{li}]"
        if (
            not isinstance(lay, dict)
            or lay.get("variant") not in record.variants
            or not isinstance(lay.get("named"), bool)
        ):
            raise bad(at, "needs a 'variant' of the exam and 'named' true or false")
        pages = integer(lay.get("pages"), f"{at}.pages", 1, MAX_PAGES)
        questions = {q["number"]: q for q in record.variants[lay["variant"]]}
        raw_bubbles = lay.get("bubbles")
        if not isinstance(raw_bubbles, list):
            raise bad(f"{at}.bubbles", "must be a list")
        total += len(raw_bubbles)
        if total > MAX_BUBBLES:
            raise bad("layouts", f"hold more than {MAX_BUBBLES} bubbles")
        bubbles = []
        for bi, b in enumerate(raw_bubbles):
            bat = f"{at}.bubbles[{bi}]"
            if not isinstance(b, dict) or b.get("field") not in FIELDS or not isinstance(b.get("value"), str):
                raise bad(bat, f"needs a 'field' ({', '.join(FIELDS)}) and a text 'value'")
            field = b["field"]
            question = 0 if field == "student_id" else integer(b.get("question"), f"{bat}.question", 1, 10**6)
            if question and question not in questions:
                raise bad(bat, f"names question {question}, which variant {lay['variant']} does not have")
            index = 0
            if field == "match":
                index = integer(b.get("term"), f"{bat}.term", 1, 100)
            elif field == "student_id":
                index = integer(b.get("digit"), f"{bat}.digit", 1, id_digits)
            r = number(b.get("r"), f"{bat}.r", 1, 50)
            bubbles.append(
                BubbleSpec(
                    integer(b.get("page"), f"{bat}.page", 1, pages),
                    number(b.get("x"), f"{bat}.x", r, w - r),
                    number(b.get("y"), f"{bat}.y", r, h - r),
                    r,
                    field,
                    b["value"][:20],
                    question,
                    index,
                )
            )
        write_ins = []
        for wi in lay.get("write_in", []) if isinstance(lay.get("write_in", []), list) else []:
            if isinstance(wi, dict):
                try:
                    write_ins.append(
                        (
                            integer(wi.get("page"), f"{at}.write_in.page", 1, pages),
                            number(wi.get("x"), f"{at}.write_in.x", 0, w),
                            number(wi.get("y"), f"{at}.write_in.y", 0, h),
                            number(wi.get("w"), f"{at}.write_in.w", 0, w),
                            number(wi.get("h"), f"{at}.write_in.h", 0, h),
                            integer(wi.get("question"), f"{at}.write_in.question", 1, 10**6),
                        )
                    )
                except QuizgenError:
                    raise
        key = (lay["variant"], lay["named"])
        if key in layouts:
            raise bad(at, f"repeats the layout of variant {key[0]}")
        layouts[key] = LayoutSpec(key[0], key[1], pages, tuple(bubbles), tuple(write_ins))
    copies: dict[str, str] = {}
    for ci, c in enumerate(data.get("copies", []) if isinstance(data.get("copies", []), list) else []):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str) or (c.get("variant"), True) not in layouts:
            raise bad(f"copies[{ci}]", "needs the student's 'id' and a 'variant' with a named layout")
        copies[c["id"]] = c["variant"]
    return SheetSpec(exam_hash, (w, h), fiducials, side, qr_box, id_digits, layouts, copies)
