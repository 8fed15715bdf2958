"""The questions a build made with wrong answers of other kinds than their stem states — the second pass of
ItemGenerator.items, once the topics whose groups hold two or more of that kind ran out — carry a note, and the build
names them for the teacher to read before printing (readings 220-221: their definition-to-term items read 30 of 40
fair)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quizgen import load_bank
from quizgen.cli import cli
from quizgen.exam import build_exam, mixed_kind_notes
from quizgen.items import MIXED_KINDS
from quizgen.spec import spec_from_dict

HISTORY = Path(__file__).parent / "data" / "banks" / "us-history"  # its chapters mix bridges, runners, taxes and wars


def spec(**section):
    return spec_from_dict({"title": "Kinds", "seed": 3, "sections": [{"type": "mcq", "count": 6, **section}]}, "t")


def test_questions_with_lures_of_other_kinds_are_noted_and_named():
    exam = build_exam(spec(direction="definition-to-term"), load_bank(HISTORY))
    questions = exam.variants[0].questions
    noted = [q.number for q in questions if MIXED_KINDS in q.item.notes]
    assert noted  # (no topic of this bank has two siblings of its stated kind)
    assert all(q.item.notes.count(MIXED_KINDS) <= 1 for q in questions)
    [line] = mixed_kind_notes(exam)
    assert f"question(s) {', '.join(map(str, noted))} of variant A" in line and "same_kind: true" in line


def test_no_note_where_the_first_pass_fills_the_section_or_the_teacher_asked_for_mixed_kinds():
    bundled = build_exam(spec(), load_bank())  # (the bundled bank's 6 MCQs come from topics of its stated kind)
    assert mixed_kind_notes(bundled) == []
    asked = build_exam(spec(direction="definition-to-term", same_kind=False), load_bank(HISTORY))
    assert not any(MIXED_KINDS in q.item.notes for q in asked.variants[0].questions)
    assert mixed_kind_notes(asked) == []


def test_the_build_prints_the_note_and_exam_json_keeps_it(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text("title: Kinds\nseed: 3\nsections:\n  - {type: mcq, count: 4, direction: definition-to-term}\n")
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["build", str(path), "--bank", str(HISTORY), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "offer wrong answers of other kinds than their stem states" in done.output
    saved = json.loads((out / "exam.json").read_text(encoding="utf-8"))
    notes = [n for v in saved["variants"] for q in v["questions"] for n in q.get("notes", [])]
    assert MIXED_KINDS in notes
    quiet = CliRunner().invoke(
        cli, ["build", str(path), "--bank", str(HISTORY), "--out", str(out), "--force", "--quiet"]
    )
    assert quiet.exit_code == 0 and "other kinds" not in quiet.output


def test_a_worksheet_names_them_in_its_own_words(tmp_path):
    out = tmp_path / "sheet"
    done = CliRunner().invoke(cli, ["worksheet", "--bank", str(HISTORY), "--count", "12", "--out", str(out)])
    assert done.exit_code == 0, done.output
    lines = [line for line in done.output.splitlines() if "other kinds than their stem states" in line]
    assert lines and all("read them before handing the sheet out" in line for line in lines)
    assert not any("variant A" in line or "same_kind" in line for line in lines)  # (a sheet has neither)
