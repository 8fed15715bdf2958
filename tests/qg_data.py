"""Test data shared by the test files (a plain module: conftest.py is not imported by name)."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "ml-topics.txt"  # a copy of shared/seeds/ml-topics.txt, the source of topics/


def yaml_text(s: str) -> str:
    return textwrap.dedent(s).lstrip("\n")


SMALL_BANK = {
    "moe.yaml": """
        category: Mixture of experts
        topics:
          - name: Switch Transformer
            definition: A sparse model that routes each token to exactly one expert per layer.
          - name: Top-k Routing
            definition: Sends each token to the k experts with the highest router scores.
            aliases: [top-k gating]
          - name: Expert Network
            definition: One of the feed-forward submodules inside a sparse layer that processes routed tokens.
        """,
    "attention.yaml": """
        category: Attention
        description: attention variants
        topics:
          - name: Grouped-Query Attention (GQA)
            definition: Shares key and value heads across groups of query heads to shrink the KV cache.
            overlaps: [Multi-Query Attention]
          - name: Multi-Query Attention
            definition: Uses one key and value head shared by all query heads, the extreme of sharing.
        """,
}


CLASS_SPEC = """\
title: Classroom test exam
seed: 5
variants: 2
sections:
  - type: mcq
    count: 8
  - type: cloze
    count: 3
    mode: term
    points: 2
  - type: matching
    sets: 1
    size: 4
  - type: truefalse
    count: 4
"""


@cache
def glossary_generator(name: str):
    """An ItemGenerator over the bundled bank ('bundled') or a glossary of tests/data/banks, built once per run."""
    from quizgen import load_bank
    from quizgen.items import ItemGenerator

    return ItemGenerator(load_bank(None if name == "bundled" else REPO / "tests" / "data" / "banks" / name))


# A cell-biology group (OpenStax-style defining phrases): proteins beside a membrane, a coating, a process and a
# function, and a blood group with two more proteins (kind rules, readings 71-78).
CELL = [
    ("Glycoprotein", "protein that has one or more carbohydrates attached"),
    ("Channel protein", "membrane-spanning protein that has an inner pore which allows the passage of ions"),
    ("Cell membrane", "membrane surrounding all animal cells, composed of a lipid bilayer"),
    ("Glycocalyx", "coating of sugar molecules that surrounds the cell membrane"),
    ("Diffusion", "movement of a substance from an area of higher concentration to one of lower concentration"),
    ("Integration", "nervous system function that combines sensory perceptions and higher cognitive functions"),
    ("Endocytosis", "import of material into the cell by formation of a membrane-bound vesicle"),
]
BLOOD = [
    ("Albumin", "most abundant plasma protein, accounting for most of the osmotic pressure of plasma"),
    ("Fibrinogen", "plasma protein produced in the liver and involved in blood clotting"),
    ("Hematocrit", "volume percentage of erythrocytes in a sample of centrifuged blood"),
]


def cell_bank(*groups: tuple[str, list]):
    """A bank of the given (name, [(term, definition)]) groups."""
    from quizgen.model import Bank, Category, Topic

    return Bank(tuple(Category(g, tuple(Topic(n, d, g) for n, d in rows)) for g, rows in groups))
