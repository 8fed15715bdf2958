"""Every export read by its real consumer, or by a rule taken from the consumer's source, on an exam of every
type and on the hostile-text bank (tests/data/hostile-export): same question text, same correct answers,
no extra items, accepted answers graded right. Real consumers here: the `anki` package's own importer,
the gift-pegjs grammar under node, the IMS QTI 1.2.1 DTD with lxml. Moodle's PHP importers and Canvas's
converter run by hand (benchmarks/consumers/run_by_hand.py); what they showed is pinned below."""

from __future__ import annotations

import html
import io
import itertools
import json
import random
import re
import shutil
import subprocess
import xml.parsers.expat
import zipfile
from pathlib import Path

import consumer_checks as cc
import pytest

from quizgen.bank import load_bank
from quizgen.examfile import load_exam_json
from quizgen.export import CannotCarry, ExportItem, bank_items, distinct, exam_items, export
from quizgen.export.gift import short_answer

HERE = Path(__file__).parent
HOSTILE = HERE / "data" / "hostile-export"
DTD = HERE / "data" / "qti" / "ims_qtiasiv1p2p1.dtd"
NODE_DIR = HERE / "node"
TYPES = ["mcq", "cloze", "matching", "truefalse"]
PACKAGES = itertools.count()


@pytest.fixture(scope="module", params=["hostile bank", "exam"])
def items(request, built_exam) -> list[ExportItem]:
    if request.param == "hostile bank":
        return distinct(bank_items(load_bank(HOSTILE), TYPES, 14, random.Random(3)))
    return distinct(exam_items(load_exam_json(built_exam[1])))


def views(items):
    return [cc.view(e.item) for e in items]


def assert_same(expected, got, accepts):
    report = cc.compare(expected, got)
    cc.grade_cloze(expected, got, accepts, report)
    assert report.ok(), report.line("consumer") + "\n" + "\n".join(report.problems[:5])


def test_hostile_bank_holds_every_syntax_character():
    text = "".join(HOSTILE.joinpath(f).read_text(encoding="utf-8") for f in ("weather.yaml", "anki.yaml"))
    for s in ("->", "::", "{1:SHORTANSWER:=x}", "{{c2::x}}", "<b>", "&lt;", "&amp;", "\\(", "]]>", "%50%", "[html]"):
        assert s in text
    for ch in "~=#{}:\\*\"'<>&[]/|$%^":
        assert ch in text


# ---- Anki: the official backend imports the package ----


def import_apkg(data: bytes, collection=None, tmp=None):
    anki = pytest.importorskip("anki.collection")
    path = Path(tmp) / f"deck{next(PACKAGES)}.apkg"
    path.write_bytes(data)
    col = collection or anki.Collection(str(Path(tmp) / "collection.anki2"))
    col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(path)))
    return col


def test_anki_imports_every_note_and_card_unchanged(items, tmp_path):
    out = export(items, "anki", "t", 1_700_000_000)
    col = import_apkg(out.data, tmp=tmp_path)
    notes = [col.get_note(n) for n in col.find_notes("")]
    assert len(notes) == out.written
    expected_cards = 0
    clozes = {cc.plain(e.item["text"]): e.item for e in items if e.item["type"] == "cloze"}
    for note in notes:
        cards = note.cards()
        if note.note_type()["name"] == "quizgen cloze":
            item = clozes[cc.shown(re.sub(r"\{\{c\d+::.*?\}\}", cc.BLANK, note["Text"]))]
            assert len(cards) == len(item["answer"])  # bank text such as {{c2::x}} adds no card
            for card, accepted in zip(sorted(cards, key=lambda c: c.ord), item["answer"]):
                back = cc.shown(card.answer())
                assert cc.plain(accepted[0]) in back, (accepted[0], back)  # the whole answer, '}' and '::' too
                assert cc.shown(card.question()).count("[...]") == 1
        else:
            assert len(cards) == 1
        expected_cards += len(cards)
    assert col.card_count() == expected_cards
    for e in items:  # every question's text shows literally on some card
        it = e.item
        want = {"mcq": it.get("stem"), "truefalse": it.get("statement")}.get(it["type"])
        if want:
            assert any(cc.plain(want) in cc.shown(col.get_card(c).question()) for c in col.find_cards("")), want
    names = {d.name for d in col.decks.all_names_and_ids()} - {"Default"}
    assert names == {"quizgen"} | {"quizgen::" + re.sub(r":(?=:)", ": ", e.category) for e in items}
    col.close()


def test_anki_reimport_updates_edited_notes_only_when_newer(tmp_path):
    item = {
        "id": "1",
        "type": "truefalse",
        "topic": "T",
        "statement": "T: old text",
        "shown_topic": "T",
        "answer": True,
    }
    edited = {**item, "statement": "T: new text"}

    def package(it, mod):
        return export([ExportItem(it, "n", 1, "G")], "anki", "t", mod).data

    assert package(item, 1000) == package(item, 1000)  # same content, same mod: same bytes
    col = import_apkg(package(item, 1000), tmp=tmp_path)
    col = import_apkg(package(edited, 2000), col, tmp_path)  # edited later: updated in place
    (nid,) = col.find_notes("")
    assert "new text" in col.get_note(nid)["Front"]
    col = import_apkg(package(item, 1000), col, tmp_path)  # an older export does not undo the edit
    assert "new text" in col.get_note(nid)["Front"] and len(col.find_notes("")) == 1
    col.close()


# ---- GIFT: the gift-pegjs grammar (node) ----


@pytest.fixture(scope="module")
def gift_parser():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node:
        pytest.skip("node is not installed (CI installs it: .ci/run)")
    if not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir():
        if not npm:
            pytest.skip("npm is not installed, so gift-pegjs cannot be (CI installs both: .ci/run)")
        subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True, capture_output=True)

    def parse(text: bytes):
        run = subprocess.run([node, str(NODE_DIR / "parse-gift.js")], input=text, capture_output=True)
        data = json.loads(run.stdout)
        assert run.returncode == 0, data
        return data

    return parse


def undo_placeholders(text: str) -> str:
    """gift-pegjs 1.0.2 leaves its escape placeholders ('&&035;' for '\\#') in match answers; Moodle decodes them."""
    return re.sub(r"&&(\d{3});", lambda m: chr(int(m.group(1))), text)


def pegjs_views(questions) -> list[tuple]:
    """What the grammar read, as views; it writes a blank as ' _____ ', so spaces next to it are dropped."""

    def text(t):
        return cc.shown(t["text"]) if t["format"] == "html" else cc.plain(t["text"])

    out = []
    for q in questions:
        kind = q["type"]
        if kind == "MC":
            options = [text(c["text"]) for c in q["choices"]]
            right = [text(c["text"]) for c in q["choices"] if c["isCorrect"]]
            out.append(("mcq", text(q["stem"]), tuple(sorted(options)), right[0] if len(right) == 1 else tuple(right)))
        elif kind == "TF":
            out.append(("truefalse", text(q["stem"]), q["isTrue"]))
        elif kind == "Matching":
            pairs = [
                (text(p["subquestion"]), cc.shown(undo_placeholders(p["subanswer"])))
                for p in q["matchPairs"]
                if p["subquestion"]["text"]
            ]
            out.append(("matching", tuple(sorted(pairs, key=str))))
        elif kind == "Short":
            answers = tuple(c["text"]["text"] for c in q["choices"] if c["isCorrect"])
            out.append(("cloze", re.sub(r"\s*_____\s*", "_____", text(q["stem"])), (answers,)))
        elif kind != "Category":
            out.append(("unexpected", kind))
    return out


def test_gift_pegjs_reads_every_question(items, gift_parser):
    out = export(items, "gift", "t")
    # the only questions left out are cloze blanks whose answer GIFT cannot carry ('->'), each named
    carried = [
        e for e in items if not (e.item["type"] == "cloze" and any("->" in a for b in e.item["answer"] for a in b))
    ]
    assert len(out.skipped) == len(items) - len(carried)
    assert all("'->'" in note for note in out.skipped)
    expected = [
        v if v[0] != "cloze" else ("cloze", re.sub(r"\s*_____\s*", "_____", v[1]), v[2])
        for v in (v for e in carried for v in cc.gift_views(e.item))
    ]
    assert_same(expected, pegjs_views(gift_parser(out.data)), cc.moodle_accepts)


# ---- QTI: the IMS QTI 1.2.1 DTD, and Canvas's reading of the package ----


def assessment(data: bytes) -> bytes:
    z = zipfile.ZipFile(io.BytesIO(data))
    (name,) = [n for n in z.namelist() if n != "imsmanifest.xml"]
    return z.read(name)


def test_qti_is_valid_against_the_qti_1_2_1_dtd(items):
    etree = pytest.importorskip("lxml.etree")
    dtd = etree.DTD(str(DTD))
    root = etree.fromstring(assessment(export(items, "qti", "t").data))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()[:3]
    idents = [i.get("ident") for i in root.iter("item")]
    assert len(idents) == len(set(idents)) == len(items)


def test_canvas_reads_the_qti_as_exported(items):
    xml = assessment(export(items, "qti", "t").data)
    assert_same(views(items), cc.canvas_views_qti12(xml), cc.canvas_accepts)


def test_canvas_choice_ids_are_distinct_numbers_within_each_item(items):
    import xml.etree.ElementTree as ET

    for item in ET.fromstring(assessment(export(items, "qti", "t").data)).iter("item"):
        numbers = [cc.first_number(lab.get("ident")) for lab in item.iter("response_label")]
        labels = {lab.get("ident") for lab in item.iter("response_label")}
        assert None not in numbers and len(set(numbers)) == len(labels)


def test_qti_blank_names_never_collide_with_bank_text():
    item = {
        "id": "1",
        "type": "cloze",
        "topic": "T",
        "mode": "term",
        "text": "[blank1] and _____ here",
        "answer": [["x"]],
    }
    got = cc.canvas_views_qti12(assessment(export([ExportItem(item, "n", 1, "G")], "qti", "t").data))
    assert got == [("cloze", "[blank1] and _____ here", (("x",),))]


# ---- Moodle XML: its reader's rules, as run by hand under php-cli ----


def xmlize_texts(data: bytes) -> list[str]:
    """Every <text> as Moodle's lib/xmlize.php reads it: character data arrives in pieces (split at entity
    references), and a piece that is only whitespace is dropped."""
    texts, stack = [], []
    parser = xml.parsers.expat.ParserCreate("UTF-8")

    def start(name, attrs):
        stack.append([])

    def end(name):
        pieces = stack.pop()
        if name == "text":
            texts.append("".join(pieces).strip())

    def data_(d):
        if d == "0" or d.strip():
            stack[-1].append(d)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, data_
    parser.Parse(data, True)
    return texts


def test_xmlize_rule_would_catch_escaped_text_outside_cdata():
    assert xmlize_texts(b"<q><text>Less &lt;than&gt; &amp; B</text></q>") == ["Less <than>& B"]


# qtype_multianswer's parser (question/type/multianswer/questiontype.php), in Python's regex dialect
_ALT = r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
SUBQUESTION = re.compile(r"\{([0-9]*):([A-Z_]+):(" + _ALT + "(~" + _ALT + r")*)\}", re.S)


def multianswer(text: str) -> tuple[str, dict]:
    subs, k = {}, 1
    while m := SUBQUESTION.search(text):
        answers, fractions, rest = [], [], m.group(3)
        while a := re.match("~?" + _ALT, rest, re.S):
            answers.append(html.unescape(a.group(3)).replace("\\}", "}").replace("\\#", "#"))
            fractions.append(1 if a.group(1) == "=" else 0)
            rest = rest[a.end() :]
        subs[str(k)] = {"answer": answers, "fraction": fractions, "weight": m.group(1), "type": m.group(2)}
        text = text[: m.start()] + f"{{#{k}}}" + text[m.end() :]
        k += 1
    return text, subs


def moodle_xml_questions(data: bytes) -> list[dict]:
    """The question objects Moodle's XML importer makes, for the fields compared here."""
    import xml.etree.ElementTree as ET

    texts = iter(xmlize_texts(data))
    out = []
    for q in ET.fromstring(data).iter("question"):
        kind = q.get("type")
        got = {el: next(texts) for el in q.iter("text")}  # document order, as xmlize read them
        text = got[q.find("questiontext/text")] if q.find("questiontext/text") is not None else ""
        if kind == "multichoice":
            answers = [{"text": got[a.find("text")]} for a in q.findall("answer")]
            out.append(
                {
                    "qtype": kind,
                    "questiontext": text,
                    "answer": answers,
                    "fraction": [int(a.get("fraction")) / 100 for a in q.findall("answer")],
                }
            )
        elif kind == "truefalse":
            right = [got[a.find("text")] for a in q.findall("answer") if a.get("fraction") == "100"]
            out.append({"qtype": kind, "questiontext": text, "correctanswer": int(right == ["true"])})
        elif kind == "matching":
            subs = q.findall("subquestion")
            out.append(
                {
                    "qtype": "match",
                    "questiontext": text,
                    "subquestions": [{"text": got[s.find("text")]} for s in subs],
                    "shown_subanswers": [
                        html.escape(re.sub("<[^>]*>", "", got[s.find("answer/text")]), quote=False).replace(
                            "&amp;", "&"
                        )
                        for s in subs
                    ],
                }
            )
        elif kind == "cloze":
            body, subs = multianswer(text)
            assert all(s["weight"].isdigit() and s["type"] == "SHORTANSWER" for s in subs.values()), subs
            out.append({"qtype": "multianswer", "questiontext": body, "options": {"questions": subs}})
    return out


def test_moodle_reads_the_xml_as_exported(items):
    data = export(items, "moodle-xml", "t").data
    assert_same(views(items), cc.moodle_views(moodle_xml_questions(data)), cc.moodle_accepts)


def test_moodle_xml_cloze_weights_are_whole_numbers():
    item = {
        "id": "1",
        "type": "cloze",
        "topic": "T",
        "mode": "keyphrase",
        "text": "_____ a _____ b _____",
        "answer": [["x"], ["y"], ["z"]],
    }
    data = export([ExportItem(item, "n", 1, "G")], "moodle-xml", "t").data.decode()
    assert re.findall(r"\{(\d+):SHORTANSWER:", data) == ["1", "1", "1"]
    data = export([ExportItem(item, "n", 6, "G")], "moodle-xml", "t").data.decode()
    assert re.findall(r"\{(\d+):SHORTANSWER:", data) == ["2", "2", "2"] and "<defaultgrade>6</defaultgrade>" in data


# ---- GIFT: Moodle's importer steps for a short answer (question/format/gift/format.php) ----


def moodle_gift_answer(written: str) -> str:
    placeholders = {
        ":": "&&058;",
        "#": "&&035;",
        "=": "&&061;",
        "{": "&&123;",
        "}": "&&125;",
        "~": "&&126;",
        "n": "&&010",
    }
    s = written.replace("\\\\", "&&092;")
    for ch, p in placeholders.items():
        s = s.replace("\\" + ch, p)
    s = s.replace("&&092;", "\\")
    if re.match(r"^%\-*([0-9]{1,2})\.?([0-9]*)%", s):  # an answer weight
        s = s[1:][s[1:].index("%") + 1 :]
    s = s.split("#", 1)[0].strip()
    if s.startswith("[") and "]" in s and s[1 : s.index("]")] in ("moodle", "html", "plain", "markdown"):
        s = s[s.index("]") + 1 :]
    for ch, p in placeholders.items():
        s = s.replace(p, "\n" if ch == "n" else ch)
    return s.strip()


@pytest.mark.parametrize(
    "answer",
    ["Föhn ~ Wind", "Set {A}", "a::b", "%50% off", "[html] marker", "C:\\*", "\\n", "a\\#b", "#1 = 2"],
)
def test_gift_short_answers_reach_moodle_unchanged(answer):
    assert cc.moodle_accepts(answer, (moodle_gift_answer(short_answer(answer, "q")),))
    assert not cc.moodle_accepts(cc.WRONG, (moodle_gift_answer(short_answer(answer, "q")),))


def test_gift_refuses_an_arrow_in_a_short_answer():
    """'{=x -> y}' is a matching question to Moodle's GIFT importer and to gift-pegjs: no escape exists."""
    with pytest.raises(CannotCarry, match="'->'"):
        short_answer("x -> y", "q")


def test_gift_leaves_out_what_moodle_would_change_and_says_so(runner, tmp_path):
    item = {"id": "1", "type": "cloze", "topic": "T", "mode": "term", "text": "_____ x", "answer": [["a&&058;b"]]}
    out = export([ExportItem(item, "Q1", 1, "G")], "gift", "t")
    assert out.written == 0 and "Q1" in out.skipped[0] and "&&058;" in out.skipped[0]
    assert export([ExportItem(item, "Q1", 1, "G")], "moodle-xml", "t").written == 1  # XML can carry it
