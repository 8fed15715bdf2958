"""Filling answer sheets programmatically, as students and a scanner would: pen, pencil, crosses, ticks,
partial fills, erased marks, then rotation, scale, shift, perspective, blur, noise and JPEG — so the whole
round trip can be tried without paper. Works from exam.json's recorded layout and the printed PDFs."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from ..errors import QuizgenError
from ..examfile import ExamRecord
from ..grade import score_question
from ..scan.sheetfile import LayoutSpec, SheetSpec, load_sheet_spec
from .layout import points_steps, points_text


@dataclass(frozen=True)
class Distortion:
    rotate: float = 0.0  # degrees, at most (either way)
    scale: float = 0.0  # ± fraction
    shift: float = 0.0  # ± mm
    perspective: float = 0.0  # ± fraction of the page moved at a corner
    blur: float = 0.0  # gaussian sigma in pixels, at most
    noise: float = 0.0  # grey levels, sigma
    jpeg: int = 92  # lowest JPEG quality
    colour: bool = False
    upside_down: float = 0.0  # share of pages turned 180°
    shuffle: bool = False
    styles: tuple[str, ...] = ("pen", "pencil")  # how bubbles are marked
    erased: float = 0.0  # share of questions with an erased earlier answer
    stray: float = 0.0  # share of pages with a stray pen mark away from the bubbles


DISTORTIONS = {
    "none": Distortion(),
    "scanner": Distortion(
        rotate=1.5, scale=0.02, shift=3, blur=0.7, noise=3, jpeg=75, styles=("pen", "pencil", "cross")
    ),
    "rough": Distortion(
        rotate=5,
        scale=0.1,
        shift=8,
        perspective=0.012,
        blur=1.2,
        noise=7,
        jpeg=50,
        colour=True,
        upside_down=0.1,
        shuffle=True,
        styles=("pen", "pencil", "cross", "tick", "partial"),
        erased=0.03,
        stray=0.2,
    ),
}


def sheet_pages(record: ExamRecord, spec: SheetSpec, student_id: str, variant: str) -> tuple[LayoutSpec, Path]:
    """The layout of a student's sheet and the PDF it is printed at the end of."""
    folder = Path(record.path).parent
    copies = record.data.get("answer_sheets", {}).get("copies", []) or []
    named = next((c for c in copies if c.get("id") == student_id), None)
    if named is not None:
        if named.get("variant") != variant:
            raise QuizgenError(f"student '{student_id}' has variant {named.get('variant')}, not {variant}")
        layout, pdf = spec.layouts[(variant, True)], folder / Path(str(named.get("file"))).name
    else:
        if not student_id.isdigit() or len(student_id) > spec.id_digits:
            raise QuizgenError(
                f"student id '{student_id}' cannot be bubbled: the sheet's grid takes up to {spec.id_digits} digits"
            )
        layout, pdf = spec.layouts[(variant, False)], folder / f"exam-{variant}.pdf"
    return layout, pdf


def _blank_page(pdf: Path, index: int, pages: int, dpi: int, cache: dict) -> np.ndarray:
    """Page `index` of the sheet at the end of `pdf`, rendered once per run."""
    import pypdfium2 as pdfium

    if pdf not in cache:
        if not pdf.is_file():
            raise QuizgenError(f"{pdf} is missing: the blank sheets are read from the build's PDFs")
        cache[pdf] = pdfium.PdfDocument(str(pdf))
    doc = cache[pdf]
    key = (pdf, index)
    if key not in cache:
        img = np.array(doc[len(doc) - pages + index].render(scale=dpi / 72, grayscale=True).to_numpy())
        cache[key] = img[..., 0] if img.ndim == 3 else img
    return cache[key].copy()


def fill_sheets(
    record: ExamRecord, rows: list[tuple[str, str, tuple[str, ...]]], seed: int, distortion: Distortion, dpi: int = 200
) -> bytes:
    """A scanner-like PDF (one JPEG image per page) of every student's sheet filled with their answers."""
    spec = load_sheet_spec(record)
    rng = random.Random(f"quizgen-sheets:{seed}")
    docs: dict = {}
    scans: list[bytes] = []
    for student_id, variant, answers in rows:
        layout, pdf = sheet_pages(record, spec, student_id, variant)
        questions = record.variants[variant]
        chosen = _chosen(questions, answers, student_id if not layout.named else "")
        for page_no in range(1, layout.pages + 1):
            img = _blank_page(pdf, page_no - 1, layout.pages, dpi, docs)
            k = dpi / 72
            page_h = spec.page_size[1]
            for b in layout.bubbles:
                if b.page == page_no:
                    mark = chosen.get((b.question, b.index, b.value))
                    centre = (b.x * k, (page_h - b.y) * k)
                    if mark:
                        _mark(img, centre, b.r * k, rng.choice(distortion.styles), rng)
                    elif rng.random() < distortion.erased:
                        _erased(img, centre, b.r * k, rng)
            for p, x, y, _w, h, q in layout.write_ins:
                if p == page_no:
                    text = _written(questions[q - 1], answers[q - 1] if q - 1 < len(answers) else "")
                    cv2.putText(
                        img,
                        text[:28],
                        (int(x * k + 6), int((page_h - y - h * 0.25) * k)),
                        cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
                        0.022 * k * h / 2,
                        40,
                        2,
                        cv2.LINE_AA,
                    )
            if rng.random() < distortion.stray:
                _stray(img, rng)
            scans.append(_scan(img, dpi, distortion, rng))
    if distortion.shuffle:
        rng.shuffle(scans)
    for key, doc in docs.items():
        if isinstance(key, Path):
            doc.close()
    return _pdf_of_images(scans, dpi)


def _chosen(questions: list[dict], answers: tuple[str, ...], number: str) -> dict[tuple, bool]:
    """(question, term/digit, value) of every bubble the student fills."""
    from ..exam import LETTERS

    out: dict[tuple, bool] = {}
    for d, digit in enumerate(number, 1):
        out[(0, d, digit)] = True
    for q, raw in zip(questions, answers):
        raw = raw.strip()
        if not raw:
            if q["type"] == "cloze":  # the teacher marks an unanswered blank 0
                out[(q["number"], 0, "0")] = True
            continue
        if q["type"] in ("mcq", "truefalse"):
            out[(q["number"], 0, raw.upper()[0])] = True
        elif q["type"] == "matching":
            for t, letter in enumerate(raw.replace(" ", "").upper(), 1):
                if letter in LETTERS:
                    out[(q["number"], t, letter)] = True
        else:
            earned = _cloze_points(q, raw)
            steps = points_steps(float(q["points"]))
            best = min(steps, key=lambda v: abs(v - earned))
            out[(q["number"], 0, points_text(best))] = True
    return out


def _cloze_points(q: dict, raw: str) -> float:
    """What a teacher marking the written answer gives (the same rule quizgen grade applies)."""
    return score_question(q, raw).score


def _written(q: dict, raw: str) -> str:
    return raw if not raw.startswith("points=") else ""


def _mark(img: np.ndarray, c: tuple, r: float, style: str, rng: random.Random) -> None:
    ink = rng.randint(10, 45) if style != "pencil" else rng.randint(70, 115)
    x, y = c
    if style in ("pen", "pencil"):
        rr = r * rng.uniform(0.78, 0.98)
        cv2.ellipse(
            img,
            (int(x), int(y)),
            (int(rr), int(rr * rng.uniform(0.85, 1))),
            rng.uniform(0, 180),
            0,
            360,
            ink,
            -1,
            cv2.LINE_AA,
        )
    elif style == "partial":
        start = rng.uniform(0, 360)
        cv2.ellipse(
            img,
            (int(x), int(y)),
            (int(r * 0.85), int(r * 0.85)),
            0,
            start,
            start + rng.uniform(220, 300),
            ink,
            -1,
            cv2.LINE_AA,
        )
    elif style == "cross":
        t = max(2, int(r * 0.22))
        a = r * 0.75
        cv2.line(img, (int(x - a), int(y - a)), (int(x + a), int(y + a)), ink, t, cv2.LINE_AA)
        cv2.line(img, (int(x - a), int(y + a)), (int(x + a), int(y - a)), ink, t, cv2.LINE_AA)
    else:  # tick
        t = max(2, int(r * 0.25))
        cv2.line(img, (int(x - 0.7 * r), int(y)), (int(x - 0.15 * r), int(y + 0.6 * r)), ink, t, cv2.LINE_AA)
        cv2.line(img, (int(x - 0.15 * r), int(y + 0.6 * r)), (int(x + 0.8 * r), int(y - 0.75 * r)), ink, t, cv2.LINE_AA)


def _erased(img: np.ndarray, c: tuple, r: float, rng: random.Random) -> None:
    level = rng.randint(222, 238)
    patch = np.full_like(img, 255)
    cv2.circle(patch, (int(c[0]), int(c[1])), int(r * 0.85), level, -1, cv2.LINE_AA)
    np.minimum(img, patch, out=img)


def _stray(img: np.ndarray, rng: random.Random) -> None:
    """A short pen stroke in the right-hand margin strip, away from every bubble."""
    h, w = img.shape
    x = int(w * rng.uniform(0.93, 0.95))
    y = int(h * rng.uniform(0.3, 0.8))
    cv2.line(img, (x, y), (x + int(w * 0.01), y + int(h * 0.02)), 30, 3, cv2.LINE_AA)


def _scan(img: np.ndarray, dpi: int, d: Distortion, rng: random.Random) -> bytes:
    if d.scale or d.rotate:  # a scanner bed larger than the page: the whole turned or enlarged page is on it
        pad = int(0.08 * max(img.shape))
        img = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=250)
    h, w = img.shape
    angle = rng.uniform(-d.rotate, d.rotate)
    scale = 1 + rng.uniform(-d.scale, d.scale)
    shift = d.shift / 25.4 * dpi
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    m[:, 2] += (rng.uniform(-shift, shift), rng.uniform(-shift, shift))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    moved = cv2.transform(src[None], m)[0]
    jitter = d.perspective * max(w, h)
    dst = np.float32([[x + rng.uniform(-jitter, jitter), y + rng.uniform(-jitter, jitter)] for x, y in moved])
    out = cv2.warpPerspective(
        img, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=250, flags=cv2.INTER_LINEAR
    )
    if d.blur:
        out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.3, d.blur))
    if d.noise:
        noise = np.random.default_rng(rng.randrange(2**32)).normal(0, d.noise, out.shape)
        out = np.clip(out + noise, 0, 255).astype(np.uint8)
    if rng.random() < d.upside_down:
        out = cv2.rotate(out, cv2.ROTATE_180)
    if d.colour:
        tint = np.array([rng.uniform(0.88, 0.97), rng.uniform(0.93, 1.0), 1.0])
        out = np.clip(out[..., None] * tint[None, None, :], 0, 255).astype(np.uint8)
    quality = rng.randint(d.jpeg, max(d.jpeg, 92))
    return cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()


def _pdf_of_images(jpegs: list[bytes], dpi: int) -> bytes:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.setCreator("quizgen simulate --sheets")
    for data in jpegs:
        img = ImageReader(io.BytesIO(data))
        w, h = img.getSize()
        c.setPageSize((w * 72 / dpi, h * 72 / dpi))
        c.drawImage(img, 0, 0, w * 72 / dpi, h * 72 / dpi)
        c.showPage()
    c.save()
    return buf.getvalue()


def sheet_ids(record: ExamRecord, students: int) -> list[str]:
    """Ids that can go on sheets: the roster's (named copies, variants in the same turn) or numbers that fit
    the student-number grid."""
    spec = load_sheet_spec(record)
    copies = [c["id"] for c in record.data["answer_sheets"].get("copies", [])]
    if copies:
        if students > len(copies):
            raise QuizgenError(f"the exam has named copies for {len(copies)} students; simulate at most that many")
        return copies[:students]
    if students >= 10**spec.id_digits:
        raise QuizgenError(f"{students} students do not fit a {spec.id_digits}-digit student number")
    return [f"{i + 1:0{spec.id_digits}d}" for i in range(students)]
