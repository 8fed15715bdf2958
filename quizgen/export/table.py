"""CSV: one row per item with every field (lists as JSON)."""

from __future__ import annotations

import csv
import io
import json

from ..csvsafe import inert_cell
from . import Exported, ExportItem

COLUMNS = [
    "name",
    "id",
    "type",
    "topic",
    "category",
    "points",
    "direction",
    "mode",
    "difficulty",
    "stem",
    "text",
    "statement",
    "options",
    "option_topics",
    "premises",
    "premise_topics",
    "responses",
    "response_topics",
    "word_bank",
    "shown_topic",
    "answer",
    "notes",
]


def items_csv(items: list[ExportItem], title: str) -> Exported:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in items:
        row = {**e.item, "name": e.name, "points": f"{e.points:g}", "category": e.category}
        writer.writerow(
            [
                inert_cell(v if isinstance(v := row.get(c, ""), str) else json.dumps(v, ensure_ascii=False))
                for c in COLUMNS
            ]
        )
    return Exported(buf.getvalue().encode("utf-8"), len(items))
