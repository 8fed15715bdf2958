"""Answer sheets: the layout recorded in exam.json, the sheet drawn where the layout says, the build hooks."""

from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest
from qg_data import CLASS_SPEC

from quizgen.cli import cli
from quizgen.examfile import load_exam_json
from quizgen.scan.sheetfile import load_sheet_spec

SHEET_SPEC = CLASS_SPEC + "answer_sheet: true\nid_digits: 6\n"


@pytest.fixture(scope="module")
def sheet_exam(tmp_path_factory):
    from click.testing import CliRunner

    tmp = tmp_path_factory.mktemp("sheets")
    (tmp / "spec.yaml").write_text(SHEET_SPEC)
    result = CliRunner().invoke(cli, ["build", str(tmp / "spec.yaml"), "--out", str(tmp / "exam"), "--quiet"])
    assert result.exit_code == 0, result.output
    return tmp / "exam"


def test_layout_records_every_bubble_of_every_question(sheet_exam):
    data = json.loads((sheet_exam / "exam.json").read_text())
    sheets = data["answer_sheets"]
    assert sheets["format"] == "quizgen-answer-sheet/1" and len(sheets["exam_hash"]) == 16
    for variant in data["variants"]:
        layout = next(lay for lay in sheets["layouts"] if lay["variant"] == variant["code"])
        by_q: dict = {}
        for b in layout["bubbles"]:
            by_q.setdefault(b.get("question", 0), []).append(b)
        assert len(by_q[0]) == 6 * 10  # student number: 6 digits of 0-9
        for q in variant["questions"]:
            values = [b["value"] for b in by_q[q["number"]]]
            if q["type"] == "mcq":
                assert values == list("ABCD"[: len(q["options"])])
            elif q["type"] == "truefalse":
                assert values == ["T", "F"]
            elif q["type"] == "matching":
                terms = {b["term"] for b in by_q[q["number"]]}
                assert terms == set(range(1, len(q["premises"]) + 1))
                assert len(values) == len(q["premises"]) * len(q["responses"])
            else:  # cloze: 0, ½, 1, 1½, 2 for 2 points, and a write-in box per blank
                assert values == ["0", "½", "1", "1½", "2"]
                boxes = [w for w in layout["write_in"] if w["question"] == q["number"]]
                assert len(boxes) == len(q["answer"])
        w, h = sheets["page_size"]
        for b in layout["bubbles"]:  # inside the printable area and clear of each other
            assert 40 < b["x"] < w - 40 and 50 < b["y"] < h - 40
        pts = np.array([[b["page"] * 10000 + b["x"], b["y"]] for b in layout["bubbles"]])
        gaps = np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1)) + np.eye(len(pts)) * 1e9
        assert gaps.min() >= 2 * max(b["r"] for b in layout["bubbles"])


def test_sheet_is_printed_where_the_layout_says(sheet_exam, tmp_path):
    """Render the last page of exam-A.pdf and find a printed outline around every recorded bubble."""
    import pypdfium2 as pdfium

    record = load_exam_json(sheet_exam / "exam.json")
    spec = load_sheet_spec(record)
    layout = spec.layouts[("A", False)]
    doc = pdfium.PdfDocument(str(sheet_exam / "exam-A.pdf"))
    page = np.asarray(doc[len(doc) - layout.pages].render(scale=2, grayscale=True).to_numpy())
    page = page[..., 0] if page.ndim == 3 else page
    h = spec.page_size[1]
    for b in layout.bubbles:
        cx, cy, r = b.x * 2, (h - b.y) * 2, b.r * 2
        ring = [page[int(cy + r * np.sin(t)), int(cx + r * np.cos(t))] for t in np.linspace(0, 2 * np.pi, 24)]
        centre = page[int(cy) - 1 : int(cy) + 2, int(cx) - 1 : int(cx) + 2]
        assert np.mean(ring) < 200, f"no outline at bubble {b}"
        assert centre.min() > 150  # the hint letter inside stays light
    for x, y in spec.fiducials:
        assert page[int((h - y) * 2), int(x * 2)] < 60


def test_code_on_the_sheet_names_exam_variant_and_page(sheet_exam):
    import cv2
    import pypdfium2 as pdfium

    record = load_exam_json(sheet_exam / "exam.json")
    spec = load_sheet_spec(record)
    doc = pdfium.PdfDocument(str(sheet_exam / "exam-B.pdf"))
    img = np.asarray(doc[len(doc) - 1].render(scale=200 / 72, grayscale=True).to_numpy())
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(img[..., 0] if img.ndim == 3 else img)
    assert text == f"QZS1|{spec.exam_hash}|B|1|"


def test_named_copies_get_the_student_in_the_code_and_no_number_grid(tmp_path, runner):
    (tmp_path / "spec.yaml").write_text(SHEET_SPEC)
    (tmp_path / "class.csv").write_text("name,id\nAda Lovelace,S-1\nAlan Turing,S/2\n")
    out = tmp_path / "named"
    result = runner.invoke(
        cli,
        ["build", str(tmp_path / "spec.yaml"), "--roster", str(tmp_path / "class.csv"), "--out", str(out), "--quiet"],
    )
    assert result.exit_code == 0, result.output
    spec = load_sheet_spec(load_exam_json(out / "exam.json"))
    assert spec.copies == {"S-1": "A", "S/2": "B"}
    assert not [b for b in spec.layouts[("A", True)].bubbles if b.field == "student_id"]
    text = subprocess.run(["pdftotext", str(next(out.glob("copy-s-1-*.pdf"))), "-"], capture_output=True, text=True)
    assert "Answer sheet · Variant A" in text.stdout and "Ada Lovelace" in text.stdout.split("Answer sheet")[-1]


def test_exams_without_sheets_are_unchanged(built_exam):
    data = json.loads(built_exam[1].read_text())
    assert "answer_sheets" not in data and "answer_sheet" not in data["spec"]


def test_latex_engine_refuses_sheets(tmp_path, runner):
    (tmp_path / "spec.yaml").write_text(SHEET_SPEC)
    result = runner.invoke(
        cli, ["build", str(tmp_path / "spec.yaml"), "--engine", "latex", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and "reportlab" in result.output


def test_sheet_build_is_reproducible(sheet_exam, tmp_path, runner):
    (tmp_path / "spec.yaml").write_text(SHEET_SPEC)
    result = runner.invoke(cli, ["build", str(tmp_path / "spec.yaml"), "--out", str(tmp_path / "again"), "--quiet"])
    assert result.exit_code == 0
    for name in ("exam-A.pdf", "exam-B.pdf", "exam.json"):
        assert (tmp_path / "again" / name).read_bytes() == (sheet_exam / name).read_bytes()
