"""Punctuation the tool itself adds follows the language's rules: in French a no-break space before ':' and
'«»' inside, a narrow one before ';', '?' and '!' (labels in the catalogs; 'Term : definition' statements and
'_____ : definition' blanks of a French bank). Bank text is printed as written."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from quizgen import i18n
from quizgen.bank import load_bank
from quizgen.cli import cli
from quizgen.items import ItemGenerator
from quizgen.model import TrueFalseItem, statement_parts

BANKS = Path(__file__).parent / "data" / "banks"
NBSP, NNBSP = "\u00a0", "\u202f"


def french_messages() -> list[str]:
    with i18n.catalog_files()["fr"].open("rb") as f:
        catalog = read_po(f)
    out = []
    for m in catalog:
        if m.id:
            out += list(m.string) if isinstance(m.string, tuple) else [m.string]
    return out


def test_french_catalog_spaces_its_punctuation():
    wrong = []
    for text in french_messages():
        text = re.sub(r"\{\w+\}", "x", text)
        if re.search(rf"[^{NBSP}](?<!\S:)(?<!\d):(?!//)", text) or re.search(rf"[^{NNBSP}][;?!]", text):
            wrong.append(text)
        if re.search(rf"«(?!{NBSP})|(?<!{NBSP})»", text):
            wrong.append(text)
    assert not wrong, wrong


@pytest.fixture(scope="module")
def generators():
    return {name: ItemGenerator(load_bank(BANKS / name)) for name in ("franceterme", "quimica", "chemistry")}


@pytest.mark.parametrize("name, colon", [("franceterme", NBSP + ": "), ("quimica", ": "), ("chemistry", ": ")])
def test_statements_and_blanks_put_the_languages_colon_after_the_term(generators, name, colon):
    gen = generators[name]
    statements, _ = gen.items("truefalse", 40, random.Random(1))
    parts = [statement_parts(i) for i in statements]
    assert sum(bool(term) for term, *_ in parts) >= 10
    assert all(c == colon for term, c, _ in parts if term)
    cloze, _ = gen.items("cloze", 40, random.Random(1), None)
    opening = [i.text for i in cloze if i.mode == "term" and i.text.startswith("_____")]
    assert opening and all(t.startswith("_____" + colon) or t[5] != ":" and t[6] != ":" for t in opening)
    assert any(t.startswith("_____" + colon) for t in opening)


def test_a_french_true_false_statement_prints_its_term_bold_with_the_french_colon(tmp_path):
    item = TrueFalseItem(
        "Porte quantique", "Informatique", "Porte quantique\u00a0: Dispositif qui …", "Porte quantique", True
    )
    assert statement_parts(item) == ("Porte quantique", NBSP + ": ", "Dispositif qui …")
    bank_text = TrueFalseItem("Osmose", "Cellule", "Osmose : passage de l’eau", "Osmose", True)  # as the bank wrote it
    assert statement_parts(bank_text) == ("Osmose", " : ", "passage de l’eau")
    spec = tmp_path / "exam.yaml"
    spec.write_text(
        f"title: Test\nbank: {BANKS / 'franceterme'}\nseed: 3\nlanguage: fr\n"
        "sections:\n  - {type: truefalse, count: 4, points: 1}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(out / "exam-A.pdf"), "-"], capture_output=True, text=True).stdout
    statements = text.split("Vrai ou faux")[-1]  # pdftotext gives the no-break space as a space
    assert re.search(rf"\w[ {NBSP}]: \w", statements) and not re.search(r"\w: \w|^\s*:", statements, re.M), text
