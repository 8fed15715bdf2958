"""Grading: scoring rules, located errors for bad rows, item analysis on a simulated class, the
statistics loop back into builds, and re-test worksheets."""

from __future__ import annotations

import csv
import json

import pytest

from quizgen import load_bank
from quizgen.cli import cli
from quizgen.errors import BankError
from quizgen.examfile import load_exam_json
from quizgen.grade import _pearson, grade, read_responses, score_question
from quizgen.items import ItemGenerator
from quizgen.simulate import simulate

MCQ = {
    "type": "mcq",
    "points": 1,
    "options": ["a", "b", "c", "d"],
    "option_topics": ["A", "B", "C", "D"],
    "answer": 2,
    "topic": "C",
}


def test_scoring_rules():
    assert score_question(MCQ, "C").score == 1 and score_question(MCQ, "c").score == 1
    assert score_question(MCQ, "").score == 0 and score_question(MCQ, "A").score == 0
    assert score_question(MCQ, "A", negative=True).score == pytest.approx(-1 / 3)
    tf = {"type": "truefalse", "points": 2, "answer": False, "topic": "T"}
    assert score_question(tf, "F").score == 2 and score_question(tf, "true").score == 0
    match = {
        "type": "matching",
        "points": 4,
        "premises": ["p"] * 4,
        "responses": ["r"] * 5,
        "answer": [1, 0, 3, 2],
        "topic": "M",
    }
    assert score_question(match, "BADC").score == 4 and score_question(match, "BACD").score == 2
    cloze = {"type": "cloze", "points": 2, "answer": [["Grouped-Query Attention", "GQA"], ["layer"]], "topic": "G"}
    assert score_question(cloze, "grouped query  attention | Layer").score == 2
    assert score_question(cloze, "gqa | layers").score == 1
    assert score_question(cloze, "gqa | layrs", fuzzy=0.2).score == 2


def test_bad_rows_are_all_reported_with_lines(built_exam, tmp_path, runner):
    _, exam_json = built_exam
    record = load_exam_json(exam_json)
    qs = record.variants["A"]
    n = len(qs)
    valid = [
        {"mcq": "A", "cloze": "x", "truefalse": "T"}.get(q["type"], "ABCDEF"[: len(q.get("premises", []))]) for q in qs
    ]
    assert qs[0]["type"] == "mcq"
    good = ["S1", "A", *valid]
    rows = [
        "student_id,variant," + ",".join(f"q{i}" for i in range(1, n + 1)),
        ",".join(good),
        ",".join(["S2", "Q", *valid]),
        ",".join(["S3", "A", *valid[:-2]]),
        ",".join(["S4", "A", "Z", *valid[1:]]),
        ",".join(good),
    ]
    responses = tmp_path / "r.csv"
    responses.write_text("\n".join(rows) + "\n")
    with pytest.raises(BankError) as exc:
        read_responses(responses, record)
    text = "\n".join(str(d) for d in exc.value.diagnostics)
    assert "r.csv:3: error: unknown variant 'Q'" in text
    assert f"r.csv:4: error: {n - 2} answer column(s) for the {n} questions of variant A" in text
    letters = ", ".join("ABCDEF"[: len(qs[0]["options"])])
    assert f"r.csv:5: error: q1: 'Z' is not one of {letters}" in text
    assert "r.csv:6: error: student 'S1' already answered on line 2" in text
    out = tmp_path / "g"
    result = runner.invoke(cli, ["grade", str(responses), "--exam", str(exam_json), "--out", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output and not out.exists()


@pytest.fixture(scope="module")
def simulated(built_exam, tmp_path_factory):
    _, exam_json = built_exam
    record = load_exam_json(exam_json)
    flawed = record.variants["A"][0]["topic"]
    responses, truth = simulate(record, 400, seed=3, flawed_topic=flawed)
    tmp = tmp_path_factory.mktemp("sim")
    (tmp / "r.csv").write_bytes(responses)
    return record, tmp / "r.csv", truth, flawed


def test_simulated_abilities_track_scores_and_the_flawed_item_is_found(simulated):
    record, responses, truth, flawed = simulated
    result = grade(record, read_responses(responses, record))
    ability = {r["student_id"]: float(r["ability"]) for r in csv.DictReader(truth.decode().splitlines())}
    r = _pearson([ability[s["id"]] for s in result.students], [s["score"] for s in result.students])
    assert r > 0.7
    flagged = {s.topic for s in result.items if "negative discrimination" in s.flags}
    assert flagged == {flawed}
    assert 0.5 < result.reliability < 1
    mcq = [s for s in result.items if s.type == "mcq"]
    assert all(abs(sum(s.distractors.values()) - (1 - s.p)) < 0.1 for s in mcq)


def test_grade_command_writes_scores_items_report_and_stats(simulated, built_exam, runner, tmp_path):
    record, responses, _, flawed = simulated
    _, exam_json = built_exam
    out, stats = tmp_path / "grades", tmp_path / "stats.json"
    result = runner.invoke(
        cli, ["grade", str(responses), "--exam", str(exam_json), "--out", str(out), "--stats-out", str(stats)]
    )
    assert result.exit_code == 0, result.output
    scores = list(csv.DictReader((out / "scores.csv").open()))
    assert len(scores) == 400 and all(0 <= float(s["percent"]) <= 100 for s in scores)
    items = list(csv.DictReader((out / "items.csv").open()))
    assert any(i["topic"] == flawed and "negative discrimination" in i["flags"] for i in items)
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    data = json.loads(stats.read_text())
    # the loop: a later build drops the flawed item and puts chosen distractors first
    gen = ItemGenerator(load_bank(), data)
    assert ("mcq", flawed) in gen.flawed
    entry = next(e for e in data["items"] if e["type"] == "mcq" and e["distractors"] and e["topic"] != flawed)
    key = gen.bank.topic(entry["topic"])
    ranked, safe = gen.index._ranked(key, gen.bank.category(key.category).topics, "")
    ranked = [t for t in ranked if safe(t)]
    shares = [entry["distractors"].get(t.name, -1) for t in ranked]
    functioning = [s >= 0.05 for s in shares]
    assert functioning == sorted(functioning, reverse=True)


def test_retest_from_missed_topics(simulated, built_exam, runner, tmp_path):
    record, responses, _, _ = simulated
    _, exam_json = built_exam
    result = grade(record, read_responses(responses, record))
    weakest = min(result.students, key=lambda s: s["score"])
    missed = {t for (_, t), f in weakest["items"].items() if f < 1}
    out = tmp_path / "retest"
    run = runner.invoke(
        cli,
        [
            "worksheet",
            "--from-missed",
            str(responses),
            "--exam",
            str(exam_json),
            "--student",
            weakest["id"],
            "--types",
            "mcq",
            "--count",
            "3",
            "--out",
            str(out),
        ],
    )
    assert run.exit_code == 0, run.output
    asked = {q["topic"] for q in json.loads((out / "exam.json").read_text())["variants"][0]["questions"]}
    assert asked and asked <= missed
