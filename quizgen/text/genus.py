"""The kind of thing a definition says a term is, for languages whose definitions open with their head noun
('Dispositivo utilizado para …' -> dispositivo, 'Processus par lequel …' -> processus, 'Unité d'information …'
-> unité), and the classes of kinds a reader tells apart at a glance (a device among properties, an equation
among processes). English has its own tables in distractors.py; this is the equivalent for the others."""

from __future__ import annotations

import re
from functools import lru_cache

from .language import language

ADJECTIVE = "<adjective>"  # 'Relatif aux …', 'Que …', 'Se dit de …': the term is an adjective, not a noun
# Openers of a definition that make the term an adjective (one or two words, lower case).
_ADJECTIVE_OPENERS = {
    "es": "relativo relativa relativos relativas perteneciente pertenecientes propio propia que qué dícese "
    "se_dice se_aplica",
    "fr": "relatif relative relatifs relatives qualifie propre qui que se_dit se_rapporte caractérise",
}
# Nouns that only announce the real genus after 'de' ('Ensemble de nuisances' is a set of nuisances: the
# nuisances tell its kind, and 'Ensemble de cellules' is no kin of it).
_EMPTY_HEADS = {
    "es": "conjunto tipo clase forma parte serie grupo",
    "fr": "ensemble type forme sorte partie série groupe genre",
}
# Classes of kinds (as distractors.CLASSES for English): stems of genus words and of the leading head word of
# a name ('Ecuación de Arrhenius' is an equation, as 'relación matemática …' is not).
_CLASSES = {
    "es": {
        "<device>": "dispositivo instrumento aparato equipo herramienta máquina",
        "<quantity>": "cantidad medida magnitud valor número relación razón proporción cociente fracción "
        "porcentaje tasa velocidad constante concentración tiempo periodo",
        "<unit>": "unidad",
        "<property>": "propiedad característica",
        "<substance>": "sustancia compuesto molécula mezcla elemento ácido base enzima proteína especie",
        "<display>": "diagrama gráfico gráfica curva tabla mapa",
        "<process>": "proceso reacción conversión transformación transferencia movimiento formación",
        "<rule>": "ecuación ley principio teorema fórmula regla postulado expresión",
        "<method>": "método técnica procedimiento enfoque estrategia",
        "<discipline>": "disciplina ciencia estudio rama",
        "<person>": "persona profesional especialista experto voluntario",
    },
    "fr": {
        "<device>": "dispositif appareil instrument outil équipement machine",
        "<quantity>": "quantité mesure grandeur valeur nombre rapport taux proportion fraction pourcentage "
        "estimation indice indicateur temps durée période",
        "<unit>": "unité",
        "<property>": "propriété caractéristique",
        "<substance>": "substance composé molécule mélange élément acide base enzyme protéine espèce",
        "<display>": "diagramme graphique courbe tableau carte",
        "<process>": "processus réaction conversion transformation transfert mouvement formation phénomène",
        "<rule>": "équation loi principe théorème formule règle postulat",
        "<method>": "méthode technique procédé démarche approche stratégie",
        "<discipline>": "discipline science étude branche",
        "<person>": "personne professionnel spécialiste expert volontaire bénévole",
    },
}
_TOKENS = re.compile(r"\d+|[^\W\d_]+")
GENUS_WORDS = 6  # the head noun comes within the first few words, or the definition opens otherwise


@lru_cache(maxsize=64)
def _tables(code: str) -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    rules, lang = language(code), code.split("-")[0].casefold()
    openers = frozenset(w.replace("_", " ") for w in _ADJECTIVE_OPENERS.get(lang, "").split())
    empty = frozenset(_EMPTY_HEADS.get(lang, "").split())
    classes = {rules.stem(w): c for c, words in _CLASSES.get(lang, {}).items() for w in words.split()}
    return openers, empty, classes


def opening_genus(text: str, code: str) -> tuple[str | None, str]:
    """The stemmed head noun a definition opens with (articles skipped, 'ensemble de X' read as X), or
    ADJECTIVE, and the words up to it; (None, '') when it opens with a number, a symbol or a verb."""
    rules = language(code)
    openers, empty, _ = _tables(code)
    text = re.sub(r"^\s*\([^()]*\)\s*", "", text)  # '(bar o b) unidad de presión': an alias note first
    words = [w.casefold() for w in _TOKENS.findall(text[:200])]
    if not words or words[0].isdigit():
        return None, ""
    if words[0] in openers or " ".join(words[:2]) in openers:
        return ADJECTIVE, words[0]
    i = 0
    while i < min(len(words), GENUS_WORDS):
        w = words[i]
        if w.isdigit():
            return None, ""
        if len(w) < 2 or w in rules.articles or w in rules.stop_words:
            if i == 0 and w not in rules.articles:
                return None, ""  # 'Se refiere a …', 'En química, …': not a defining phrase
            i += 1
            continue
        if w in empty and i + 1 < len(words) and words[i + 1] in ("de", "d", "des", "du"):
            i += 2
            continue
        return rules.stem(w), " ".join(words[: i + 1])
    return None, ""


def has_kind_tables(code: str) -> bool:
    """Does the language have tables of kinds (so that a genus word says what kind of thing a term is)?"""
    return code.split("-")[0] in _CLASSES


def kind_class(stem: str | None, code: str) -> str | None:
    """The class a stemmed genus or head word belongs to in the language's table, else None."""
    if stem is None:
        return None
    return ADJECTIVE if stem == ADJECTIVE else _tables(code)[2].get(stem)
