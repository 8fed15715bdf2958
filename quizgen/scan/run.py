"""Reading a stack of scans: every page on its own (in parallel when asked), then the pages put together
into students' sheets — duplicates, pages of other exams, unreadable codes and missing pages reported with
file and page, and every doubtful answer held back until the teacher's decision."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, QuizgenError
from ..examfile import ExamRecord
from ..grade import invalid_answer
from ..i18n import Labels, Message, labels_for, message
from ..userfile import csv_rows, read_text
from .page import PageResult, read_page
from .pages import PageRef, list_pages
from .sheetfile import SheetSpec, load_sheet_spec

REVIEW_HEAD = ["file", "page", "student_id", "variant", "question", "seen", "problem", "decision"]
OMIT = "blank"  # a decision that the question was left unanswered


@dataclass
class Review:
    file: str
    page: int
    student_id: str
    variant: str
    question: str  # "q7", "student_id", or "" for a page problem
    seen: str
    problem: Message
    decision: str = ""
    crop: bytes = b""


@dataclass
class ScanResult:
    pages: list[PageResult]
    responses: list[list[str]]  # rows of responses.csv, header first
    reviews: list[Review]
    held: list[str] = field(default_factory=list)  # students left out of responses.csv until reviewed
    labels: Labels = field(default_factory=Labels)  # the exam's, which review.csv and review.pdf print in


_JOB: dict = {}


def _task(ref: PageRef) -> PageResult:
    import cv2

    if "detector" not in _JOB:
        _JOB["detector"] = cv2.QRCodeDetector()
    return read_page(ref, _JOB["spec"], _JOB["detector"], _JOB["labels"])


def read_pages(paths: list[Path], spec: SheetSpec, lab: Labels, jobs: int = 1) -> list[PageResult]:
    refs = list_pages(paths)
    _JOB.update(spec=spec, labels=lab)
    try:
        if jobs > 1 and len(refs) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                return list(pool.imap(_task, refs, chunksize=4))
        return [_task(r) for r in refs]
    finally:
        _JOB.clear()


def read_decisions(path: Path, record: ExamRecord) -> dict[tuple[str, int, str], str]:
    """The teacher's decisions in a review.csv: (file, page, question) -> the answer to use."""
    display, text = read_text(path, "review file")
    rows = csv_rows(text, restore=True, source=display)
    if not rows or [c.strip() for c in rows[0][1][: len(REVIEW_HEAD)]] != REVIEW_HEAD:
        raise QuizgenError(
            f"not a review.csv written by quizgen scan (header {', '.join(REVIEW_HEAD)})", Location(display)
        )
    out = {}
    for n, row in rows[1:]:
        cells = [c.strip() for c in row] + [""] * len(REVIEW_HEAD)
        file, page, _, variant, question, _, _, decision = cells[: len(REVIEW_HEAD)]
        if not decision or not question:
            continue
        if not page.isdigit():
            raise QuizgenError(f"page '{page}' is not a page number", Location(display, n))
        if question == "student_id":
            if not decision.isdigit():
                raise QuizgenError(f"decision '{decision}' for the student number must be digits", Location(display, n))
        else:
            qs = record.variants.get(variant)
            number = question[1:]
            if qs is None or not question.startswith("q") or not number.isdigit() or not 1 <= int(number) <= len(qs):
                raise QuizgenError(f"no question '{question}' in variant '{variant}'", Location(display, n))
            if decision.lower() != OMIT:
                why = invalid_answer(qs[int(number) - 1], decision)
                if why:
                    raise QuizgenError(
                        f"decision for {question}: {why} (or '{OMIT}' for no answer)", Location(display, n)
                    )
        out[(file, int(page), question)] = decision
    return out


def assemble(record: ExamRecord, spec: SheetSpec, pages: list[PageResult], decisions: dict, lab: Labels) -> ScanResult:
    reviews: list[Review] = []
    sheets: dict[tuple[str, str], dict[int, PageResult]] = defaultdict(dict)  # (variant, student) -> page -> result
    blocked: set[tuple[str, str]] = set()
    for p in pages:
        where = (p.ref.file, p.ref.page)
        if p.problem:
            reviews.append(Review(*where, "", p.variant, "", "", p.problem, crop=p.annotated))
            continue
        sid = p.named_id
        if not sid:
            number = p.number
            decided = decisions.get((*where, "student_id"))
            if number.value is None or decided:
                reviews.append(
                    Review(
                        *where,
                        "",
                        p.variant,
                        "student_id",
                        number.seen,
                        number.reason,
                        decided or "",
                        p.crops.get(0, b""),
                    )
                )
            sid = decided or number.value
            if not sid:
                continue
        key = (p.variant, sid)
        twin = sheets[key].get(p.page)
        if twin is not None:
            same = [(r.question, r.index, r.value) for r in twin.rows] == [
                (r.question, r.index, r.value) for r in p.rows
            ]
            why = (
                message("scan-duplicate", file=twin.ref.file, page=twin.ref.page)
                if same
                else message(
                    "scan-second-sheet", sheet=p.page, id=sid, code=p.variant, file=twin.ref.file, page=twin.ref.page
                )
            )
            reviews.append(Review(*where, sid, p.variant, "", "", why, crop=p.annotated))
            if not same:
                blocked.add(key)
            continue
        sheets[key][p.page] = p
    by_student = defaultdict(list)
    for variant, sid in sheets:
        by_student[sid].append(variant)
    width = max(len(q) for q in record.variants.values())
    rows, held = [], []
    for (variant, sid), got in sorted(sheets.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        first = got[min(got)]
        layout = spec.layouts[(variant, bool(first.named_id))]
        problems = []
        if len(by_student[sid]) > 1:
            others = ", ".join(v for v in by_student[sid] if v != variant)
            problems.append(message("scan-other-variant", id=sid, codes=others))
        missing = [n for n in range(1, layout.pages + 1) if n not in got]
        if missing:
            listed = ", ".join(map(str, missing))
            problems.append(message("scan-missing", len(missing), pages=listed, total=layout.pages))
        reviews += [Review(first.ref.file, first.ref.page, sid, variant, "", "", why) for why in problems]
        ready = (variant, sid) not in blocked and not problems
        cells, ok = _cells(record.variants[variant], got, decisions, sid, variant, reviews)
        if ready and ok:
            rows.append([sid, variant, *cells, *([""] * (width - len(cells)))])
        else:
            held.append(sid)
    head = ["student_id", "variant", *(f"q{i}" for i in range(1, width + 1))]
    return ScanResult(pages, [head, *rows], reviews, held, lab)


def _cells(
    questions: list[dict], got: dict[int, PageResult], decisions: dict, sid: str, variant: str, reviews: list[Review]
) -> tuple[list[str], bool]:
    """responses.csv cells of one student; False when some answer still waits for a decision."""
    parts: dict[int, dict[int, str | None]] = defaultdict(dict)
    where: dict[int, list[PageResult]] = defaultdict(list)
    doubts: dict[int, list] = defaultdict(list)
    for p in got.values():
        for r in p.rows:
            parts[r.question][r.index] = r.value
            if p not in where[r.question]:
                where[r.question].append(p)
            if r.value is None:
                doubts[r.question].append((p, r))
    cells, ok = [], True
    for q in questions:
        n = q["number"]
        decided = next((decisions[k] for p in where[n] if (k := (p.ref.file, p.ref.page, f"q{n}")) in decisions), None)
        for p, r in doubts[n][:1] or ([(where[n][0], None)] if decided and where[n] else []):
            seen = r.seen if r else ""
            reason = r.reason if r else message("scan-decided")
            reviews.append(
                Review(p.ref.file, p.ref.page, sid, variant, f"q{n}", seen, reason, decided or "", p.crops.get(n, b""))
            )
        if decided is not None:
            cells.append("" if decided.lower() == OMIT else decided)
            continue
        if doubts[n]:
            ok = False
            cells.append("")
            continue
        terms = parts[n]
        if q["type"] == "matching":
            letters = "".join(terms.get(t) or "-" for t in range(1, len(q["premises"]) + 1))
            cells.append("" if set(letters) == {"-"} else letters)
        elif q["type"] == "cloze":
            cells.append(f"points={_number(terms[0])}")
        else:
            cells.append(terms.get(0) or "")
    return cells, ok


def _number(text: str) -> str:
    """'1½' -> '1.5' (the score grid's labels as numbers)."""
    return str(float(text.replace("½", "").strip() or 0) + (0.5 if "½" in text else 0)).removesuffix(".0")


def scan(paths: list[Path], record: ExamRecord, review: Path | None = None, jobs: int = 1) -> ScanResult:
    """The scans read (problems in the language of the exam's labels)."""
    from ..spec import recorded_spec

    spec = load_sheet_spec(record)
    decisions = read_decisions(review, record) if review else {}
    lab = labels_for(recorded_spec(record))
    return assemble(record, spec, read_pages(paths, spec, lab, jobs), decisions, lab)
