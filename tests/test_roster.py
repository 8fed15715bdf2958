"""Rosters: faker demo rosters, reading a teacher's CSV, one named copy per student."""

from __future__ import annotations

import csv
import json
import subprocess

import pytest

from quizgen.cli import cli
from quizgen.errors import BankError
from quizgen.roster import fake_roster, read_roster


def test_fake_roster_is_seeded_and_international():
    a, b = fake_roster(40, 7), fake_roster(40, 7)
    assert a == b and a != fake_roster(40, 8)
    rows = list(csv.DictReader(a.decode().splitlines()))
    assert len(rows) == 40 and len({r["id"] for r in rows}) == 40
    assert any(any(ord(c) > 127 for c in r["name"]) for r in rows)


def test_fake_names_are_plain_first_and_last_names():
    names = [r["name"] for r in csv.DictReader(fake_roster(400, 3).decode().splitlines())]
    titled = [n for n in names if "." in n or any(w in n.split() for w in ("Dr", "Prof", "Mr", "Mrs", "Sr", "Jr"))]
    assert not titled, titled[:5]
    assert all(len(n.split()) >= 2 for n in names)


def test_read_roster_with_and_without_header(tmp_path):
    with_header = tmp_path / "a.csv"
    with_header.write_text("email,id,name\nx@y.z,7,Ada Lovelace\n,8,Alan Turing\n")
    assert [(s.name, s.id, s.email) for s in read_roster(with_header)] == [
        ("Ada Lovelace", "7", "x@y.z"),
        ("Alan Turing", "8", ""),
    ]
    plain = tmp_path / "b.csv"
    plain.write_text("Ada Lovelace,7\nAlan Turing,8,a@t.uk\n")
    assert [s.id for s in read_roster(plain)] == ["7", "8"]


def test_roster_errors_name_their_lines(tmp_path):
    bad = tmp_path / "c.csv"
    bad.write_text("name,id\nAda,7\n,9\nAlan,7\n")
    with pytest.raises(BankError) as exc:
        read_roster(bad)
    messages = [str(d) for d in exc.value.diagnostics]
    assert any(m.endswith("c.csv:3: error: a student needs a name and an id") for m in messages)
    assert any("c.csv:4: error: id '7' is already used on line 2" in m for m in messages)


def test_build_with_roster_makes_named_copies(runner, tmp_path):
    roster = tmp_path / "class.csv"
    assert runner.invoke(cli, ["roster", "--fake", "3", "--seed", "1", "--out", str(roster)]).exit_code == 0
    out = tmp_path / "o"
    result = runner.invoke(cli, ["build", "--roster", str(roster), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "exam.json").read_text())
    students = data["students"]
    assert [s["variant"] for s in students] == ["A", "B", "A"]
    for s in students:
        text = subprocess.run(
            ["pdftotext", "-l", "1", str(out / s["file"]), "-"], capture_output=True, text=True
        ).stdout
        assert f"Name: {s['name']}" in text and f"ID: {s['id']}" in text and f"Variant {s['variant']}" in text
    key = list(csv.DictReader((out / "key.csv").open()))
    assert {r["student_id"] for r in key} == {s["id"] for s in students}
    assert (out / "print-copies.pdf").exists()

    sim = runner.invoke(cli, ["simulate", "--exam", str(out / "exam.json"), "--out", str(tmp_path / "r.csv")])
    assert sim.exit_code == 0 and "3 students of the exam's roster" in sim.output, sim.output
    answered = list(csv.DictReader((tmp_path / "r.csv").open()))
    assert [(r["student_id"], r["variant"]) for r in answered] == [(s["id"], s["variant"]) for s in students]
    too_many = runner.invoke(
        cli, ["simulate", "--exam", str(out / "exam.json"), "--students", "4", "--out", str(tmp_path / "r2.csv")]
    )
    assert too_many.exit_code == 1 and "roster of 3 students" in too_many.output
