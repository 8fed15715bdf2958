"""No article or other agreeing word before a blank in other languages: 'la _____', 'l'_____', 'del _____' would
tell the answer's gender, number or first sound. At the start of a sentence the word goes with the name; in the
middle of one the sentence is not blanked. Names that start with such a word get a lint warning."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.bank.lint import bank_warnings
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.text.language import language
from quizgen.text.mask import BLANK

BANKS = Path(__file__).parent / "data" / "banks"
ES = """category: Termoquímica
language: es
topics:
  - name: Entalpía
    definition: La entalpía es una función de estado que suma la energía interna y el producto de presión y volumen.
      Los químicos miden la entalpía en julios.
  - name: Entropía
    definition: La entropía mide el grado de desorden de un sistema en equilibrio térmico. Un aumento de la entropía
      acompaña a los procesos espontáneos.
  - name: Calorímetro
    definition: Un calorímetro es un dispositivo que mide el calor absorbido o liberado en un proceso químico.
  - name: Trabajo
    definition: El trabajo es una transferencia de energía debida a una fuerza que actúa a lo largo de una distancia.
  - name: Calor
    definition: Se llama así a la transferencia de energía térmica del calor entre dos cuerpos a distinta temperatura.
"""
FR = """category: Thermochimie
language: fr
topics:
  - name: Enthalpie
    definition: L'enthalpie est une fonction d'état qui somme l'énergie interne et le produit de la pression et du
      volume. On mesure l'enthalpie en joules.
  - name: Entropie
    definition: L’entropie mesure le degré de désordre d'un système à l'équilibre thermique. Une hausse de
      l'entropie accompagne les processus spontanés.
  - name: Calorimètre
    definition: Le calorimètre est un appareil qui mesure la chaleur absorbée ou libérée par une réaction chimique.
  - name: Travail
    definition: Le travail est un transfert d'énergie dû à une force dont le point d'application se déplace.
  - name: Chaleur
    definition: Transfert d'énergie thermique entre deux corps de températures différentes, que mesure la chaleur
      massique.
"""
_BEFORE_BLANK = re.compile(r"(\w+['’]|\w+\s+)" + re.escape(BLANK))


def blank_texts(bank) -> list[str]:
    gen = ItemGenerator(bank)
    out = []
    for topic in bank.topics:
        for kind, options in (
            ("mcq", ItemOptions(direction="definition-to-term")),
            ("cloze", ItemOptions(mode="term")),
            ("truefalse", ItemOptions()),
        ):
            for seed in range(3):
                try:
                    item = gen.item(kind, topic, random.Random(seed), options)
                except GenerationError:
                    continue
                d = item.to_json()
                out += [d.get("stem", ""), d.get("text", ""), d.get("statement", ""), *d.get("options", [])]
    return [t for t in out if t]


def agreeing_before_blank(texts: list[str], code: str) -> list[str]:
    words = language(code).agreeing
    return [
        t for t in texts for m in _BEFORE_BLANK.finditer(t) if m.group(1).strip().casefold().replace("’", "'") in words
    ]


@pytest.mark.parametrize("code,text,opening", [("es", ES, f"{BLANK} es una función"), ("fr", FR, f"{BLANK} est une")])
def test_no_agreeing_word_before_a_blank(make_bank, code, text, opening):
    texts = blank_texts(load_bank(make_bank({"t.yaml": text})))
    assert agreeing_before_blank(texts, code) == []
    # the opening article went with the name ('La entalpía es' / "L'enthalpie est" -> '_____ es/est'), so the
    # rule was exercised, not dodged by never blanking
    assert any(opening in t for t in texts), texts
    # the mid-sentence mentions ('miden la entalpía', "mesure l'enthalpie") are never blanked
    assert not any(re.search(r"(miden|mesure|de|aumento)\s+\S*" + re.escape(BLANK), t) for t in texts)


@pytest.mark.parametrize("bank,code", [("quimica", "es"), ("franceterme", "fr")])
def test_bundled_glossaries_have_no_agreeing_word_before_a_blank(bank, code):
    b = load_bank(BANKS / bank)
    assert {t.language for t in b.topics} == {code}
    texts = blank_texts(b)
    assert any(BLANK in t for t in texts)
    assert agreeing_before_blank(texts, code) == []
    assert not [w for w in bank_warnings(b) if "tells gender or number" in w.message]


def test_a_name_with_an_article_gets_a_warning(make_bank):
    text = ES.replace("name: Trabajo", "name: El trabajo").replace("name: Calor\n", "name: L'calor\n")
    warnings = [w.message for w in bank_warnings(load_bank(make_bank({"t.yaml": text})))]
    assert any("'El trabajo' starts with 'El'" in w for w in warnings), warnings
    assert not any("Entalpía' starts with" in w for w in warnings)
