"""Exports, each checked by something other than our own writer: XML parsing against the formats'
documented elements, an independent GIFT grammar, and the .apkg opened as SQLite."""

from __future__ import annotations

import html
import io
import json
import os
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import pytest

from quizgen.cli import cli
from quizgen.export import ExportItem, export
from quizgen.export.moodle import html_text


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
            assert len(right) == 1 and right[0].find("text").text == html_text(item["options"][item["answer"]])
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
    by_name = {html.unescape(q.name): q for q in parsed.questions}
    for q in qs:
        if q["type"] == "mcq":
            g = by_name[f"A-{q['number']:02d} {q['topic']}"]
            correct = [html.unescape(o.text.replace("\\", "")) for o in g.answer.options if o.percentage == 1.0]
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
    text = export([ExportItem(item, "n: 1", 1, "Cat")], "gift", "t").data.decode()
    assert "::n\\: 1::[html]x \\= \\{y\\} \\~ z\\: \\#1 {T}" in text


def test_qti_package_structure(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    z = zipfile.ZipFile(io.BytesIO(run_export(runner, exam_json, "qti", tmp_path, "--variant", "B")))
    manifest = ET.fromstring(z.read("imsmanifest.xml"))
    ns = {"m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"}
    href = manifest.find("m:resources/m:resource/m:file", ns).get("href")
    assert manifest.find("m:resources/m:resource", ns).get("type") == "imsqti_xmlv1p2"
    root = ET.fromstring(z.read(href))
    items = root.findall("assessment/section/item")
    assert len(items) == len(questions(exam_json, "B"))
    allowed = {
        "multiple_choice_question",
        "true_false_question",
        "matching_question",
        "fill_in_multiple_blanks_question",
    }
    for item in items:
        fields = {
            f.findtext("fieldlabel"): f.findtext("fieldentry")
            for f in item.findall("itemmetadata/qtimetadata/qtimetadatafield")
        }
        assert fields["question_type"] in allowed and float(fields["points_possible"]) > 0
        labels = {lab.get("ident") for lab in item.iter("response_label")}
        responses = {lid.get("ident") for lid in item.iter("response_lid")}
        for eq in item.iter("varequal"):
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


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift", "qti", "anki", "csv"])
def test_exam_export_writes_each_question_once(runner, built_exam, tmp_path, fmt):
    _, exam_json = built_exam
    out = tmp_path / f"all.{fmt}"
    result = runner.invoke(cli, ["export", str(exam_json), "--to", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    n = len(questions(exam_json, "A"))  # variant B asks the same questions, shuffled
    written = int(re.search(r"wrote (\d+)", result.output).group(1))
    if fmt == "anki":  # a matching set is one note per pair
        n += sum(len(q["premises"]) - 1 for q in questions(exam_json, "A") if q["type"] == "matching")
    assert written == n
    if fmt == "moodle-xml":
        ids = [q.findtext("idnumber") for q in ET.fromstring(out.read_bytes()) if q.get("type") != "category"]
        assert len(ids) == len(set(ids)) == n


def test_variant_export_names_its_questions(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    root = ET.fromstring(run_export(runner, exam_json, "moodle-xml", tmp_path, "--variant", "B"))
    names = [q.findtext("name/text") for q in root if q.get("type") != "category"]
    assert len(names) == len(questions(exam_json, "B")) and all(re.match(r"B-\d\d ", n) for n in names)


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift", "qti", "anki", "csv"])
def test_same_seed_same_bytes(runner, small_bank, tmp_path, fmt, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        args = ["export", "--bank", str(small_bank), "--to", fmt, "--count", "4", "--seed", "9", "--out", str(out)]
        result = runner.invoke(cli, [*args, "--types", "mcq,cloze,truefalse"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def anki_mods(path) -> set[int]:
    db = path.parent / (path.name + ".anki2")
    db.write_bytes(zipfile.ZipFile(path).read("collection.anki2"))
    con = sqlite3.connect(db)
    mods = {m for (m,) in con.execute("select mod from notes")}
    con.close()
    return mods


def test_anki_mod_is_the_sources_time_never_the_clock(runner, small_bank, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for i, f in enumerate(sorted(small_bank.iterdir())):
        os.utime(f, (1_600_000_000 + i, 1_600_000_000 + i))
    out = tmp_path / "deck.apkg"
    args = [
        "export",
        "--bank",
        str(small_bank),
        "--to",
        "anki",
        "--types",
        "mcq",
        "--count",
        "2",
        "--out",
        str(out),
        "--force",
    ]
    assert runner.invoke(cli, args).exit_code == 0
    assert anki_mods(out) == {1_600_000_001}  # the newest bank file
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert runner.invoke(cli, args).exit_code == 0
    assert anki_mods(out) == {1234567890}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = runner.invoke(cli, args)
    assert result.exit_code == 1 and "SOURCE_DATE_EPOCH" in result.output and "Traceback" not in result.output


def test_more_items_than_topics_gives_unique_qti_idents(runner, small_bank, tmp_path):
    out = tmp_path / "q.zip"
    args = ["export", "--bank", str(small_bank), "--to", "qti", "--types", "mcq", "--count", "12", "--out", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    z = zipfile.ZipFile(out)
    root = ET.fromstring(z.read(next(n for n in z.namelist() if n != "imsmanifest.xml")))
    idents = [i.get("ident") for i in root.iter("item")]
    assert len(idents) == len(set(idents)) == int(re.search(r"wrote (\d+)", result.output).group(1))


def test_gift_names_what_it_leaves_out(runner, built_exam, tmp_path):
    _, exam_json = built_exam
    data = json.loads(exam_json.read_text())
    q = next(q for q in data["variants"][0]["questions"] if q["type"] == "cloze")
    q["answer"][0] = ["a&&058;b"]  # an edited exam.json: Moodle's GIFT reader would turn this into 'a:b'
    edited = tmp_path / "exam.json"
    edited.write_text(json.dumps(data))
    out = tmp_path / "g.gift"
    result = runner.invoke(cli, ["export", str(edited), "--to", "gift", "--variant", "A", "--out", str(out)])
    assert result.exit_code == 0
    name = f"A-{q['number']:02d} {q['topic']}"
    assert f"left out question '{name}', blank 1" in result.output
    assert f"wrote {len(data['variants'][0]['questions']) - 1} questions" in result.output
    assert name not in out.read_text()
