"""CSV cells a spreadsheet cannot execute. Excel and LibreOffice evaluate a cell that starts with = + - @
(or a tab or carriage return before one); such text cells are written with a leading ' (the OWASP
rule), which spreadsheets show as plain text. Numbers such as -3 stay numbers. quizgen's own readers
(rosters, responses) remove the ' again, so files it writes read back to the same values."""

from __future__ import annotations

import csv
import io
import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def inert_cell(value: object) -> object:
    """`value`, with a ' in front when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """The value `inert_cell` was given (a cell quizgen wrote, read back)."""
    if value.startswith("'") and value[1:].startswith(TRIGGERS) and not _NUMBER.fullmatch(value[1:]):
        return value[1:]
    return value


def csv_bytes(rows: list[list]) -> bytes:
    """UTF-8 CSV with every cell inert."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([inert_cell(c) for c in row] for row in rows)
    return buf.getvalue().encode("utf-8")
