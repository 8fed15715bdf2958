"""Templates are code (issue 10, items 2 and 9): Jinja runs sandboxed with time and memory limits and
reads only regular files of the template folder; TeX runs in bubblewrap where only its job folder is
visible (or a custom template needs --trust-templates); the compile timeout kills every TeX process; a
killed LaTeX build leaves nothing in the system temp folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.render import compile as tex
from quizgen.render import sandbox
from quizgen.render.latex import bundled_templates

needs_tex = pytest.mark.skipif(shutil.which("pdflatex") is None, reason="TeX Live not installed")
HEAD = "\\documentclass{article}\\begin{document}\n"
TAIL = "<% for part in parts %>\\startpart{}{}<< part.name >>\\clearpage<% endfor %>\\end{document}\n"


def build_with(runner, small_bank, tmp_path, template: str, *extra):
    folder = tmp_path / "t"
    folder.mkdir(exist_ok=True)
    (folder / "exam.tex").write_text(template)
    args = ["build", "--bank", str(small_bank), "--engine", "latex", "--templates", str(folder)]
    result = runner.invoke(cli, [*args, "--out", str(tmp_path / "o"), "--quiet", *extra])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.parametrize(
    "expression",
    [
        "cycler.__init__.__globals__.os.system('touch {marker}')",
        "''.__class__.__mro__[1].__subclasses__()",
        "lipsum.__globals__['os'].system('touch {marker}')",
        "self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch {marker}')",
    ],
)
def test_template_code_cannot_reach_python(runner, small_bank, tmp_path, expression):
    marker = tmp_path / "marker"
    template = HEAD + "<< " + expression.format(marker=marker) + " >>\n" + TAIL
    result = build_with(runner, small_bank, tmp_path, template, "--trust-templates")
    assert result.exit_code == 1 and "template" in result.output
    assert not marker.exists()


def test_template_includes_read_only_regular_files_of_its_folder(runner, small_bank, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-include")
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "part.tex").symlink_to(secret)
    for name in ("part.tex", "../secret.txt", str(secret)):
        template = HEAD + f'<% include "{name}" %>\n' + TAIL
        result = build_with(runner, small_bank, tmp_path, template, "--trust-templates", "--force")
        assert result.exit_code == 1 and "template" in result.output, name
        for f in (tmp_path / "o").glob("*"):
            assert b"TOPSECRET" not in f.read_bytes(), f


def test_template_rendering_has_time_and_memory_limits(runner, small_bank, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 2)
    loop = HEAD + "<% for i in range(100000) %><% for j in range(100000) %>x<% endfor %><% endfor %>\n" + TAIL
    started = time.monotonic()
    result = build_with(runner, small_bank, tmp_path, loop, "--trust-templates")
    assert result.exit_code == 1 and "did not finish rendering within 2 s" in result.output
    assert time.monotonic() - started < 60
    greedy = HEAD + "<< 'x' * 8000000000 >>\n" + TAIL
    result = build_with(runner, small_bank, tmp_path, greedy, "--trust-templates", "--force")
    assert result.exit_code == 1 and "MB to render" in result.output


def pdfobj_template(secret: Path) -> str:
    """The bundled template, plus pdfTeX primitives that read a file: one embeds it as a PDF object in
    every page's resources, the other prints its bytes in hex on the page."""
    text = (bundled_templates() / "exam.tex").read_text()
    attack = (
        f"\\immediate\\pdfobj stream file {{{secret}}}"
        "\\edef\\qgleak{\\noexpand\\pdfpageresources{/Secret \\the\\pdflastobj\\space 0 R}}\\qgleak\n"
    )
    dump = f"\\pdffiledump length 16 {{{secret}}}\n"
    text = text.replace("\\begin{document}", attack + "\\begin{document}", 1)
    return text.replace("<< part.body >>", "<< part.body >>" + dump, 1)


def _all_bytes(folder: Path) -> bytes:
    out = b""
    for f in folder.glob("*.pdf"):
        out += subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(f), "-"], capture_output=True).stdout
        out += subprocess.run(["pdftotext", str(f), "-"], capture_output=True).stdout
    return out


SECRET = b"TOPSECRET-pdfobj"
LEAKS = (SECRET, SECRET.hex().upper().encode())


@needs_tex
def test_tex_cannot_embed_files_from_outside_its_folder(runner, small_bank, tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET)
    template = pdfobj_template(secret)
    monkeypatch.setattr(sandbox, "_sandbox_works", False)  # as on a machine without bubblewrap
    result = build_with(runner, small_bank, tmp_path, template)
    assert result.exit_code == 1 and "--trust-templates" in result.output and "bubblewrap" in result.output
    assert not (tmp_path / "o").exists() or not any(leak in _all_bytes(tmp_path / "o") for leak in LEAKS)
    monkeypatch.setattr(sandbox, "_sandbox_works", None)
    if not sandbox.sandbox_available(tmp_path):
        pytest.skip("bubblewrap cannot run here; the refusal above is what such machines get")
    result = build_with(runner, small_bank, tmp_path, template, "--force")
    assert not any(leak in _all_bytes(tmp_path / "o") for leak in LEAKS)
    assert result.exit_code == 1 and "LaTeX failed" in result.output  # the file is simply not there


def _processes_in(folder: Path) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            if pid.isdigit() and Path(os.readlink(f"/proc/{pid}/cwd")).is_relative_to(folder):
                found.append(int(pid))
        except OSError:
            continue
    return found


@needs_tex
def test_the_compile_timeout_kills_every_tex_process(tmp_path, monkeypatch):
    monkeypatch.setattr(tex, "TIMEOUT", 3)
    job = tmp_path / "job"
    job.mkdir()
    with pytest.raises(QuizgenError, match="did not finish within 3 s"):
        tex.compile_tex("\\documentclass{article}\\begin{document}\\loop\\iftrue\\repeat\\end{document}\n", "x", job)
    time.sleep(0.5)
    assert _processes_in(job) == []


@needs_tex
def test_a_killed_latex_build_leaves_nothing_in_the_system_temp_folder(small_bank, tmp_path):
    systemp, out, folder = tmp_path / "systemp", tmp_path / "o", tmp_path / "t"
    systemp.mkdir()
    folder.mkdir()
    (folder / "exam.tex").write_text(HEAD + "\\loop\\iftrue\\repeat\n" + TAIL)
    cmd = [sys.executable, "-m", "quizgen", "build", "--bank", str(small_bank), "--engine", "latex"]
    cmd += ["--templates", str(folder), "--trust-templates", "--out", str(out), "--quiet"]
    proc = subprocess.Popen(cmd, env={**os.environ, "TMPDIR": str(systemp)}, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while (
        time.time() < deadline
        and not list(out.glob(".quizgen-tmp-*/*/x.log"))
        and not list(out.glob(".quizgen-tmp-*/*/exam.log"))
    ):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert list(out.glob(".quizgen-tmp-*/*/exam.tex")), "killed before TeX started"
    assert list(systemp.iterdir()) == []
    time.sleep(1)
    assert _processes_in(out) == []  # TeX died with the build
    (folder / "exam.tex").unlink()  # the next build (bundled template) removes the leftover folder
    rerun = subprocess.run([*cmd[:-6], "--out", str(out), "--quiet"], capture_output=True, timeout=240)
    assert rerun.returncode == 0, rerun.stderr
    assert not list(out.glob(".quizgen-tmp-*"))
