"""Even pages for the LaTeX engine: after the first pdfLaTeX pass, the page each question landed on (markers in
the .aux file) shows whether the variants' papers differ in length or end on a lone question; if so, page
breaks are planned from the questions' measured heights for the papers that need them, and the next pass
typesets them.

The markers are not \\label's: LaTeX asks for a rerun when any label moved, and planned breaks move
questions. Only the papers' end labels (qg-end-<part>, for "page X of Y") are cross-references, and the .aux
the planned pass reads already gives them the planned page counts, so that pass is normally the last."""

from __future__ import annotations

import re

from ..exam import Exam
from . import pages

_MARK = re.compile(r"\\quizgenquestionpage\{([A-Za-z0-9-]{1,40})\}\{(\d{1,6})\}\{(\d{1,6})\}")
_END = re.compile(r"(\\newlabel\{qg-end-([A-Za-z0-9-]{1,40})\}\{\{[^{}\n]*\}\{)(\d{1,6})\}")

# At the start of a paper's body (a template may set it inside a group): \quizgenquestion{part}{n} writes
# the page it is shipped out on to the .aux, as \label does (same spacing), but as a record LaTeX's rerun
# check ignores; the .aux gets the record's no-op definition before any record, since TeX reads it back.
MARKERS = (
    r"\immediate\write\csname @auxout\endcsname{\string\providecommand\string\quizgenquestionpage[3]{}}%"
    "\n"
    r"\providecommand\quizgenquestion[2]{\csname @bsphack\endcsname\csname protected@write\expandafter\endcsname"
    r"\csname @auxout\endcsname{}{\string\quizgenquestionpage{#1}{#2}{\thepage}}\csname @esphack\endcsname}"
)


def question_pages(aux: str) -> dict[str, dict[int, int]]:
    """Part name -> {question number: page within the part}."""
    out: dict[str, dict[int, int]] = {}
    for m in _MARK.finditer(aux):
        out.setdefault(m.group(1), {})[int(m.group(2))] = int(m.group(3))
    return out


def marker(part: str, number: int) -> str:
    return rf"\quizgenquestion{{{part}}}{{{number}}}"


def seeded_aux(aux: str, breaks: dict[str, set[int]]) -> str:
    """The .aux of the unplanned pass with each planned paper's end label on its planned last page."""

    def planned(m: re.Match) -> str:
        part = m.group(2)
        return m.group(1) + (str(len(breaks[part]) + 1) if part in breaks else m.group(3)) + "}"

    return _END.sub(planned, aux)


def paper_heights(exam: Exam) -> dict[str, list[float]]:
    """Exam part name -> the measured height of each block of its paper (the header, then question 1, 2 …),
    in reportlab's units; it needs no TeX, so it is measured while TeX runs."""
    from ..i18n import labels_for
    from .pdf import Styles, block_heights, variant_story

    st = Styles(exam.spec.font_size, labels_for(exam.spec), exam.spec.font)
    return {f"exam-{v.code}": block_heights(variant_story(exam, v, st, False), exam.spec.paper) for v in exam.variants}


def plan_breaks(counts: dict[str, int], aux: str, heights: dict[str, list[float]]) -> dict[str, set[int]] | None:
    """Question numbers to start a new page at, for each paper that is short of the longest one's page count
    or ends on a lone question; None when the papers are already even. `heights` is paper_heights. Papers that
    already meet the goal keep LaTeX's own breaks: a plan in reportlab's measure is an estimate (on the
    benchmark exam a LaTeX page held 730 to 1,000 of its points), and each paper replanned may overflow."""
    if is_even(counts, aux):
        return None
    placed = question_pages(aux)
    target = max(counts.values())
    # what one LaTeX page holds, in the measured units: the fullest page of the first pass
    capacity = 0.0
    for part, h in heights.items():
        on = placed.get(part, {})
        last = max(on.values(), default=1)
        for page in range(1, last):
            held = (h[0] if page == 1 else 0.0) + sum(h[n] for n, p in on.items() if p == page and n < len(h))
            capacity = max(capacity, held)
    if not capacity:
        return None
    return {
        part: set(pages.balanced(h, capacity, target)[1:])
        for part, h in heights.items()
        if counts[part] != target or _lone_last(placed.get(part, {}), target)
    }


def _lone_last(on: dict[int, int], page_count: int) -> bool:
    """The last page holds a single question (of a paper with several pages)."""
    last = max(on.values(), default=0)
    return page_count > 1 and sum(1 for p in on.values() if p == last) == 1


def is_even(counts: dict[str, int], aux: str) -> bool:
    """Every paper has the same number of pages and none ends on a lone question."""
    placed = question_pages(aux)
    target = max(counts.values())
    return len(set(counts.values())) == 1 and not any(_lone_last(placed.get(p, {}), target) for p in counts)
