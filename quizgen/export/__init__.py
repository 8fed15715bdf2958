"""Exports over item JSON (from an exam.json or straight from a bank): Moodle XML, GIFT, QTI, Anki, CSV.
Each writer returns bytes; the CLI decides where they go."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("moodle-xml", "gift", "qti", "anki", "csv")


@dataclass(frozen=True)
class ExportItem:
    """One question to export: its item JSON, a display name, its points and its category."""

    item: dict
    name: str
    points: float
    category: str


def export(items: list[ExportItem], fmt: str, title: str) -> bytes:
    from . import anki, gift, moodle, qti, table

    writers = {
        "moodle-xml": moodle.moodle_xml,
        "gift": gift.gift_text,
        "qti": qti.qti_zip,
        "anki": anki.anki_package,
        "csv": table.items_csv,
    }
    return writers[fmt](items, title)
