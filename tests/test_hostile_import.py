"""Importing glossaries built to be slow or to crash (issue 10, items 7 and 8): every case ends in a
located message or topics, never a traceback, and quickly (the figures per 100 KB are printed by
benchmarks/import_hostile.py; here a generous limit only catches the cubic and quadratic cases of old)."""

from __future__ import annotations

import sys

import pytest
from qg_data import REPO
from test_hostile import time_limit

from quizgen.cli import cli

sys.path.insert(0, str(REPO / "tests" / "hostile" / "imports"))
from cases import CASES  # noqa: E402


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_glossaries_import_quickly_without_traceback(runner, tmp_path, name):
    source = tmp_path / name
    source.write_text(CASES[name], encoding="utf-8")
    with time_limit(20):
        result = runner.invoke(cli, ["import", str(source), "--out", str(tmp_path / "bank")])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code:
        assert f"{name}" in result.output and "error" in result.output.lower(), result.output
    else:  # what was written loads as a bank, or is refused by the loader with its location
        lint = runner.invoke(cli, ["lint", str(tmp_path / "bank")])
        assert "Traceback" not in lint.output and lint.exception is None or isinstance(lint.exception, SystemExit)


def test_unreadable_lines_are_reported_by_number(runner, tmp_path):
    source = tmp_path / "g.txt"
    source.write_text("Term: a definition with \x7f inside\nOther: fine\nLong: " + "x" * 20_000 + "\nLast: fine\n")
    result = runner.invoke(cli, ["import", str(source), "--format", "colon", "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "g.txt:1: warning: line skipped: contains the control character U+007F" in result.output
    assert "g.txt:3: warning: line skipped: 20,006 characters long" in result.output
