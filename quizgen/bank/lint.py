"""Warnings about a bank that loads: things a careful author would want to look at."""

from __future__ import annotations

import os
import re

from ..errors import Diagnostic
from ..model import Bank, Topic
from ..render.fonts import script, shaped_scripts
from ..text.describe import DOUBLED_WORDS, undeclared_names
from ..text.glyphs import missing, right_to_left
from ..text.language import language
from ..text.latexmath import GREEK
from ..text.math import plain_text, segments
from ..text.mentions import MentionIndex
from ..text.similarity import cosine, similar_pairs, tfidf_matrix
from .load import read_bank

NEAR_DUPLICATE = 0.5  # TF-IDF cosine above which two definitions may describe the same thing
OVERLAP_HINT = 0.25  # a definition naming a topic this close probably overlaps it
MIN_WORDS, MAX_WORDS = 8, 160
PAIRWISE_LIMIT = 20000  # above this many topics, near duplicates are looked for within categories only

MATH_COMMANDS = set(GREEK) | set(
    [
        "frac",
        "sqrt",
        "sum",
        "prod",
        "int",
        "log",
        "exp",
        "mathbb",
        "mathcal",
        "mathrm",
        "mathbf",
        "cdot",
        "times",
        "nabla",
        "partial",
        "infty",
        "leq",
        "geq",
        "approx",
        "sim",
        "mid",
        "in",
        "notin",
        "subset",
        "cup",
        "cap",
        "top",
        "hat",
        "tilde",
        "bar",
        "langle",
        "rangle",
        "quad",
    ]
)


def lint_bank(path: str | os.PathLike | None = None) -> list[Diagnostic]:
    """Errors (from loading) and warnings, sorted by file and line."""
    bank, diags = read_bank(path)
    if bank is not None and not any(d.severity == "error" for d in diags):
        diags = diags + bank_warnings(bank)
    return sorted(diags, key=lambda d: (d.location.file, d.location.line, d.location.column))


def bank_warnings(bank: Bank) -> list[Diagnostic]:
    topics = bank.topics
    matrix = tfidf_matrix([t.name + ". " + t.definition for t in topics]).to_scipy()
    row = {t.name: i for i, t in enumerate(topics)}
    out: list[Diagnostic] = []
    index = MentionIndex(topics)
    for t in topics:
        out.extend(_text_warnings(t))
        overlapping = bank.overlap_map[t.name.casefold()]
        for other in sorted(index.mentions(t.definition) - {t.name}):
            if other.casefold() in overlapping:
                continue
            sim = cosine(matrix, row[t.name], row[other])
            if bank.topic(other).category != t.category and sim < OVERLAP_HINT:
                continue  # naming a topic of another group is ordinary glossary prose
            hint = "; if its definition also fits, add it to 'overlaps'" if sim >= OVERLAP_HINT else ""
            out.append(_warn(t, f"definition of '{t.name}' names topic '{other}' (similarity {sim:.2f}){hint}"))
    for i, j, sim in _near_duplicates(bank, matrix, row):
        a, b = topics[i], topics[j]
        if b.name.casefold() not in bank.overlap_map[a.name.casefold()]:
            out.append(
                _warn(
                    b,
                    f"definitions of '{a.name}' and '{b.name}' are very similar ({sim:.2f}); "
                    "merge them, reword one, or list them as overlaps",
                )
            )
    return out


def _near_duplicates(bank: Bank, matrix, row):
    if len(bank.topics) <= PAIRWISE_LIMIT:
        return similar_pairs(matrix, NEAR_DUPLICATE)
    pairs = []
    for cat in bank.categories:
        idx = [row[t.name] for t in cat.topics]
        for i, j, sim in similar_pairs(matrix[idx], NEAR_DUPLICATE):
            pairs.append((idx[i], idx[j], sim))
    return pairs


def _warn(topic: Topic, message: str) -> Diagnostic:
    return Diagnostic(topic.location, "warning", message)


def _text_warnings(t: Topic) -> list[Diagnostic]:
    out = []
    text = " ".join((t.name, t.definition, *t.aliases))
    lacking = missing(text)
    shaped = shaped_scripts(text)
    for name in shaped:
        out.append(
            _warn(
                t,
                f"'{t.name}' has {name.title()} script, whose letters must be joined or reordered (shaping), which "
                "neither PDF engine does: it prints as separate letters, and right-to-left text in the wrong order",
            )
        )
    lacking = [c for c in lacking if script(c) not in shaped]
    if lacking:
        codes = ", ".join(f"'{c}' (U+{ord(c):04X}, {script(c).title() or 'unnamed'})" for c in lacking[:5])
        out.append(
            _warn(
                t,
                f"'{t.name}' uses {codes}, which the bundled PDF font cannot draw; it prints as [U+…] unless you "
                "give a TrueType font that has it: 'font: path/to/font.ttf' in the spec, or --font",
            )
        )
    if right_to_left(text):
        out.append(_warn(t, f"'{t.name}' has right-to-left text, which the PDF engines print left to right"))
    first = re.match(r"(\w+['’]|\w+(?=\s))", t.name)
    if first and first.group(1).casefold().replace("’", "'") in language(t.language).agreeing:
        out.append(
            _warn(
                t,
                f"'{t.name}' starts with '{first.group(1)}', which tells gender or number; items print names as "
                "options and answers beside names without one — drop it from the name",
            )
        )
    doubled = DOUBLED_WORDS.search(t.definition)
    if doubled:
        twice = doubled.group(0).strip()
        out.append(
            _warn(t, f"definition of '{t.name}' has '{twice}': a slip? Items skip that sentence until it is fixed")
        )
    for note in undeclared_names(t):
        out.append(
            _warn(
                t,
                f"definition of '{t.name}' gives another name, '{note}', that its aliases lack: questions leave the "
                "note out, and answers in that spelling count only if you list it under 'aliases'",
            )
        )
    words = len(plain_text(t.definition).split())
    if words < MIN_WORDS:
        out.append(_warn(t, f"definition of '{t.name}' is very short ({words} words); students need more to go on"))
    elif words > MAX_WORDS:
        out.append(_warn(t, f"definition of '{t.name}' is very long ({words} words); items will be hard to read"))
    for seg in segments(t.definition):
        if seg.is_math:
            for word in re.findall(r"(?<![\\A-Za-z])[A-Za-z]{2,}", seg.text):
                if word in MATH_COMMANDS:
                    out.append(
                        _warn(t, f"math in '{t.name}' has '{word}' without a backslash; did you mean '\\{word}'?")
                    )
        else:
            for cmd in re.findall(r"\\([A-Za-z]+)", seg.text):
                out.append(_warn(t, f"'\\{cmd}' in '{t.name}' is outside math; wrap it in \\( ... \\)"))
    return out
