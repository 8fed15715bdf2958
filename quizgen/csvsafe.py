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


def _evaluated(value: str) -> bool:
    """Whether a spreadsheet evaluates `value`, or would once the ' in front of it were removed."""
    rest = value.lstrip("'")
    return rest.startswith(TRIGGERS) and not _NUMBER.fullmatch(rest)


def inert_cell(value: object) -> object:
    """`value`, with a ' in front when it is text a spreadsheet would evaluate (or such text already
    behind a ', so that restore_cell gives back exactly `value`)."""
    return "'" + value if isinstance(value, str) and _evaluated(value) else value


def restore_cell(value: str) -> str:
    """The value `inert_cell` was given (a cell quizgen wrote, read back)."""
    return value[1:] if value.startswith("'") and _evaluated(value[1:]) else value


def csv_bytes(rows: list[list]) -> bytes:
    """UTF-8 CSV with every cell inert, lines ended by CRLF as RFC 4180 has it (so a cell holding a
    carriage return is quoted, and reads back whole)."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows([inert_cell(c) for c in row] for row in rows)
    return buf.getvalue().encode("utf-8")
