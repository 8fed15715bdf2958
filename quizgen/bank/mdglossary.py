"""Markdown glossaries as editors write them: '**Term**: text', '- Term: text' bullets, '## Term' + paragraph,
definition lists ('Term' then ': text'), and headings or bold lines over two or more terms, which become
categories. One pass over the lines plus one backwards pass; string operations only (no backtracking)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import Diagnostic, Location
from .imported import ImportedTopic, skipped

BOLD_LEVEL = 7  # a bold line is a heading below every '#' level


@dataclass(frozen=True)
class Line:
    kind: str  # blank | heading | bold | bullet | definition | text
    text: str  # the line without its markup
    level: int = 0  # headings 1-6, bold lines BOLD_LEVEL
    term: str = ""  # a term given on the line itself ('**T**: d', '- T: d'); then text is its definition


def _heading(s: str) -> tuple[int, str] | None:
    level = len(s) - len(s.lstrip("#"))
    if not 1 <= level <= 6 or s[level : level + 1] not in (" ", "\t"):
        return None
    text = s[level:].strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):  # an optional closing '###'
        text = closed.rstrip()
    return level, text


def _bullet_body(s: str) -> str | None:
    if s[:1] in ("-", "*", "+") and s[1:2] in (" ", "\t"):
        return s[2:].strip()
    digits = len(s) - len(s.lstrip("0123456789"))
    if 0 < digits <= 3 and s[digits : digits + 1] in (".", ")") and s[digits + 1 : digits + 2] in (" ", "\t"):
        return s[digits + 2 :].strip()
    return None


def _bold(body: str) -> tuple[str, str] | None:
    """('Term', rest) of '**Term**: rest', '**Term:** rest', '**Term** — rest'."""
    if not body.startswith("**"):
        return None
    end = body.find("**", 2)
    if end <= 2:
        return None
    term = body[2:end].strip().rstrip(":").strip()
    rest = body[end + 2 :].strip()
    for sep in (":", "—", "–", "-"):
        if rest.startswith(sep):
            rest = rest[len(sep) :].strip()
            break
    return (term, rest) if term else None


def classify(raw: str, split_colon: Callable[[str], tuple[str, str] | None]) -> Line:
    s = raw.strip()
    if not s:
        return Line("blank", "")
    heading = _heading(s)
    if heading:
        return Line("heading", heading[1], heading[0])
    if s.startswith(":") and s[1:2] in (" ", "\t"):
        return Line("definition", s[2:].strip())
    body = _bullet_body(s)
    bold = _bold(body if body is not None else s)
    if bold and not bold[1] and body is None:
        return Line("bold", bold[0], BOLD_LEVEL)
    if bold:
        return Line("bullet" if body is not None else "text", bold[1], term=bold[0])
    if body is not None:
        pair = split_colon(body)
        return Line("bullet", pair[1], term=pair[0]) if pair else Line("bullet", body)
    return Line("text", s)


def parse_markdown(raw_lines: list[str], source: str, split_colon) -> tuple[list[ImportedTopic], list[Diagnostic]]:
    lines = [classify(ln, split_colon) for ln in raw_lines]
    n = len(lines)

    def is_entry(i: int) -> bool:
        """A line that starts a term of its own: '- T: d', '**T**: d', or a definition-list term."""
        ln = lines[i]
        if ln.term:
            return True
        return ln.kind == "text" and i + 1 < n and lines[i + 1].kind == "definition"

    # backwards: the next non-blank line, and how many terms (up to 2) stand before the next heading
    next_line, entries = [n] * (n + 1), [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        next_line[i] = i if lines[i].kind != "blank" else next_line[i + 1]
        if lines[i].kind in ("heading", "bold"):
            entries[i] = 0
        else:
            entries[i] = min(2, entries[i + 1] + is_entry(i))

    # a heading with deeper headings before the next one of its level is a title over them, never a term
    has_deeper, open_headings = [False] * n, []
    for i, ln in enumerate(lines):
        if ln.kind == "heading":
            while open_headings and lines[open_headings[-1]].level >= ln.level:
                open_headings.pop()
            for k in open_headings[-6:]:
                has_deeper[k] = True
            open_headings.append(i)

    def heads_category(i: int) -> bool:
        if has_deeper[i]:
            return True
        j = next_line[i + 1]
        if j >= n:
            return False
        if is_entry(j) and entries[j] >= 2:
            return True
        return lines[i].kind == "heading" and lines[j].kind == "heading" and lines[j].level > lines[i].level

    topics: list[ImportedTopic] = []
    diags: list[Diagnostic] = []
    scopes: list[list] = []  # open category headings: [level, name, line, topics so far]
    current: dict | None = None  # the topic whose definition is being collected

    def close() -> None:
        nonlocal current
        if current is not None:
            if current["parts"]:
                definition = " ".join(" ".join(current["parts"]).split())
                category = scopes[-1][1] if scopes else ""
                topics.append(ImportedTopic(current["term"], definition, current["line"], category=category))
                if scopes:
                    scopes[-1][3] += 1
            else:
                diags.append(skipped(source, current["line"], f"'{current['term']}' has no definition"))
        current = None

    def end_scopes(level: int) -> None:
        while scopes and scopes[-1][0] >= level:
            _, name, line, count = scopes.pop()
            if not count:
                why = f"heading '{name}' holds no terms of its own; the headings under it became the categories"
                diags.append(Diagnostic(Location(source, line), "warning", why))

    for i, ln in enumerate(lines):
        num = i + 1
        if ln.kind == "blank":
            if current is not None and current["parts"]:
                close()
        elif ln.kind in ("heading", "bold"):
            close()
            end_scopes(ln.level)
            if heads_category(i):
                scopes.append([ln.level, ln.text, num, 0])
            else:
                current = {"term": ln.text, "line": num, "parts": [], "block": True}
        elif ln.kind == "text" and not ln.term and is_entry(i):
            close()
            current = {"term": ln.text, "line": num, "parts": [], "block": False}
        elif ln.term and not (current is not None and current["block"] and ln.kind == "bullet"):
            close()
            current = {"term": ln.term, "line": num, "parts": [ln.text] if ln.text else [], "block": False}
        elif ln.kind == "definition":
            if current is None:
                diags.append(skipped(source, num, "definition without a term line above it"))
            else:
                current["parts"].append(ln.text)
        elif current is not None:
            current["parts"].append(f"{ln.term}: {ln.text}" if ln.term else ln.text)
        else:
            hint = "start it with '**Term**:', '- Term: definition' or '## Term'"
            diags.append(skipped(source, num, f"text outside any term; {hint}"))
    close()
    end_scopes(0)
    return topics, diags
