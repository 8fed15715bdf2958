"""Running TeX safely: no shell escape, no file access outside the build folder (bubblewrap where it works),
a time limit that kills every process TeX started, and the log's relevant lines (not a traceback) when it fails."""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import QuizgenError

TIMEOUT = 240  # seconds for the whole compile
INSTALL_HINT = (
    "TeX Live is not installed, so no PDFs were compiled; the .tex source was written. "
    "Install it (Debian/Ubuntu: sudo apt-get install texlive-latex-extra latexmk lmodern) "
    "or use --engine reportlab."
)


class TexNotCompiled(QuizgenError):
    """No PDF came out of TeX (not installed, or the document failed); `files` holds what can still be written."""

    def __init__(self, message: str, files: dict[str, bytes]):
        super().__init__(message)
        self.files = files


@dataclass(frozen=True)
class Compiled:
    pdf: bytes
    aux: str
    log: str


def tex_available() -> bool:
    return shutil.which("pdflatex") is not None


def safe_env() -> dict:
    env = dict(os.environ)
    env.update(
        openin_any="p", openout_any="p", shell_escape="f", TEXMFOUTPUT="", SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1"
    )
    return env


def compile_tex(source: str, jobname: str, folder: Path) -> Compiled | None:
    """Compile in `folder` (a fresh private folder inside the output folder, so a killed build leaves its
    .tex nowhere else); None when TeX is not installed. TeX runs in the bubblewrap sandbox when it works,
    in its own process group, and the whole group is killed at the time limit."""
    if not tex_available():
        return None
    from .sandbox import sandbox_available, sandbox_command

    (folder / f"{jobname}.tex").write_text(source, encoding="utf-8")
    prefix = sandbox_command(folder) if sandbox_available(folder) else []
    flags = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "-file-line-error"]
    if shutil.which("latexmk"):
        commands = [["latexmk", "-pdf", "-quiet", f"-pdflatex=pdflatex {' '.join(flags)} %O %S", f"{jobname}.tex"]]
    else:
        commands = [["pdflatex", *flags, f"{jobname}.tex"]] * 2
    for cmd in commands:
        returncode, stdout = _run_group([*prefix, *cmd], folder)
        log_path = folder / f"{jobname}.log"
        log = log_path.read_text(encoding="latin-1") if log_path.exists() else stdout.decode("latin-1")
        if returncode != 0 or not (folder / f"{jobname}.pdf").exists():
            raise QuizgenError("LaTeX failed:\n" + relevant_log_lines(log))
    aux = folder / f"{jobname}.aux"
    return Compiled(
        (folder / f"{jobname}.pdf").read_bytes(), aux.read_text(encoding="latin-1") if aux.exists() else "", log
    )


def _run_group(cmd: list[str], folder: Path) -> tuple[int, bytes]:
    proc = subprocess.Popen(
        cmd,
        cwd=folder,
        env=safe_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # latexmk, pdflatex and anything they start share one process group
        preexec_fn=_die_with_parent,
    )
    try:
        stdout, _ = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise QuizgenError(
            f"LaTeX did not finish within {TIMEOUT} s; the document may be too large or the template loops"
        ) from None
    except BaseException:
        _kill_group(proc)
        raise
    _kill_group(proc)  # nothing it started may outlive it
    return proc.returncode, stdout


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
