"""quizgen scan: filled sheets read back into responses that grade the same, doubtful marks held for the
teacher, problems (duplicates, other exams, missing pages, not a sheet) reported with file and page."""

from __future__ import annotations

import csv
import json

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from qg_data import CLASS_SPEC

from quizgen.cli import cli
from quizgen.examfile import load_exam_json
from quizgen.scan.sheetfile import load_sheet_spec

SPEC = CLASS_SPEC + "answer_sheet: true\nid_digits: 6\n"
DPI = 200


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def exam(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scan")
    (tmp / "spec.yaml").write_text(SPEC)
    assert invoke("build", tmp / "spec.yaml", "--out", tmp / "exam", "--quiet").exit_code == 0
    return tmp / "exam"


def sheet_png(exam_dir, path, variant: str, number: str, answers: dict, extra=(), page: int = 1):
    """A filled sheet page drawn from exam.json's layout alone: answers maps (question, term) -> value."""
    spec = load_sheet_spec(load_exam_json(exam_dir / "exam.json"))
    layout = spec.layouts[(variant, False)]
    doc = pdfium.PdfDocument(str(exam_dir / f"exam-{variant}.pdf"))
    img = np.array(doc[len(doc) - layout.pages + page - 1].render(scale=DPI / 72, grayscale=True).to_numpy())
    img = img[..., 0] if img.ndim == 3 else img
    k, h = DPI / 72, spec.page_size[1]
    want = dict(answers) | {(0, d + 1): digit for d, digit in enumerate(number)}
    for b in layout.bubbles:  # the teacher scored every written answer 0 unless told otherwise
        if b.field == "points":
            want.setdefault((b.question, b.index), "0")
    for b in layout.bubbles:
        if b.page == page and (want.get((b.question, b.index)) == b.value or (b.question, b.index, b.value) in extra):
            cv2.circle(img, (int(b.x * k), int((h - b.y) * k)), int(b.r * k * 0.85), 20, -1)
    cv2.imwrite(str(path), img)
    return path


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_round_trip_grades_the_same_as_the_responses(exam, tmp_path):
    """build → simulate --sheets → scan → grade gives the scores of grading the simulated responses."""
    r = invoke(
        "simulate",
        "--exam",
        exam / "exam.json",
        "--students",
        4,
        "--seed",
        3,
        "--out",
        tmp_path / "resp.csv",
        "--sheets",
        tmp_path / "scans.pdf",
    )
    assert r.exit_code == 0, r.output
    r = invoke("scan", tmp_path / "scans.pdf", "--exam", exam / "exam.json", "--out", tmp_path / "scanned")
    assert r.exit_code == 0, r.output
    assert "4 student(s)" in r.output and "0 answer(s) to review" in r.output
    for name, source in (("truth", tmp_path / "resp.csv"), ("scan", tmp_path / "scanned" / "responses.csv")):
        assert invoke("grade", source, "--exam", exam / "exam.json", "--out", tmp_path / name).exit_code == 0
    assert read(tmp_path / "truth" / "scores.csv") == read(tmp_path / "scan" / "scores.csv")
    assert len(list((tmp_path / "scanned" / "pages").glob("*.jpg"))) == 4


def test_rough_scans_never_misread_silently(exam, tmp_path):
    """Skewed, scaled, noisy, JPEG 50, turned and shuffled scans with ticks, crosses, partial fills, erasures:
    every cell in responses.csv is what was filled, and every student is either there or held for review."""
    r = invoke("simulate", "--exam", exam / "exam.json", "--students", 6, "--seed", 8, "--out", tmp_path / "resp.csv")
    assert r.exit_code == 0
    rows = read(tmp_path / "resp.csv")
    for row in rows[1:]:
        row[0] = f"{int(row[0][3:]):06d}"  # SIM0001 -> 000001: the sheets' number grid takes digits
    with open(tmp_path / "ids.csv", "w", newline="") as f:
        csv.writer(f).writerows(rows)
    r = invoke(
        "fill-sheets",
        tmp_path / "ids.csv",
        "--exam",
        exam / "exam.json",
        "--distort",
        "rough",
        "--seed",
        2,
        "--out",
        tmp_path / "rough.pdf",
    )
    assert r.exit_code == 0, r.output
    r = invoke("scan", tmp_path / "rough.pdf", "--exam", exam / "exam.json", "--out", tmp_path / "out", "--jobs", 2)
    assert r.exit_code == 0, r.output
    truth = {row[0]: row for row in rows[1:]}
    got = read(tmp_path / "out" / "responses.csv")[1:]
    review = read(tmp_path / "out" / "review.csv")[1:]
    held = {row[2] for row in review}
    assert {row[0] for row in got} | held >= set(truth)
    record = load_exam_json(exam / "exam.json")
    for row in got:
        want = truth[row[0]]
        assert row[1] == want[1]
        for q, cell, filled in zip(record.variants[row[1]], row[2:], want[2:]):
            if q["type"] == "cloze":
                continue  # the simulated teacher's score of the written answer; checked by the round trip
            assert cell == filled.upper(), (row[0], q["number"])


def test_doubtful_mark_is_held_until_the_teachers_decision(exam, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # scans are named relative to the working folder
    answers = {(1, 0): "B", (2, 0): "A"}
    sheet_png(exam, tmp_path / "s1.png", "A", "123456", answers, extra=[(1, 0, "C")])
    out = tmp_path / "out"
    r = invoke("scan", tmp_path / "s1.png", "--exam", exam / "exam.json", "--out", out)
    assert r.exit_code == 0 and "1 held back" in r.output
    assert read(out / "responses.csv")[1:] == []  # never guessed
    review = read(out / "review.csv")
    assert review[1][:7] == ["s1.png", "1", "123456", "A", "q1", "B+C", "2 marks: B, C"]
    first = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert invoke("scan", tmp_path / "s1.png", "--exam", exam / "exam.json", "--out", out).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()} == first  # same files on a re-run
    assert b"%PDF" in first["review.pdf"][:5]
    review[1][7] = "C"  # the teacher decides
    with open(tmp_path / "decided.csv", "w", newline="") as f:
        csv.writer(f).writerows(review)
    r = invoke(
        "scan", tmp_path / "s1.png", "--exam", exam / "exam.json", "--out", out, "--review", tmp_path / "decided.csv"
    )
    assert r.exit_code == 0, r.output
    row = read(out / "responses.csv")[1]
    assert row[:4] == ["123456", "A", "C", "A"]
    assert read(out / "review.csv")[1][7] == "C"  # the decision is kept for the next run
    review[1][7] = "Z"
    with open(tmp_path / "bad.csv", "w", newline="") as f:
        csv.writer(f).writerows(review)
    r = invoke(
        "scan", tmp_path / "s1.png", "--exam", exam / "exam.json", "--out", out, "--review", tmp_path / "bad.csv"
    )
    assert r.exit_code == 1 and "bad.csv:2" in r.output and "Traceback" not in r.output


def test_problems_are_reported_with_file_and_page(exam, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # scans are named relative to the working folder
    sheet_png(exam, tmp_path / "a.png", "A", "111111", {(1, 0): "A"})
    (tmp_path / "copy-of-a.png").write_bytes((tmp_path / "a.png").read_bytes())
    sheet_png(exam, tmp_path / "unclear.png", "B", "2", {})  # one digit: 2_____ is allowed, trailing blanks
    doc = pdfium.PdfDocument(str(exam / "exam-A.pdf"))
    cv2.imwrite(str(tmp_path / "questions.png"), doc[0].render(scale=DPI / 72, grayscale=True).to_numpy())
    other = tmp_path / "other"
    (tmp_path / "other.yaml").write_text(SPEC.replace("seed: 5", "seed: 6"))
    assert invoke("build", tmp_path / "other.yaml", "--out", other, "--quiet").exit_code == 0
    sheet_png(other, tmp_path / "foreign.png", "A", "333333", {})
    files = ["a.png", "copy-of-a.png", "questions.png", "foreign.png", "unclear.png"]
    r = invoke("scan", *(tmp_path / f for f in files), "--exam", exam / "exam.json", "--out", tmp_path / "out")
    assert r.exit_code == 0, r.output
    problems = {row[0]: row[6] for row in read(tmp_path / "out" / "review.csv")[1:] if not row[4]}
    assert problems["copy-of-a.png"].startswith("duplicate of a.png, page 1")
    assert "corner squares" in problems["questions.png"]
    assert "another exam" in problems["foreign.png"]
    got = {row[0] for row in read(tmp_path / "out" / "responses.csv")[1:]}
    assert got == {"111111", "2"}


def test_a_missing_page_of_a_two_page_sheet_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "long.yaml").write_text(
        "title: Long\nseed: 1\nanswer_sheet: true\nsections:\n  - type: mcq\n    count: 50\n    widen: true\n"
        "  - type: truefalse\n    count: 40\n"
    )
    exam_dir = tmp_path / "long"
    assert invoke("build", tmp_path / "long.yaml", "--out", exam_dir, "--quiet").exit_code == 0
    assert load_sheet_spec(load_exam_json(exam_dir / "exam.json")).layouts[("A", False)].pages == 2
    sheet_png(exam_dir, tmp_path / "p1.png", "A", "12345678", {(1, 0): "A"})
    r = invoke("scan", tmp_path / "p1.png", "--exam", exam_dir / "exam.json", "--out", tmp_path / "out")
    assert r.exit_code == 0
    problems = [row for row in read(tmp_path / "out" / "review.csv")[1:] if not row[4]]
    assert problems[0][:3] == ["p1.png", "1", "12345678"] and "sheet page 2 of 2 is missing" in problems[0][6]
    sheet_png(exam_dir, tmp_path / "p2.png", "A", "12345678", {(90, 0): "F"}, page=2)
    r = invoke(
        "scan", tmp_path / "p2.png", tmp_path / "p1.png", "--exam", exam_dir / "exam.json", "--out", tmp_path / "out"
    )
    row = read(tmp_path / "out" / "responses.csv")[1]
    assert row[2] == "A" and row[91] == "F" and row.count("") == 88


def test_edited_exam_json_and_bad_scans_give_clean_errors(exam, tmp_path):
    data = json.loads((exam / "exam.json").read_text())
    data["answer_sheets"]["layouts"][0]["bubbles"][0]["x"] = "NaN"
    (tmp_path / "edited.json").write_text(json.dumps(data))
    (tmp_path / "scan.png").write_bytes(b"not a png")
    (tmp_path / "notes.txt").write_text("hello")
    for scan_file, exam_file, message in (
        (tmp_path / "scan.png", exam / "exam.json", "not a readable image"),
        (tmp_path / "notes.txt", exam / "exam.json", "give PDF, PNG, JPEG or TIFF"),
        (tmp_path / "scan.png", tmp_path / "edited.json", "layouts[0].bubbles[0].x must be a number"),
    ):
        r = invoke("scan", scan_file, "--exam", exam_file, "--out", tmp_path / "o")
        assert r.exit_code == 1 and message in r.output and "Traceback" not in r.output
    del data["answer_sheets"]
    (tmp_path / "nosheets.json").write_text(json.dumps(data))
    r = invoke("scan", tmp_path / "scan.png", "--exam", tmp_path / "nosheets.json", "--out", tmp_path / "o")
    assert r.exit_code == 1 and "--answer-sheet" in r.output


def test_grade_reads_points_cells(exam, tmp_path):
    record = load_exam_json(exam / "exam.json")
    qs = record.variants["A"]
    cloze = next(q for q in qs if q["type"] == "cloze")
    row = ["s1", "A"] + [""] * len(qs)
    row[1 + cloze["number"]] = "points=1.5"
    (tmp_path / "r.csv").write_text(",".join(row) + "\n")
    assert invoke("grade", tmp_path / "r.csv", "--exam", exam / "exam.json", "--out", tmp_path / "g").exit_code == 0
    assert read(tmp_path / "g" / "scores.csv")[1][2] == "1.5"
    row[1 + cloze["number"]] = "points=3"  # more than the question's 2 points
    (tmp_path / "r.csv").write_text(",".join(row) + "\n")
    r = invoke("grade", tmp_path / "r.csv", "--exam", exam / "exam.json", "--out", tmp_path / "g2")
    assert r.exit_code == 1 and "points=N" in r.output
