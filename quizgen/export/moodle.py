"""Moodle XML (quiz format): multichoice, matching, truefalse and cloze (multianswer); math stays \\( … \\)
for Moodle's MathJax filter; categories from the bank's groups."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from ..text.mask import BLANK
from . import ExportItem


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = value
    return el


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _cloze_answer(value: str) -> str:
    """Escape the characters that are syntax inside Moodle's {1:SHORTANSWER:…} answers."""
    for ch in '\\}#~/"':
        value = value.replace(ch, "\\" + ch)
    return value


def _question(quiz: ET.Element, kind: str, e: ExportItem, text: str) -> ET.Element:
    q = ET.SubElement(quiz, "question", {"type": kind})
    _text(q, "name", e.name, None)
    _text(q, "questiontext", text)
    _text(q, "generalfeedback", "")
    ET.SubElement(q, "defaultgrade").text = f"{e.points:g}"
    ET.SubElement(q, "penalty").text = "0"
    ET.SubElement(q, "hidden").text = "0"
    ET.SubElement(q, "idnumber").text = e.item["id"]
    return q


def moodle_xml(items: list[ExportItem], title: str) -> bytes:
    quiz = ET.Element("quiz")
    category = None
    for e in sorted(items, key=lambda e: e.category):  # stable: exam order within a category
        if e.category != category:
            category = e.category
            c = ET.SubElement(quiz, "question", {"type": "category"})
            _text(c, "category", f"$course$/top/quizgen/{category.replace('/', '-')}", None)
        it = e.item
        kind = it["type"]
        if kind == "mcq":
            q = _question(quiz, "multichoice", e, _html(it["stem"]))
            ET.SubElement(q, "single").text = "true"
            ET.SubElement(q, "shuffleanswers").text = "true"
            ET.SubElement(q, "answernumbering").text = "ABCD"
            for i, option in enumerate(it["options"]):
                a = _text(q, "answer", _html(option))
                a.set("fraction", "100" if i == it["answer"] else "0")
                _text(a, "feedback", "")
        elif kind == "truefalse":
            q = _question(quiz, "truefalse", e, _html(it["statement"]))
            for value in (True, False):
                a = _text(q, "answer", "true" if value else "false", "moodle_auto_format")
                a.set("fraction", "100" if it["answer"] == value else "0")
                _text(a, "feedback", "")
        elif kind == "matching":
            # definitions as the rows and terms in the drop-downs; the spare definition's term is an extra choice
            q = _question(quiz, "matching", e, "Match each definition with its term.")
            ET.SubElement(q, "shuffleanswers").text = "true"
            for premise, a_index in zip(it["premises"], it["answer"]):
                sub = _text(q, "subquestion", _html(it["responses"][a_index]))
                ET.SubElement(ET.SubElement(sub, "answer"), "text").text = premise
            used = set(it["answer"])
            for j, topic in enumerate(it["response_topics"]):
                if j not in used:
                    sub = _text(q, "subquestion", "")
                    ET.SubElement(ET.SubElement(sub, "answer"), "text").text = topic
        elif kind == "cloze":
            parts = _html(it["text"]).split(BLANK)
            body = [parts[0]]
            for accepted, rest in zip(it["answer"], parts[1:]):
                choices = "~".join(f"={_cloze_answer(a)}" for a in accepted)
                body.append(f"{{{e.points / len(it['answer']):g}:SHORTANSWER:{choices}}}{rest}")
            _question(quiz, "cloze", e, "".join(body))
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"
