"""Hostile input: every command survives the corpus in tests/hostile/ — a located error or correct output,
never a traceback, never a hang — and TeX can neither read nor write outside its build folder."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from qg_data import REPO

from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.render import compile as tex

HOSTILE = REPO / "tests" / "hostile"
REFUSED = [
    "yaml-bomb",
    "deep-nesting",
    "empty-fields",
    "control-chars",
    "invalid-utf8",
    "unbalanced-math",
    "math-injection",
    "not-a-mapping",
    "wrong-types",
]
ACCEPTED = {
    "mixed-line-endings": ["Windows", "Old Mac", "Unix"],
    "scripts-and-emoji": ["café, naïve and coöperate", "[U+1F99C]"],
    "latex-specials": ["Percent % and dollar $", "Under_score {T}", "Ampersand & hash #"],
    "math-in-names": ["β", "η"],
    "text-injection": ["\\input{/etc/passwd}", "\\write18{", "<font size=40>big</font>", '<a href="http://x">link</a>'],
}
LOCATED = re.compile(r"\.yaml:\d+(:\d+)?: error: ")
needs_tex = pytest.mark.skipif(
    shutil.which("pdflatex") is None and not __import__("os").environ.get("CI"),
    reason="TeX Live not installed (CI installs it and never skips)",
)


@contextmanager
def time_limit(seconds: int):
    def fail(*_):
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def invoke(runner, args, seconds=90):
    with time_limit(seconds):
        result = runner.invoke(cli, args)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def pdftext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("case", REFUSED)
def test_refused_banks_give_located_errors_in_every_command(runner, case, tmp_path):
    bank = str(HOSTILE / "banks" / case)
    for args in (
        ["lint", bank],
        ["topics", "--bank", bank],
        ["items", "--bank", bank, "--type", "mcq"],
        ["check", "--bank", bank, "--count", "10"],
        ["build", "--bank", bank, "--out", str(tmp_path / "o")],
        ["worksheet", "--bank", bank, "--out", str(tmp_path / "w")],
        ["export", "--bank", bank, "--to", "gift", "--out", str(tmp_path / "g.txt")],
    ):
        result = invoke(runner, args)
        assert result.exit_code == 1, (args, result.output)
        assert LOCATED.search(result.output), (args, result.output)
    assert not (tmp_path / "o").exists() and not (tmp_path / "g.txt").exists()


def test_huge_definition_is_refused(runner, tmp_path):
    bank = tmp_path / "huge"
    bank.mkdir()
    (bank / "h.yaml").write_text(
        "category: Huge\ntopics:\n  - name: Big\n    definition: " + "word " * 210_000 + "\n"
        "  - name: Small\n    definition: fine\n"
    )
    result = invoke(runner, ["lint", str(bank)], seconds=60)
    assert result.exit_code == 1
    assert "h.yaml:4:17: error: 'definition' is 1,049,999 characters long; the limit is 5,000" in result.output


def test_a_definition_that_is_only_a_note_of_names_breaks_nothing(runner, tmp_path):
    """'(also, average)' or 'also called average;' alone: with its note of names left out nothing is left to
    describe the term (it crashed check and build with an IndexError)."""
    bank = tmp_path / "notes"
    bank.mkdir()
    rows = [("Mean", "(also, average)"), ("Median", "also called middle value;"), ("Mode", "or top value, is")]
    rows += [(f"Term {i}", f"a measure of spread number {i} used for data") for i in range(6)]
    (bank / "n.yaml").write_text(
        "category: Stats\ntopics:\n" + "".join(f'  - name: {n}\n    definition: "{d}"\n' for n, d in rows)
    )
    assert invoke(runner, ["check", "--bank", str(bank), "--count", "10"]).exit_code in (0, 1)
    result = invoke(runner, ["build", "--bank", str(bank), "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code in (0, 1), result.output


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_accepted_banks_print_their_text(runner, case, tmp_path):
    bank = str(HOSTILE / "banks" / case)
    assert invoke(runner, ["lint", bank, "--errors-only"]).exit_code == 0
    out = tmp_path / "o"
    result = invoke(runner, ["build", "--bank", bank, "--out", str(out), "--answers", "inline", "--quiet"])
    assert result.exit_code == 0, result.output
    text = " ".join(pdftext(out / "teacher-A.pdf").split()) + " ".join(pdftext(out / "key-A.pdf").split())
    found = [f for f in ACCEPTED[case] if f in text]
    assert found, (case, text[:500])
    assert "\ufffd" not in text


@needs_tex
@pytest.mark.parametrize("case", ["latex-specials", "text-injection", "math-in-names", "scripts-and-emoji"])
def test_accepted_banks_compile_with_latex(runner, case, tmp_path):
    bank = str(HOSTILE / "banks" / case)
    out = tmp_path / "o"
    result = invoke(runner, ["build", "--bank", bank, "--engine", "latex", "--out", str(out), "--quiet"], 240)
    assert result.exit_code == 0, result.output
    assert (out / "exam-A.pdf").read_bytes().startswith(b"%PDF")


def test_outputs_stay_inside_out(runner, tmp_path):
    out = tmp_path / "inside" / "out"
    before = set(tmp_path.rglob("*"))
    result = invoke(runner, ["build", str(HOSTILE / "specs" / "path-title.yaml"), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    created = set(tmp_path.rglob("*")) - before
    assert created and all(p == out.parent or out in p.parents or p == out for p in created)
    assert not Path("/tmp/escape").exists()


def test_bad_spec_values_are_located(runner, tmp_path):
    result = invoke(runner, ["build", str(HOSTILE / "specs" / "bad-values.yaml"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    for fragment in (
        "bad-values.yaml:2:11: error: 'variants' must be between",
        "'paper' must be one of",
        "'font_size' must be a number",
        "'type' must be one of",
        "'count' must be between",
    ):
        assert fragment in result.output


@needs_tex
def test_tex_cannot_read_or_write_outside_its_folder(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-7f3a")
    marker, marker2 = tmp_path / "marker", tmp_path / "marker2.tex"
    source = (
        "\\documentclass{article}\\begin{document}\n"
        f"Before. \\input{{{secret}}}\n"
        f"\\immediate\\write18{{touch {marker}}}\n"
        f"\\newwrite\\qgout\\immediate\\openout\\qgout={marker2}\\immediate\\write\\qgout{{x}}\\immediate\\closeout\\qgout\n"
        "After.\n\\end{document}\n"
    )
    job = tmp_path / "job"
    job.mkdir()
    try:
        result = tex.compile_tex(source, "attack", job)
    except QuizgenError:
        result = None  # refusing to compile is a fine outcome too
    if result is not None:
        pdf = tmp_path / "attack.pdf"
        pdf.write_bytes(result.pdf)
        assert "TOPSECRET" not in pdftext(pdf)
    assert not marker.exists() and not marker2.exists()


@needs_tex
def test_relative_escapes_are_refused_too(tmp_path):
    source = (
        "\\documentclass{article}\\begin{document}\\input{../../../../../../etc/hostname}"
        "\\immediate\\write18{touch marker-relative}\\end{document}\n"
    )
    job = tmp_path / "job"
    job.mkdir()
    try:
        result = tex.compile_tex(source, "attack2", job)
    except QuizgenError as e:
        assert "not found" in str(e)  # refused to read
        result = None
    if result is not None:
        pdf = tmp_path / "a.pdf"
        pdf.write_bytes(result.pdf)
        hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\x00none"
        assert hostname not in pdftext(pdf)
    assert not Path("marker-relative").exists()
