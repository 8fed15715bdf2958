"""Drawing answer sheets with reportlab, exactly where the layout says."""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ..exam import Exam, Variant
from ..i18n import Labels, labels_for
from ..render.fonts import printable
from ..render.pdf import register_fonts
from .layout import (
    FIDUCIAL_SIDE,
    HEADER_H,
    ID_PITCH_Y,
    MARGIN,
    SheetLayout,
    exam_hash,
    fiducials,
    qr_box,
    qr_payload,
)

INK_GREY = 0.3  # bubble outlines
HINT_GREY = 0.78  # letters inside bubbles: light, so an empty bubble scans nearly white


def sheet_pdf(exam: Exam, variant: Variant, layout: SheetLayout, student=None) -> bytes:
    """The answer sheet of one copy (every page), as PDF bytes."""
    family = register_fonts(exam.spec.font)
    lab = labels_for(exam.spec)
    shown = {"T": lab("true-letter"), "F": lab("false-letter"), "pts": lab("sheet-points")}  # printed, not read
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=layout.page_size, invariant=1, initialFontName=family)
    c.setTitle(exam.spec.title)
    c.setAuthor("quizgen")
    c.setSubject(f"answer sheet, variant {variant.code}")
    exam_id = exam_hash(exam)
    for page in range(1, layout.pages + 1):
        _frame(c, layout, family)
        _qr(c, layout, qr_payload(exam_id, variant.code, page, student.id if student else None))
        _header(c, exam, layout, page, student, family, lab)
        if not layout.named:
            _id_grid(c, layout, page, family, lab)
        for label in layout.labels:
            if label.page == page:
                c.setFillGray(0)
                c.setFont(family, label.size)
                c.drawRightString(label.x, label.y, printable(shown.get(label.text, label.text)))
        c.setLineWidth(0.6)
        for wi in layout.write_ins:
            if wi.page == page:
                c.setStrokeGray(INK_GREY)
                c.rect(wi.x, wi.y, wi.w, wi.h, stroke=1, fill=0)
        for b in layout.bubbles:
            if b.page == page:
                text = shown.get(b.value, b.value) if b.field == "choice" else b.value
                _bubble(c, b.x, b.y, b.r, printable(text), family)
        c.showPage()
    c.save()
    return buf.getvalue()


def _bubble(c: Canvas, x: float, y: float, r: float, text: str, family: str) -> None:
    c.setStrokeGray(INK_GREY)
    c.setLineWidth(0.6)
    c.circle(x, y, r, stroke=1, fill=0)
    size = r * 1.25
    while size > 3 and c.stringWidth(text, family, size) > 1.5 * r:
        size -= 0.25
    c.setFillGray(HINT_GREY)
    c.setFont(family, size)
    c.drawCentredString(x, y - size * 0.36, text)


def _frame(c: Canvas, layout: SheetLayout, family: str) -> None:
    c.setFillGray(0)
    half = FIDUCIAL_SIDE / 2
    for x, y in fiducials(layout.page_size):
        c.rect(x - half, y - half, FIDUCIAL_SIDE, FIDUCIAL_SIDE, stroke=0, fill=1)


def _qr(c: Canvas, layout: SheetLayout, payload: str) -> None:
    x, y, side = qr_box(layout.page_size)
    widget = QrCodeWidget(payload, barLevel="Q", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    d.add(widget)
    renderPDF.draw(d, c, x, y)


def _header(c: Canvas, exam: Exam, layout: SheetLayout, page: int, student, family: str, lab: Labels) -> None:
    w, h = layout.page_size
    qx = qr_box(layout.page_size)[0]
    width = qx - 4 * mm - MARGIN
    top = h - MARGIN
    c.setFillGray(0)
    c.setFont(family + "-Bold", 12)
    c.drawString(MARGIN, top - 5 * mm, _fit(c, printable(exam.spec.title), family + "-Bold", 12, width))
    c.setFont(family, 9)
    where = f"{lab('sheet')} · {lab('variant', code=layout.variant)} · {lab('page', page=page, pages=layout.pages)}"
    c.drawString(MARGIN, top - 10.5 * mm, _fit(c, printable(where), family, 9, width))
    name, sid = printable(lab("field", label=lab("name"))), printable(lab("field", label=lab("student-id")))
    if student is not None:
        c.setFont(family + "-Bold", 10)
        text = f"{name} {printable(student.name)}    {sid} {printable(student.id)}"
        c.drawString(MARGIN, top - 17 * mm, _fit(c, text, family + "-Bold", 10, width))
    else:
        c.setFont(family, 10)
        c.drawString(MARGIN, top - 17 * mm, f"{name} " + "_" * 40)
    # the example marks: one filled circle, then the marks that are not enough
    ey = top - 23 * mm
    c.setFont(family, 7.5)
    mark = printable(lab("field", label=lab("sheet-mark")))
    c.drawString(MARGIN, ey - 1, mark)
    ex = MARGIN + max(10 * mm, c.stringWidth(mark, family, 7.5) + 4 * mm)
    c.setFillGray(0)
    c.circle(ex, ey + 1.5, 2.1 * mm * 0.8, stroke=0, fill=1)
    c.setStrokeGray(INK_GREY)
    for i, mark in enumerate("✓✗"):
        c.circle(ex + (16 + 6 * i) * mm, ey + 1.5, 2.1 * mm * 0.8, stroke=1, fill=0)
        c.setFillGray(0)
        c.setFont(family, 8)
        c.drawCentredString(ex + (16 + 6 * i) * mm, ey - 1.3, mark)
    c.setFont(family, 7.5)
    c.drawString(ex + 3.5 * mm, ey - 1, _fit(c, printable(lab("sheet-right")), family, 7.5, 12 * mm))
    c.drawString(ex + 26 * mm, ey - 1, printable(lab("sheet-wrong")))
    text = printable(lab("sheet-instructions", points=lab("sheet-points")))
    for size in (7.5, 7.0, 6.5, 6.0, 5.5):  # the header has room for five lines: a longer wording prints smaller
        lines = simpleSplit(text, family, size, width)
        if len(lines) <= 5:
            break
    c.setFont(family, size)
    for i, line in enumerate(lines):
        c.drawString(MARGIN, ey - 5 * mm - i * 3.2 * mm * size / 7.5, line)


def _id_grid(c: Canvas, layout: SheetLayout, page: int, family: str, lab: Labels) -> None:
    h = layout.page_size[1]
    top = h - MARGIN - HEADER_H
    c.setFillGray(0)
    c.setFont(family, 8)
    c.drawString(MARGIN, top - 3.4 * mm, printable(lab("sheet-student-number")))
    firsts = sorted((b.x, b.r) for b in layout.bubbles if b.page == page and b.field == "student_id" and b.value == "0")
    c.setLineWidth(0.6)
    c.setStrokeGray(INK_GREY)
    for x, r in firsts:
        c.rect(x - r - 0.3 * mm, top - 2 * ID_PITCH_Y + 0.4 * mm, 2 * r + 0.6 * mm, ID_PITCH_Y - 0.8 * mm)


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> str:
    while text and c.stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


def with_answer_sheet(exam: Exam, variant: Variant, copy_pdf: bytes, student=None) -> bytes:
    """A copy's PDF with its answer sheet appended as the last pages (when the spec asks for sheets)."""
    if not exam.spec.answer_sheet:
        return copy_pdf
    from ..output import join_pdfs
    from .layout import layout_for

    layout = layout_for(variant, exam.spec.paper, student is not None, exam.spec.id_digits)
    return join_pdfs([copy_pdf, sheet_pdf(exam, variant, layout, student)])
