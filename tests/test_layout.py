"""What a teacher sees on the page: every variant as long as the others and spread evenly, hanging indents,
blanks that do not hint at their answers, marks and page totals on keys, footers that never overprint."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.pdfbase import pdfmetrics

from quizgen import load_bank
from quizgen.bank.importers import import_text
from quizgen.bank.organize import draft_categories
from quizgen.bank.write import write_bank
from quizgen.cli import cli
from quizgen.exam import build_exam
from quizgen.render import pages
from quizgen.render.compile import tex_available
from quizgen.render.pdf import FAMILY, Styles, blank_rule, block_heights, exam_pdf, fit, frame_size, variant_story
from quizgen.spec import load_spec

DATA = Path(__file__).parent / "data" / "roundtrip"
LONG_TITLE = (
    "Biology — Year 9 end-of-unit test on cells, cell division, genetics, energy and transport across membranes"
)
# different topics per variant: the fixture picks the first font size and seed at which, left to their
# natural length, some variants need more pages than others
SPEC = f"""
title: "{LONG_TITLE}"
bank: bank
seed: SEED
variants: 6
different_topics: true
font_size: SIZE
paper: A4
sections:
  - type: matching
    sets: 1
  - type: mcq
    count: 11
  - type: cloze
    count: 4
  - type: truefalse
    count: 4
"""


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layout")
    result = import_text((DATA / "biology-obsidian.md").read_text(encoding="utf-8"), "biology.md")
    write_bank(draft_categories(result.topics, "Biology", group=False), tmp / "bank")
    bank = load_bank(tmp / "bank")
    for size in (9, 11, 10, 12):
        for seed in range(8):
            (tmp / "spec.yaml").write_text(SPEC.replace("SEED", str(seed)).replace("SIZE", str(size)), encoding="utf-8")
            if len(set(_natural_pages(tmp / "spec.yaml", bank))) > 1:
                return tmp / "spec.yaml"
    pytest.fail("no font size and seed give variants of different natural lengths")


def _natural_pages(spec_file: Path, bank) -> list[int]:
    """The fewest pages each variant's paper fits on."""
    exam = build_exam(load_spec(spec_file), bank)
    st, capacity = Styles(exam.spec.font_size), frame_size(exam.spec.paper)[1]
    return [
        pages.fewest_pages(block_heights(variant_story(exam, v, st, False), exam.spec.paper), capacity)
        for v in exam.variants
    ]


def _build(spec_file: Path, engine: str) -> Path:
    out = spec_file.parent / f"out-{engine}"
    if not out.exists():
        args = ["build", str(spec_file), "--out", str(out), "--engine", engine, "--answers", "inline", "--quiet"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
    return out


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def _questions_per_page(pdf: Path) -> list[int]:
    """Question numbers per page: the leftmost 'N.' words (matching premises are indented further)."""
    words = _words(pdf)
    counts = []
    for page in range(1, max(p for p, *_ in words) + 1):
        numbers = [x for p, _, x, w in words if p == page and re.fullmatch(r"\d+\.", w)]
        counts.append(sum(1 for x in numbers if x < min(numbers) + 2) if numbers else 0)
    return counts


ENGINES = ["reportlab", pytest.param("latex", marks=pytest.mark.skipif(not tex_available(), reason="no TeX"))]


def test_variants_differ_in_natural_length(spec_file):
    """The precondition of the next test: left to themselves, the variants would not match."""
    exam = build_exam(load_spec(spec_file), load_bank(spec_file.parent / "bank"))
    natural: list[int] = []
    for v in exam.variants:
        exam_pdf(exam, [v], counts=natural)
    assert len(set(natural)) > 1


@pytest.mark.parametrize("engine", ENGINES)
def test_every_variant_has_the_same_pages_and_no_lone_question(spec_file, engine):
    out = _build(spec_file, engine)
    per_variant = [_questions_per_page(out / f"exam-{c}.pdf") for c in "ABCDEF"]
    assert len({len(p) for p in per_variant}) == 1, per_variant
    assert all(sum(p) == 20 for p in per_variant)
    assert all(n >= 2 for p in per_variant for n in p), per_variant  # no page with a lone question


@pytest.mark.parametrize("engine", ENGINES)
def test_keys_and_teacher_copies_are_marked_on_every_page_with_true_totals(spec_file, engine):
    out = _build(spec_file, engine)
    for name, mark in (("key-A.pdf", "ANSWER KEY"), ("teacher-B.pdf", "TEACHER.S COPY"), ("exam-C.pdf", None)):
        texts = _page_texts(out / name)
        for i, page in enumerate(texts, 1):
            assert f"Page {i} of {len(texts)}" in page, (name, i)
            assert bool(mark and re.search(mark, page)) == bool(mark), (name, i)
    assert len(_page_texts(out / "key-A.pdf")) >= 2  # the key and its master key


@pytest.mark.parametrize("engine", ENGINES)
def test_wrapped_lines_hang_and_footer_title_is_shortened(spec_file, engine):
    out = _build(spec_file, engine)
    lines = _lines(out / "teacher-A.pdf")
    boxes = ("☐", "☒", "□", "⊠")
    checked = 0
    for (page, row), (next_page, next_row) in zip(lines, lines[1:]):
        # an option ('☐ A text') or a matching definition ('A. text'): its text starts after the label
        at = next((i for i, (_, w) in enumerate(row) if re.fullmatch(r"[A-F]\.", w)), None)
        if row[0][1] in boxes and len(row) > 2:
            label_x, text_x = row[0][0], row[2][0]
        elif at is not None and at + 1 < len(row):
            label_x, text_x = row[at][0], row[at + 1][0]
        else:
            continue
        nx, nw = next_row[0]
        if next_page == page and nx > label_x and nw not in boxes and not re.fullmatch(r"(\d+|[A-F])\.", nw):
            assert abs(nx - text_x) < 1.0, (engine, page, nw)  # a wrapped line starts under the text above
            checked += 1
    assert checked >= 2
    footer = _page_texts(out / "exam-A.pdf")[0].strip().splitlines()[-1]
    assert re.search(r"…|\. ?\. ?\.", footer), footer
    assert "Variant A" in footer and "membranes" not in footer
    words = next(row for _, row in _lines(out / "exam-A.pdf") if {"Variant", "Page"} <= {w for _, w in row})
    variant_x = next(x for x, w in words if w == "Variant")
    title_end = max(x + 5 * len(w) for x, w in words if x < variant_x)  # generous: 5 pt a character
    assert title_end < variant_x  # the shortened title ends before the page label starts


def _lines(pdf: Path) -> list[tuple[int, list[tuple[float, str]]]]:
    """(page, [(x, word), …] left to right) of every text line; words within 3 pt of height share a line."""
    out: list = []
    last = None
    for page, y, x, w in sorted(_words(pdf)):
        if last is None or page != last[0] or y - last[1] > 3:
            out.append((page, []))
            last = (page, y)
        out[-1][1].append((x, w))
    return [(p, sorted(row)) for p, row in out]


def _words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, yMin, xMin, word) of every word."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    out, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)".*>(.*)</word>', line)
        if m:
            out.append((page, round(float(m.group(2)), 1), float(m.group(1)), m.group(3)))
    return out


def test_one_blank_width_per_section_fitted_to_the_longest_answer():
    from quizgen.exam import Question
    from quizgen.model import ClozeItem

    def cloze(answer):
        return Question(1, 1, ClozeItem(topic=answer, category="c", mode="term", text="_____ x", answer=((answer,),)))

    st = Styles(10)
    short = blank_rule([cloze("ATP")], st, 480)
    long = blank_rule([cloze("ATP"), cloze("Rough endoplasmic reticulum")], st, 480)
    width = pdfmetrics.stringWidth(long, FAMILY, 10)
    assert width >= 1.4 * pdfmetrics.stringWidth("Rough endoplasmic reticulum", FAMILY, 10)
    assert len(long) > len(short) and width <= 480 * 0.75 + 10


def test_fit_shortens_to_the_room_given():
    assert fit("short", 200, FAMILY, 8) == "short"
    cut = fit(LONG_TITLE, 200, FAMILY, 8)
    assert cut.endswith("…") and pdfmetrics.stringWidth(cut, FAMILY, 8) <= 200 and LONG_TITLE.startswith(cut[:-1])


@pytest.mark.parametrize(
    ("heights", "capacity", "count"),
    [([300, 200, 200, 200, 200, 200, 50], 700, 3), ([100] * 13, 700, 2), ([80, 300, 300, 300], 700, 3)],
)
def test_balanced_breaks_keep_order_and_spread_the_load(heights, capacity, count):
    starts = pages.balanced(heights, capacity, count)
    assert starts[0] == 0 and starts == sorted(set(starts)) and len(starts) == count
    ends = starts[1:] + [len(heights)]
    loads = [sum(heights[a:b]) for a, b in zip(starts, ends)]
    assert max(loads) <= capacity
    assert all(b - a >= 1 for a, b in zip(starts, ends))
    from itertools import combinations

    best = min(  # every way to cut the blocks into `count` pages, in order
        max(sum(heights[a:b]) for a, b in zip((0, *cuts), (*cuts, len(heights))))
        for cuts in combinations(range(1, len(heights)), count - 1)
    )
    assert max(loads) == pytest.approx(best, abs=0.01)
