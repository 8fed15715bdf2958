"""Spreadsheet formula injection (issue 10, item 3): no CSV quizgen writes holds a cell Excel or LibreOffice
would evaluate, and the files quizgen reads back (rosters, responses) read back to the same values."""

from __future__ import annotations

import csv
import io

import pytest

from quizgen.cli import cli
from quizgen.csvsafe import TRIGGERS, csv_bytes, inert_cell, restore_cell

BANK = {
    "formulas.yaml": """
        category: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
        topics:
          - name: "=SUM(A1:A9)"
            definition: "=1+1 is what a spreadsheet computes when a cell starts with an equals sign."
          - name: "@Mention Cell"
            definition: "@A1 names a cell in some spreadsheets, which then evaluate the reference."
          - name: "-Minus Topic"
            definition: "-2+3 looks like arithmetic and a spreadsheet would add the numbers up."
          - name: "+Plus Topic"
            definition: "+cmd|' /C calc'!A0 is the classic dynamic data exchange payload for old Excel."
          - name: Plain Topic
            definition: A topic with ordinary text that no spreadsheet would treat as anything special.
          - name: Another Plain Topic
            definition: Ordinary words again, about paper, ink and the tables teachers print for class.
        """
}
SPEC = """\
title: "=cmd|' /C calc'!A0"
seed: 3
variants: 2
sections:
  - {type: mcq, count: 2, k: 3}
  - {type: cloze, count: 2, mode: term}
  - {type: truefalse, count: 1}
"""
ROSTER = [["name", "id", "email"], ['=HYPERLINK("x")', "=1+2", "a@b.c"], ["@Ada", "-7x", "-@x"], ["Bob", "42", ""]]


def formula_cells(data: bytes) -> list[str]:
    cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8"), newline="")) for c in row]
    return [c for c in cells if c.startswith(TRIGGERS) and inert_cell(c) != c]


@pytest.mark.parametrize("value", ["=1+1", "+A1", "-A1", "@SUM(1)", "\t=1", "\r=1", "'=x", "-3", "+4.5e2", "", "x"])
def test_cells_round_trip(value):
    written = inert_cell(value)
    assert formula_cells(csv_bytes([[value]])) == []
    assert restore_cell(written) == value
    assert (written != value) == (
        value.lstrip("'")[:1] in ("=", "+", "-", "@", "\t", "\r") and value not in ("-3", "+4.5e2")
    )


def test_no_csv_quizgen_writes_holds_a_formula(runner, make_bank, tmp_path):
    bank = make_bank(BANK)
    spec, roster, out = tmp_path / "spec.yaml", tmp_path / "class.csv", tmp_path / "o"
    spec.write_text(SPEC)
    roster.write_bytes(csv_bytes(ROSTER))
    result = runner.invoke(cli, ["build", str(spec), "--bank", str(bank), "--roster", str(roster), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = {"key.csv": (out / "key.csv").read_bytes()}
    assert b"'=1+2" in written["key.csv"] and b"'=SUM(A1:A9)" in written["key.csv"]
    for fmt in ("csv",):
        target = tmp_path / f"export.{fmt}"
        assert runner.invoke(cli, ["export", str(out / "exam.json"), "--to", fmt, "--out", str(target)]).exit_code == 0
        written[target.name] = target.read_bytes()
    sim, truth = tmp_path / "sim.csv", tmp_path / "truth.csv"
    args = ["simulate", "--exam", str(out / "exam.json"), "--out", str(sim), "--truth", str(truth)]
    assert runner.invoke(cli, args).exit_code == 0
    written |= {"sim.csv": sim.read_bytes(), "truth.csv": truth.read_bytes()}
    # responses of the roster's students, every cloze answered with its (formula-like) first accepted answer
    import json

    data = json.loads((out / "exam.json").read_text())
    variants = {v["code"]: v["questions"] for v in data["variants"]}
    rows = [["student_id", "variant", *(f"q{i + 1}" for i in range(len(variants["A"])))]]
    for s in data["students"]:
        rows.append([s["id"], s["variant"], *(_right(q) for q in variants[s["variant"]])])
    responses = tmp_path / "responses.csv"
    responses.write_bytes(csv_bytes(rows))
    grades = tmp_path / "g"
    result = runner.invoke(
        cli, ["grade", str(responses), "--exam", str(out / "exam.json"), "--roster", str(roster), "--out", str(grades)]
    )
    assert result.exit_code == 0, result.output
    scores = list(csv.DictReader(io.StringIO((grades / "scores.csv").read_text())))
    assert [(restore_cell(r["student_id"]), restore_cell(r["name"])) for r in scores] == [
        ("=1+2", '=HYPERLINK("x")'),
        ("-7x", "@Ada"),
        ("42", "Bob"),
    ]
    assert all(r["percent"] == "100.0" for r in scores)  # answers read back to what was written
    for name in ("scores.csv", "items.csv"):
        written[name] = (grades / name).read_bytes()
    fake = tmp_path / "fake.csv"
    assert runner.invoke(cli, ["roster", "--fake", "20", "--out", str(fake)]).exit_code == 0
    written["fake.csv"] = fake.read_bytes()
    for name, content in written.items():
        assert formula_cells(content) == [], name


def _right(q: dict) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return {
        "mcq": lambda: letters[q["answer"]],
        "cloze": lambda: "|".join(a[0] for a in q["answer"]),
        "truefalse": lambda: "T" if q["answer"] else "F",
        "matching": lambda: "".join(letters[a] for a in q["answer"]),
    }[q["type"]]()
