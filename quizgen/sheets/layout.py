"""Where everything on an answer sheet goes, in PDF points (origin bottom-left, y up). The layout is
computed once at build time and recorded in exam.json; drawing and scanning both follow the record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from urllib.parse import quote

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

from ..exam import LETTERS, Exam, Variant, copy_file_name
from ..model import ClozeItem, MatchingItem, MCQItem, TrueFalseItem

FORMAT = "quizgen-answer-sheet/1"
QR_PREFIX = "QZS1"
FIDUCIAL_SIDE = 6 * mm
FIDUCIAL_INSET = 12 * mm  # from each paper edge to a fiducial's centre
QR_SIZE = 38 * mm  # with its quiet zone; the code itself is about 3 cm
MARGIN = 20 * mm
BUBBLE_R = 2.1 * mm
PITCH_X = 5.6 * mm
ROW = 6.6 * mm
LABEL_W = 11 * mm
WRITE_W = 52 * mm
COL_GAP = 7 * mm
ID_PITCH_Y = 4.8 * mm
HEADER_H = 44 * mm  # title, page line, name, instructions; the QR sits beside them
BOTTOM = 24 * mm


@dataclass(frozen=True)
class Bubble:
    page: int  # 1-based page of the sheet
    x: float
    y: float
    r: float
    field: str  # choice | match | points | student_id
    value: str  # A…, T/F, points as a number, a digit
    question: int = 0  # 0 for the student-number grid
    index: int = 0  # matching: the term (1-based); student_id: the digit position (1-based)

    def to_json(self) -> dict:
        out = {"page": self.page, "x": _r(self.x), "y": _r(self.y), "r": _r(self.r), "field": self.field}
        if self.question:
            out["question"] = self.question
        if self.index:
            out["term" if self.field == "match" else "digit"] = self.index
        out["value"] = self.value
        return out


@dataclass(frozen=True)
class Label:
    page: int
    x: float
    y: float
    text: str
    size: float = 9.0
    align: str = "right"


@dataclass(frozen=True)
class WriteIn:
    """A box for a handwritten cloze answer (the teacher marks it and fills the score grid)."""

    page: int
    x: float
    y: float
    w: float
    h: float
    question: int
    blank: int

    def to_json(self) -> dict:
        return {
            "page": self.page,
            "x": _r(self.x),
            "y": _r(self.y),
            "w": _r(self.w),
            "h": _r(self.h),
            "question": self.question,
            "blank": self.blank,
        }


@dataclass(frozen=True)
class SheetLayout:
    variant: str
    named: bool
    page_size: tuple[float, float]
    pages: int
    bubbles: tuple[Bubble, ...]
    labels: tuple[Label, ...]
    write_ins: tuple[WriteIn, ...]
    id_digits: int


def _r(x: float) -> float:
    return round(x, 2)


def page_size(paper: str) -> tuple[float, float]:
    return A4 if paper == "a4" else LETTER


def fiducials(size: tuple[float, float]) -> list[tuple[float, float]]:
    """Centres of the four corner squares: top-left, top-right, bottom-right, bottom-left."""
    w, h, d = size[0], size[1], FIDUCIAL_INSET
    return [(d, h - d), (w - d, h - d), (w - d, d), (d, d)]


def qr_box(size: tuple[float, float]) -> tuple[float, float, float]:
    """(x, y, side) of the QR code with its quiet zone: top right, inside the corner marks."""
    return size[0] - MARGIN + 2 * mm - QR_SIZE, size[1] - MARGIN + 2 * mm - QR_SIZE, QR_SIZE


def exam_hash(exam: Exam) -> str:
    """Identity of the exam printed on its sheets: spec (with seed) and bank content, not the bank's path."""
    spec = {k: v for k, v in exam.spec.as_dict().items() if k != "bank"}
    payload = json.dumps({"spec": spec, "bank": exam.bank_hash}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def qr_payload(exam_id: str, variant: str, page: int, student_id: str | None) -> str:
    return "|".join((QR_PREFIX, exam_id, quote(variant, safe=""), str(page), quote(student_id or "", safe="")))


def points_steps(points: float) -> list[float]:
    """Score-grid values for a cloze question: 0, ½, 1, … up to its points, at most 9 bubbles."""
    for step in (0.5, 1, 2, 5, 10, 20, 50, 100, 200):
        if points / step <= 8:
            break
    values = [i * step for i in range(int(points / step + 1e-9) + 1)]
    if values[-1] < points:
        values.append(points)
    return values


def points_text(value: float) -> str:
    whole = int(value)
    if value == whole:
        return str(whole)
    if value - whole == 0.5:
        return f"{whole or ''}½"
    return f"{value:g}"


def _blocks(variant: Variant) -> list[tuple[float, float, list]]:
    """Each question as blocks (height, width, parts) kept whole in one column; parts are placed relative to
    the block's top-left: ("bubbles", dy, label, field, question, index, values) or ("write", dy, q, blank)."""
    out = []
    for q in variant.questions:
        item, n = q.item, q.number
        if isinstance(item, MCQItem):
            values = list(LETTERS[: len(item.options)])
            out.append((ROW, LABEL_W + PITCH_X * len(values), [("bubbles", 0, str(n), "choice", n, 0, values)]))
        elif isinstance(item, TrueFalseItem):
            out.append((ROW, LABEL_W + PITCH_X * 2, [("bubbles", 0, str(n), "choice", n, 0, ["T", "F"])]))
        elif isinstance(item, MatchingItem):
            values = list(LETTERS[: len(item.responses)])
            for t in range(1, len(item.premises) + 1):
                part = ("bubbles", 0, f"{n}.{t}", "match", n, t, values)
                out.append((ROW, LABEL_W + PITCH_X * len(values), [part]))
        elif isinstance(item, ClozeItem):
            parts: list = [("write", i * ROW, n, i + 1) for i in range(len(item.answer))]
            steps = [points_text(v) for v in points_steps(q.points)]
            parts.append(("bubbles", len(item.answer) * ROW, "pts", "points", n, 0, steps))
            width = LABEL_W + max(WRITE_W, PITCH_X * len(steps))
            out.append(((len(item.answer) + 1) * ROW, width, parts))
    return out


def layout_for(variant: Variant, paper: str, named: bool, id_digits: int) -> SheetLayout:
    size = page_size(paper)
    w, h = size
    bubbles: list[Bubble] = []
    labels: list[Label] = []
    write_ins: list[WriteIn] = []
    # unnamed copies: a label row, a write-in row and ten digit rows for the student number on every page
    top_of_questions = h - MARGIN - HEADER_H - (0 if named else 12 * ID_PITCH_Y + 4 * mm)
    page, x, col_width, y = 1, MARGIN, 0.0, top_of_questions

    def id_grid(p: int) -> None:
        x0, y0 = MARGIN + LABEL_W, h - MARGIN - HEADER_H - 2 * ID_PITCH_Y  # below the label and write-in row
        for d in range(id_digits):
            for digit in range(10):
                bubbles.append(
                    Bubble(
                        p,
                        x0 + d * PITCH_X + PITCH_X / 2,
                        y0 - (digit + 0.5) * ID_PITCH_Y,
                        BUBBLE_R * 0.9,
                        "student_id",
                        str(digit),
                        0,
                        d + 1,
                    )
                )

    if not named:
        id_grid(1)

    def place(p: int, x0: float, top: float, parts: list) -> None:
        for part in parts:
            if part[0] == "write":
                _, dy, qn, blank = part
                if blank == 1:
                    labels.append(Label(p, x0 + LABEL_W - 2 * mm, top - dy - ROW / 2 - 3, str(qn)))
                write_ins.append(
                    WriteIn(p, x0 + LABEL_W, top - dy - ROW + 0.6 * mm, WRITE_W, ROW - 1.2 * mm, qn, blank)
                )
                continue
            _, dy, label, field, qn, index, values = part
            cy = top - dy - ROW / 2
            small = field != "choice"
            labels.append(Label(p, x0 + LABEL_W - 2 * mm, cy - 3, label, 7.5 if small else 9.0))
            for i, v in enumerate(values):
                bubbles.append(Bubble(p, x0 + LABEL_W + PITCH_X * (i + 0.5), cy, BUBBLE_R, field, v, qn, index))

    for bh, bw, parts in _blocks(variant):
        if y - bh < BOTTOM:  # column full: start the next one
            x, col_width, y = x + col_width + COL_GAP, 0.0, top_of_questions
        if x + max(col_width, bw) > w - MARGIN:  # no room across: next page
            page += 1
            if not named:
                id_grid(page)
            x, col_width, y = MARGIN, 0.0, top_of_questions
        place(page, x, y, parts)
        col_width = max(col_width, bw)
        y -= bh
    return SheetLayout(variant.code, named, size, page, tuple(bubbles), tuple(labels), tuple(write_ins), id_digits)


def sheets_json(exam: Exam, assignments: list[tuple] = ()) -> dict:
    """The `answer_sheets` record of exam.json: everything a tool needs to read or fill a sheet."""
    size = page_size(exam.spec.paper)
    qx, qy, qs = qr_box(size)
    named_codes = sorted({code for _, code in assignments})
    layouts = []
    for v in exam.variants:
        for named in (False, True):
            if named and v.code not in named_codes:
                continue
            lay = layout_for(v, exam.spec.paper, named, exam.spec.id_digits)
            entry = {"variant": v.code, "named": named, "pages": lay.pages}
            if not named:
                entry["file"] = f"exam-{v.code}.pdf"
            entry["bubbles"] = [b.to_json() for b in lay.bubbles]
            entry["write_in"] = [wi.to_json() for wi in lay.write_ins]
            layouts.append(entry)
    return {
        "format": FORMAT,
        "exam_hash": exam_hash(exam),
        "units": "PDF points; origin at the bottom-left corner of the page, y upwards",
        "page_size": [_r(size[0]), _r(size[1])],
        "fiducials": {"side": _r(FIDUCIAL_SIDE), "centres": [[_r(a), _r(b)] for a, b in fiducials(size)]},
        "qr": {
            "x": _r(qx),
            "y": _r(qy),
            "size": _r(qs),
            "payload": f"{QR_PREFIX}|exam_hash|variant|page|student_id (named copies; %-encoded)",
        },
        "id_digits": exam.spec.id_digits,
        "where": "the last `pages` pages of each copy: exam-<variant>.pdf, or a named copy's own file",
        "layouts": layouts,
        **(
            {"copies": [{"id": s.id, "variant": code, "file": copy_file_name(s)} for s, code in assignments]}
            if assignments
            else {}
        ),
    }
