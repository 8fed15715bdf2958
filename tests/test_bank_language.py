"""The `language:` key of a bank file: a BCP 47 tag checked against the IANA registry, stored on every topic of
the file (its items follow that language's rules); a malformed or unknown tag is an error with file and line."""

from __future__ import annotations

import pytest

from quizgen import BankError, load_bank
from quizgen.bank.write import DraftCategory, DraftTopic, category_yaml
from quizgen.cli import cli

FILE = """category: Gases
language: {tag}
topics:
  - name: Presión
    definition: fuerza ejercida sobre un área determinada
  - name: Barómetro
    definition: instrumento utilizado para medir la presión atmosférica
"""
ENGLISH = """category: Units
topics:
  - name: Pascal
    definition: the SI unit of pressure
  - name: Torr
    definition: a unit of pressure, 1/760 of an atmosphere
"""


@pytest.mark.parametrize("tag", ["xx-invalid", "es_ES", "123", "e", "es-Lati-Lati"])
def test_an_invalid_tag_is_an_error_with_file_and_line(make_bank, tag):
    folder = make_bank({"gases.yaml": FILE.format(tag=tag)})
    with pytest.raises(BankError) as exc:
        load_bank(folder)
    messages = [str(d) for d in exc.value.diagnostics if d.severity == "error"]
    assert len(messages) == 1
    assert "gases.yaml:2:" in messages[0] and tag in messages[0] and "BCP 47" in messages[0]


def test_the_cli_reports_it_without_a_traceback(make_bank, runner):
    folder = make_bank({"gases.yaml": FILE.format(tag="xx-invalid")})
    result = runner.invoke(cli, ["check", "--bank", str(folder), "--count", "10"])
    assert result.exit_code != 0
    assert "gases.yaml:2:11" in result.output and "Traceback" not in result.output


def test_topics_carry_their_file_language_and_english_is_the_default(make_bank):
    folder = make_bank({"gases.yaml": FILE.format(tag="es-mx"), "units.yaml": ENGLISH})
    bank = load_bank(folder)
    assert {t.name: t.language for t in bank.topics} == {
        "Presión": "es-MX",  # stored in the registry's canonical case
        "Barómetro": "es-MX",
        "Pascal": "en",
        "Torr": "en",
    }


def test_a_rewritten_bank_file_keeps_its_language():
    text = category_yaml(DraftCategory("Gases", (DraftTopic("Presión", "fuerza por unidad de área"),), language="es"))
    assert "language: es\n" in text
    assert "language" not in category_yaml(DraftCategory("Units", (DraftTopic("Pascal", "unit of pressure"),)))


def test_the_terminal_listing_speaks_the_bank_language(runner):
    """`quizgen items --format text` words its lead-ins and 'Answer'/'True' in each bank file's language."""
    from pathlib import Path

    bank = Path(__file__).parent / "data" / "banks" / "franceterme"
    result = runner.invoke(
        cli, ["items", "--bank", str(bank), "--type", "truefalse", "--count", "3", "--format", "text"]
    )
    assert result.exit_code == 0
    assert "Réponse\u00a0: " in result.output and "Answer" not in result.output
    assert ("Vrai" in result.output or "Faux" in result.output) and "True" not in result.output
    mcq = runner.invoke(cli, ["items", "--bank", str(bank), "--type", "mcq", "--count", "2", "--format", "text"])
    assert "Which" not in mcq.output and "terme" in mcq.output
