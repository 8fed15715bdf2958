"""Exports, each checked by something other than our own writer: XML parsing against the formats'
documented elements, an independent GIFT grammar, and the .apkg opened as SQLite."""

from __future__ import annotations

import io
import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizgen.cli import cli
from quizgen.export import ExportItem, export


def run_export(runner, exam_json, fmt, tmp_path, *extra) -> bytes:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(cli, ["export", str(exam_json), "--to", fmt, "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def questions(exam_json, code="A"):
    data = json.loads(exam_json.read_text())
    return next(v for v in data["variants"] if v["code"] == code)["questions"]


def test_moodle_xml_structure(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    root = ET.fromstring(run_export(runner, exam_json, "moodle-xml", tmp_path, "--variant", "A"))
    assert root.tag == "quiz"
    qs = [q for q in root if q.get("type") != "category"]
    cats = [q.find("category/text").text for q in root if q.get("type") == "category"]
    assert all(c.startswith("$course$/top/quizgen/") for c in cats)
    assert {q.get("type") for q in qs} == {"multichoice", "cloze", "matching", "truefalse"}
    expected = {q["id"]: q for q in questions(exam_json)}
    for q in qs:
        assert q.find("name/text").text and q.find("questiontext").get("format") == "html"
        item = expected[q.find("idnumber").text]
        if q.get("type") == "multichoice":
            right = [a for a in q.findall("answer") if a.get("fraction") == "100"]
            assert len(right) == 1 and right[0].find("text").text == item["options"][item["answer"]].replace(
                "&", "&amp;"
            ).replace("<", "&lt;").replace(">", "&gt;")
        elif q.get("type") == "matching":
            subs = q.findall("subquestion")
            assert len([s for s in subs if s.find("text").text]) == len(item["premises"])
            assert len(subs) == len(item["responses"])
        elif q.get("type") == "cloze":
            assert q.find("questiontext/text").text.count(":SHORTANSWER:=") == len(item["answer"])
        elif q.get("type") == "truefalse":
            right = [a.find("text").text for a in q.findall("answer") if a.get("fraction") == "100"]
            assert right == ["true" if item["answer"] else "false"]


def test_gift_parses_with_an_independent_grammar(runner, built_exam, tmp_path):
    parser = pytest.importorskip("pygiftparser.parser")
    _, exam_json = built_exam
    text = run_export(runner, exam_json, "gift", tmp_path, "--variant", "A").decode("utf-8")
    parsed = parser.parse(text)
    qs = questions(exam_json)
    expected = len(qs) + sum(len(q["answer"]) - 1 for q in qs if q["type"] == "cloze")
    assert len(parsed.questions) == expected
    by_name = {q.name: q for q in parsed.questions}
    for q in qs:
        if q["type"] == "mcq":
            g = by_name[f"A-{q['number']:02d} {q['topic']}"]
            correct = [o.text.replace("\\", "") for o in g.answer.options if o.percentage == 1.0]
            assert correct == [q["options"][q["answer"]].replace("\\", "")]
    parser.gift_result = None


def test_gift_escapes_special_characters():
    from quizgen.export.gift import escape

    assert escape("a ~ b = c # d { e } f : g \\ h") == "a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h"
    item = {
        "id": "0" * 12,
        "type": "truefalse",
        "topic": "T",
        "statement": "x = {y} ~ z: #1",
        "answer": True,
        "shown_topic": "T",
    }
    text = export([ExportItem(item, "n: 1", 1, "Cat")], "gift", "t").decode()
    assert "::n\\: 1::x \\= \\{y\\} \\~ z\\: \\#1 {T}" in text


def test_qti_package_structure(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    z = zipfile.ZipFile(io.BytesIO(run_export(runner, exam_json, "qti", tmp_path, "--variant", "B")))
    manifest = ET.fromstring(z.read("imsmanifest.xml"))
    ns = {"m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1", "q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    href = manifest.find("m:resources/m:resource/m:file", ns).get("href")
    assert manifest.find("m:resources/m:resource", ns).get("type") == "imsqti_xmlv1p2"
    root = ET.fromstring(z.read(href))
    items = root.findall("q:assessment/q:section/q:item", ns)
    assert len(items) == len(questions(exam_json, "B"))
    allowed = {
        "multiple_choice_question",
        "true_false_question",
        "matching_question",
        "fill_in_multiple_blanks_question",
    }
    for item in items:
        fields = {
            f.find("q:fieldlabel", ns).text: f.find("q:fieldentry", ns).text
            for f in item.findall("q:itemmetadata/q:qtimetadata/q:qtimetadatafield", ns)
        }
        assert fields["question_type"] in allowed and float(fields["points_possible"]) > 0
        labels = {lab.get("ident") for lab in item.iter(f"{{{ns['q']}}}response_label")}
        responses = {lid.get("ident") for lid in item.iter(f"{{{ns['q']}}}response_lid")}
        for eq in item.iter(f"{{{ns['q']}}}varequal"):
            assert eq.get("respident") in responses and eq.text in labels


def test_anki_package_opens_as_sqlite_with_stable_ids(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    first = run_export(runner, exam_json, "anki", tmp_path)
    again = run_export(runner, exam_json, "anki", tmp_path, "--force")
    assert first == again
    db = tmp_path / "collection.anki2"
    db.write_bytes(zipfile.ZipFile(io.BytesIO(first)).read("collection.anki2"))
    con = sqlite3.connect(db)
    notes = con.execute("select guid, mid, flds from notes").fetchall()
    cards = con.execute("select count(*) from cards").fetchone()[0]
    models = json.loads(con.execute("select models from col").fetchone()[0])
    decks = json.loads(con.execute("select decks from col").fetchone()[0])
    con.close()
    assert {m["name"] for m in models.values()} == {"quizgen basic", "quizgen cloze"}
    assert {n[1] for n in notes} <= {int(k) for k in models}
    assert any(d["name"].startswith("quizgen::") for d in decks.values())
    assert len({n[0] for n in notes}) == len(notes) and cards >= len(notes)
    assert any("{{c1::" in n[2] for n in notes)


def test_csv_export_and_bank_items(runner, tmp_path):
    out = tmp_path / "items.csv"
    result = runner.invoke(
        cli, ["export", "--to", "csv", "--count", "3", "--types", "mcq,truefalse", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    import csv

    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 6 and {r["type"] for r in rows} == {"mcq", "truefalse"}
    assert all(r["answer"] != "" for r in rows)


def test_export_refuses_to_overwrite(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    out = tmp_path / "x.xml"
    out.write_text("mine")
    result = runner.invoke(cli, ["export", str(exam_json), "--to", "moodle-xml", "--out", str(out)])
    assert result.exit_code == 1 and "exists" in result.output and out.read_text() == "mine"


def test_export_unknown_variant(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    result = runner.invoke(
        cli, ["export", str(exam_json), "--to", "gift", "--variant", "Z", "--out", str(tmp_path / "g.txt")]
    )
    assert result.exit_code == 1 and "no variant 'Z'" in result.output
