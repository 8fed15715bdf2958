"""The convergence cue: lures drawn by closeness to the key alone leave the key the option that shares the most
words with all the others, and a test-wise student who picks that option beats chance. In Spanish and French
glossaries the key's place by shared words is drawn at random, as its place by length is; in English a lure
gives way where the key would be that option."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from quizgen import load_bank
from quizgen.quality import Checker, Report, content_words

BANKS = Path(__file__).parent / "data" / "banks"


@cache
def checker(name: str) -> Checker:
    return Checker(load_bank(BANKS / name))


def central_share(ch: Checker, items) -> float:
    """Share of items whose key shares, on average, the most content words with the other options."""
    hits = 0.0
    for item in items:
        code = ch.bank.topic(item.topic).language
        words = [content_words(o, code) for o in item.options]
        k = len(words)
        near = [
            np.mean([len(words[i] & words[j]) / (len(words[i] | words[j]) or 1) for j in range(k) if j != i])
            for i in range(k)
        ]
        best = [i for i, v in enumerate(near) if v == max(near)]
        hits += (item.answer in best) / len(best)
    return hits / len(items)


@pytest.mark.parametrize("bank", ["quimica", "franceterme"])
def test_the_key_is_not_the_option_nearest_all_the_others(bank):
    ch = checker(bank)
    items, _ = ch.gen.items("mcq", 500, random.Random(1))
    t2d = [i for i in items if i.direction == "term-to-definition"]
    assert len(t2d) > 200
    # drawn by closeness to the key alone, the key was the most central description in 39 % (es) and 42 % (fr) of these items
    assert central_share(ch, t2d) < 0.33
    report = Report()
    for item in items:
        report.mcq += 1
        ch._balance_and_solvers(item, report)
    assert abs(report.solver_hits["most_similar"] / report.mcq - 0.25) < 0.08  # was 0.36-0.38
    # the key is still the odd one out less often than by chance (all lures nearer each other than the key is
    # rarely possible), but no less often than before (0.14-0.16)
    assert report.solver_hits["odd_one_out"] / report.mcq > 0.14


def test_content_words_are_the_languages_own():
    assert content_words("velocidad de la reacción que se mide", "es") == {"veloc", "reaccion", "mid"}
    assert "que" in content_words("la velocidad que se mide")  # English rules: Spanish function words count
    assert content_words("une réaction dans laquelle les produits", "fr") == {"réaction", "laquel", "produit"}


@pytest.mark.parametrize("bank", ["statistics", "law"])
def test_an_english_key_is_not_the_centre_of_its_descriptions(bank):
    """Once every lure shares the key's subject, the right description was the one most alike the others in
    31 % (statistics) and 37 % (law) of term-to-definition items, and `check`'s 'most similar' solver beat
    chance by 14 and 11 points."""
    from quizgen.items import ItemOptions

    ch = checker(bank)
    items, _ = ch.gen.items("mcq", 500, random.Random(1), None, ItemOptions(direction="term-to-definition"))
    assert len(items) == 500
    chance = sum(1 / len(i.options) for i in items) / len(items)
    assert central_share(ch, items) - chance < 0.05  # (law without the swap: 0.38 against 0.27; 0.04 until options
    # had to open alike, readings 50-51, which leaves fewer sets to draw the key's standing from: statistics +4.1)
    report = Report()
    for item in items:
        report.mcq += 1
        report.chance += 1 / len(item.options)
        ch._balance_and_solvers(item, report)
    assert abs(report.solver_hits["most_similar"] - report.chance) / report.mcq <= 0.08
    # and the key is the odd one out, and the longest, about as often as a random option (law without the
    # drawn standing: 'odd one out' -15 points, the key never outside the cluster lures drawn by closeness make)
    assert abs(report.solver_hits["odd_one_out"] - report.chance) / report.mcq <= 0.08
    assert abs(report.solver_hits["longest"] - report.chance) / report.mcq <= 0.08


@pytest.mark.parametrize(
    "bank, name, word",
    [
        ("anatomy", "Alveolar pore", "alveolar"),  # '… between neighboring alveoli': Alveolar duct and Bronchiole
        ("intro-political-science", "Coalition government", "government"),  # one '… government' among offices
        ("political-science", "Full faith and credit clause", "clause"),
    ],
)
def test_a_name_word_the_stem_shows_is_carried_by_two_lures_where_the_group_has_them(bank, name, word):
    """Session 31: a lure carrying the name word the stem shows neutralises the word, but the key and that lure
    alone sharing it are a pair a test-wise student picks from (the key never the odd one out: 'odd one out' -8
    points over marketing's items). Where the group holds two such safe lures, both stand beside the key."""
    from quizgen.items import ItemGenerator, ItemOptions

    gen = ItemGenerator(load_bank(BANKS / bank))
    topic = gen.bank.topic(name)
    for seed in range(12):
        item = gen.item("mcq", topic, random.Random(seed), ItemOptions(direction="definition-to-term"))
        lures = [o for i, o in enumerate(item.options) if i != item.answer]
        assert sum(word in o.casefold() for o in lures) >= 2, item.options


@pytest.mark.parametrize(
    "bank, name, word",
    [
        ("population-health", "Unconscious permeability", "cultur"),  # three 'Cultural …' lures (readings 212, 214)
        ("quimica", "Oxiácido", "ácid"),  # 'Ácido diprótico', 'Ácido triprótico', '… ionización ácida (Ka)'
    ],
)
@pytest.mark.parametrize("item_type", ["mcq", "cloze"])
def test_three_lures_do_not_all_carry_a_name_word_the_key_lacks(bank, name, word, item_type):
    """Session 32: 'Cultural autobiography', 'Cultural genogram' and 'Cultural sensitivity' beside 'Unconscious
    permeability' leave the key the odd one out on sight. Where the group holds a safe lure without the word, one
    of the three gives way to it, among the options of a definition-to-term item and in a term blank's word bank."""
    from quizgen.items import ItemGenerator, ItemOptions

    gen = ItemGenerator(load_bank(BANKS / bank))
    topic = gen.bank.topic(name)
    options = ItemOptions(direction="definition-to-term") if item_type == "mcq" else ItemOptions(mode="term")
    for seed in range(12):
        item = gen.item(item_type, topic, random.Random(seed), options)
        shown = item.options if item_type == "mcq" else item.word_bank
        lures = [o for o in shown if o != topic.name and not topic.name.startswith(o)]
        assert len(lures) < 3 or not all(word in o.casefold() for o in lures), shown
