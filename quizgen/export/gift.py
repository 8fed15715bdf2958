"""GIFT, Moodle's plain-text format: all four types, written for what Moodle's GIFT importer does with it.

Texts carry the [html] format marker and are HTML-escaped (Moodle imports GIFT text as HTML, so a bare
"<cloud>" would vanish), which also keeps '->' out of every answer; then GIFT's own \\ ~ = # { } : are
escaped. Short answers are plain text matched with * as a wildcard, so * is written \\*; an answer that
would start with % (an answer weight) or [ (a format marker) gets an explicit [plain] marker first.
Moodle's importer turns escapes into placeholders such as "&&058;" and back, so a short answer that holds
one of those placeholders literally cannot be written: that question is left out with a note."""

from __future__ import annotations

import html

from ..text.mask import BLANK
from . import CannotCarry, Exported, ExportItem

SPECIAL = "\\~=#{}:"
PLACEHOLDERS = ("&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010", "&&092;")


def escape(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch != "\r":
            out.append("\\" + ch if ch in SPECIAL else ch)
    return "".join(out)


def html_field(text: str) -> str:
    """Bank text for a field Moodle reads as HTML; a leading % or [ would be read as a weight or a format."""
    value = html.escape(text, quote=False)
    if value[:1] in ("%", "["):
        value = f"&#{ord(value[0])};" + value[1:]
    return escape(value)


def short_answer(value: str, where: str) -> str:
    for p in PLACEHOLDERS:
        if p in value:
            raise CannotCarry(f"{where}: Moodle's GIFT importer turns '{p}' in an answer into another character")
    if "->" in value:  # GIFT has no escape for it: '{=a -> b}' is read as a matching question
        raise CannotCarry(f"{where}: a GIFT short answer cannot hold '->' (Moodle would read a matching question)")
    written = escape(value.replace("*", "\\*"))
    return "[plain]" + written if value[:1] in ("%", "[") else written


def category_line(name: str) -> str:
    """Not unescaped by Moodle: HTML-escaped (names are shown as HTML) and '/' doubled (its path separator)."""
    path = html.escape(name, quote=False).replace("\\", "&#92;").replace("/", "//").replace("\n", " ")
    return f"$CATEGORY: $course$/quizgen/{' ' + path if path.startswith('/') else path}"


def _question(e: ExportItem) -> list[str]:
    it, name = e.item, f"::{html_field(e.name)}::[html]"
    kind = it["type"]
    if kind == "mcq":
        choices = " ".join(("=" if i == it["answer"] else "~") + html_field(o) for i, o in enumerate(it["options"]))
        return [f"{name}{html_field(it['stem'])} {{{choices}}}"]
    if kind == "truefalse":
        return [f"{name}{html_field(it['statement'])} {{{'T' if it['answer'] else 'F'}}}"]
    if kind == "matching":
        pairs = [(it["responses"][a], p) for p, a in zip(it["premises"], it["answer"])]
        pairs += [("", t) for j, t in enumerate(it["response_topics"]) if j not in set(it["answer"])]
        body = " ".join(f"={html_field(d)} -> {html_field(t)}" for d, t in pairs)
        return [f"{name}{html_field(e.label('export-match-definitions'))} {{{body}}}"]
    # GIFT has one blank per question: each blank becomes a question, the other blanks filled in
    parts = it["text"].split(BLANK)
    out = []
    for n, accepted in enumerate(it["answer"]):
        body = [html_field(parts[0]) or "<span></span>"]  # GIFT grammars want stem text before the {answer}
        for i, other in enumerate(it["answer"]):
            where = f"question '{e.name}', blank {i + 1}"
            filled = "{" + " ".join("=" + short_answer(a, where) for a in accepted) + "}" if i == n else None
            body.append((filled or html_field(other[0])) + html_field(parts[i + 1]))
        named = e.label("export-blank", name=e.name, n=n + 1) if len(it["answer"]) > 1 else e.name
        out.append(f"::{html_field(named)}::[html]" + "".join(body))
    return out


def gift_text(items: list[ExportItem], title: str) -> Exported:
    blocks = [f"// {title.replace(chr(10), ' ')} — exported by quizgen"]
    skipped, written = [], 0
    category = None
    for e in sorted(items, key=lambda e: e.category):  # stable: exam order within a category
        try:
            questions = _question(e)
        except CannotCarry as why:
            skipped.append(why.message)
            continue
        if e.category != category:
            category = e.category
            blocks.append(category_line(category))
        blocks += questions
        written += 1
    return Exported(("\n\n".join(blocks) + "\n").encode("utf-8"), written, tuple(skipped))
