"""Moodle XML (quiz format): multichoice, matching, truefalse and cloze (multianswer); math stays \\( … \\)
for Moodle's MathJax filter; one category per bank group.

Written for what Moodle's importer (question/format/xml, question/type/multianswer) actually does:
- its XML reader drops character data that is only whitespace, which splits around entities
  ("&lt;a&gt; &amp; b" loses the space), so every text goes in CDATA;
- names, categories and match choices are shown through format_string(), which strips tags: they are
  HTML-escaped like every HTML text;
- a cloze sub-question is found by the pattern {N:SHORTANSWER:…} with N digits only, so weights are
  whole numbers, and bank text's braces are written as character references so that no bank text can
  open a sub-question;
- an answer ends at the first ~ # } not preceded by \\ or &, is then entity-decoded and has only \\} and
  \\# unescaped, and is finally matched with * as a wildcard: `cloze_answer` inverts exactly that."""

from __future__ import annotations

import html

from ..text.mask import BLANK
from . import Exported, ExportItem


def html_text(text: str) -> str:
    """Bank text as HTML that shows it literally, with no brace that Moodle's cloze parser could read."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _unescape_inverse(value: str, ch: str) -> str:
    """The string s with s.replace('\\' + ch, ch) == value: one more backslash before each `ch` that follows one."""
    out = []
    for i, c in enumerate(value):
        if c == ch and i and value[i - 1] == "\\":
            out.append("\\")
        out.append(c)
    return "".join(out)


def cloze_answer(value: str) -> str:
    """An accepted answer written so that Moodle stores and matches exactly `value`."""
    pattern = value.replace("*", "\\*")  # shortanswer: * is a wildcard, \\* a literal star
    decoded = _unescape_inverse(_unescape_inverse(pattern, "#"), "}")  # Moodle undoes \\} then \\#
    # every syntax character as a numeric reference: & itself too, since the answer regex will not end
    # an answer at a delimiter that follows '&amp;'
    specials = {"&": "&#38;", "<": "&#60;", ">": "&#62;", "\\": "&#92;", "~": "&#126;", "#": "&#35;"}
    specials |= {"{": "&#123;", "}": "&#125;", '"': "&#34;", "'": "&#39;"}
    return "".join(specials.get(c, c) for c in decoded)


def cloze_weights(points: float, blanks: int) -> int:
    """Moodle takes whole-number weights only; equal shares of the points when they are whole, else 1 each
    (the question's default mark is then the number of blanks: set its mark in the quiz)."""
    share = points / blanks
    return int(share) if share >= 1 and share == int(share) else 1


def category_path(name: str) -> str:
    """Moodle splits category paths at '/', and reads '//' as a slash in a name."""
    escaped = html.escape(name, quote=False).replace("/", "//")
    return "$course$/top/quizgen/" + (" " + escaped if escaped.startswith("/") else escaped)


class _Writer:
    def __init__(self) -> None:
        self.lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]

    def add(self, line: str, depth: int = 1) -> None:
        self.lines.append("  " * depth + line)

    def text(self, tag: str, value: str, depth: int, fmt: str | None = "html", attrs: str = "") -> None:
        fmt_attr = f' format="{fmt}"' if fmt else ""
        self.add(f"<{tag}{fmt_attr}{attrs}><text>{cdata(value)}</text></{tag}>", depth)

    def question(self, kind: str, e: ExportItem, text: str, points: float | None = None) -> None:
        self.add(f'<question type="{kind}">')
        self.text("name", html.escape(e.name, quote=False), 2, None)
        self.text("questiontext", text, 2)
        self.text("generalfeedback", "", 2)
        self.add(f"<defaultgrade>{e.points if points is None else points:g}</defaultgrade>", 2)
        self.add("<penalty>0</penalty>", 2)
        self.add("<hidden>0</hidden>", 2)
        self.add(f"<idnumber>{html.escape(str(e.item['id']))}</idnumber>", 2)

    def answer(self, fraction: int, value: str, fmt: str = "html") -> None:
        self.add(f'<answer fraction="{fraction}" format="{fmt}"><text>{cdata(value)}</text>', 2)
        self.add("<feedback><text></text></feedback></answer>", 3)


def moodle_xml(items: list[ExportItem], title: str) -> Exported:
    w = _Writer()
    category = None
    for e in sorted(items, key=lambda e: e.category):  # stable: exam order within a category
        if e.category != category:
            category = e.category
            w.add('<question type="category">')
            w.text("category", category_path(category), 2, None)
            w.add("</question>")
        it = e.item
        kind = it["type"]
        if kind == "mcq":
            w.question("multichoice", e, html_text(it["stem"]))
            w.add(
                "<single>true</single><shuffleanswers>true</shuffleanswers><answernumbering>ABCD</answernumbering>", 2
            )
            for i, option in enumerate(it["options"]):
                w.answer(100 if i == it["answer"] else 0, html_text(option))
        elif kind == "truefalse":
            w.question("truefalse", e, html_text(it["statement"]))
            for value in (True, False):
                w.answer(100 if bool(it["answer"]) == value else 0, "true" if value else "false", "moodle_auto_format")
        elif kind == "matching":
            # definitions as the rows and terms in the drop-downs; the spare definition's term is an extra choice
            w.question("matching", e, html_text(e.label("export-match-definitions")))
            w.add("<shuffleanswers>true</shuffleanswers>", 2)
            rows = [(it["responses"][a], premise) for premise, a in zip(it["premises"], it["answer"])]
            used = set(it["answer"])
            rows += [("", t) for j, t in enumerate(it["response_topics"]) if j not in used]
            for definition, term in rows:
                w.add('<subquestion format="html">', 2)
                w.add(f"<text>{cdata(html_text(definition))}</text>", 3)
                w.add(f"<answer><text>{cdata(html_text(term))}</text></answer>", 3)
                w.add("</subquestion>", 2)
        elif kind == "cloze":
            parts = it["text"].split(BLANK)
            weight = cloze_weights(e.points, len(it["answer"]))
            body = [html_text(parts[0])]
            for accepted, rest in zip(it["answer"], parts[1:]):
                choices = "~".join(f"={cloze_answer(a)}" for a in accepted)
                body.append(f"{{{weight}:SHORTANSWER:{choices}}}{html_text(rest)}")
            w.question("cloze", e, "".join(body), weight * len(it["answer"]))
        w.add("</question>")
    w.lines.append("</quiz>")
    return Exported(("\n".join(w.lines) + "\n").encode("utf-8"), len(items))
