"""Names that join two things ('Causal Scrubbing & Mediation Analysis') are plural, and a heading among plain
names stands out (blind reading 55): no such key alone among its options, no such lure for '_____ is …'."""

from __future__ import annotations

import random
import re

import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.mcq import joined_alone, two_things
from quizgen.text.mask import BLANK


def test_two_things_joined_before_a_colon_are_plural():
    assert two_things("Causal Scrubbing & Mediation Analysis") and two_things("FlashAttention-2 and FlashAttention-3")
    assert not two_things("Meta-Learning: MAML & Reptile")  # a heading's list
    assert not two_things("Hamiltonian Monte Carlo (HMC)") and not two_things("Search (and rescue)")


def test_joined_alone():
    assert joined_alone("Natural Gradient & Fisher–Rao Geometry", ["Muon Optimizer", "Gradient Noise Scale"])
    assert joined_alone("Prompt Injection: Taxonomy & Defences", ["Jailbreaks", "Data Poisoning"])
    assert not joined_alone("Natural Gradient & Fisher–Rao Geometry", ["Shampoo & K-FAC Preconditioners", "Muon"])
    assert not joined_alone("Muon Optimizer", ["Natural Gradient & Fisher–Rao Geometry", "Gradient Noise Scale"])
    assert not joined_alone("Retrieval (RAG: retrieval and generation)", ["Grounding", "Toolformer"])  # an aside
    # a heading is one of a kind: a name of two things does not hide it (reading 56)
    assert joined_alone("Prompt Injection: Taxonomy & Defences", ["Jailbreaks", "Model Stealing & Extraction Attacks"])
    assert not joined_alone("Prompt Injection: Taxonomy & Defences", ["LLaVA: Visual Instruction Tuning", "A & B"])
    # the one plain name among joined ones (reading 61)
    assert joined_alone("Circuit Analysis", ["Causal Scrubbing & Mediation Analysis", "Representation Engineering & X"])
    assert not joined_alone("Circuit Analysis", ["Activation Patching", "Representation Engineering & X"])
    assert not joined_alone("Circuit Analysis", ["Causal Scrubbing & Mediation Analysis"])  # one other option


def _joins(name: str) -> set[str]:
    plain = re.sub(r"\([^()]*\)", " ", name)
    return {j for j, p in (("heading", r"\S:\s"), ("pair", r"\s(?:&|and|vs\.?|versus)\s")) if re.search(p, plain)}


@pytest.fixture(scope="module")
def made():
    bank = load_bank(None)
    gen = ItemGenerator(bank)
    out = []
    for kind, options in (("mcq", ItemOptions(direction="definition-to-term")), ("cloze", ItemOptions(mode="term"))):
        for topic in bank.topics:
            try:
                out.append(gen.item(kind, topic, random.Random(5), options))
            except GenerationError:
                pass
    return out


def test_no_heading_key_alone_among_plain_names(made):
    checked = 0
    for item in made:
        names = list(item.options) if item.type == "mcq" else list(item.word_bank)
        key = names[item.answer] if item.type == "mcq" else item.answer[0][0]
        for join in _joins(key):
            checked += 1
            assert any(join in _joins(n) for n in names if n != key), (join, names)
    assert checked >= 1  # the bundled bank has such keys that keep an item


def test_no_plural_joined_name_fills_a_singular_blank(made):
    checked = 0
    for item in made:
        text = item.stem if item.type == "mcq" else item.text
        if re.search(rf"{BLANK}\s+(?:is|has|was)\b", text):
            checked += 1
            names = list(item.options) if item.type == "mcq" else list(item.word_bank)
            two = [n for n in names if re.search(r"\s(?:&|and)\s", re.sub(r"\([^()]*\)", " ", n).split(":")[0])]
            assert not two, (text, two)  # 'FlashAttention-2 and FlashAttention-3 is …'
    assert checked >= 10


def test_no_name_stands_out_by_a_bracketed_aside_or_by_lacking_one():
    from quizgen.items.mcq import as_printed

    # reading 100 (pharmacology): 'Autonomy' the one option without an acronym; reading 97 (physics): 'Resultant
    # vector' the one entry not written 'X (of a vector)'
    assert as_printed(["Autonomy", "Protected health information (PHI)", "Adverse drug reaction (ADR)"]) == (
        "Autonomy",
        "Protected health information",
        "Adverse drug reaction",
    )
    assert as_printed(["Direction (of a vector)", "Head (of a vector)", "Magnitude (of a vector)", "Resultant vector"])[
        :3
    ] == ("Direction", "Head", "Magnitude")
    assert as_printed(["Molarity (M)", "Solute", "Solvent"]) == ("Molarity", "Solute", "Solvent")
    # kept where the asides tell names apart, or where two names go without one
    assert as_printed(["Lift", "Drag (fluid)", "Drag (race)"]) == ("Lift", "Drag (fluid)", "Drag (race)")
    assert as_printed(["Lift", "Thrust", "Drag (FD)", "Weight (FW)"]) == ("Lift", "Thrust", "Drag (FD)", "Weight (FW)")


def test_a_singular_defining_phrase_labels_no_blank_for_two_things():
    """'_____: Formal guarantee that …' for Differential Privacy & DP-SGD, whose definition goes on with 'DP-SGD
    achieves …': the phrase says what one part is (reading 154). A plural phrase may speak of both, and a name whose
    parts the definition never names alone is one thing."""
    from quizgen.model import Bank, Category, Topic

    g = "Privacy"
    pair = Topic(
        "Private Release & Clip-SGD",
        "Formal guarantee that a published output barely changes when one record is replaced. Clip-SGD adds noise.",
        g,
    )
    both = Topic(
        "Audit Games & Canary Tests",
        "Empirical protocols that probe how much a trained model leaks about its records. Canary tests plant secrets.",
        g,
    )
    one = Topic(
        "Truth and reconciliation commission",
        "Formal body that hears the testimony of victims and offenders after a civil conflict.",
        g,
    )
    others = [Topic(f"Mechanism {c}", f"Randomised mechanism {c} that releases a noisy count.", g) for c in "ABC"]
    gen = ItemGenerator(Bank((Category(g, (pair, both, one, *others)),)))
    with pytest.raises(GenerationError, match="joins two things, and the defining phrase"):
        gen.item("cloze", pair, random.Random(0), ItemOptions(mode="term", word_bank=False))
    for fine in (both, one):
        item = gen.item("cloze", fine, random.Random(0), ItemOptions(mode="term", word_bank=False))
        assert item.text.startswith("_____: "), item.text
