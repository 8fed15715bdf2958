"""The reportlab engine: exams, teacher copies, keys and worksheets as PDF bytes, no TeX needed."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from ..exam import LETTERS, Exam, Question, Variant, answer_letters
from ..i18n import Labels, fill, item_stem, labels_for
from ..model import ClozeItem, Item, MatchingItem, MCQItem, TrueFalseItem, statement_parts
from . import pages
from .fonts import FAMILY, font_file, printable, use_font
from .markup import BLANK_RULE, escape, rich


def _t(text: str) -> str:
    """User text for paragraph markup: escaped, and characters the font lacks shown as [U+XXXX]."""
    return escape(printable(text))


BOX, CHECKED = "☐", "☒"
rl_config.invariant = 1  # no timestamps or random ids: same input, same bytes
rl_config.useA85 = 0  # page streams Flate only: a quarter smaller, and qpdf joins them as they are (not re-encoded)


def register_fonts(font: str | None = None) -> str:
    """Make FAMILY the bundled DejaVu Sans family (Greek, dashes, accents, math symbols), or a spec's `font`."""
    return use_font(font)


# Laid-out paragraphs, shared by every paragraph of the same text and style: a build of 100 variants
# makes ~30,000 paragraphs from ~1,700 texts, and parsing and line-breaking them was ~44 % of its time.
# (text, id(style)) -> (style, text, frags, bulletText, {width: (blPara, height)}); the style is kept in the
# entry so that its id cannot be reused by another style while the entry lives.
_LAYOUTS: dict = {}
LAYOUT_CACHE_SIZE = 20_000  # entries; the cache is emptied when full (a build needs about one per text)


class Para(Paragraph):
    """A paragraph whose markup is parsed, and whose lines are broken at a width, once per process: the
    same text in the same style reuses the frags and lines of the first (reportlab never changes them)."""

    def __init__(self, text, style, bulletText=None, frags=None, **kwargs):
        if frags is not None or bulletText is not None or kwargs or not LAYOUT_CACHE_SIZE:
            super().__init__(text, style, bulletText, frags, **kwargs)  # split() halves: not shared
            self._widths = {}
            return
        key = (text, id(style))
        entry = _LAYOUTS.get(key)
        if entry is None or entry[0] is not style:
            super().__init__(text, style)
            if len(_LAYOUTS) >= LAYOUT_CACHE_SIZE:
                _LAYOUTS.clear()
            entry = _LAYOUTS[key] = (style, self.text, self.frags, self.bulletText, {})
        else:
            self.caseSensitive, self.encoding, self.debug = 1, "utf8", 0
            self.style, self.text, self.frags, self.bulletText = entry[:4]
        self._widths = entry[4]

    def wrap(self, avail_width, avail_height):
        # split() drops blPara when the paragraph moves on whole: then it is taken from the cache again
        known = self._widths.get(avail_width)
        if known is not None:
            self.width = avail_width
            self.blPara, self.height, self._wrapWidths = known
            return avail_width, self.height
        size = super().wrap(avail_width, avail_height)
        if hasattr(self, "blPara"):
            self._widths[avail_width] = (self.blPara, self.height, self._wrapWidths)
        return size


class Styles:
    def __init__(self, size: float, labels: Labels | None = None, font: str | None = None):
        register_fonts(font)
        self.labels = labels or labels_for(None)
        lead = size * 1.3
        self.body = ParagraphStyle(
            "body",
            fontName=FAMILY,
            fontSize=size,
            leading=lead,
            alignment=TA_LEFT,
            bulletFontName=FAMILY,
            bulletFontSize=size,
        )
        # hanging indents: the number, box or letter sits in the margin (a <bullet>) and every line of the
        # text starts at one x, wide enough for the widest label
        gap = size * 0.5
        number = pdfmetrics.stringWidth("888.", FAMILY + "-Bold", size) + gap
        box = pdfmetrics.stringWidth(f"{BOX} W", FAMILY + "-Bold", size) + gap
        self.stem = ParagraphStyle("stem", parent=self.body, leftIndent=number, bulletIndent=0, spaceBefore=4)
        self.option = ParagraphStyle(
            "option", parent=self.body, leftIndent=number + box, bulletIndent=number, spaceBefore=1
        )
        self.choices = ParagraphStyle("choices", parent=self.body, leftIndent=number, spaceBefore=1)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=size * 0.85, leading=size * 1.1)
        premise = pdfmetrics.stringWidth("[\u2003\u2003] 88.", FAMILY, size) + gap
        self.premise = ParagraphStyle("premise", parent=self.body, leftIndent=premise, bulletIndent=0)
        self.cell = ParagraphStyle(
            "cell", parent=self.body, leftIndent=pdfmetrics.stringWidth("W.", FAMILY + "-Bold", size) + gap
        )
        self.title = ParagraphStyle(
            "title", parent=self.body, fontName=FAMILY + "-Bold", fontSize=size * 1.7, leading=size * 2.1
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=self.body,
            fontName=FAMILY + "-Bold",
            fontSize=size * 1.15,
            leading=size * 1.5,
            spaceBefore=8,
            spaceAfter=2,
        )


def styles(size: float, labels: Labels | None = None, font: str | None = None) -> Styles:
    """One Styles per font size, labels and font in a process, so that paragraphs of every document share
    laid-out lines (the font is made current again: another document may have used another)."""
    register_fonts(font)
    return _styles(size, labels, font)


@lru_cache(maxsize=8)
def _styles(size: float, labels: Labels | None, font: str | None) -> Styles:
    return Styles(size, labels, font)


class _VariantMark(Flowable):
    """Zero-size marker: pages from here on belong to this variant (for 'Page i of n' per variant)."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def wrap(self, *_):
        return 0, 0

    def draw(self):
        self.canv._variant = self.code


def fit(text: str, width: float, font: str, size: float) -> str:
    """`text` shortened with '…' to fit `width` points (footers and running heads never overprint)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def _canvas_class(footer_title: str, labels: Labels, mark: str = "", counts: list | None = None):
    class NumberedCanvas(Canvas):
        """Defers each page so that the footer can say 'Page i of n' within the page's variant; `mark`
        ('ANSWER KEY', "TEACHER'S COPY") is printed at the top of every page."""

        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            kwargs["initialFontName"] = FAMILY  # otherwise every page references (unembedded) Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[tuple[dict, str]] = []
            self._variant = ""

        def showPage(self):
            self._pages.append((dict(self.__dict__), self._variant))
            self._startPage()

        def save(self):
            totals: dict[int, int] = {}
            groups = []
            for i, (_, code) in enumerate(self._pages):
                if i == 0 or code != self._pages[i - 1][1]:
                    groups.append([])
                groups[-1].append(i)
            for g in groups:
                for n, i in enumerate(g, 1):
                    totals[i] = (n, len(g))
            if counts is not None:
                counts.extend(len(g) for g in groups)
            for i, (state, code) in enumerate(self._pages):
                self.__dict__.update(state)
                n, total = totals[i]
                self.setFont(FAMILY, 8)
                self.setFillColor(colors.black)
                width, height = self._pagesize
                page = labels("page", page=n, pages=total)
                label = f"{labels('variant', code=code)} · {page}" if code else page
                room = width - 36 * mm - pdfmetrics.stringWidth(label, FAMILY, 8) - 12
                self.drawString(18 * mm, 10 * mm, fit(footer_title, room, FAMILY, 8))
                self.drawRightString(width - 18 * mm, 10 * mm, label)
                if mark:
                    self.setFont(FAMILY + "-Bold", 9)
                    self.drawRightString(width - 18 * mm, height - 10 * mm, mark)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_size(paper: str) -> tuple[float, float]:
    return A4 if paper == "a4" else LETTER


def frame_size(paper: str) -> tuple[float, float]:
    """Width and height the text can take on a page (the margins of _document, less the frame's padding)."""
    w, h = page_size(paper)
    return w - 36 * mm - 12, h - 34 * mm - 12


def _document(
    story: list, title: str, paper: str, subject: str, labels: Labels, mark: str = "", counts: list | None = None
) -> bytes:
    """The PDF; `counts`, when given, receives the number of pages of each variant."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=page_size(paper),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="quizgen",
        subject=subject,
        creator="quizgen",
        invariant=1,
    )
    doc.build(story, canvasmaker=_canvas_class(title, labels, mark, counts))
    return buf.getvalue()


# ---- questions ----


HANDWRITING = 1.5  # handwriting takes about this many times the printed width of the same word


def blank_rule(questions, st: Styles, frame_width: float) -> str:
    """One blank for every cloze question of a section: long enough to write its longest accepted answer by
    hand, and the same for all, so that a blank's length never hints at its answer."""
    longest = max(
        (
            pdfmetrics.stringWidth(printable(a), FAMILY, st.body.fontSize)
            for q in questions
            if isinstance(q.item, ClozeItem)
            for accepted in q.item.answer
            for a in accepted
        ),
        default=0.0,
    )
    underscore = pdfmetrics.stringWidth("_", FAMILY, st.body.fontSize)
    width = min(max(longest * HANDWRITING, underscore * len(BLANK_RULE)), frame_width * 0.75)
    return "_" * int(width // underscore + 1)


def question_flowables(q: Question, st: Styles, answers: bool, blank: str = BLANK_RULE, boxes: bool = True) -> list:
    """One question, kept together on a page; with `answers`, the correct answer marked in place; without
    `boxes`, no printed boxes to tick (a fillable sheet's form fields are the one place to answer)."""
    item, lab = q.item, st.labels
    head = f"<bullet><b>{q.number}.</b></bullet><font size={st.small.fontSize}>({_t(lab.points(q.points))})</font> "
    body: list = []
    if isinstance(item, MCQItem):
        stem = item_stem(item, lab)
        body.append(Para(head + (_t(stem) if item.direction == "term-to-definition" else rich(stem)), st.stem))
        for i, option in enumerate(item.options):
            mark, text = (BOX + " ") if boxes else "", rich(option)
            if answers and i == item.answer:
                mark, text = CHECKED + " ", f"<b>{text}</b>"
            body.append(Para(f"<bullet>{mark}<b>{LETTERS[i]}</b></bullet>{text}", st.option))
    elif isinstance(item, ClozeItem):
        fills = [a[0] for a in item.answer] if answers else None
        body.append(Para(head + rich(item.text, fills, blank), st.stem))
        if item.word_bank:
            words = " · ".join(rich(w) for w in item.word_bank)
            body.append(Para(f"<i>{_t(lab('field', label=lab('word-bank')))}</i> {words}", st.choices))
    elif isinstance(item, MatchingItem):
        body.append(Para(head + _t(lab("matching-instructions")), st.stem))
        body.append(_matching_table(item, st, answers, boxes))
    elif isinstance(item, TrueFalseItem):
        term, colon, definition = statement_parts(item)
        body.append(Para(head + (f"<b>{_t(term)}</b>{_t(colon)}" if term else "") + rich(definition), st.stem))
        t = CHECKED if answers and item.answer else BOX
        f = CHECKED if answers and not item.answer else BOX
        if boxes:
            body.append(Para(f"{t} {_t(lab('true'))}\u2003\u2003{f} {_t(lab('false'))}", st.choices))
    body.append(Spacer(0, 4))
    return body


def _matching_table(item: MatchingItem, st: Styles, answers: bool, boxes: bool = True) -> Table:
    rows = []
    n = max(len(item.premises), len(item.responses))
    for i in range(n):
        left = ""
        if i < len(item.premises):
            box = f"[ <b>{LETTERS[item.answer[i]]}</b> ]" if answers else "[\u2003\u2003]" if boxes else ""
            left = Para(f"<bullet>{box} {i + 1}.</bullet>{_t(item.premises[i])}", st.premise)
        right = (
            Para(f"<bullet><b>{LETTERS[i]}.</b></bullet>{rich(item.responses[i])}", st.cell)
            if i < len(item.responses)
            else ""
        )
        rows.append([left, right])
    # splitInRow: a row of definitions taller than a page (5,000-character ones) continues on the next
    table = Table(rows, colWidths=["36%", "64%"], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, st.body.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# ---- documents ----


def _header(exam: Exam, variant: Variant, st: Styles, label: str) -> list:
    spec, lab = exam.spec, st.labels
    meta = " · ".join(_t(x) for x in (spec.course, lab.date(spec.date)) if x)
    out = [_VariantMark(variant.code), Paragraph(_t(spec.title), st.title)]
    if meta:
        out.append(Paragraph(meta, st.body))
    out.append(
        Paragraph(
            f"<b>{_t(label)} · {_t(lab('variant', code=variant.code))}</b> · "
            f"{_t(lab.count('questions', len(variant.questions)))} · "
            f"{_t(lab('total', points=lab.points(variant.total_points)))}",
            st.body,
        )
    )
    out.append(Spacer(0, 6))
    return out


def _student_lines(st: Styles, student=None) -> Table:
    line = "_" * 34
    name = f"<b>{_t(student.name)}</b>" if student else line
    sid = f"<b>{_t(student.id)}</b>" if student else line[:20]
    lab = st.labels
    t = Table(
        [
            [
                Paragraph(f"{_t(lab('field', label=lab('name')))} {name}", st.body),
                Paragraph(f"{_t(lab('field', label=lab('student-id')))} {sid}", st.body),
            ]
        ],
        colWidths=["60%", "40%"],
    )
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FAMILY, st.body.fontSize), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def variant_story(exam: Exam, variant: Variant, st: Styles, answers: bool, student=None) -> list:
    """The blocks of one paper: its header, then one unbreakable block per question."""
    lab = st.labels
    header = _header(exam, variant, st, lab("teacher-copy") if answers else lab("exam"))
    if not answers:
        header += [_student_lines(st, student), Spacer(0, 6)]
    if exam.spec.instructions:
        header += [Para(rich(exam.spec.instructions), st.body), Spacer(0, 4)]
    story: list = [KeepTogether(header)]
    width = frame_size(exam.spec.paper)[0]
    for section in variant.sections:
        pts = sum(q.points for q in section.questions)
        heading = Para(
            f"{_t(lab.heading(section.spec))} <font size={st.small.fontSize}>"
            f"({len(section.questions)} × {_t(lab.points(section.questions[0].points))} = "
            f"{_t(lab.points(pts))})</font>",
            st.heading,
        )
        blank = blank_rule(section.questions, st, width)
        for i, q in enumerate(section.questions):
            # never split a question across pages; the heading stays with its first question
            flowables = question_flowables(q, st, answers, blank)
            story.append(KeepTogether([heading, *flowables] if i == 0 else flowables))
    return story


def block_heights(story: list, paper: str) -> list[float]:
    """The height each block takes in the frame, space before and after included (a little over, never under)."""
    width, height = frame_size(paper)
    out = []
    for f in story:
        content = f._content if isinstance(f, KeepTogether) else [f]
        _, h = _listWrapOn(content, width, None)
        out.append(h + content[0].getSpaceBefore() + f.getSpaceAfter() if content else 0.0)
    return out


def planned_pages(exam: Exam, answers: bool = False) -> int:
    """The pages the longest variant's paper (or teacher's copy) needs, by exam_pdf's own measure: every
    paper can then be made once at that count instead of twice."""
    st, paper = styles(exam.spec.font_size, labels_for(exam.spec), exam.spec.font), exam.spec.paper
    capacity = frame_size(paper)[1]
    return max(
        pages.fewest_pages(block_heights(variant_story(exam, v, st, answers), paper), capacity) for v in exam.variants
    )


def exam_pdf(
    exam: Exam,
    variants: list[Variant],
    answers: bool = False,
    student=None,
    page_count: int | None = None,
    counts: list[int] | None = None,
) -> bytes:
    """Exam papers (or teacher's copies) for the given variants, each starting on a new page; with a
    student, their name and ID are printed in the header. Every variant gets `page_count` pages (default:
    as many as the longest of them needs), its questions spread evenly over them; `counts`, when given,
    receives the number of pages each variant got."""
    st = styles(exam.spec.font_size, labels_for(exam.spec), exam.spec.font)
    paper = exam.spec.paper
    capacity = frame_size(paper)[1]
    stories = [variant_story(exam, v, st, answers, student) for v in variants]
    heights = [block_heights(story, paper) for story in stories]  # the layouts are kept for the build
    target = page_count or max(pages.fewest_pages(h, capacity) for h in heights)
    wanted = [max(target, pages.fewest_pages(h, capacity)) for h in heights]
    kind = "teacher's copy" if answers else "exam"
    subject = f"{kind}, variants {', '.join(v.code for v in variants)}"
    for slack in (1.0, 0.97, 0.93):  # the measure is a little generous; should a page still overflow, plan tighter
        story: list = []
        for i, (blocks, h) in enumerate(zip(stories, heights)):
            starts = set(pages.balanced(h, capacity * slack, target)[1:])
            if i:
                story.append(PageBreak())
            for k, block in enumerate(blocks):
                if k in starts:
                    story.append(PageBreak())
                story.append(block)
        got: list[int] = []
        mark = st.labels("teacher-copy-mark") if answers else ""
        data = _document(story, exam.spec.title, paper, subject, st.labels, mark, got)
        if got == wanted:
            break
        stories = [variant_story(exam, v, st, answers, student) for v in variants]  # a built story is spent
    if counts is not None:
        counts.extend(got)
    return data


def answer_text(item: Item, lab: Labels) -> str:
    """The full answer as markup, for keys."""
    if isinstance(item, MCQItem):
        return f"<b>{LETTERS[item.answer]}</b> — {rich(item.options[item.answer])}"
    if isinstance(item, ClozeItem):
        blanks = []
        for accepted in item.answer:
            others = ", ".join(_t(a) for a in accepted[1:4])
            also = f" <font size=8>({fill(lab.template('also-accepted'), {'answers': others}, _t)})</font>"
            also = also if len(accepted) > 1 else ""
            blanks.append(f"<b>{_t(accepted[0])}</b>{also}")
        return "; ".join(blanks)
    if isinstance(item, MatchingItem):
        return "<br/>".join(
            f"{i + 1}. {_t(p)} → <b>{LETTERS[a]}</b>" for i, (p, a) in enumerate(zip(item.premises, item.answer))
        )
    if isinstance(item, TrueFalseItem):
        if item.answer:
            return f"<b>{_t(lab('true'))}</b>"
        shown = fill(lab.template("false-shown"), {"topic": _t(item.shown_topic)}, _t)
        return f"<b>{_t(lab('false'))}</b> — {shown}"
    raise TypeError(item)


MASTER_IN_KEYS = 26  # up to this many variants each key ends with the master key; beyond, it is one file


def key_pdf(exam: Exam, variant: Variant) -> bytes:
    """Full answers for one variant, then (for up to MASTER_IN_KEYS variants) the master key of every variant."""
    st = styles(exam.spec.font_size, labels_for(exam.spec), exam.spec.font)
    lab = st.labels
    story = _header(exam, variant, st, lab("answer-key"))
    rows = [[Para(f"<b>{h}</b>", st.body) for h in ("#", _t(lab("key-answer")), _t(lab("key-points")))]]
    for q in variant.questions:
        rows.append(
            [
                Para(str(q.number), st.body),
                Para(answer_text(q.item, lab), st.body),
                Para(_t(lab.points(q.points)), st.body),
            ]
        )
    table = Table(rows, colWidths=["8%", "78%", "14%"], repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, st.body.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
            ]
        )
    )
    story.append(table)
    if len(exam.variants) <= MASTER_IN_KEYS:
        story += [PageBreak(), *master_key(exam, st)]
    else:
        story.append(Para(_t(lab("master-key-elsewhere")), st.body))
    subject = f"answer key, variant {variant.code}"
    return _document(story, exam.spec.title, exam.spec.paper, subject, lab, lab("answer-key-mark"))


def master_key_pdf(exam: Exam) -> bytes:
    """The master key of every variant on its own."""
    st = styles(exam.spec.font_size, labels_for(exam.spec), exam.spec.font)
    mark = st.labels("answer-key-mark")
    return _document(master_key(exam, st), exam.spec.title, exam.spec.paper, "master key", st.labels, mark)


def master_key(exam: Exam, st: Styles, per_table: int = 12) -> list:
    """Question numbers down, variants across: the letters a marker needs, in tables of `per_table` variants."""
    out = [Para(_t(st.labels("master-key-heading")), st.heading)]  # in a key, its pages count with the key's
    n = max(len(v.questions) for v in exam.variants)
    for start in range(0, len(exam.variants), per_table):
        chunk = exam.variants[start : start + per_table]
        rows = [["#"] + [v.code for v in chunk]]
        for i in range(n):
            rows.append(
                [str(i + 1)]
                + [key_cell(key_letters(v.questions[i].item, st.labels)) if i < len(v.questions) else "" for v in chunk]
            )
        table = Table(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FAMILY, st.small.fontSize),
                    ("FONT", (0, 0), (-1, 0), FAMILY + "-Bold", st.small.fontSize),
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ]
            )
        )
        out += [table, Spacer(0, 8)]
    return out


def key_letters(item: Item, lab: Labels) -> str:
    """The answer as the master key shows it: option letters, or the language's letter for true and false."""
    if isinstance(item, TrueFalseItem):
        return lab("true-letter") if item.answer else lab("false-letter")
    return answer_letters(item)


def key_cell(answer: str) -> str:
    """An answer as a master key's cell prints it: at most 14 characters, a cut one marked '…' (both engines: the
    LaTeX key cut 'Theoretical yield' to a bare 'Theoretical yi', which reads as another answer)."""
    return answer if len(answer) <= 14 else answer[:13] + "…"


# ---- self-test worksheets ----


class AnswerFields(Flowable):
    """A row of fillable form fields under a question: radio buttons for choices, text fields otherwise."""

    def __init__(self, question: Question, size: float, labels: Labels):
        super().__init__()
        self.q = question
        self.labels = labels
        self.size = size
        self.height = size * 2.2

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.height

    def draw(self):
        c, item, n = self.canv, self.q.item, self.q.number
        form = c.acroForm
        box = self.size * 1.2
        base = box * 0.28  # text baseline level with the middle of the fields
        c.setFont(FAMILY, self.size * 0.9)
        prompt = printable(self.labels("field", label=self.labels("your-answer")))
        c.drawString(44, base, prompt)
        x = 44 + c.stringWidth(prompt, FAMILY, self.size * 0.9) + 8
        if isinstance(item, (MCQItem, TrueFalseItem)):
            values = LETTERS[: len(item.options)] if isinstance(item, MCQItem) else ["True", "False"]
            for value in values:
                label = value if isinstance(item, MCQItem) else printable(self.labels(value.lower()))
                form.radio(
                    name=f"q{n}",
                    value=value,
                    selected=False,
                    x=x,
                    y=0,
                    size=box,
                    buttonStyle="circle",
                    borderWidth=0.8,
                    relative=True,
                    tooltip=f"{n}. {label}",
                )
                c.drawString(x + box + 3, base, label)
                x += box + 6 + c.stringWidth(label, FAMILY, self.size * 0.9) + 12
        elif isinstance(item, MatchingItem):
            for i in range(len(item.premises)):
                c.drawString(x, base, f"{i + 1}")
                x += c.stringWidth(f"{i + 1}", FAMILY, self.size * 0.9) + 3
                form.textfield(
                    name=f"q{n}_{i + 1}",
                    x=x,
                    y=0,
                    width=box * 1.6,
                    height=box,
                    relative=True,
                    borderWidth=0.8,
                    fontName="Helvetica",
                    fontSize=self.size * 0.9,
                    maxlen=1,
                )
                x += box * 1.6 + 10
        elif isinstance(item, ClozeItem):
            width = (self.width - x - 10) / max(len(item.answer), 1) - 8
            for i in range(len(item.answer)):
                form.textfield(
                    name=f"q{n}_{i + 1}",
                    x=x,
                    y=0,
                    width=width,
                    height=box,
                    relative=True,
                    borderWidth=0.8,
                    fontName="Helvetica",
                    fontSize=self.size * 0.9,
                )
                x += width + 8


def worksheet_pdf(exam: Exam, fillable: bool = False) -> bytes:
    """A self-test: the questions, then every answer on the last page(s) so the key can be folded away."""
    st = styles(exam.spec.font_size, labels_for(exam.spec), exam.spec.font)
    lab = st.labels
    variant = exam.variants[0]
    story = _header(exam, variant, st, lab("worksheet"))
    if exam.spec.instructions:
        story += [Paragraph(rich(exam.spec.instructions), st.body), Spacer(0, 4)]
    width = frame_size(exam.spec.paper)[0]
    for section in variant.sections:
        heading = Paragraph(_t(lab.heading(section.spec)), st.heading)
        blank = blank_rule(section.questions, st, width)
        for i, q in enumerate(section.questions):
            flowables = question_flowables(q, st, answers=False, blank=blank, boxes=not fillable)
            if fillable:
                flowables.insert(-1, AnswerFields(q, st.body.fontSize, lab))
            story.append(KeepTogether([heading, *flowables] if i == 0 else flowables))
    story += [PageBreak(), Paragraph(_t(lab("answers")), st.title), Spacer(0, 4)]
    rows = [
        [Paragraph(str(q.number), st.body), Paragraph(answer_text(q.item, lab), st.body)] for q in variant.questions
    ]
    table = Table(rows, colWidths=["8%", "92%"], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FAMILY, st.body.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
            ]
        )
    )
    story.append(table)
    data = _document(story, exam.spec.title, exam.spec.paper, "self-test worksheet", lab)
    if not fillable:
        return data
    from .formfont import embed_field_font  # the fields in a font with the student's letters ('ł', 'ě')

    return embed_field_font(data, font_file(exam.spec.font), [repr(q.item) for q in variant.questions])
