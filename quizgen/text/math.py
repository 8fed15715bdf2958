"""Inline math spans written as \\( ... \\) in bank text.

Backslash pairs are read left to right, as TeX reads them: in `\\\\)` the first two characters are one
escape (a TeX line break), so the `)` does not close the math."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PAIR = re.compile(r"\\.", re.S)


@dataclass(frozen=True)
class Segment:
    text: str
    is_math: bool  # True: the inside of a \( ... \) span, delimiters excluded


def _delimiters(text: str) -> Iterator[tuple[int, str]]:
    """(position, '(' or ')') of every \\( and \\) that TeX would see."""
    for m in _PAIR.finditer(text):
        if m.group()[1] in "()":
            yield m.start(), m.group()[1]


def math_problems(text: str) -> list[str]:
    """Why the math in `text` is malformed (unbalanced delimiters or braces); empty when it is fine."""
    problems = []
    open_at = None
    for pos, kind in _delimiters(text):
        if kind == "(":
            if open_at is not None:
                problems.append(f"'\\(' at character {pos + 1} opens math inside math")
            open_at = pos + 2
        else:
            if open_at is None:
                problems.append(f"'\\)' at character {pos + 1} closes math that was never opened")
                continue
            inner = text[open_at:pos]
            if not _braces_balanced(inner):
                problems.append(f"unbalanced braces in math '\\({inner}\\)'")
            open_at = None
    if open_at is not None:
        problems.append(f"'\\(' at character {open_at - 1} is never closed with '\\)'")
    return problems


def _braces_balanced(s: str) -> bool:
    depth = 0
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2  # \{ and \} are literal braces
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def math_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every \\( ... \\) span including its delimiters."""
    spans, open_at = [], None
    for pos, kind in _delimiters(text):
        if kind == "(" and open_at is None:
            open_at = pos
        elif kind == ")" and open_at is not None:
            spans.append((open_at, pos + 2))
            open_at = None
    return spans


def segments(text: str) -> list[Segment]:
    """Split well-formed text into plain and math segments (call math_problems first)."""
    out: list[Segment] = []
    pos = 0
    for start, end in math_spans(text):
        if start > pos:
            out.append(Segment(text[pos:start], False))
        out.append(Segment(text[start + 2 : end - 2], True))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:], False))
    return out


def plain_text(text: str) -> str:
    """The text with math spans removed, for word-level analysis."""
    out, pos = [], 0
    for start, end in math_spans(text):
        out += [text[pos:start], " "]
        pos = end
    out.append(text[pos:])
    return "".join(out)
