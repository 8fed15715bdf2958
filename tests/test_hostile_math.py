"""Math the whitelist accepts is math TeX can typeset: holes found by attack (issue 10, item 9 and the
nesting of item 8) are refused with a reason, and random math that passes the check compiles."""

from __future__ import annotations

import random
import shutil
import subprocess

import pytest

from quizgen.render.latex import latex_text
from quizgen.render.markup import rich
from quizgen.text.latexmath import ALLOWED, math_command_problems, math_markup
from quizgen.text.math import math_problems, segments

needs_tex = pytest.mark.skipif(shutil.which("pdflatex") is None, reason="TeX Live not installed")


def problems(text: str) -> list[str]:
    found = math_problems(text)
    if not found:
        for seg in segments(text):
            if seg.is_math:
                found += math_command_problems(seg.text)
    return found


@pytest.mark.parametrize(
    "text, reason",
    [
        (r"X \( x \\) y", "never closed"),  # \\ is a TeX line break, so the math was never closed
        (r"\( \left( x \)", "without a matching '\\right'"),
        (r"\( x \right) \)", "without a '\\left'"),
        (r"\( \frac \)", "needs an argument"),
        (r"\( \frac{a} \)", "needs an argument"),
        (r"\( x^ \)", "needs an argument"),
        (r"\( {x_} \)", "needs an argument"),
        (r"\( x^a^b \)", "double superscript"),
        (r"\( x^2' \)", "double superscript"),
        (r"\( x_a_b \)", "double subscript"),
        (r"\( x \limits \)", "must follow an operator"),
        (r"\( \big x \)", "must be followed by a delimiter"),
        (r"\( \text{a^b} \)", "cannot be used inside"),
        (r"\( \text{\alpha} \)", "cannot be used inside"),
        (r"\( x^\sqrt{2} \)", "in braces"),
        (r"\( \sqrt[3 x \)", "never closed"),
        (r"\( " + "{" * 500 + "x" + "}" * 500 + r" \)", "nested more than"),
        (r"\( " + "x^{" * 300 + "x" + "}" * 300 + r" \)", "nested more than"),
        (r"\( " + r"\hat{" * 300 + "x" + "}" * 300 + r" \)", "nested more than"),
    ],
)
def test_math_holes_are_refused_with_a_reason(text, reason):
    found = problems(text)
    assert found and reason in found[0], found


def test_pairs_of_backslashes_are_read_as_tex_reads_them():
    assert [s.text for s in segments(r"a \\(b\\) \(c\) d") if s.is_math] == ["c"]
    assert problems(r"path C:\\( \(x\)") == []


def random_math(rng: random.Random) -> str:
    commands = sorted(ALLOWED - {"{", "}"})
    pieces = ["x", "y", "A", "1", "2", "^", "_", "{", "}", "'", "(", ")", "[", "]", "|", "+", "=", " ", "-"]
    out = []
    for _ in range(rng.randint(1, 10)):
        r = rng.random()
        if r < 0.35:
            out.append("\\" + rng.choice(commands) + rng.choice(["", " ", "{x}", "{x}{y}"]))
        elif r < 0.42:
            out.append(rng.choice([r"\left(", r"\right)", r"\left.", r"\right|", r"\sqrt[3]"]))
        else:
            out.append(rng.choice(pieces))
    return "".join(out)


@pytest.fixture(scope="module")
def accepted_math() -> list[str]:
    rng, found = random.Random(10), []
    for _ in range(40000):
        math = random_math(rng)
        if not problems(rf"\({math}\)"):
            found.append(math)
            if len(found) == 250:
                break
    assert len(found) == 250
    return found


def test_accepted_math_renders_for_reportlab(accepted_math):
    for math in accepted_math:
        assert isinstance(math_markup(math), str)
        rich("a \\(" + math + "\\) b")


@needs_tex
def test_accepted_math_compiles_with_latex(accepted_math, tmp_path):
    body = "\n".join(f"{i}: " + latex_text("\\(" + m + "\\)") + "\\par" for i, m in enumerate(accepted_math))
    (tmp_path / "m.tex").write_text(
        "\\documentclass{article}\\usepackage{amsmath,amssymb}\\begin{document}\n" + body + "\n\\end{document}\n"
    )
    run = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "m.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = (tmp_path / "m.log").read_text(errors="replace")
    assert run.returncode == 0, log[log.find("\n!") : log.find("\n!") + 600]
