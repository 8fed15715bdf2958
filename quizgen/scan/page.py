"""One scanned page, read on its own: where the sheet is, which copy and page it is, every row of bubbles,
and the pictures the teacher checks (the annotated page, crops of doubtful rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from ..i18n import Labels, Message, message
from .locate import NotASheet, locate, parse_payload
from .marks import Misplaced, Read, centres, measure, read_rows, strays, student_number
from .pages import PageRef, load_page
from .sheetfile import SheetSpec

VIEW_DPI = 100  # annotated pages
CROP_DPI = 150  # crops in review.pdf


@dataclass(frozen=True)
class PageResult:
    ref: PageRef
    problem: Message | None = None  # why the page could not be used (None when it was read)
    exam_hash: str = ""
    variant: str = ""
    page: int = 0
    named_id: str = ""  # the student id in the code of a named copy
    rows: tuple[Read, ...] = ()
    number: Read | None = None  # the bubbled student number (unnamed copies)
    annotated: bytes = b""  # JPEG of the page as read
    crops: dict = field(default_factory=dict)  # question (0: student number) -> PNG of the doubtful row


def read_page(ref: PageRef, spec: SheetSpec, detector: cv2.QRCodeDetector, lab: Labels) -> PageResult:
    try:
        gray = load_page(ref)
    except (ValueError, OSError) as e:
        return PageResult(ref, message("scan-unreadable", error=e))
    try:
        loc = locate(gray, spec, detector)
    except NotASheet as e:
        return PageResult(ref, e.args[0], annotated=_thumbnail(gray))
    parsed = parse_payload(loc.payload)
    if parsed is None:
        return PageResult(ref, message("scan-foreign-code"), annotated=_thumbnail(gray))
    exam_hash, variant, page, named_id = parsed
    if exam_hash != spec.exam_hash:
        return PageResult(
            ref,
            message("scan-other-exam", theirs=exam_hash, ours=spec.exam_hash),
            exam_hash,
            variant,
            page,
            annotated=_thumbnail(gray),
        )
    layout = spec.layouts.get((variant, bool(named_id)))
    if layout is None or not 1 <= page <= layout.pages:
        return PageResult(
            ref,
            message("scan-unknown-page", code=variant, page=page),
            exam_hash,
            variant,
            page,
            annotated=_thumbnail(gray),
        )
    if named_id and spec.copies.get(named_id) != variant:
        return PageResult(
            ref,
            message("scan-not-on-roster", id=named_id),
            exam_hash,
            variant,
            page,
            annotated=_thumbnail(gray),
        )
    page_h = spec.page_size[1]
    bubbles = [b for b in layout.bubbles if b.page == page]
    try:
        at, shifts = centres(gray, loc, bubbles, page_h)
    except Misplaced as e:
        return PageResult(ref, e.args[0], exam_hash, variant, page, annotated=_thumbnail(gray))
    means, covers = measure(gray, loc, bubbles, at)
    rows = read_rows(bubbles, means, covers, strays(gray, loc, bubbles, page_h, shifts))
    number = None if named_id else student_number(rows, spec.id_digits)
    questions = tuple(r for r in rows if r.question)
    view = _warp(gray, loc, spec, VIEW_DPI)
    crops = {}
    doubtful = {r.question for r in questions if r.value is None}
    for q in sorted(doubtful):
        crops[q] = _crop(gray, loc, spec, [b for b in bubbles if b.question == q], layout, page, q)
    if number is not None and number.value is None:
        crops[0] = _crop(gray, loc, spec, [b for b in bubbles if b.field == "student_id"], layout, page, 0)
    annotated = _annotate(view, bubbles, means, covers, questions, number, VIEW_DPI / 72, page_h, lab)
    return PageResult(ref, None, exam_hash, variant, page, named_id, questions, number, annotated, crops)


def _warp(gray: np.ndarray, loc, spec: SheetSpec, dpi: float, box=None) -> np.ndarray:
    """The page (or the box x0, top0, x1, top1 in top-down points) upright at `dpi`."""
    k = dpi / 72
    x0, t0, x1, t1 = box or (0, 0, spec.page_size[0], spec.page_size[1])
    to_page = np.array([[1 / k, 0, x0], [0, 1 / k, t0], [0, 0, 1]])
    size = (max(1, int((x1 - x0) * k)), max(1, int((t1 - t0) * k)))
    return cv2.warpPerspective(
        gray, loc.homography @ to_page, size, flags=cv2.INTER_AREA | cv2.WARP_INVERSE_MAP, borderValue=255
    )


def _crop(gray, loc, spec: SheetSpec, bubbles: list, layout, page: int, question: int) -> bytes:
    page_h = spec.page_size[1]
    xs = [b.x for b in bubbles]
    tops = [page_h - b.y for b in bubbles]
    r = max(b.r for b in bubbles)
    x0, x1, t0, t1 = min(xs) - r - 34, max(xs) + r + 12, min(tops) - r - 8, max(tops) + r + 8
    for p, wx, wy, ww, wh, q in layout.write_ins:
        if p == page and q == question:  # the written answer the teacher scored
            x0, x1 = min(x0, wx - 34), max(x1, wx + ww + 6)
            t0, t1 = min(t0, page_h - wy - wh - 6), max(t1, page_h - wy + 6)
    img = _warp(gray, loc, spec, CROP_DPI, (max(0, x0), max(0, t0), x1, t1))
    return cv2.imencode(".png", img)[1].tobytes()


def _thumbnail(gray: np.ndarray) -> bytes:
    f = 500 / max(gray.shape)
    small = cv2.resize(
        gray, (max(1, int(gray.shape[1] * f)), max(1, int(gray.shape[0] * f))), interpolation=cv2.INTER_AREA
    )
    return cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 80])[1].tobytes()


GREEN, RED, BLUE = (40, 160, 40), (30, 30, 220), (200, 80, 0)


def _annotate(view, bubbles, means, covers, rows, number, k: float, page_h: float, lab: Labels) -> bytes:
    from .marks import state

    img = cv2.cvtColor(view, cv2.COLOR_GRAY2BGR)
    ends: dict[tuple, tuple[float, float]] = {}
    for b, m, c in zip(bubbles, means, covers):
        centre = (int(round(b.x * k)), int(round((page_h - b.y) * k)))
        s = state(float(m), float(c))
        if s != "empty":
            cv2.circle(img, centre, int(b.r * k) + 2, GREEN if s == "filled" else RED, 2, cv2.LINE_AA)
        key = (b.question, b.index)
        ends[key] = max(ends.get(key, (0, 0)), ((b.x + b.r) * k, (page_h - b.y) * k))
    for r in rows:
        x, y = ends.get((r.question, r.index), (0, 0))
        text = r.seen if r.value is not None else f"{r.seen or '-'} ?"
        colour = BLUE if r.value is not None else RED
        cv2.putText(img, text or "-", (int(x) + 10, int(y) + 5), cv2.FONT_HERSHEY_SIMPLEX, 0.45, colour, 1, cv2.LINE_AA)
    if number is not None:
        text = lab("scan-number-read", number=number.value) if number.value else number.reason.text(lab)
        img = _write(img, text, (int(img.shape[1] * 0.5), int(img.shape[0] * 0.25)), BLUE if number.value else RED)
    return cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 85])[1].tobytes()


def _write(img: np.ndarray, text: str, at: tuple[int, int], colour: tuple[int, int, int]) -> np.ndarray:
    """`text` drawn on a BGR image in DejaVu Sans (OpenCV's own fonts have no accents: 'número', 'numéro')."""
    from PIL import Image, ImageDraw, ImageFont

    from ..fonts import __file__ as fonts

    picture = Image.fromarray(img[..., ::-1])
    font = ImageFont.truetype(str(Path(fonts).parent / "DejaVuSans.ttf"), 15)
    ImageDraw.Draw(picture).text(at, text, font=font, fill=colour[::-1])
    return np.asarray(picture)[..., ::-1].copy()
