"""The LaTeX engine's pdfLaTeX passes (issue 14): passes run while LaTeX asks for a rerun, never more than
MAX_PASSES reruns; uneven papers get planned page breaks on the pass after the first, and that pass is the
last (question pages are not labels, the papers' end labels are seeded), with the right "page X of Y"."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from quizgen import load_bank
from quizgen.exam import build_exam
from quizgen.render import compile as tex
from quizgen.render import texpages
from quizgen.render.latex import bundled_templates, compile_even_papers, exam_tex, latex_files
from quizgen.spec import ExamSpec, SectionSpec

needs_tex = pytest.mark.skipif(
    shutil.which("pdflatex") is None and not os.environ.get("CI"),
    reason="TeX Live not installed (CI installs it and never skips)",
)


@pytest.fixture(scope="module")
def uneven_exam():
    """Two papers of 30 and 20 questions: different page counts whatever the bank's texts."""
    spec = ExamSpec(title="Uneven", seed=5, variants=2, sections=(SectionSpec("mcq", count=30),))
    exam = build_exam(spec, load_bank())
    a, b = exam.variants
    b = replace(b, sections=(replace(b.sections[0], questions=b.sections[0].questions[:20]),))
    return replace(exam, variants=(a, b))


def _paper_pages(compiled: tex.Compiled, names: list[str]) -> dict[str, int]:
    ranges = tex.part_ranges(compiled.page_count, compiled.aux, names)
    return {name: len(r) for name, r in ranges.items() if name.startswith("exam-")}


@needs_tex
def test_uneven_papers_are_planned_and_final_after_two_passes(uneven_exam, tmp_path):
    source, names = exam_tex(uneven_exam, "key")
    (tmp_path / "first").mkdir()
    first = tex.TexJob("exam", tmp_path / "first")
    before = _paper_pages(first.run(source, draft=True), names)
    assert len(set(before.values())) == 2  # the premise: the plain source gives uneven papers

    (tmp_path / "job").mkdir()
    kept, result = compile_even_papers(uneven_exam, "key", None, source, names, tex.TexJob("exam", tmp_path / "job"))
    assert kept != source and r"\newpage" in kept  # the planned breaks were kept
    assert result.passes == 2 and not tex.wants_rerun(result.log)
    after = _paper_pages(result, names)
    assert set(after.values()) == {max(before.values())}
    assert texpages.is_even(after, result.aux)


def _pages(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True).stdout.decode()
    return text.rstrip("\f").split("\f")


def _evened_files(exam, tmp_path, templates=None) -> dict[str, bytes]:
    folders = iter(range(9))

    def job_folder():
        folder = tmp_path / f"job{next(folders)}"
        folder.mkdir()
        return folder

    files = latex_files(exam, "key", templates, job_folder=job_folder, trust_templates=True)
    papers = [_pages(files["exam-A.pdf"]), _pages(files["exam-B.pdf"])]
    assert len(papers[0]) == len(papers[1]) > 1
    for name in ("exam-A.pdf", "exam-B.pdf", "key-A.pdf"):
        pages = _pages(files[name])
        for i, text in enumerate(pages, 1):
            assert re.search(rf"Page {i} of {len(pages)}\b", text), (name, i)
    numbers = re.findall(r"^\s*(\d+)\.?\s+\(\d+ pts?\)", "\n".join(papers[1]), re.M)
    assert [int(n) for n in numbers] == list(range(1, 21))  # every question printed once, in order
    return files


@needs_tex
def test_every_page_of_an_evened_paper_shows_its_right_total(uneven_exam, tmp_path):
    files = _evened_files(uneven_exam, tmp_path)
    assert r"\newpage" in files["exam.tex"].decode()


@needs_tex
def test_a_custom_template_that_restyles_questions_gets_even_papers(uneven_exam, tmp_path):
    """The question records live in the papers' bodies: a template may restyle questions and group the body."""
    shipped = (bundled_templates() / "exam.tex").read_text(encoding="utf-8")
    custom = shipped.replace("<< part.body >>", "{\\itshape << part.body >>}").replace("\\textbf{#1.}", "\\fbox{#1}")
    assert custom.count("itshape") == 1 and custom.count("fbox{#1}") == 1
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "exam.tex").write_text(custom, encoding="utf-8")
    _evened_files(uneven_exam, tmp_path, tmp_path / "t")


@needs_tex
def test_a_plan_that_does_not_even_the_papers_falls_back_to_the_plain_source(uneven_exam, tmp_path, monkeypatch):
    source, names = exam_tex(uneven_exam, "key")
    every_question = {f"exam-{v.code}": {q.number for q in v.questions} for v in uneven_exam.variants}
    monkeypatch.setattr(texpages, "plan_breaks", lambda *a: every_question)  # one question a page: worse
    kept, result = compile_even_papers(uneven_exam, "key", None, source, names, tex.TexJob("exam", tmp_path))
    assert kept == source
    assert result.passes == 3 and result.pdf is not None and not tex.wants_rerun(result.log)
    assert "??" not in subprocess.run(["pdftotext", "-", "-"], input=result.pdf, capture_output=True).stdout.decode()


@needs_tex
def test_passes_stop_after_max_reruns_when_labels_never_settle(tmp_path, monkeypatch):
    monkeypatch.setattr(tex, "MAX_PASSES", 2)
    # a label whose value is one more than the last pass recorded: LaTeX asks for a rerun every time
    source = (
        r"\documentclass{article}\begin{document}\makeatletter"
        r"\ifdefined\r@x\edef\@currentlabel{\the\numexpr\expandafter\@firstoftwo\r@x+1\relax}"
        r"\else\def\@currentlabel{0}\fi\label{x}Text.\end{document}" + "\n"
    )
    job = tex.TexJob("loop", tmp_path)
    with pytest.raises(tex.TexFailed, match="never settle"):
        job.settle(job.run(source))
    assert job.passes == 3


def test_a_rerun_is_what_latex_or_a_package_asks_for():
    label = "LaTeX Warning: Label(s) may have changed. Rerun to get cross-references right.\n"
    assert tex.wants_rerun(label)
    assert tex.wants_rerun("Package longtable Warning: Table widths have changed. Rerun LaTeX.\n")
    wrapped = "Package rerunfilecheck Warning: File `exam.out' has changed.\n(rerunfilecheck)    Rerun to get outlines right\n"
    assert tex.wants_rerun(wrapped)
    split = "LaTeX Warning: " + "x" * 64 + "\nRerun to get cross-references right.\n"  # TeX wrapped it at 79
    assert len(split.split("\n")[0]) == 79 and tex.wants_rerun(split)
    assert not tex.wants_rerun("LaTeX Warning: There were undefined references.\n")
    assert not tex.wants_rerun("Overfull \\hbox (3.1pt too wide) in paragraph\n[]\\T1/lmr/m/n/10 Rerun to get it\n")
    assert not tex.wants_rerun("(/usr/share/texmf/tex/latex/rerunfilecheck/rerunfilecheck.sty\n")


def test_only_papers_short_of_pages_or_ending_on_a_lone_question_are_replanned():
    def records(part: str, pages: list[int]) -> str:
        return "".join(rf"\quizgenquestionpage{{{part}}}{{{n}}}{{{p}}}" + "\n" for n, p in enumerate(pages, 1))

    aux = (
        records("exam-A", [1, 1, 1, 2, 2, 2, 3, 3])  # 3 pages, two questions on the last: already fine
        + records("exam-B", [1, 1, 1, 2, 2, 2, 2, 2])  # one page short
        + records("exam-C", [1, 1, 1, 2, 2, 2, 2, 3])  # a lone question on its last page
    )
    counts = {"exam-A": 3, "exam-B": 2, "exam-C": 3}
    heights = {part: [1.0] + [10.0] * 8 for part in counts}
    breaks = texpages.plan_breaks(counts, aux, heights)
    assert set(breaks) == {"exam-B", "exam-C"}
    assert all(len(b) + 1 == 3 for b in breaks.values())  # each replanned paper gets the longest's 3 pages
    assert texpages.plan_breaks({"exam-A": 3}, records("exam-A", [1, 1, 1, 2, 2, 2, 3, 3]), heights) is None


@needs_tex
def test_a_paper_ending_at_a_page_break_keeps_its_own_total(uneven_exam, tmp_path):
    """A paper whose last question ends its page left the end label alone at the top of an empty page, which
    LaTeX then shipped with the next part's first page: 'Page 4 of 1' (seen with the items of reading 58)."""
    shipped = (bundled_templates() / "exam.tex").read_text(encoding="utf-8")
    ends_a_page = shipped.replace("<< part.body >>", "<< part.body >>\\par\\newpage")
    assert ends_a_page.count("\\par\\newpage") == 1
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "exam.tex").write_text(ends_a_page, encoding="utf-8")
    _evened_files(uneven_exam, tmp_path, tmp_path / "t")
