"""Inline math spans written as \\( ... \\) in bank text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DELIM = re.compile(r"\\\(|\\\)")


@dataclass(frozen=True)
class Segment:
    text: str
    is_math: bool  # True: the inside of a \( ... \) span, delimiters excluded


def math_problems(text: str) -> list[str]:
    """Why the math in `text` is malformed (unbalanced delimiters or braces); empty when it is fine."""
    problems = []
    open_at = None
    for m in _DELIM.finditer(text):
        if m.group() == "\\(":
            if open_at is not None:
                problems.append(f"'\\(' at character {m.start() + 1} opens math inside math")
            open_at = m.end()
        else:
            if open_at is None:
                problems.append(f"'\\)' at character {m.start() + 1} closes math that was never opened")
                continue
            inner = text[open_at : m.start()]
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


def segments(text: str) -> list[Segment]:
    """Split well-formed text into plain and math segments (call math_problems first)."""
    out: list[Segment] = []
    pos = 0
    for m in re.finditer(r"\\\((.*?)\\\)", text, flags=re.DOTALL):
        if m.start() > pos:
            out.append(Segment(text[pos : m.start()], False))
        out.append(Segment(m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append(Segment(text[pos:], False))
    return out


def math_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every \\( ... \\) span including its delimiters."""
    return [m.span() for m in re.finditer(r"\\\(.*?\\\)", text, flags=re.DOTALL)]


def plain_text(text: str) -> str:
    """The text with math spans removed, for word-level analysis."""
    return re.sub(r"\\\(.*?\\\)", " ", text, flags=re.DOTALL)
