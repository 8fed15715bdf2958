"""FROZEN reference for benchmarks/speed.py (issue 14): a plain reportlab platypus script, written the way
anyone would, that draws the texts of an exam.json — every variant's paper and its answer key — in the
same embedded DejaVu fonts, font size and page size as quizgen. It imports nothing from quizgen. Do not
make it faster or slower: quizgen's speed goals are ratios against it.

Run: python benchmarks/plain_platypus.py EXAM.json OUT_FOLDER
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

FONTS = Path(__file__).resolve().parent.parent / "quizgen" / "fonts"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def register() -> None:
    for name, file in (("F", "DejaVuSans"), ("F-B", "DejaVuSans-Bold"), ("F-I", "DejaVuSans-Oblique")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{file}.ttf")))
    pdfmetrics.registerFontFamily("F", normal="F", bold="F-B", italic="F-I", boldItalic="F-B")


def question(q: dict, body: ParagraphStyle, indent: ParagraphStyle) -> list:
    e = escape
    out = []
    if q["type"] == "mcq":
        out.append(Paragraph(f"<b>{q['number']}.</b> ({q['points']} pts) {e(q['stem'])}", body))
        out += [Paragraph(f"☐ <b>{LETTERS[i]}</b> {e(o)}", indent) for i, o in enumerate(q["options"])]
    elif q["type"] == "cloze":
        out.append(Paragraph(f"<b>{q['number']}.</b> ({q['points']} pts) {e(q['text'])}", body))
        if q.get("word_bank"):
            out.append(Paragraph("<i>Word bank:</i> " + " · ".join(e(w) for w in q["word_bank"]), indent))
    elif q["type"] == "matching":
        out.append(Paragraph(f"<b>{q['number']}.</b> Write the letter of the matching definition in each box.", body))
        n = max(len(q["premises"]), len(q["responses"]))
        rows = [
            [
                Paragraph(f"[  ] {i + 1}. {e(q['premises'][i])}", body) if i < len(q["premises"]) else "",
                Paragraph(f"<b>{LETTERS[i]}.</b> {e(q['responses'][i])}", body) if i < len(q["responses"]) else "",
            ]
            for i in range(n)
        ]
        out.append(Table(rows, colWidths=["36%", "64%"]))
    else:
        out.append(Paragraph(f"<b>{q['number']}.</b> ({q['points']} pts) {e(q['statement'])}", body))
        out.append(Paragraph("☐ True    ☐ False", indent))
    return [KeepTogether(out + [Spacer(0, 4)])]


def answer(q: dict) -> str:
    if q["type"] == "mcq":
        return f"<b>{LETTERS[q['answer']]}</b> — {escape(q['options'][q['answer']])}"
    if q["type"] == "cloze":
        return "; ".join(f"<b>{escape(a[0])}</b>" for a in q["answer"])
    if q["type"] == "matching":
        pairs = enumerate(zip(q["premises"], q["answer"]))
        return "<br/>".join(f"{i + 1}. {escape(p)} → <b>{LETTERS[a]}</b>" for i, (p, a) in pairs)
    return "<b>True</b>" if q["answer"] else f"<b>False</b> — {escape(q['shown_topic'])}"


def build(story: list, path: Path, pagesize) -> None:
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm, invariant=1)
    doc.build(story)


def main(exam_json: str, out: str) -> None:
    exam = json.loads(Path(exam_json).read_text(encoding="utf-8"))
    spec = exam["spec"]
    register()
    size = spec["font_size"]
    body = ParagraphStyle("body", fontName="F", fontSize=size, leading=size * 1.3)
    indent = ParagraphStyle("indent", parent=body, leftIndent=24)
    title = ParagraphStyle("title", parent=body, fontName="F-B", fontSize=size * 1.7, leading=size * 2.1)
    pagesize = A4 if spec["paper"] == "a4" else LETTER
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for v in exam["variants"]:
        head = [Paragraph(escape(exam["title"]), title), Paragraph(f"Variant {v['code']}", body), Spacer(0, 6)]
        story = list(head)
        for q in v["questions"]:
            story += question(q, body, indent)
        build(story, folder / f"exam-{v['code']}.pdf", pagesize)
        rows = [[Paragraph(str(q["number"]), body), Paragraph(answer(q), body)] for q in v["questions"]]
        build([*head, Table(rows, colWidths=["8%", "92%"]), PageBreak()], folder / f"key-{v['code']}.pdf", pagesize)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
