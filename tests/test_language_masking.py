"""Masking in other languages: a term's inflected forms (plural, gender, elision) are found by the bank
language's stemmer, so no inflected spelling of the answer is left standing in a stem."""

from __future__ import annotations

import pytest

from quizgen.model import Topic
from quizgen.text.describe import mentions
from quizgen.text.mask import BLANK, mask_topic


def topic(name: str, lang: str) -> Topic:
    return Topic(name, "definición", "Grupo", language=lang)


@pytest.mark.parametrize(
    "lang,name,text,left",
    [
        ("es", "Catalizador heterogéneo", "Los catalizadores heterogéneos aceleran la reacción.", "aceleran"),
        ("es", "Solución saturada", "Dos soluciones saturadas se mezclan.", "mezclan"),
        ("es", "Ácido conjugado", "la base y su ácida conjugada", "base"),  # gender: ácida/ácido
        ("es", "Base conjugada", "sus bases conjugadas reaccionan", "reaccionan"),
        ("fr", "Cellule souche", "Les cellules souches se divisent.", "divisent"),
        ("fr", "Gaz parfait", "deux gaz parfaits", "deux"),
        ("fr", "Corridor écologique nocturne", "des corridors écologiques nocturnes relient", "relient"),
        ("fr", "Espèce invasive", "une espèce invasive et des espèces invasives", "une"),
        ("fr", "Ramasseur bénévole", "les ramasseuses bénévoles", "les"),  # gender: -eur/-euse
        ("fr", "Enthalpie", "la variation de l’enthalpie", "variation"),
    ],
)
def test_inflected_forms_are_masked(lang, name, text, left):
    t = topic(name, lang)
    masked = mask_topic(text, t)
    assert BLANK in masked and left in masked
    rest = masked.replace(BLANK, " ")
    assert not mentions(rest, t), masked  # nothing of the name left to see
    assert mentions(text, t)


def test_other_words_are_not_masked():
    t = topic("Presión", "es")
    assert mask_topic("la temperatura y el volumen", t) == "la temperatura y el volumen"
    assert not mentions("prensa hidráulica", t)


def test_english_rules_stay_english():
    """An English topic is not matched by a Spanish stemmer: 'presiones' is no English inflection of 'Presión'."""
    en, es = topic("Presión", "en"), topic("Presión", "es")
    assert mask_topic("las presiones", es) == f"las {BLANK}"
    assert mask_topic("las presiones", en) == "las presiones"
