"""What a scan writes: responses.csv (as quizgen grade reads it), review.csv (every doubt and problem, with
a column for the teacher's decision), review.pdf (a crop of each) and one annotated image per page."""

from __future__ import annotations

import io
from pathlib import Path

from ..bank.write import write_atomic
from ..csvsafe import csv_bytes
from ..errors import QuizgenError
from ..text.slug import slugify
from .run import REVIEW_HEAD, ScanResult

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
    rows = [REVIEW_HEAD] + [
        [str(c) for c in (r.file, r.page, r.student_id, r.variant, r.question, r.seen, r.problem, r.decision)]
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
    read = sum(1 for p in result.pages if not p.problem)
    open_items = sum(1 for r in result.reviews if not r.decision)
    story = [
        Paragraph("Scan review", title),
        Paragraph(
            f"{len(result.pages)} page(s) scanned, {read} read; {len(result.responses) - 1} student(s) in "
            f"responses.csv, {len(result.held)} held back. {len(result.reviews)} item(s) below, {open_items} "
            "without a decision: write the answer in review.csv's decision column ('blank' for none) and run the "
            "scan again with --review.",
            body,
        ),
        Spacer(0, 4 * mm),
    ]
    for r in result.reviews:
        who = " · ".join(
            x
            for x in (
                f"student {r.student_id}" if r.student_id else "",
                f"variant {r.variant}" if r.variant else "",
                r.question,
            )
            if x
        )
        text = f"<b>{escape(printable(r.file))}, page {r.page}</b> · {escape(printable(who))}<br/>"
        text += escape(printable(r.problem))
        if r.seen:
            text += f" — seen: {escape(printable(r.seen))}"
        if r.decision:
            text += f" — <b>decision: {escape(printable(r.decision))}</b>"
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
        title="Scan review",
        author="quizgen",
        creator="quizgen",
        invariant=1,
    )
    doc.build(story)
    return buf.getvalue()
