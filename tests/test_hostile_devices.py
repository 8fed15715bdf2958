"""Files named on the command line that never end (issue 10, items 1 and 8: a marker linked to /dev/zero
gave a MemoryError): devices and FIFOs are refused with a message naming them, in every command."""

from __future__ import annotations

import os

import pytest
from test_hostile import invoke


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("endless", ["/dev/zero", "fifo"])
def test_endless_inputs_are_refused(runner, built_exam, tmp_path, fifo, endless):
    src = str(fifo) if endless == "fifo" else endless
    _, exam = built_exam
    out = str(tmp_path / "o")
    for args in (
        ["lint", src],
        ["build", src, "--out", out],
        ["build", "--roster", src, "--out", out],
        ["build", "--stats", src, "--out", out],
        ["import", src, "--out", out],
        ["grade", src, "--exam", str(exam), "--out", out],
        ["export", src, "--to", "gift", "--out", str(tmp_path / "e.txt")],
        ["worksheet", "--from-missed", src, "--exam", str(exam), "--out", out],
    ):
        result = invoke(runner, args, seconds=30)
        assert result.exit_code == 1 and src in result.output, (args, result.output)
        assert "not a regular file" in result.output or "not an exam.json" in result.output, (args, result.output)
