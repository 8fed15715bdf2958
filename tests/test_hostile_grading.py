"""Grading checked against the class (issue 10, item 6): a row whose variant is not the one the student
was given, or whose id is not on the roster, is a located error; scores.csv carries names; a header
such as `Name,Student ID,Email` is read as a header."""

from __future__ import annotations

import csv
import json

from quizgen.cli import cli
from quizgen.roster import read_roster


def test_common_roster_headers_are_headers(tmp_path):
    for header in ("Name,Student ID,Email", "Student Name,ID,E-mail", "email,student_id,full name"):
        f = tmp_path / "r.csv"
        cols = [h.strip() for h in header.split(",")]
        values = {"email": "a@b.c", "name": "Ada Lovelace", "id": "S1"}
        row = [
            values["email"] if "mail" in c.lower() else values["id"] if "id" in c.lower() else values["name"]
            for c in cols
        ]
        f.write_text(header + "\n" + ",".join(row) + "\n")
        students = read_roster(f)
        assert [(s.name, s.id, s.email) for s in students] == [("Ada Lovelace", "S1", "a@b.c")], header


def _answers(questions) -> list[str]:
    return ["A" if q["type"] == "mcq" else "T" if q["type"] == "truefalse" else "" for q in questions]


def test_grading_checks_rows_against_the_roster_and_assignments(runner, small_bank, tmp_path):
    roster = tmp_path / "class.csv"
    roster.write_text("Name,Student ID,Email\nAda Lovelace,S1,\nAlan Turing,S2,\nGrace Hopper,S3,\n")
    out = tmp_path / "o"
    result = runner.invoke(
        cli, ["build", "--bank", str(small_bank), "--roster", str(roster), "--out", str(out), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "exam.json").read_text())
    given = {s["id"]: s["variant"] for s in data["students"]}
    assert given == {"S1": "A", "S2": "B", "S3": "A"}
    questions = {v["code"]: v["questions"] for v in data["variants"]}
    header = "student_id,variant," + ",".join(f"q{i + 1}" for i in range(len(questions["A"])))
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "\n".join(
            [
                header,
                ",".join(["S1", "B", *_answers(questions["B"])]),  # S1 was given A
                ",".join(["S9", "A", *_answers(questions["A"])]),  # not in the class
                ",".join(["S2", "B", *_answers(questions["B"])]),
            ]
        )
        + "\n"
    )
    result = runner.invoke(cli, ["grade", str(bad), "--exam", str(out / "exam.json"), "--out", str(tmp_path / "g")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "bad.csv:2: error: student 'S1' was given variant A, but this row says B" in result.output
    assert "bad.csv:3: error: student 'S9' is not in the students of" in result.output
    assert not (tmp_path / "g").exists()

    good = tmp_path / "good.csv"
    good.write_text(
        header + "\n" + "\n".join(",".join([s, v, *_answers(questions[v])]) for s, v in given.items()) + "\n"
    )
    other = tmp_path / "other.csv"
    other.write_text("Name,Student ID\nAda Lovelace,S1\nAlan Turing,S2\n")
    args = ["grade", str(good), "--exam", str(out / "exam.json"), "--roster", str(other), "--out", str(tmp_path / "g")]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1 and "good.csv:4: error: student 'S3' is not in the roster" in result.output
    args[args.index(str(other))] = str(roster)
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    scores = list(csv.DictReader((tmp_path / "g" / "scores.csv").open()))
    assert [(r["student_id"], r["name"], r["variant"]) for r in scores] == [
        ("S1", "Ada Lovelace", "A"),
        ("S2", "Alan Turing", "B"),
        ("S3", "Grace Hopper", "A"),
    ]
