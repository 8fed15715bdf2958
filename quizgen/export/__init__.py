"""Exports over item JSON (from an exam.json or straight from a bank): Moodle XML, GIFT, QTI, Anki, CSV.
Each writer returns bytes plus notes about what it could not carry; the CLI decides where they go.
docs/exports.md says which real importer checks each format, and how."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from ..errors import QuizgenError

FORMATS = ("moodle-xml", "gift", "qti", "anki", "csv")


@dataclass(frozen=True)
class ExportItem:
    """One question to export: its item JSON (a multiple-choice lead-in already in the export's language), a
    display name, its points, its category and the language of what the export adds ('True or false?')."""

    item: dict
    name: str
    points: float
    category: str
    language: str = "en"

    def label(self, label: str, /, **values) -> str:
        from ..i18n import labels_or_english

        return labels_or_english(self.language)(label, **values)


def _in_language(item: dict, language: str) -> dict:
    if item.get("type") != "mcq":
        return item
    from ..i18n import labels_or_english, stem_text

    return {**item, "stem": stem_text(item["stem"], item["topic"], labels_or_english(language))}


@dataclass(frozen=True)
class Exported:
    """A written export: the file's bytes, how many questions it holds, and one note per question the format
    could not carry (named, with the reason) — those are left out rather than changed."""

    data: bytes
    written: int
    skipped: tuple[str, ...] = ()


class CannotCarry(QuizgenError):
    """The format has no way to write this text unchanged."""


def question_key(item: dict) -> str:
    """What makes two questions the same question: type, topic, direction/mode and content, with the option
    and premise order (which variants shuffle) left out. Same key, same id in every format."""
    kind = item["type"]
    if kind == "mcq":
        correct = item["options"][item["answer"]]
        content = [item.get("direction", ""), item["stem"], sorted(item["options"]), correct]
    elif kind == "matching":
        pairs = sorted(zip(item["premises"], (item["responses"][a] for a in item["answer"])))
        content = [pairs, sorted(item["responses"])]
    elif kind == "truefalse":
        content = [item["statement"], bool(item["answer"])]
    else:
        content = [item.get("mode", ""), item["text"], item["answer"]]
    payload = json.dumps([kind, item["topic"], content], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def distinct(items: list[ExportItem]) -> list[ExportItem]:
    """Each question once, in first-seen order (variants of one exam repeat the same questions shuffled)."""
    seen: dict[str, ExportItem] = {}
    for e in items:
        seen.setdefault(question_key(e.item), e)
    return list(seen.values())


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def check_text(e: ExportItem) -> None:
    """Refuse control characters (no XML or HTML format can hold them); the bank loader rejects them, so only
    a hand-edited exam.json gets here."""
    for value in _strings(e.item):
        if _NOT_XML.search(value):
            raise QuizgenError(f"question '{e.name}' holds a control character; remove it from the exam.json")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def question_name(q: dict, code: str | None = None, language: str = "en") -> str:
    """'A-03 Topic' for one variant's question; 'Topic (mcq, definition-to-term)' for a question of the exam,
    its kind in `language`."""
    from ..i18n import labels_or_english
    from ..labels import LABELS

    if code:
        return f"{code}-{q['number']:02d} {q['topic']}"
    detail = q.get("direction") or q.get("mode") or ""
    if q["type"] == "truefalse":
        detail = "true" if q.get("answer") is True else "false"
    lab = labels_or_english(language)
    for label in (f"export-kind-{q['type']}-{detail}", f"export-kind-{q['type']}"):
        if label in LABELS:
            return lab("export-name", topic=q["topic"], kind=lab(label))
    return q["topic"]  # a type the item schema does not know: no name of ours to add


def exam_items(record, variant: str | None = None) -> list[ExportItem]:
    """The questions of a built exam (an examfile.ExamRecord): every variant's, or one variant's."""
    if variant and variant not in record.variants:
        raise QuizgenError(f"no variant '{variant}' in {record.path}; it has {', '.join(record.variants)}")
    from ..spec import recorded_spec

    codes = [variant] if variant else list(record.variants)
    language = recorded_spec(record).language
    return [
        ExportItem(
            _in_language(q, language),
            question_name(q, variant, language),
            float(q["points"]),
            q.get("category") or record.title,
            language,
        )
        for code in codes
        for q in record.variants[code]
    ]


def bank_items(bank, kinds: list[str], count: int, rng, pool=None) -> list[ExportItem]:
    """`count` items of each kind generated from a bank, grouped by category."""
    from ..items import ItemGenerator

    gen, items = ItemGenerator(bank), []
    for kind in kinds:
        made, _ = gen.items(kind, count, rng, pool)
        for i in made:
            code = bank.topic(i.topic).language
            j = i.to_json()
            items.append(ExportItem(_in_language(j, code), question_name(j, None, code), 1.0, i.category, code))
    return sorted(items, key=lambda e: e.category)


def export(items: list[ExportItem], fmt: str, title: str, modified: int = 0) -> Exported:
    """Write `items` (each distinct question once) as `fmt`. `modified` (seconds since 1970) stamps Anki
    notes so that re-importing an edited deck updates them."""
    from . import anki, gift, moodle, qti, table

    items = distinct(items)
    for e in items:
        check_text(e)
    if fmt == "anki":
        return anki.anki_package(items, title, modified)
    writers = {"moodle-xml": moodle.moodle_xml, "gift": gift.gift_text, "qti": qti.qti_zip, "csv": table.items_csv}
    return writers[fmt](items, title)
