"""Reading the plain files a teacher hands over (rosters, responses, glossaries): UTF-8 checked, CSV rows
numbered by the line they start on, so every message can say where."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

from .bank.load import display_path
from .csvsafe import restore_cell
from .errors import Location, QuizgenError

MAX_BYTES = 256_000_000  # a roster, responses file, spec or glossary is far smaller


def read_bytes(path: str | os.PathLike, what: str, limit: int = MAX_BYTES) -> tuple[str, bytes]:
    """(name to show in messages, content) of a file the user named: a regular file (not a device or
    FIFO that never ends) of at most `limit` bytes."""
    p = Path(path)
    display = display_path(p)
    try:
        with os.fdopen(os.open(p, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:  # a FIFO must not block the open
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise QuizgenError(f"not a regular file; give the {what} file", Location(display))
            if st.st_size > limit:
                raise QuizgenError(
                    f"the {what} is over {limit // 1_000_000} MB; is it the right file?", Location(display)
                )
            return display, f.read(limit + 1)
    except OSError as e:
        raise QuizgenError(f"cannot read the {what}: {e.strerror}", Location(display)) from None


def read_text(path: str | os.PathLike, what: str) -> tuple[str, str]:
    """(name to show in messages, text) of a UTF-8 file (a BOM is allowed)."""
    display, data = read_bytes(path, what)
    try:
        return display, data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise QuizgenError(f"not valid UTF-8 at byte {e.start}; save the {what} as UTF-8", Location(display)) from None


def _controls(text: str) -> bool:
    """C0 (other than tab, line feed, carriage return, form feed) or C1 control characters."""
    return any((ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) <= 0x9F for c in text)


def read_any_text(path: str | os.PathLike, what: str, encoding: str | None = None) -> tuple[str, str, str]:
    """(name to show, text, notice) of a file as spreadsheets and editors save it: UTF-8 (with or without a
    BOM), UTF-16 with a BOM (Excel's 'Unicode text'), else Windows-1252 when that gives no control characters
    (the notice says so); `encoding` forces one. Otherwise an error at the first undecodable byte."""
    display, data = read_bytes(path, what)
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise QuizgenError(f"unknown --encoding '{encoding}' (try utf-8, cp1252, latin-1, mac-roman)") from None
        except UnicodeDecodeError as e:
            raise _undecodable(display, data, e.start, f"{encoding} (--encoding)", what) from None
        bad = next((i for i, c in enumerate(text) if _controls(c)), None)
        if bad is not None:
            line = text.count("\n", 0, bad) + 1
            column = bad - (text.rfind("\n", 0, bad) + 1) + 1
            raise QuizgenError(
                f"read as {encoding} this gives the control character U+{ord(text[bad]):04X}; the file is probably "
                "in another encoding: try another --encoding",
                Location(display, line, column),
            )
        return display, text, f"read as {encoding}"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return display, data.decode("utf-16"), "read as UTF-16 (it starts with a byte order mark)"
        except UnicodeDecodeError as e:
            raise _undecodable(display, data, e.start, "UTF-16", what) from None
    try:
        return display, data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _controls(text):
        return display, text, "not UTF-8: read as Windows-1252 (pass --encoding if another encoding is meant)"
    raise _undecodable(display, data, first_bad, "UTF-8 or as Windows-1252", what)


def _undecodable(display: str, data: bytes, pos: int, tried: str, what: str) -> QuizgenError:
    line = data.count(b"\n", 0, pos) + 1
    column = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return QuizgenError(
        f"byte 0x{data[pos]:02X} cannot be read as {tried}; save the {what} as UTF-8, or name its encoding "
        "with --encoding (e.g. --encoding latin-1, --encoding mac-roman)",
        Location(display, line, column),
    )


def csv_rows(text: str, dialect=csv.excel, restore: bool = False, source: str = "") -> list[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on (a quoted cell may span lines). `restore`: a file quizgen
    may have written (rosters, responses), whose cells a spreadsheet would run were written with a '."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    out, start = [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                out.append((start, [restore_cell(c) for c in row] if restore else row))
            start = reader.line_num + 1
    except csv.Error as e:
        why = str(e)
        if "field larger than field limit" in why:
            why = f"a cell is longer than {csv.field_size_limit():,} characters; shorten it"
        raise QuizgenError(f"cannot read this CSV line: {why}", Location(source or "<csv>", start)) from None
    return out
