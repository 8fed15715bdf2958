"""Twins a glossary tells apart are each other's best lure: near-equal names whose definitions contrast
('Endothermic' / 'Exothermic', 'Type I' / 'Type II'), definitions that differ in a number ('group 17' /
'group 16') or a negation ('produces ions' / 'does not produce ions'), and terms a definition only points to
('See also felony.')."""

from __future__ import annotations

import random

from qg_data import glossary_generator

from quizgen import load_bank
from quizgen.distractors import DistractorIndex
from quizgen.items import ItemOptions

D2T = ItemOptions(direction="definition-to-term")

generator = glossary_generator


def test_a_number_or_a_negation_is_a_contrast():
    c = DistractorIndex.contrasts
    assert c("element in group 17", "element in group 16")
    assert c(
        "substance that produces ions when dissolved in water",
        "substance that does not produce ions when dissolved in water",
    )
    assert not c("element in group 17", "element in group 17")
    assert not c("element in group 17", "horizontal row of the periodic table")  # no common frame


def test_near_equal_names_are_lures_when_their_definitions_contrast():
    for bank, key, twin in [
        ("chemistry", "Endothermic process", "Exothermic process"),
        ("statistics", "Type II Error", "Type I Error"),
        ("chemistry", "Nonelectrolyte", "Electrolyte"),
    ]:
        ix = generator(bank).index
        k, t = ix.bank.topic(key), ix.bank.topic(twin)
        assert not ix.names_clash(k, t), (key, twin)
        assert ix.unsafe(k, t, "") is None, (key, twin, ix.unsafe(k, t, ""))


def test_near_equal_names_still_clash_when_nothing_tells_them_apart(tmp_path):
    (tmp_path / "a.yaml").write_text(
        "category: Attention\ntopics:\n"
        "  - {name: FlashAttention, definition: an exact attention algorithm that tiles the computation to save memory}\n"
        "  - {name: FlashAttention-2, definition: a faster exact attention algorithm with better work partitioning}\n"
        "  - {name: Linear attention, definition: attention whose cost grows linearly with sequence length}\n"
    )
    ix = DistractorIndex(load_bank(tmp_path))
    assert ix.names_clash(ix.bank.topic("FlashAttention"), ix.bank.topic("FlashAttention-2"))


def test_a_cross_reference_does_not_keep_the_contrast_out():
    ix = generator("law").index
    assert not ix.names_in_definition("Misdemeanor", "Felony")  # 'See also felony.'
    assert ix.names_in_definition("Information", "Misdemeanor")  # '… committed a misdemeanor.' is said


def test_group_numbers_get_other_groups_as_lures():
    gen = generator("chemistry")
    bank = gen.index.bank
    families = {
        t.name
        for t in bank.category("The periodic table").topics
        if "group" in t.definition and t.definition.split()[-1].isdigit()
    }
    assert len(families) >= 5
    for name in sorted(families):
        for seed in range(3):
            item = gen.item("mcq", bank.topic(name), random.Random(seed), D2T)
            lures = set(item.option_topics) - {name}
            assert len(lures & families) >= 2, (name, item.options)


def test_a_participle_term_is_an_adjective_like_its_siblings():
    ix = generator("chemistry").index
    pos = {n: ix.part_of_speech(ix.bank.topic(n)) for n in ("Saturated", "Supersaturated", "Unsaturated", "Miscible")}
    assert set(pos.values()) == {"adj"}, pos


def test_a_head_noun_added_after_a_name_makes_a_thing_of_it_not_a_twin():
    """'Equilibrium price', 'the price where quantity demanded is equal to quantity supplied', also describes
    Equilibrium (reading 118), though the two definitions contrast (situation / price); a modifier before the
    name still makes a twin ('Specific heat capacity' / 'Heat capacity')."""
    ix = generator("economics").index
    assert ix.names_clash(ix.bank.topic("Equilibrium"), ix.bank.topic("Equilibrium price"))
    assert ix.unsafe(ix.bank.topic("Equilibrium"), ix.bank.topic("Equilibrium price"), "") is not None
    ix = generator("chemistry").index
    assert not ix.names_clash(ix.bank.topic("Heat capacity (C)"), ix.bank.topic("Specific heat capacity (c)"))


def test_names_that_swap_a_prefix_are_twins_whatever_their_definitions_say():
    """'Inductive' / 'Deductive reasoning' are built to be told apart (reading 121: the one reasoning term among a
    paper section and a kind of science); a spelling variant is one thing, not a twin."""
    from quizgen.distractors import _affixes_swapped

    ix = generator("psychology").index
    inductive, deductive = ix.bank.topic("Inductive reasoning"), ix.bank.topic("Deductive reasoning")
    assert not ix.names_clash(inductive, deductive)
    stem = ix.descriptions(inductive)[0].blanked()
    assert ix.unsafe(inductive, deductive, stem) is None
    for a, b in [("Hypertonic medium", "Hypotonic medium"), ("Endergonic", "Exergonic"), ("Unicameral", "Bicameral")]:
        assert _affixes_swapped(a, b), (a, b)
    for a, b in [
        ("Colour", "Color"),
        ("Organisation", "Organization"),
        ("Society", "Sociology"),
        ("Nutrients", "Nutrition"),
    ]:
        assert not _affixes_swapped(a, b), (a, b)


def test_biology_s_contrast_pairs_and_glosses():
    """Reading 121 on Biology 2e: 'form of logical thinking …' offered Inductive reasoning as the one reasoning
    term; '…; “water-hating”' spelled Hydrophobic out in three items."""
    ix = generator("biology").index
    for key, twin in [("Inductive reasoning", "Deductive reasoning"), ("Endergonic", "Exergonic")]:
        assert not ix.names_clash(ix.bank.topic(key), ix.bank.topic(twin)), (key, twin)
    for name in ("Hydrophobic", "Hydrophilic"):
        assert not any("“" in d.text or "water-" in d.text for d in ix.descriptions(ix.bank.topic(name)))
