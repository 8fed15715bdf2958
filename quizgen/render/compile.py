"""Running TeX safely: no shell escape, no file access outside the build folder (bubblewrap where it works),
a time limit that kills every process TeX started, and the log's relevant lines (not a traceback) when it fails."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import QuizgenError

TIMEOUT = 240  # seconds for the whole compile, all passes
INSTALL_HINT = (
    "TeX Live is not installed, so no PDFs were compiled; the .tex source was written. "
    "Install it (Debian/Ubuntu: sudo apt-get install texlive-latex-extra lmodern) "
    "or use --engine reportlab."
)


class TexNotCompiled(QuizgenError):
    """No PDF came out of TeX (not installed, or the document failed); `files` holds what can still be written."""

    def __init__(self, message: str, files: dict[str, bytes]):
        super().__init__(message)
        self.files = files


class TexFailed(QuizgenError):
    """TeX ran but gave no usable PDF: an error in the document, the time limit, or passes that never settle."""


@dataclass(frozen=True)
class Compiled:
    pdf: bytes | None  # None after a draft pass
    aux: str
    log: str
    passes: int  # pdfLaTeX passes run in the job so far

    @property
    def page_count(self) -> int:
        """The pages shipped out (LaTeX records them in the .aux; the template needs LaTeX 2020-10 or later)."""
        m = re.search(r"\\gdef\s*\\@abspage@last\{(\d+)\}", self.aux)
        if not m:
            raise TexFailed("LaTeX did not record its page count in the .aux; LaTeX 2020-10 or later is needed")
        return int(m.group(1))


def tex_available() -> bool:
    return shutil.which("pdflatex") is not None


def safe_env() -> dict:
    env = dict(os.environ)
    env.update(
        openin_any="p", openout_any="p", shell_escape="f", TEXMFOUTPUT="", SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1"
    )
    return env


MAX_PASSES = 5  # pdfLaTeX passes of one document that may still ask for a rerun (latexmk's default)
FLAGS = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "-file-line-error"]
# What LaTeX and packages print when the next pass would typeset differently: labels, longtable widths,
# rerunfilecheck, hyperref … (a warning line, or a package's continuation line, never typeset text)
_RERUN = re.compile(
    r"^(?:(?:LaTeX|Package \S+|Class \S+) Warning: |\([A-Za-z]+\) +)"
    r".*(?:Rerun|Please rerun|Label\(s\) may have changed)",
    re.M,
)
_LOG_WIDTH = 79  # TeX wraps its log lines at this width (max_print_line)


def wants_rerun(log: str) -> bool:
    """Whether LaTeX asked for another pass (the log's wrapped lines joined first)."""
    return bool(_RERUN.search(re.sub(rf"(?m)^(.{{{_LOG_WIDTH}}})\n", r"\1", log)))


class TexJob:
    """pdfLaTeX passes of one document in one folder, under one time limit for all of them: what latexmk
    does, with the caller free to change the source or the .aux between passes (texpages does)."""

    def __init__(self, jobname: str, folder: Path):
        from .sandbox import sandbox_available, sandbox_command

        self.jobname, self.folder, self.passes = jobname, folder, 0
        self.deadline = time.monotonic() + TIMEOUT
        self.prefix = sandbox_command(folder) if sandbox_available(folder) else []

    def run(
        self,
        source: str | None = None,
        aux: str | None = None,
        draft: bool = False,
        meanwhile: Callable[[], None] | None = None,
    ) -> Compiled:
        """One pass; `source` and `aux` (when given) are written first. A draft pass writes the .aux but no
        PDF (pdfTeX's draft mode: ~10 % faster), for a pass that will not be the last. `meanwhile()` is
        called while TeX runs: Python work that does not need this pass uses the other core."""
        if source is not None:
            (self.folder / f"{self.jobname}.tex").write_text(source, encoding="utf-8")
        if aux is not None:
            (self.folder / f"{self.jobname}.aux").write_text(aux, encoding="latin-1")
        self.passes += 1
        cmd = [*self.prefix, "pdflatex", *FLAGS, *(["-draftmode"] if draft else []), f"{self.jobname}.tex"]
        console = self.folder / f"{self.jobname}.console"  # a file, not a pipe that fills while nobody reads it
        returncode = _run_group(cmd, self.folder, console, self.deadline - time.monotonic(), meanwhile)
        log_path, pdf = self.folder / f"{self.jobname}.log", self.folder / f"{self.jobname}.pdf"
        log = (log_path if log_path.exists() else console).read_text(encoding="latin-1")
        if returncode != 0 or not (draft or pdf.exists()):
            raise TexFailed("LaTeX failed:\n" + relevant_log_lines(log))
        aux_path = self.folder / f"{self.jobname}.aux"
        aux_text = aux_path.read_text(encoding="latin-1") if aux_path.exists() else ""
        return Compiled(None if draft else pdf.read_bytes(), aux_text, log, self.passes)

    def settle(self, last: Compiled) -> Compiled:
        """Pass again while LaTeX asks for it (cross-references, table widths) or there is no PDF yet, at most
        MAX_PASSES more."""
        for _ in range(MAX_PASSES):
            if last.pdf is not None and not wants_rerun(last.log):
                return last
            last = self.run()
        if wants_rerun(last.log):
            raise TexFailed(
                f"LaTeX still asked for another pass after {MAX_PASSES} reruns; the template's cross-references "
                "or tables never settle"
            )
        return last


def compile_tex(source: str, jobname: str, folder: Path) -> Compiled | None:
    """Compile in `folder` (a fresh private folder inside the output folder, so a killed build leaves its
    .tex nowhere else) as often as LaTeX asks; None when TeX is not installed. TeX runs in the bubblewrap
    sandbox when it works, in its own process group, and the whole group is killed at the time limit."""
    if not tex_available():
        return None
    job = TexJob(jobname, folder)
    return job.settle(job.run(source, draft=True))


def _run_group(
    cmd: list[str], folder: Path, console: Path, seconds: float, meanwhile: Callable[[], None] | None = None
) -> int:
    """The command's exit status; its output goes to `console`, and `meanwhile()` runs while it does."""
    if seconds <= 0:
        raise _timed_out()
    with open(console, "wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=folder,
            env=safe_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # pdflatex and anything it starts share one process group
            preexec_fn=_die_with_parent,
        )
    try:
        if meanwhile:
            meanwhile()
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise _timed_out() from None
    except BaseException:
        _kill_group(proc)
        raise
    _kill_group(proc)  # nothing it started may outlive it
    return proc.returncode


def _timed_out() -> TexFailed:
    return TexFailed(f"LaTeX did not finish within {TIMEOUT} s; the document may be too large or the template loops")


def _die_with_parent() -> None:
    """In the child: be killed when quizgen dies, even by kill -9 (Linux; elsewhere a no-op). Under
    bubblewrap that ends its whole PID namespace, so no TeX outlives a killed build."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def relevant_log_lines(log: str, context: int = 3) -> str:
    """The error lines of a TeX log ('! …' or 'file:line: …') with a little context."""
    lines = log.splitlines()
    picked = []
    for i, line in enumerate(lines):
        if line.startswith("!") or re.match(r"^[^:\s]+\.tex:\d+:", line):
            picked.extend(lines[i : i + context + 1])
            picked.append("…")
    return "\n".join(picked[:40]) or "\n".join(lines[-15:])


def part_ranges(page_count: int, aux: str, names: list[str]) -> dict[str, range]:
    """Where each part of the combined PDF lies (its start was recorded by the template in the .aux file)."""
    starts = {m.group(1): int(m.group(2)) for m in re.finditer(r"\\quizgenpart\{([^}]*)\}\{(\d+)\}", aux)}
    missing = [n for n in names if n not in starts]
    if missing:
        raise QuizgenError(
            f"the LaTeX template did not mark the start of part '{missing[0]}'; keep "
            r"\startpart in the template"
        )
    order = sorted(names, key=lambda n: starts[n])
    bounds = [starts[n] for n in order] + [page_count]
    return {name: range(a, b) for name, a, b in zip(order, bounds, bounds[1:])}


def open_pdf(data: bytes):
    """The compiled PDF, parsed once to cut every file from it (pikepdf: qpdf's C++ is ~4x pypdf here)."""
    import pikepdf

    return pikepdf.open(io.BytesIO(data))


def extract_pages(pdf, ranges: list[range]) -> bytes:
    """A new PDF of the given page ranges of an already-parsed PDF, in order; the same bytes every time."""
    import pikepdf

    out = pikepdf.new()
    for r in ranges:
        out.pages.extend(pdf.pages[r.start : r.stop])
    buf = io.BytesIO()
    out.save(buf, deterministic_id=True)
    return buf.getvalue()
