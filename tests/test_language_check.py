"""`quizgen check` names, per bank language, the item rules and modes that are off for lack of data (key-phrase
cloze, pronoun slots, a/an, number agreement), and generation falls back to the safe choice for them."""

from __future__ import annotations

import json
import random

import pytest

from quizgen import load_bank
from quizgen.cli import cli
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.text.language import LANGUAGES, off_rules

ES = """category: Gases
language: {tag}
topics:
  - name: Barómetro
    definition: instrumento que mide la presión atmosférica mediante una columna de mercurio cerrada por arriba
  - name: Manómetro
    definition: instrumento que mide la presión de un gas atrapado en un recipiente con un tubo en forma de U
  - name: Efusión
    definition: paso de las moléculas de un gas a través de un orificio diminuto hacia una región de menor presión
  - name: Difusión
    definition: movimiento de las moléculas desde una región de concentración alta a otra de concentración baja
"""


def test_check_says_which_rules_are_off_for_which_language(make_bank, small_bank, runner):
    folder = make_bank(
        {"gases.yaml": ES.format(tag="es"), "attention.yaml": (small_bank / "attention.yaml").read_text()}
    )
    result = runner.invoke(cli, ["check", "--bank", str(folder), "--count", "20"])
    lines = [ln for ln in result.output.splitlines() if ln.startswith("language ")]
    english = sum(t.language == "en" for t in load_bank(folder).topics)
    assert lines == [
        f"language en ({english} topics): item rules and modes off: none",
        "language es (4 topics): item rules and modes off: a/an, keyphrase cloze, number agreement, pronoun slots",
    ], result.output
    data = json.loads(runner.invoke(cli, ["check", "--bank", str(folder), "--count", "20", "--format", "json"]).output)
    assert data["languages"]["es"] == {"topics": 4, "off": off_rules("es")}


def test_a_language_without_a_stemmer_has_every_optional_rule_off(make_bank, runner):
    result = runner.invoke(cli, ["check", "--bank", str(make_bank({"g.yaml": ES.format(tag="eu")})), "--count", "10"])
    assert "language eu (4 topics): item rules and modes off: a/an, keyphrase cloze" in result.output


@pytest.mark.parametrize("code", sorted(set(LANGUAGES) - {"en"}))
def test_keyphrase_cloze_is_skipped_and_term_cloze_is_made(make_bank, code):
    bank = load_bank(make_bank({"g.yaml": ES.format(tag=code)}))
    gen = ItemGenerator(bank)
    topic = bank.topics[0]
    with pytest.raises(GenerationError, match="key-phrase cloze is off"):
        gen.item("cloze", topic, random.Random(0), ItemOptions(mode="keyphrase"))
    drawn = gen.item("cloze", topic, random.Random(0), ItemOptions())  # either mode: falls back to the term
    assert drawn.mode == "term"
