"""Anki packages with genanki: one sub-deck per category, basic and cloze notes, one shared note type per
kind with fixed ids, and GUIDs from what a note asks (topic and question kind) so that re-importing
updates notes instead of duplicating them.

Anki replaces a note on re-import only when the incoming note's `mod` is newer, so every note carries the
`modified` time the caller gives (never the clock). Fields are HTML with every brace and colon written as
a character reference: '}}' or '::' in an answer cannot end a cloze deletion early or start a hint, and
bank text such as {{c2::x}} cannot open a deletion of its own. '::' nests decks, so a group name's '::'
is written ': :'."""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import os
import re
import sqlite3
import tempfile
import zipfile
from functools import lru_cache

import genanki

from ..exam import LETTERS
from ..i18n import labels_or_english
from ..labels import LABELS
from ..text.mask import BLANK
from . import Exported, ExportItem


def stable_id(*parts: str) -> int:
    """A positive 31-bit id from text (Anki ids must be stable across exports)."""
    return int(hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:8], 16) >> 1


@lru_cache(maxsize=16)
def note_types(language: str) -> tuple[genanki.Model, genanki.Model]:
    """The basic and the cloze note type, their field and card names in `language` (what Anki's browser and
    editor show); English keeps the ids it always had, another language has ids of its own."""
    lab = labels_or_english(language)
    code = lab.catalog.code
    tag = () if code == "en" else (code,)

    def name(label: str) -> str:  # Anki refuses ':', '{', '}' and '"' in field names
        return re.sub(r'[:{}"]', "", lab(label)).strip() or LABELS[label]

    front, back, topic, text = (name(f"anki-{f}") for f in ("front", "back", "topic", "text"))
    basic = genanki.Model(
        stable_id("quizgen", "basic note type", "v1", *tag),
        "quizgen basic",
        fields=[{"name": front}, {"name": back}, {"name": topic}],
        templates=[
            {
                "name": name("anki-card"),
                "qfmt": f"{{{{{front}}}}}",
                "afmt": f"{{{{FrontSide}}}}<hr id=answer>{{{{{back}}}}}",
            }
        ],
        css=".card { font-family: sans-serif; font-size: 18px; text-align: left; }",
    )
    cloze = genanki.Model(
        stable_id("quizgen", "cloze note type", "v1", *tag),
        "quizgen cloze",
        fields=[{"name": text}, {"name": topic}],
        templates=[
            {
                "name": name("anki-cloze"),
                "qfmt": f"{{{{cloze:{text}}}}}",
                "afmt": f"{{{{cloze:{text}}}}}<br>{{{{{topic}}}}}",
            }
        ],
        model_type=genanki.Model.CLOZE,
        css=".card { font-family: sans-serif; font-size: 18px; text-align: left; } .cloze { font-weight: bold; }",
    )
    return basic, cloze


def _h(text: str) -> str:
    """Anki fields are HTML: bank text must show as text, and no brace or colon may be read as cloze syntax."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")


def deck_name(category: str) -> str:
    """The group's sub-deck; Anki reads '::' as nesting, so a group name's colons are kept apart."""
    return "quizgen::" + re.sub(r":(?=:)", ": ", " ".join(category.split()) or "(no group)")


def _notes(e: ExportItem) -> list[genanki.Note]:
    it = e.item
    raw_topic = it["topic"]
    basic_type, cloze_type = note_types(e.language)

    def basic(front: str, back: str, *key: str) -> genanki.Note:
        guid = genanki.guid_for("quizgen", *key)
        return genanki.Note(model=basic_type, fields=[front, back, _h(raw_topic)], guid=guid)

    kind = it["type"]
    if kind == "mcq":
        options = "<br>".join(f"{LETTERS[i]}. {_h(o)}" for i, o in enumerate(it["options"]))
        answer = f"{LETTERS[it['answer']]}. {_h(it['options'][it['answer']])}"
        return [basic(f"{_h(it['stem'])}<br><br>{options}", answer, "mcq", raw_topic, it.get("direction", ""))]
    if kind == "truefalse":
        verdict = _h(e.label("true" if it["answer"] else "false"))
        front = f"{_h(e.label('export-truefalse'))}<br>{_h(it['statement'])}"
        return [basic(front, verdict, "tf", raw_topic, it["shown_topic"])]
    if kind == "matching":
        return [basic(_h(it["responses"][a]), _h(p), "pair", p) for p, a in zip(it["premises"], it["answer"])]
    text = _h(it["text"])
    for n, accepted in enumerate(it["answer"], 1):
        text = text.replace(BLANK, f"{{{{c{n}::{_h(accepted[0])}}}}}", 1)
    guid = genanki.guid_for("quizgen", "cloze", raw_topic, it.get("mode", ""))
    return [genanki.Note(model=cloze_type, fields=[text, _h(raw_topic)], guid=guid)]


def anki_package(items: list[ExportItem], title: str, modified: int = 0) -> Exported:
    decks: dict[str, genanki.Deck] = {}
    seen: set[str] = set()
    for e in items:
        name = deck_name(e.category)
        deck = decks.setdefault(name, genanki.Deck(stable_id("quizgen deck", e.category), name))
        for note in _notes(e):
            if note.guid not in seen:  # the same card from two variants is one note
                seen.add(note.guid)
                deck.add_note(note)
    package = genanki.Package([decks[k] for k in sorted(decks)])
    # genanki's write_to_file stamps the zip with the clock and leaves its database in the system temp
    # folder; write the database ourselves and zip it with fixed dates instead
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "collection.anki2")
        conn = sqlite3.connect(path)
        package.write_to_db(conn.cursor(), modified, itertools.count(1))
        conn.commit()
        conn.close()
        with open(path, "rb") as f:
            db = f.read()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("collection.anki2", db), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return Exported(buf.getvalue(), len(seen))
