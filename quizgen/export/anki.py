"""Anki packages with genanki: one sub-deck per category, basic and cloze notes, one shared note type per
kind with fixed ids, and GUIDs from content so that re-importing updates notes instead of duplicating them."""

from __future__ import annotations

import hashlib
import os
import tempfile

import genanki

from ..text.mask import BLANK
from . import ExportItem


def stable_id(*parts: str) -> int:
    """A positive 31-bit id from text (Anki ids must be stable across exports)."""
    return int(hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:8], 16) >> 1


BASIC = genanki.Model(
    stable_id("quizgen", "basic note type", "v1"),
    "quizgen basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Topic"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}],
    css=".card { font-family: sans-serif; font-size: 18px; text-align: left; }",
)
CLOZE = genanki.Model(
    stable_id("quizgen", "cloze note type", "v1"),
    "quizgen cloze",
    fields=[{"name": "Text"}, {"name": "Topic"}],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Topic}}"}],
    model_type=genanki.Model.CLOZE,
    css=".card { font-family: sans-serif; font-size: 18px; text-align: left; } .cloze { font-weight: bold; }",
)
LETTERS = "ABCDEFGHIJ"


def _notes(e: ExportItem) -> list[genanki.Note]:
    it = e.item
    topic = it["topic"]

    def basic(front: str, back: str, *key: str) -> genanki.Note:
        return genanki.Note(model=BASIC, fields=[front, back, topic], guid=genanki.guid_for("quizgen", *key))

    kind = it["type"]
    if kind == "mcq":
        options = "<br>".join(f"{LETTERS[i]}. {o}" for i, o in enumerate(it["options"]))
        answer = f"{LETTERS[it['answer']]}. {it['options'][it['answer']]}"
        return [basic(f"{it['stem']}<br><br>{options}", answer, "mcq", topic, it.get("direction", ""))]
    if kind == "truefalse":
        return [
            basic(
                f"True or false?<br>{it['statement']}",
                "True" if it["answer"] else "False",
                "tf",
                topic,
                it["shown_topic"],
            )
        ]
    if kind == "matching":
        return [basic(it["responses"][a], p, "pair", p) for p, a in zip(it["premises"], it["answer"])]
    text = it["text"]
    for n, accepted in enumerate(it["answer"], 1):
        text = text.replace(BLANK, f"{{{{c{n}::{accepted[0]}}}}}", 1)
    return [
        genanki.Note(
            model=CLOZE, fields=[text, topic], guid=genanki.guid_for("quizgen", "cloze", topic, it.get("mode", ""))
        )
    ]


def anki_package(items: list[ExportItem], title: str) -> bytes:
    decks: dict[str, genanki.Deck] = {}
    seen: set[str] = set()
    for e in items:
        name = f"quizgen::{e.category}"
        deck = decks.setdefault(name, genanki.Deck(stable_id("quizgen deck", e.category), name))
        for note in _notes(e):
            if note.guid not in seen:  # the same card from two variants is one note
                seen.add(note.guid)
                deck.add_note(note)
    package = genanki.Package([decks[k] for k in sorted(decks)])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "deck.apkg")
        package.write_to_file(path, timestamp=0)  # hermetic: no clock in the output
        with open(path, "rb") as f:
            return f.read()
