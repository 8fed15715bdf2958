"""Regression tests for problems a code review found: each would fail on the code before its fix."""

from __future__ import annotations

import io
import json
import time
import zipfile

from quizgen import load_bank
from quizgen.bank.importers import import_text
from quizgen.cli import cli
from quizgen.exam import build_exam, copy_file_name
from quizgen.export import ExportItem, export
from quizgen.grade import invalid_answer
from quizgen.model import TrueFalseItem, statement_parts
from quizgen.roster import Student
from quizgen.spec import ExamSpec, SectionSpec


def test_matching_terms_respect_the_pool_and_are_asked_once():
    bank = load_bank()
    group = "Diffusion models and image generation"
    excluded = ("Flow Matching / Rectified Flow", "Text-to-Image Alignment")
    spec = ExamSpec(
        categories=(group, "Vision and multimodal models", "Representation and self-supervised learning"),
        exclude=excluded,
        seed=4,
        variants=1,
        sections=(SectionSpec("matching", count=1, size=4), SectionSpec("mcq", count=3)),
    )
    exam = build_exam(spec, bank)
    asked = []
    for q in exam.variants[0].questions:
        asked += list(getattr(q.item, "premise_topics", [q.item.topic]))
    assert not set(excluded) & set(asked)
    assert len(asked) == len(set(asked))


def test_copy_names_never_collide():
    a, b = Student("Ann Lee", "A-1"), Student("Ann Lee", "a.1")
    c, d = Student("李雷", "学生1"), Student("韩梅梅", "学生2")
    names = {copy_file_name(s) for s in (a, b, c, d)}
    assert len(names) == 4 and all("/" not in n for n in names)


def test_markdown_definition_after_blank_line_is_reported_not_a_crash():
    result = import_text("Term\n\n: a definition that lost its term line\n**Other**: fine text here\n", "g.md")
    assert [t.name for t in result.topics] == ["Other"]
    assert any(d.location.line == 3 for d in result.diagnostics)


def test_os_errors_are_clean_messages(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(cli, ["roster", "--fake", "2", "--out", str(blocker / "x.csv")])
    assert result.exit_code == 1 and "Traceback" not in result.output and "Error:" in result.output


def test_anki_is_hermetic_and_escapes_html():
    item = {
        "id": "0" * 12,
        "type": "truefalse",
        "topic": "T <b>",
        "statement": "T <b>: uses <i>tags</i> & more",
        "answer": True,
        "shown_topic": "T <b>",
    }
    first = export([ExportItem(item, "n", 1, "Cat")], "anki", "t").data
    time.sleep(1.1)
    assert export([ExportItem(item, "n", 1, "Cat")], "anki", "t").data == first
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == ["collection.anki2", "media"]
    assert b"&lt;i&gt;tags&lt;/i&gt; &amp; more" in zipfile.ZipFile(io.BytesIO(first)).read("collection.anki2")


def test_stats_out_is_not_overwritten_and_bad_stats_are_refused(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    stats = tmp_path / "stats.json"
    stats.write_text(
        json.dumps({"quizgen_item_stats": 1, "items": [{"type": "mcq", "topic": "X", "distractors": ["a"]}]})
    )
    result = runner.invoke(cli, ["build", "--stats", str(stats), "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 1 and "items[0] is malformed" in result.output and "Traceback" not in result.output


def test_worksheet_topics_with_default_count(runner, tmp_path):
    result = runner.invoke(
        cli, ["worksheet", "--topics", "PagedAttention,FlashAttention", "--types", "mcq", "--out", str(tmp_path / "w")]
    )
    assert result.exit_code == 0, result.output


def test_statement_term_with_colon():
    item = TrueFalseItem(
        "Text-to-Image: DALL-E Lineage & Imagen",
        "c",
        statement="Text-to-Image: DALL-E Lineage & Imagen: a definition: with colons",
        shown_topic="x",
        answer=False,
    )
    assert statement_parts(item) == ("Text-to-Image: DALL-E Lineage & Imagen", ": ", "a definition: with colons")


def test_cloze_with_too_many_answers_is_invalid():
    q = {"type": "cloze", "answer": [["one"]], "points": 1}
    assert invalid_answer(q, "a | b") == "2 answers (separated by |) for 1 blank(s)"
    assert invalid_answer(q, "a") is None


def test_reader_error_column_counts_characters(make_bank):
    from quizgen import read_bank

    bank = make_bank({"g.yaml": "category: G\ntopics:\n  - name: Café crème\x07\n    definition: x\n"})
    _, diags = read_bank(bank)
    assert any(
        str(d).endswith("g.yaml:3:21: error: the character U+0007 is not allowed in YAML; remove it") for d in diags
    ), [str(d) for d in diags]


def test_sections_with_the_same_heading_keep_separate_score_columns(runner, tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text("seed: 2\nsections:\n  - type: mcq\n    count: 2\n  - type: mcq\n    count: 2\n")
    out = tmp_path / "o"
    assert runner.invoke(cli, ["build", str(spec), "--out", str(out), "--quiet"]).exit_code == 0
    responses = tmp_path / "r.csv"
    responses.write_text("student_id,variant,q1,q2,q3,q4\nS1,A,A,B,C,A\n")
    result = runner.invoke(
        cli, ["grade", str(responses), "--exam", str(out / "exam.json"), "--out", str(tmp_path / "g")]
    )
    assert result.exit_code == 0, result.output
    header = (tmp_path / "g" / "scores.csv").read_text().splitlines()[0]
    assert "1. Multiple choice" in header and "2. Multiple choice" in header
