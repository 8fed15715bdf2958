"""Reading the plain files a teacher hands over (rosters, responses, glossaries): UTF-8 checked, CSV rows
numbered by the line they start on, so every message can say where."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .bank.load import display_path
from .errors import Location, QuizgenError


def read_text(path: str | os.PathLike, what: str) -> tuple[str, str]:
    """(name to show in messages, text) of a UTF-8 file (a BOM is allowed)."""
    p = Path(path)
    display = display_path(p)
    try:
        return display, p.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise QuizgenError(f"cannot read the {what}: {e.strerror}", Location(display)) from None
    except UnicodeDecodeError as e:
        raise QuizgenError(f"not valid UTF-8 at byte {e.start}; save the {what} as UTF-8", Location(display)) from None


def csv_rows(text: str, dialect=csv.excel) -> list[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text), dialect)
    out, start = [], 1
    for row in reader:
        if any(cell.strip() for cell in row):
            out.append((start, row))
        start = reader.line_num + 1
    return out
