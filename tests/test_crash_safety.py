"""Killing a build at any moment leaves no truncated file under a final name, and the next build of the
same exam completes and cleans up."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader


def build_command(out) -> list[str]:
    return [
        sys.executable,
        "-m",
        "quizgen",
        "build",
        "--variants",
        "30",
        "--answers",
        "inline",
        "--out",
        str(out),
        "--quiet",
    ]


@pytest.mark.parametrize("delay", [0.0, 0.4, 1.1])
def test_killed_build_leaves_only_whole_files(tmp_path, delay):
    out = tmp_path / "o"
    proc = subprocess.Popen(
        build_command(out),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and any(out.glob("*.pdf"))):
        time.sleep(0.05)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finals = sorted(p for p in out.iterdir() if not p.name.startswith("."))
    assert finals, "the build was killed before writing anything; raise the variant count"
    if (out / "exam.json").exists():  # written last: the build was complete (the kill may come after it)
        assert len(list(out.glob("exam-*.pdf"))) == 30
    for pdf in finals:
        assert pdf.suffix in (".pdf", ".csv", ".json"), pdf.name
        if pdf.suffix == ".pdf":
            assert len(PdfReader(str(pdf)).pages) >= 1, pdf.name  # parses completely: not truncated
    rerun = subprocess.run(
        build_command(out),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert not list(out.glob(".*.tmp"))
    assert (out / "exam.json").exists() and len(list(out.glob("exam-*.pdf"))) == 30
