"""The bundled bank: every seed topic, verbatim, in coherent sibling groups, loading without errors."""

from __future__ import annotations

import re

import pytest
from qg_data import SEED

from quizgen import lint_bank, load_bank
from quizgen.bank.load import bundled_bank_path

FIX = re.compile(r"#\s*(?:transcription|content) fix: (.+?) -> (.+?) \(")


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def seed_lines() -> list[str]:
    return [" ".join(ln[2:].split()) for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.startswith("- ")]


def marked_fixes() -> list[tuple[str, str]]:
    fixes = []
    for f in bundled_bank_path().glob("*.yaml"):
        fixes += FIX.findall(f.read_text(encoding="utf-8"))
    return fixes


def test_every_seed_topic_is_in_the_bank_verbatim(bank):
    lines = seed_lines()
    assert len(lines) == 248 and len(bank.topics) == 248
    fixes = marked_fixes()
    for t in bank.topics:
        definition = t.definition
        for original, fixed in fixes:
            definition = definition.replace(fixed, original)
        assert t.name + definition in lines or t.name + " " + definition in lines, t.name


def test_every_fix_is_marked(bank):
    glued = set(seed_lines())
    changed = [t for t in bank.topics if t.name + t.definition not in glued]
    assert len(changed) == len(marked_fixes())


def test_sibling_groups_have_a_useful_size(bank):
    assert 12 <= len(bank.categories) <= 25
    for c in bank.categories:  # 4 is enough for three-option questions ('Speech and audio models', kept
        assert 4 <= len(c.topics) <= 30, c.name  # apart since speech lures for image stems read as off-field)


def test_bundled_bank_has_no_lint_errors():
    assert [str(d) for d in lint_bank() if d.severity == "error"] == []


def test_acronyms_and_overlaps_are_curated(bank):
    with_aliases = [t for t in bank.topics if t.aliases]
    assert len(with_aliases) >= 100
    pairs = {frozenset((a, b)) for a, others in bank.overlap_map.items() for b in others}
    assert len(pairs) >= 20
    assert "GQA" in bank.topic("Grouped-Query Attention (GQA)").names
    assert "sparse mixture-of-experts (moe) layer" in bank.overlap_map["sparsely-gated mixture of experts (moe)"]
