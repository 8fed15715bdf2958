"""The LaTeX engine: escaping, the math whitelist, a real compile (TeX Live is installed in CI), and
clear messages when TeX is missing or fails."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from quizgen import load_bank
from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.exam import build_exam
from quizgen.render import compile as tex
from quizgen.render.latex import exam_tex, latex_text
from quizgen.spec import ExamSpec, SectionSpec

needs_tex = pytest.mark.skipif(
    shutil.which("pdflatex") is None and not __import__("os").environ.get("CI"),
    reason="TeX Live not installed (CI installs it and never skips)",
)


def test_every_special_character_is_escaped():
    out = latex_text("a & b % c $ d # e _ f { g } h ~ i ^ j \\ k")
    for raw, escaped in (
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("{", r"\{"),
        ("}", r"\}"),
    ):
        assert escaped in out, raw
    assert r"\textasciitilde{}" in out and r"\textbackslash{}" in out and r"\textasciicircum{}" in out


def test_unicode_and_math():
    out = latex_text("β-VAE – a test — with é and \\( \\alpha_i + \\hat\\theta \\)")
    assert r"\ensuremath{\beta}{-}VAE" in out and "--" in out and "---" in out and "é" in out
    assert r"\( \alpha_i + \hat\theta \)" in out


def test_math_outside_the_whitelist_is_refused():
    with pytest.raises(QuizgenError, match="not allowed"):
        latex_text("x \\( \\input{/etc/passwd} \\) y")
    with pytest.raises(QuizgenError, match=r"\^\^"):
        latex_text("x \\( ^^5cinput \\) y")


def test_commands_in_plain_text_are_text():
    out = latex_text("\\input{secret} \\write18{rm -rf} \\catcode")
    assert "\\input" not in out and "\\write18" not in out and r"\textbackslash{}input" in out


@pytest.fixture(scope="module")
def small_exam():
    spec = ExamSpec(
        title="LaTeX & friends: 100% #1",
        course="Math_{x}",
        seed=3,
        variants=2,
        sections=(
            SectionSpec("mcq", count=3),
            SectionSpec("cloze", count=2, mode="term"),
            SectionSpec("matching", count=1, size=4),
            SectionSpec("truefalse", count=2),
        ),
    )
    return build_exam(spec, load_bank())


def test_template_renders_escaped_title(small_exam):
    source, parts = exam_tex(small_exam, "key")
    assert r"LaTeX \& friends: 100\% \#1" in source and r"Math\_\{x\}" in source
    assert parts == ["exam-A", "key-A", "exam-B", "key-B", "master-key"]


@needs_tex
def test_latex_build_compiles_and_splits(runner, tmp_path, small_exam):
    out = tmp_path / "o"
    spec = tmp_path / "s.yaml"
    spec.write_text(
        "title: LaTeX & friends\nseed: 3\nvariants: 2\nsections:\n  - type: mcq\n    count: 3\n"
        "  - type: matching\n    sets: 1\n    size: 4\n  - type: truefalse\n    count: 2\n"
    )
    result = runner.invoke(cli, ["build", str(spec), "--engine", "latex", "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == [
        "exam-A.pdf",
        "exam-B.pdf",
        "exam.json",
        "exam.tex",
        "key-A.pdf",
        "key-B.pdf",
        "key.csv",
        "master-key.pdf",
        "print-all.pdf",
    ]
    text = subprocess.run(["pdftotext", str(out / "exam-B.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Variant B" in text and "Page 1 of" in text and "\\(" not in text
    key = subprocess.run(["pdftotext", str(out / "key-A.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Master key" in key


def test_missing_tex_still_writes_the_source(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(tex, "tex_available", lambda: False)
    result = runner.invoke(cli, ["build", "--engine", "latex", "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 1
    assert "apt-get install texlive-latex-extra lmodern" in result.output
    assert (tmp_path / "o" / "exam.tex").exists() and "Traceback" not in result.output


@needs_tex
def test_tex_failure_shows_the_log_not_a_traceback(runner, tmp_path):
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "exam.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n\\undefinedcommand\n\\end{document}\n"
    )
    result = runner.invoke(
        cli, ["build", "--engine", "latex", "--templates", str(templates), "--out", str(tmp_path / "o"), "--quiet"]
    )
    assert result.exit_code == 1 and "LaTeX failed" in result.output and "Undefined control sequence" in result.output
    assert "Traceback" not in result.output


def test_safe_environment():
    env = tex.safe_env()
    assert env["openin_any"] == "p" and env["openout_any"] == "p" and env["shell_escape"] == "f"


SPECIAL_BANK = {
    "s.yaml": """
        category: Specials & co
        topics:
          - name: "Percent % with dollar $"
            definition: "Costs 5% of $10 for #1 item_x with {braces}, tilde ~, caret ^ and backslash \\\\ — α-β test."
          - name: "Under_score {T}"
            definition: "Uses the ~ operator & the ^ sign; see \\\\( \\\\alpha^2 + \\\\beta_{i} \\\\) in café naïve ‘quotes’ 😀."
          - name: "Hash #tag"
            definition: "A statement like \\\\( \\\\mathbb{E}[x] \\\\le 1 \\\\) with 100% certainty & no doubt at all."
        """,
}


@needs_tex
def test_special_characters_and_unicode_compile(runner, make_bank, tmp_path):
    bank = make_bank(SPECIAL_BANK)
    spec = tmp_path / "s.yaml"
    spec.write_text(
        f"title: 'Specials: & % $ # _ {{ }} ~ ^ \\\\'\nbank: {bank}\nseed: 1\nsections:\n"
        "  - type: cloze\n    count: 3\n    mode: term\n"
    )
    out = tmp_path / "o"
    result = runner.invoke(cli, ["build", str(spec), "--engine", "latex", "--out", str(out), "--answers", "inline"])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(out / "teacher-A.pdf"), "-"], capture_output=True, text=True).stdout
    for fragment in (
        "Percent % with dollar $",
        "Under_score {T}",
        "Hash #tag",
        "Specials: & % $ # _ { } ~ ^ \\\\",
        "caret ^",
        "café naïve",
    ):
        assert fragment in text, fragment


@needs_tex
def test_latex_rebuild_is_byte_identical(runner, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert runner.invoke(cli, ["build", "--engine", "latex", "--out", str(out), "--quiet"]).exit_code == 0
    for p in first.iterdir():
        assert (second / p.name).read_bytes() == p.read_bytes(), p.name
