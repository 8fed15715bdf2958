"""Glossaries kept in spreadsheets: CSV as Excel, LibreOffice and Google Sheets write it (',' or ';' or tab
between cells, a BOM, CRLF), TSV, and Quizlet's export (term<TAB>definition rows, optionally ';' between
rows). A header names the columns; a category column puts each row in its group."""

from __future__ import annotations

import csv
from collections import Counter

from ..errors import Diagnostic, ImportFormatError, Location
from ..userfile import csv_rows
from .imported import ImportedTopic, skipped

TERM_HEADERS = ("term", "name", "title", "word", "concept", "front", "question", "topic")
DEFINITION_HEADERS = ("definition", "meaning", "description", "back", "answer", "explanation", "gloss")
CATEGORY_HEADERS = ("category", "group", "section", "chapter", "unit", "set", "deck", "theme", "topic")
DELIMITERS = {",": "','", ";": "';' (Excel in many European locales)", "\t": "tab"}
SAMPLE_ROWS = 50


class _Dialect(csv.excel):
    pass


def dialect(delimiter: str) -> type[csv.Dialect]:
    return type("Sheet", (_Dialect,), {"delimiter": delimiter})


def columns(header: list[str]) -> dict[str, int] | None:
    """Column index of term, definition and (optional) category in a header row; None if it is not one."""
    names = [" ".join(h.split()).lower().strip("*: ") for h in header]

    def first(candidates, taken=()) -> int | None:
        return next((names.index(c) for c in candidates if c in names and names.index(c) not in taken), None)

    term = first(TERM_HEADERS)
    definition = first(DEFINITION_HEADERS, (term,))
    if term is None or definition is None:
        return None
    category = first(CATEGORY_HEADERS, (term, definition))
    return {"term": term, "definition": definition, "category": category}


def sniff(text: str) -> str:
    """The cell separator: the one that makes the first row a header, else the one giving the most rows of
    the same width (at least two cells)."""
    head = text[: 64 * 1024]
    best, best_score = ",", (-1, -1)
    for delim in DELIMITERS:
        rows = [r for _, r in csv_rows(head, dialect(delim))[:SAMPLE_ROWS]]
        if not rows:
            continue
        widths = Counter(len(r) for r in rows)
        width, count = widths.most_common(1)[0]
        score = (columns(rows[0]) is not None, count if width >= 2 else 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def parse_table(text: str, source: str, delimiter: str, notes: list[str]) -> tuple[list, list]:
    """Rows of a spreadsheet export: with a header (term, definition, optional category columns in any
    order), or without one as term, definition (Quizlet, a bare sheet)."""
    rows = csv_rows(text, dialect(delimiter), source=source)
    if not rows:
        raise ImportFormatError("the file is empty; nothing to import", Location(source))
    header = rows[0][1]
    cols = columns(header)
    headerless = cols is None
    if headerless:
        if sum(len(r) >= 2 for _, r in rows) < 0.8 * len(rows):
            raise ImportFormatError(
                f"the first row {header[:6]} is not a header naming a term column ({'/'.join(TERM_HEADERS)}) "
                f"and a definition column ({'/'.join(DEFINITION_HEADERS)}), and most rows do not have two cells; "
                "add such a header row",
                Location(source, rows[0][0]),
            )
        cols = {"term": 0, "definition": 1, "category": None}
        notes.append("no header row: the first column is read as terms, the second as definitions")
    else:
        rows = rows[1:]
        if cols["category"] is not None:
            notes.append(f"categories from the column '{header[cols['category']].strip()}'")
        unused = [h.strip() for i, h in enumerate(header) if h.strip() and i not in cols.values()]
        if unused:
            notes.append(f"column(s) not imported: {', '.join(unused)}")
    topics: list[ImportedTopic] = []
    diags: list[Diagnostic] = []
    for n, row in rows:
        if headerless:  # an unquoted separator inside a definition (Quizlet does not quote) belongs to it
            row = [row[0], delimiter.join(row[1:])]
        cells = [" ".join(c.split()) for c in row] + [""] * 3
        term, definition = cells[cols["term"]], cells[cols["definition"]]
        if not term or not definition:
            diags.append(skipped(source, n, "row has no term or no definition"))
            continue
        category = cells[cols["category"]] if cols["category"] is not None else ""
        topics.append(ImportedTopic(term, definition, n, category=category))
    return topics, diags
