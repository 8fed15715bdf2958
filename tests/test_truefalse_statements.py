"""'Label: text' true/false statements take a defining phrase, never a sentence with a subject of its own
('Peebles & Xie (2022) replace …' is true of its own subject whatever label stands before it)."""

from __future__ import annotations

import pytest
from qg_data import cell_bank

from quizgen.distractors import DistractorIndex
from quizgen.items.truefalse import _usable, own_subject, statement


def index(defs: list[tuple[str, str]]) -> DistractorIndex:
    """The index of one group of (name, definition) topics."""
    return DistractorIndex(cell_bank(("c", defs)))


@pytest.mark.parametrize(
    "text",
    [
        "Dosovitskiy et al. (2020) showed that a pure Transformer applied to image patches matches CNNs",
        "Peebles & Xie (2022) replace the U-Net backbone of latent diffusion with a Transformer",
        # reading 35: an article before its own subject, and a cited subject whose verb is also a noun
        "An algorithm is uniformly \\( \\beta \\)-stable if replacing one training point changes its loss",
        "A neural architecture generalises better on a reasoning task when its structure aligns with the algorithm",
        "Song et al. (2023) train a neural network whose output is consistent along the trajectories",
        # reading 73: a lower-case clause about something else ('Theory: conclusions are drawn …')
        "conclusions are drawn from observations",
        "not all members of the population are equally likely to be selected",
    ],
)
def test_a_sentence_with_its_own_subject(text):
    assert own_subject(text)


@pytest.mark.parametrize(
    "text",
    [
        "A generative model that learns to reverse a fixed Gaussian corruption process",
        "A stack of flattened sacs that modifies, sorts and packages proteins",
        "The combination of gene versions an organism carries.",
        "Evidence presented orally by witnesses during trials",
        "Procedures used to obtain disclosure of evidence before trial.",
        "Invertible neural networks with tractable Jacobian determinant.",
        "element in group 17",
        "The deliberate construction of inputs that push a model toward incorrect behavior",
        "A set of rules and principles established by the United States Sentencing Commission",
        "A request by a litigant to a judge for a decision on an issue relating to the case.",
        "set of rules that are used to convey meaning through the use of a lexicon",
        "state marked by relatively low levels of physical activity that is distinct from periods of rest",
        # session 26: an -ing form after the head is a participle, never a verb of the sentence (these terms had no
        # true/false statement)
        "Index tracking the flow of capital, information, trade, and human resources",
        "System of decision-making in the brain that is quick and intuitive.",
        "Buying and selling of products using the Internet.",
        "Project involving survey of over 88,000 employees in IBM subsidiaries from 72 countries.",
        "Evidence indicating that a defendant did commit the crime.",
    ],
)
def test_a_defining_phrase(text):
    assert not own_subject(text)


def test_a_clause_whose_verb_shows_no_number_is_not_lent_to_another_name():
    defs = [
        ("Reasoning Models", "Reasoning models in the o1 style are language models that spend extra compute."),
        ("Tree Search", "Tree search explores a tree of partial solutions with a value estimate at each node."),
    ]
    ix = index(defs)
    reasoning, search = ix.bank.topics
    desc = ix.descriptions(reasoning)[0]
    assert desc.slot is not None and desc.slot.number is None  # 'in the o1 style' stands between name and verb
    assert statement(reasoning, desc) is not None  # its own name agrees, as the definition wrote it
    assert statement(search, desc) is None  # not 'Tree search in the o1 style are language models …'


def test_plurals_the_lemma_table_lists_as_lemmas():
    from quizgen.text.language import English

    assert English.is_plural_noun("Representations") and English.is_plural_noun("models")
    assert English.is_plural_noun("process") is False and English.is_plural_noun("analysis") is False
    assert English.is_plural_noun("statistics") is None  # a field (singular) or facts (plural)
    assert English.name_number("Sparse Representations in Deep Nets") == "pl"
    # the head is before any preposition ('Beyond'), and a bracket is an aside, not the end (reading 25)
    assert English.name_number("Vision-Language Contrastive Objectives Beyond CLIP") == "pl"
    assert English.name_number("Vision Transformer (ViT) Variants") == "pl"
    assert English.name_number("Vision Language Model (VLM)") == "sg"
    assert English.name_number("Evidence Lower Bound (ELBO) — Derivation") == "sg"
    assert English.name_number("Distributed Computing (ML Training)") == "sg"  # '-ing' is no plural (reading 28)


def test_false_statements_come_from_the_less_related_siblings_unless_hard():
    import random

    from quizgen import load_bank
    from quizgen.distractors import GenerationError
    from quizgen.items import ItemGenerator, ItemOptions

    gen = ItemGenerator(load_bank(None))
    closeness = {}
    for difficulty in ("medium", "hard"):
        sims = []
        for seed, topic in enumerate(gen.bank.topics):
            try:
                item = gen.item(
                    "truefalse", topic, random.Random(seed), ItemOptions(difficulty=difficulty, truth=False)
                )
            except GenerationError:
                continue
            sims.append(float(gen.index.relatedness(topic, [gen.bank.topic(item.shown_topic)])[0]))
        closeness[difficulty] = sum(sims) / len(sims)
    assert closeness["hard"] > closeness["medium"] + 0.1, closeness


def test_a_false_statement_is_not_false_by_kind_alone():
    """'Cardiac muscle: ability to lengthen' — a thing said to be an ability, or an ability a thing: nobody believes
    it, so it tests nothing (readings 71 and 76). A protein gets another thing's definition, or no false statement."""
    import random

    from qg_data import CELL

    from quizgen.distractors import GenerationError
    from quizgen.items import ItemGenerator, ItemOptions
    from quizgen.items.mcq import material

    bank = cell_bank(("Cell", [row for row in CELL if row[0] != "Endocytosis"]))
    gen = ItemGenerator(bank)
    assert material(gen.index, bank.topic("Glycoprotein")) is True
    assert material(gen.index, bank.topic("Diffusion")) is False
    lent = set()
    for seed in range(20):
        try:
            item = gen.item("truefalse", bank.topic("Glycoprotein"), random.Random(seed), ItemOptions(truth=False))
        except GenerationError:
            continue
        lent.add(item.shown_topic)
    assert not lent & {"Diffusion", "Integration"}, lent


def test_a_phrase_opening_on_a_verb_of_another_number_makes_no_statement():
    """'Content motivation theories: Occurs when a person …' gave the False key away by grammar (reading 118);
    the name's own phrase is held to the same test, so a mismatch never tells which way a statement goes."""
    defs = [
        ("Content theories", "Theories that explain what needs motivate people at work."),
        ("Expectancy", "Occurs when a person believes that effort will lead to performance."),
        ("Need theory", "Refers to a theory that people act to satisfy unmet needs."),
    ]
    ix = index(defs)
    content, expectancy, need = ix.bank.topics
    occurs = ix.descriptions(expectancy)[0]
    assert statement(content, occurs) is None  # plural name, singular verb
    assert statement(need, occurs) is not None  # singular name: 'Need theory: Occurs when …' reads
    assert statement(content, ix.descriptions(content)[0]) is not None  # a noun opens its own phrase


def test_a_phrase_opening_on_its_owner_s_surname_is_not_lent():
    """'Sun Tzu: Weber developed the idea …' named someone else and gave the False key away (reading 119)."""
    defs = [
        ("Max Weber", "Weber developed the idea that organizations should be formalized and legalistic."),
        ("Henri Fayol", "Fayol’s administrative theory was the first general statement on management theory."),
        ("Sun Tzu", "Sun Tzu developed subdivisions and rankings of authority between units."),
        ("Motion studies", "Film studies of work that record each motion of a worker."),
    ]
    ix = index(defs)
    weber, fayol, sun, motion = ix.bank.topics
    assert _usable(ix, sun, weber) is None and _usable(ix, sun, fayol) is None
    assert _usable(ix, sun, motion) is not None  # a phrase naming nobody is lent as before


def test_a_name_inside_a_phrase_is_no_statement_and_keeps_the_text_s_case():
    """'A broad term that covers … organic Organizational structures.' said nothing of its term and was only ever
    true (reading 120); a clause fills its slot in the case the text writes it ('The heat energy of …', not 'The
    Heat energy of …')."""
    defs = [
        (
            "Organizational structures",
            "A broad term that covers both mechanistic and organic organizational structures.",
        ),
        ("Heat energy", "The heat energy of a system is the total bond energy of its reactants or products."),
    ]
    ix = index(defs)
    structures, heat = ix.bank.topics
    assert statement(structures, ix.descriptions(structures)[0]) is None
    assert statement(heat, ix.descriptions(heat)[0]).startswith("The heat energy of a system is")


def test_a_sentence_about_its_owner_s_deeds_makes_no_statement():
    """'Italian Renaissance: Their major contribution was motion studies.' (the Gilbreths' sentence) had no referent
    for 'Their' and was false on its face (reading 132); the owner's own statement neither, so it tells nothing."""
    ix = index(
        [
            ("Frank and Lillian Gilbreth", "Their major contribution was motion studies."),
            ("Italian Renaissance", "A period of learning that had economic and business implications."),
        ]
    )
    their, period = (ix.descriptions(t)[0] for t in ix.bank.topics)
    gilbreths, renaissance = ix.bank.topics
    assert statement(renaissance, their) is None and statement(gilbreths, their) is None
    assert statement(gilbreths, period) is not None


@pytest.mark.parametrize(
    "bank, name",
    [
        ("us-history", "Loyalists"),
        ("prealgebra", "Prime number"),
        ("nutrition", "Complex carbohydrates"),
        ("biology", "Glycoprotein"),
    ],
)
def test_a_term_whose_near_siblings_lend_nothing_borrows_from_its_chapter(bank, name):
    """Session 31: a term no sibling of its subject could lend a false statement to had no statement at all (252
    topics of the English banks); last, any sibling of its chapter that passes every other test lends one. Reading
    209-210 read the statements gained 65/70 fair, the false ones 31/32 (English)."""
    import random
    from pathlib import Path

    from quizgen import load_bank
    from quizgen.items import ItemGenerator, ItemOptions

    gen = ItemGenerator(load_bank(Path(__file__).parent / "data" / "banks" / bank))
    key = gen.bank.topic(name)
    for seed in range(4):
        item = gen.item("truefalse", key, random.Random(seed), ItemOptions(truth=False))
        assert item.answer is False and item.shown_topic != key.name
        assert gen.bank.topic(item.shown_topic).category == key.category, item.shown_topic


def test_a_statement_restating_its_name_is_no_true_statement_under_its_acronym_either():
    """Reading 209: 'Waist-to-hip ratio (WHR): the ratio of waist-to-hip circumferences', and 'WHR: …' after it, are
    true by their words alone (the bracketed acronym is no word a reader needs the statement to show)."""
    from pathlib import Path

    from quizgen import load_bank
    from quizgen.items import ItemGenerator

    gen = ItemGenerator(load_bank(Path(__file__).parent / "data" / "banks" / "nutrition"))
    key = gen.bank.topic("Waist-to-hip ratio (WHR)")
    for label, echo in ((None, False), (None, True), ("WHR", False)):
        assert _usable(gen.index, key, key, label=label, echo=echo) is None, label
