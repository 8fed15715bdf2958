"""exam.json someone edited (issue 10, items 8 and 10): every command that reads it — grade, export,
simulate, worksheet --from-missed, build --from-exam — gives a message naming the field, never a
traceback; and exam.json finds its bank from any working directory."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from quizgen.cli import cli
from quizgen.examfile import load_exam_json


def edit_spec_variants(d):
    d["spec"]["variants"] = "3"


def edit_font_size(d):
    d["spec"]["font_size"] = 900


def edit_points(d):
    d["variants"][0]["questions"][0]["points"] = "abc"


def edit_options(d):
    q = next(q for q in d["variants"][0]["questions"] if q["type"] == "mcq")
    q["options"] = 5


def edit_duplicate_code(d):
    d["variants"][1]["code"] = d["variants"][0]["code"]


def edit_variants_text(d):
    d["variants"] = "3"


def edit_answer_range(d):
    q = next(q for q in d["variants"][0]["questions"] if q["type"] == "mcq")
    q["answer"] = 9


def edit_student_variant(d):
    d["students"] = [{"name": "A", "id": "1", "email": "", "variant": "Q", "file": "x.pdf"}]


def edit_format(d):
    d.pop("quizgen_exam_format")


EDITS = {
    edit_spec_variants: "spec.variants must be a whole number",
    edit_font_size: "spec.font_size must be between 7 and 16",
    edit_points: "variants[0].questions[0].points must be a number",
    edit_options: ".options must be a list",
    edit_duplicate_code: "variants[1].code repeats variant A",
    edit_variants_text: "variants must be a list",
    edit_answer_range: ".answer must be between 0 and",
    edit_student_variant: "students[0].variant names no variant",
    edit_format: "no 'quizgen_exam_format'",
}


def commands(exam, responses, tmp):
    return [
        ["grade", str(responses), "--exam", str(exam), "--out", str(tmp / "g")],
        ["export", str(exam), "--to", "gift", "--out", str(tmp / "e.txt")],
        ["simulate", "--exam", str(exam), "--students", "3", "--out", str(tmp / "s.csv")],
        ["worksheet", "--from-missed", str(responses), "--exam", str(exam), "--out", str(tmp / "w")],
        ["build", "--from-exam", str(exam), "--out", str(tmp / "b"), "--quiet"],
    ]


@pytest.fixture(scope="module")
def exam_and_responses(built_exam, tmp_path_factory):
    from click.testing import CliRunner

    _, exam = built_exam
    responses = tmp_path_factory.mktemp("resp") / "r.csv"
    result = CliRunner().invoke(cli, ["simulate", "--exam", str(exam), "--students", "5", "--out", str(responses)])
    assert result.exit_code == 0, result.output
    return exam, responses


@pytest.mark.parametrize("edit", list(EDITS), ids=lambda f: f.__name__)
def test_edited_exam_json_is_refused_by_every_reader(runner, exam_and_responses, tmp_path, edit):
    exam, responses = exam_and_responses
    folder = tmp_path / "exam"
    shutil.copytree(exam.parent, folder)
    data = json.loads((folder / "exam.json").read_text())
    edit(data)
    (folder / "exam.json").write_text(json.dumps(data))
    for args in commands(folder / "exam.json", responses, tmp_path):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, (args, result.output)
        assert "Traceback" not in result.output and isinstance(result.exception, SystemExit), result.exception
        assert "exam.json" in result.output and EDITS[edit] in result.output, (args, result.output)


@pytest.mark.parametrize(
    "content", [b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe", b"{}", b'{"quizgen_exam_format": 1}', b"null"]
)
def test_exam_json_that_is_no_exam_gives_a_located_message(runner, tmp_path, content):
    exam = tmp_path / "exam.json"
    exam.write_bytes(content)
    result = runner.invoke(cli, ["export", str(exam), "--to", "gift", "--out", str(tmp_path / "e.txt")])
    assert result.exit_code == 1 and "exam.json" in result.output and "Traceback" not in result.output, result.output


def test_a_device_as_exam_json_is_refused(runner, tmp_path):
    link = tmp_path / "exam.json"
    link.symlink_to("/dev/zero")
    result = runner.invoke(cli, ["simulate", "--exam", str(link), "--out", str(tmp_path / "s.csv")])
    assert result.exit_code == 1 and "not an exam.json" in result.output


def test_exam_json_finds_its_bank_from_any_folder(runner, small_bank, tmp_path, monkeypatch):
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    monkeypatch.chdir(work)
    bank = os.path.relpath(small_bank, work)
    assert runner.invoke(cli, ["build", "--bank", bank, "--out", "out", "--quiet"]).exit_code == 0
    data = json.loads((work / "out" / "exam.json").read_text())
    assert data["bank"]["path"] == data["spec"]["bank"] == os.path.relpath(small_bank, work / "out")
    monkeypatch.chdir(elsewhere)
    exam = work / "out" / "exam.json"
    assert load_exam_json(exam).bank_path == small_bank.resolve()
    result = runner.invoke(cli, ["build", "--from-exam", str(exam), "--out", "again", "--quiet"])
    assert result.exit_code == 0, result.output
    again = json.loads((elsewhere / "again" / "exam.json").read_text())
    assert again["bank"]["path"] == os.path.relpath(small_bank, elsewhere / "again")
    for name in ("exam-A.pdf", "key-B.pdf", "print-all.pdf", "key.csv"):
        assert (elsewhere / "again" / name).read_bytes() == (work / "out" / name).read_bytes(), name
    responses = elsewhere / "r.csv"
    assert (
        runner.invoke(cli, ["simulate", "--exam", str(exam), "--students", "4", "--out", str(responses)]).exit_code == 0
    )
    result = runner.invoke(
        cli, ["worksheet", "--from-missed", str(responses), "--exam", str(exam), "--types", "truefalse", "--out", "w"]
    )
    assert result.exit_code == 0, result.output
