"""Benchmark: 100 variants x 40 items with keys (reportlab engine) against a bare reportlab script that
draws the same number of pages with the same fonts, measured in one run; and the LaTeX engine's single
combined compile against one plain latexmk run of the same document.

Targets (issue 4): reportlab within 1.5x of the bare script and <= 500 MB peak; LaTeX <= 2x one latexmk run.
Run: python benchmarks/build.py [--variants N] [--latex]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from quizgen import load_bank  # noqa: E402
from quizgen.exam import build_exam  # noqa: E402
from quizgen.output import OutputFolder, render_reportlab  # noqa: E402
from quizgen.render.pdf import FAMILY, register_fonts  # noqa: E402
from quizgen.spec import ExamSpec, SectionSpec  # noqa: E402

SPEC = ExamSpec(
    title="Benchmark exam",
    course="quizgen benchmarks",
    seed=1,
    sections=(
        SectionSpec("mcq", count=24),
        SectionSpec("cloze", count=6, mode="term"),
        SectionSpec("matching", count=2),
        SectionSpec("truefalse", count=8),
    ),
)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _story(n: int, style) -> list:
    words = (
        "gradient descent <b>attention</b> tokens experts routing variance bound kernel posterior "
        "sample α β θ — <i>x</i>"
    ).split()
    rng = random.Random(0)
    return [Paragraph(" ".join(rng.choice(words) for _ in range(45)), style) for _ in range(n)]


def _build(story) -> int:
    pages = []
    SimpleDocTemplate(io.BytesIO(), pagesize=A4, invariant=1).build(
        story, onFirstPage=lambda c, d: pages.append(1), onLaterPages=lambda c, d: pages.append(1)
    )
    return len(pages)


def bare_pages(pages: int) -> tuple[float, int]:
    """Seconds for a bare platypus document of about `pages` pages of paragraphs in the same embedded fonts
    (no quizgen code: what any reportlab document of this much text costs), and its page count."""
    register_fonts()
    style = ParagraphStyle("b", fontName=FAMILY, fontSize=10, leading=13)
    per_page = 200 / _build(_story(200, style))
    story = _story(round(pages * per_page), style)
    start = time.perf_counter()
    made = _build(story)
    return time.perf_counter() - start, made


def _page_count(path: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return len(PdfReader(str(path)).pages)


def _page_count(path: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return len(PdfReader(str(path)).pages)


def reportlab_run(variants: int, jobs: int = 1, bare_too: bool = True) -> None:
    bank = load_bank()
    spec = SPEC.with_overrides(variants=variants)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        exam = build_exam(spec, bank)
        t_exam = time.perf_counter() - start
        folder = OutputFolder(Path(tmp) / "out", exam)
        render_reportlab(exam, "key", folder, jobs=jobs)
        folder.finish()
        elapsed = time.perf_counter() - start
        peak = peak_mb()
        pages = sum(_page_count(p) for p in (Path(tmp) / "out").glob("*.pdf") if p.name != "print-all.pdf")
    print(
        f"reportlab engine, --jobs {jobs}: {variants} variants x 40 items with keys: {elapsed:.2f} s "
        f"(items and variants {t_exam:.2f} s) for {pages} rendered pages (+ print-all joined), "
        f"{pages / elapsed:.0f} pages/s; peak RSS of the main process {peak:.0f} MB",
        flush=True,
    )
    if not bare_too:
        return
    bare, bare_count = bare_pages(pages)
    print(
        f"bare reportlab (platypus paragraphs, same fonts): {bare_count} pages in {bare:.2f} s "
        f"({bare_count / bare:.0f} pages/s); per page, quizgen costs {(elapsed / pages) / (bare / bare_count):.2f}x"
    )


def latex_run(variants: int) -> None:
    from quizgen.render.latex import exam_tex, latex_files

    if not shutil.which("latexmk"):
        print("latex engine: latexmk not installed; skipped")
        return
    exam = build_exam(SPEC.with_overrides(variants=variants), load_bank())
    start = time.perf_counter()
    latex_files(exam, "key")
    ours = time.perf_counter() - start
    source, _ = exam_tex(exam, "key")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "doc.tex").write_text(source, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            ["latexmk", "-pdf", "-quiet", "-interaction=nonstopmode", "doc.tex"],
            cwd=tmp,
            capture_output=True,
            check=True,
        )
        single = time.perf_counter() - start
    print(
        f"latex engine: {variants} variants, one combined compile + split: {ours:.2f} s; a single plain "
        f"latexmk run of the same document: {single:.2f} s; ratio {ours / single:.2f}x"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", type=int, default=100)
    parser.add_argument("--latex", action="store_true", help="also measure the LaTeX engine")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare reportlab comparison")
    args = parser.parse_args()
    reportlab_run(args.variants, args.jobs, not args.no_bare)
    if args.latex:
        latex_run(args.variants)
