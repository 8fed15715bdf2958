"""What a scan writes: responses.csv (as quizgen grade reads it), review.csv (every doubt and problem, with
a column for the teacher's decision), review.pdf (a crop of each) and one annotated image per page."""

from __future__ import annotations

import io
from pathlib import Path

from ..bank.write import write_atomic
from ..csvsafe import csv_bytes
from ..errors import QuizgenError
from ..text.slug import slugify
from .run import OMIT, REVIEW_HEAD, ScanResult

OURS = {"responses.csv", "review.csv", "review.pdf", "pages"}


def image_names(result: ScanResult) -> dict[tuple[str, int], str]:
    """pages/<scan file>-p<page>.jpg for every page, unique even when two scans share a name."""
    stems: dict[str, str] = {}
    for p in result.pages:
        if p.ref.file not in stems:
            base = slugify(Path(p.ref.file).stem, "scan", 40)
            name, i = base, 2
            while name in stems.values():
                name, i = f"{base}-{i}", i + 1
            stems[p.ref.file] = name
    return {(p.ref.file, p.ref.page): f"{stems[p.ref.file]}-p{p.ref.page:03d}.jpg" for p in result.pages}


def check_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise QuizgenError(f"{out} exists and is not a folder; choose another --out")
    if out.exists() and not force:
        others = sorted(p.name for p in out.iterdir() if p.name not in OURS and not p.name.startswith("."))
        if others:
            raise QuizgenError(f"{out} holds other files (e.g. {others[0]}); choose an empty --out or pass --force")


def write_scan(result: ScanResult, out: Path) -> None:
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    names = image_names(result)
    for p in result.pages:
        if p.annotated:
            write_atomic(pages_dir / names[(p.ref.file, p.ref.page)], p.annotated)
    keep = {names[(p.ref.file, p.ref.page)] for p in result.pages if p.annotated}
    for stale in pages_dir.glob("*.jpg"):
        if stale.name not in keep:
            stale.unlink()
    write_atomic(out / "responses.csv", csv_bytes(result.responses))
    lab = result.labels
    rows = [REVIEW_HEAD] + [
        [str(c) for c in (r.file, r.page, r.student_id, r.variant, r.question, r.seen, r.problem.text(lab), r.decision)]
        for r in result.reviews
    ]
    write_atomic(out / "review.csv", csv_bytes(rows))
    write_atomic(out / "review.pdf", review_pdf(result))


def review_pdf(result: ScanResult) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    from ..render.pdf import register_fonts
    from ..text.glyphs import printable

    family = register_fonts()
    body = ParagraphStyle("body", fontName=family, fontSize=9, leading=12)
    title = ParagraphStyle("title", parent=body, fontName=family + "-Bold", fontSize=14, leading=18)
    lab = result.labels
    read = sum(1 for p in result.pages if not p.problem)
    open_items = sum(1 for r in result.reviews if not r.decision)
    summary = " · ".join(
        (
            lab.count("scan-pages", len(result.pages), read=lab.number(read)),
            lab.count("scan-students", len(result.responses) - 1),
            lab.count("scan-held", len(result.held)),
            lab.count("scan-items", len(result.reviews)),
            lab.count("scan-open", open_items),
        )
    )
    story = [
        Paragraph(escape(lab("scan-review")), title),
        Paragraph(escape(summary), body),
        Paragraph(escape(lab("scan-instructions", blank=OMIT)), body),
        Spacer(0, 4 * mm),
    ]
    for r in result.reviews:
        question = r.question
        if question == "student_id":
            question = lab("scan-student-number")
        elif question.startswith("q") and question[1:].isdigit():
            question = lab("scan-question", n=question[1:])
        who = " · ".join(
            x
            for x in (
                lab("scan-student", id=r.student_id) if r.student_id else "",
                lab("variant", code=r.variant) if r.variant else "",
                question,
            )
            if x
        )
        where = lab("scan-where", file=printable(r.file), page=r.page)
        text = f"<b>{escape(where)}</b>" + (f" · {escape(printable(who))}" if who else "") + "<br/>"
        text += escape(printable(r.problem.text(lab)))
        if r.seen:
            text += " — " + escape(lab("scan-seen", marks=printable(r.seen)))
        if r.decision:
            text += " — <b>" + escape(lab("scan-decision", answer=printable(r.decision))) + "</b>"
        parts = [Paragraph(text, body)]
        if r.crop:
            img = Image(io.BytesIO(r.crop))
            scale = min(170 * mm / img.imageWidth, 80 * mm / img.imageHeight, 72 / 150)
            img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
            img.hAlign = "LEFT"
            parts.append(img)
        story.append(KeepTogether([*parts, Spacer(0, 4 * mm)]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=lab("scan-review"),
        author="quizgen",
        creator="quizgen",
        invariant=1,
    )
    doc.build(story)
    return buf.getvalue()
