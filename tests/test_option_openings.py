"""Term → definition options give the key away by how it opens or by a word of the name only it repeats
(blind reading 13): the only 'It …' among defining phrases, the only uncited line among 'Vincent (2011)
showed …', the only imperative ('Share the KV cache …'), or 'prefix' in the key beside 'prefill' in a lure."""

from __future__ import annotations

import random

import pytest
from qg_data import glossary_generator

from quizgen.distractors import GenerationError
from quizgen.items import ItemOptions
from quizgen.items.mcq import LONGEST_KEY, _opens_alone, _statement, _surface, echo_forms
from quizgen.text.describe import phrase_number

T2D = ItemOptions(direction="term-to-definition")

generator = glossary_generator


def t2d_items(gen, topics, seeds):
    """The term → definition items the topics yield, topic i with seed seeds[i] (a topic that yields none is
    passed over)."""
    for topic, seed in zip(topics, seeds):
        try:
            yield gen.item("mcq", topic, random.Random(seed), T2D)
        except GenerationError:
            continue


def test_how_an_option_opens():
    assert _surface("It explores complex posteriors faster.", "en") == "it"
    assert _surface("charged atom or molecule (contains unequal numbers of protons)", "en") == "phrase"  # (r45)
    assert _surface("They tokenise raw audio into codes.", "en") == "they"
    assert _surface("Vincent (2011) showed that the score …", "en") == "cited"
    assert _surface("Song et al. (2023) train a network …", "en") == "cited"
    assert _surface("Peebles & Xie (2022) replace the U-Net …", "en") == "cited"
    assert _surface("Share the KV cache across requests.", "en") == "imperative"
    assert _surface("Minimise a loss whose value is worst-case.", "en") == "imperative"
    for phrase in ("A generative model that …", "Court authorization to …", "volume of titrant …"):
        assert _surface(phrase, "en") == "phrase", phrase
    # reading 39: the one plural phrase, the one statement among phrases and the one phrase among statements
    assert _surface("Single models …", "en") == _surface("atoms that contain the same number …", "en") == "phrases"
    for statement in (
        "Any human subject in a research study must be cognizant of any risks.",
        "The complement of event A consists of all outcomes that are NOT in A.",
        "If two events are NOT independent, then we say that they are dependent.",
    ):
        assert _surface(statement, "en") == "sentence", statement
    for phrase in ("the likelihood that an event will occur given …", "a committee tasked with oversight of …"):
        assert _surface(phrase, "en") == "phrase", phrase


def test_an_option_opens_with_what_comes_before_a_semicolon_and_without_a_hidden_that():
    """Session 31, from the refusals of term-to-definition items: a defining phrase was read as a sentence (so the
    one option of its kind) for a verb after its semicolon, for 'what is', and for a relative clause without its
    'that'; and as plural for a word after its semicolon ('thin and curved bone; serves …'), as singular for an
    adjective before 'or' ('tangible or intangible resources …')."""
    for phrase in (
        "long chain of monosaccharides; may be branched or unbranched",  # biology, Polysaccharide
        "the central part of the planet; consists of higher density material",  # astronomy, Core
        "cultural notions about what is good, true, correct, appropriate, or beautiful",  # anthropology, Values
        "The money a company receives by providing services or selling goods to customers.",  # business, Revenue
    ):
        assert _surface(phrase, "en") in ("phrase", "phrases"), phrase
    assert phrase_number("thin and curved bone; serves as a point of attachment for muscles") == "sg"
    # and the head noun is the one after 'and'/'or': Assets, the one plural option among singular ones
    assert phrase_number("tangible or intangible resources owned or controlled by a company") == "pl"
    assert phrase_number("The knowledge, skills, and receptiveness to learning that an individual brings") == "sg"
    for statement in (  # a noun and an article with a comma or a capital letter between are no hidden 'that'
        "at the existing price, the quantity demanded exceeds the quantity supplied",
        "The complement of event A consists of all outcomes that are NOT in A.",
        "Ethics is a set of moral standards; it applies to everyone.",
    ):
        assert _surface(statement, "en") == "sentence", statement
    # a verb before a name's possessive: 'Compresses Maslow’s five need categories …' says what a theory does
    assert _surface(
        "Compresses Maslow’s five need categories into three: existence, relatedness, and growth.", "en"
    ) == ("predicate")


def test_a_plural_name_is_not_the_one_plural_phrase_among_its_options():
    """Reading 202: 'Factors in the work environment …' for Hygienes, the one plural phrase once 'Compresses Maslow’s
    …' was read as a plural noun and 'What a person is motivated to achieve' as a phrase."""
    gen = generator("organizational-behavior")
    for item in t2d_items(gen, [gen.bank.topic("Hygienes")] * 8, range(8)):
        shapes = [_surface(t, "en") for t in item.options]
        assert shapes.count(shapes[item.answer]) > 1 or len(set(shapes)) == len(shapes), item.options


def test_the_key_alone_of_its_opening_is_a_cue():
    assert _opens_alone("it", ["phrase", "phrase", "cited"])
    assert _opens_alone("phrase", ["cited", "cited", "cited"])
    assert not _opens_alone("it", ["it", "phrase", "phrase"])
    assert not _opens_alone("it", ["phrase", "cited", "imperative"])  # every option opens its own way


def test_a_name_word_is_neutralised_by_the_same_word_only():
    bank = generator("bundled").bank
    radix = bank.topic("Radix / Prefix-Cache Attention (SGLang)")
    assert "prefix" in echo_forms("Share the KV cache across requests with a common prompt prefix.", radix)
    assert "prefix" not in echo_forms("It breaks the long prefill of a prompt into chunks.", radix)
    muon = bank.topic("Muon Optimizer")
    assert echo_forms("It is an optimizer for matrix-valued parameters.", muon) == {"optimizer"}
    assert echo_forms("the motivation for reparameterisation-invariant optimisation.", muon) == {"optimization"}
    assert echo_forms("Optimizers that …", muon) == {"optimizer"}  # a plural is the same word


@pytest.mark.parametrize("bank", ["bundled", "chemistry", "statistics"])
def test_no_key_opens_alone_or_alone_repeats_a_name_word(bank):
    gen = generator(bank)
    made = 0
    for item in t2d_items(gen, gen.bank.topics, range(len(gen.bank.topics))):
        made += 1
        key = gen.bank.topic(item.topic)
        shapes = [_surface(t, key.language) for t in item.options]
        lures = shapes[: item.answer] + shapes[item.answer + 1 :]
        assert not _opens_alone(shapes[item.answer], lures), item.options
        others = set().union(*(echo_forms(t, key) for i, t in enumerate(item.options) if i != item.answer))
        assert echo_forms(item.options[item.answer], key) <= others, item.options
    # (62 of 248 since a failure mode needs a lure of its kind, reading 30; 42 since every lure shares some subject
    # with the key, LURE_FLOOR, readings 31-38; 12 of 248 since no option opens its own way, readings 50-51)
    assert made > len(gen.bank.topics) / 25


def test_an_opening_on_part_of_the_name_becomes_it():
    bank = generator("bundled").bank
    from quizgen.text.describe import descriptions

    # 'A Gaussian process defines …' names Gaussian Process Regression only in part: no blank can take it, but
    # 'It defines …' describes it and names nothing
    first = descriptions(bank.topic("Gaussian Process Regression"))[0]
    assert first.text.startswith("It defines a distribution over functions") and first.as_option() == first.text
    they = descriptions(bank.topic("Model Stealing & Extraction Attacks"))[0]
    assert they.text.startswith("They recover a useful copy") and they.slot.number == "pl"


def test_a_clause_cut_at_its_semicolon_ends_like_a_sentence():
    law = generator("law").bank
    from quizgen.text.describe import descriptions

    assert descriptions(law.topic("Chief judge"))[0].text.endswith("administration of a court.")


def test_a_renamed_opening_agrees_with_the_name():
    bank = generator("bundled").bank
    from quizgen.text.describe import descriptions

    # 'A sparse representation is one where …' is no 'It is one where …' for a plural name
    texts = [d.text for d in descriptions(bank.topic("Sparse Representations in Deep Nets"))]
    assert not any(t.startswith("It is one where") for t in texts), texts


@pytest.mark.parametrize(
    "bank, name",
    [
        ("chemistry", "Isotopes"),  # 'atoms that contain …' among '… charged atom or molecule'
        ("law", "Pleadings"),  # 'Written statements filed …' among 'A written statement …'
        ("statistics", "Informed Consent"),  # 'Any human subject … must be …' among defining phrases
        ("statistics", "Conditional Probability"),  # 'the likelihood that …' among 'An outcome is in …'
    ],
)
def test_a_key_does_not_stand_out_by_number_or_by_being_a_statement(bank, name):
    """Reading 39 found each of these keys the one option of its shape; whenever the topic yields an item
    now, some wrong option has the key's shape."""
    gen = generator(bank)
    for item in t2d_items(gen, [gen.bank.topic(name)] * 6, range(6)):
        shapes = [(_statement(t), phrase_number(t)) for t in item.options]
        lures = shapes[: item.answer] + shapes[item.answer + 1 :]
        assert shapes[item.answer] in lures or len(set(lures)) == len(lures), item.options


def test_a_later_remark_is_no_description_of_the_key():
    """Reading 39: 'It is solved by natural-gradient + line search; …' (a later sentence of TRPO's definition,
    its 'It' the optimisation problem) was printed as what TRPO is: the key's own text avoided the name words
    of its first sentence and took the remark."""
    from quizgen.items.mcq import option_text

    gen = generator("bundled")
    for name in ("Trust Region Policy Optimization (TRPO)", "Generalized Advantage Estimation (GAE)"):
        topic = gen.bank.topic(name)
        for form in (None, "clause", "np"):
            text = option_text(gen.index, topic, topic, form) or ""
            assert not text.startswith(("It is solved by", "It is widely used because")), text


@pytest.mark.parametrize("bank", ["chemistry", "law", "statistics"])
def test_the_key_is_never_far_longer_or_shorter_than_every_wrong_option(bank):
    """Readings 31-41: 3 of 4 term-to-definition items whose key was twice as long as any other option were
    flawed ('inner transition metal in the top of the bottom two rows …' beside 'element in group 2'), and 4 of
    5 whose key was under 0.4 of the shortest; 51 of 366 of the rest."""
    gen = generator(bank)
    made = 0
    for item in t2d_items(gen, gen.bank.topics, range(len(gen.bank.topics))):
        made += 1
        lengths = [len(o) for i, o in enumerate(item.options) if i != item.answer]
        key = len(item.options[item.answer])
        assert min(lengths) / LONGEST_KEY < key < LONGEST_KEY * max(lengths), item.options
    assert made > len(gen.bank.topics) / 8


def test_a_defining_phrase_is_said_of_it_among_clauses():
    """A key defined by a phrase stands among 'It is a …' lures as 'It is <the phrase>', not as a later sentence
    of results ('It scales to 14B+ parameters …', readings 60, 61, 66); a phrase with a verb of its own stays
    out ('A deeper theoretical view of RLHF treats …' would read 'It is a … treats')."""
    from quizgen import load_bank
    from quizgen.items import ItemGenerator
    from quizgen.items.mcq import option_text

    bank = load_bank(None)
    ix = ItemGenerator(bank).index
    rwkv = bank.topic("RWKV")
    assert option_text(ix, rwkv, rwkv, "clause", "sg").startswith("It is an RNN-Transformer hybrid")
    assert option_text(ix, rwkv, rwkv, "clause", "pl") != option_text(ix, rwkv, rwkv, "clause", "sg")
    for topic in bank.topics:
        text = option_text(ix, topic, topic, "clause", None) or ""
        assert not text.startswith("It is a deeper theoretical view"), text
        assert "et al., 20" not in text  # no option cites a paper: the one that does stands out (reading 67)
    # what a thing is and what it does open two ways: 'It produces … features that outperform …' is the one
    # results claim among 'It is a … method' (reading 67)
    assert _surface("It is a simplified LSTM variant designed to …", "en") == "it is"
    assert _surface("They are the numbers that separate …", "en") == "they are"
    assert _surface("It scales to 14B+ parameters …", "en") == "it"


def test_a_plural_subject_with_its_verb_is_a_sentence():
    """'Parties to a lawsuit resolve their dispute …' is a sentence: read as a plural phrase it hid 'Written
    statements …', the one plural option for Pleadings (readings 67-68)."""
    assert _surface("Parties to a lawsuit resolve their dispute without having a trial.", "en") == "sentence"
    assert _surface("Patterns of weight decay across layers", "en") == "phrases"  # a compound, not a verb
    assert _surface("Objects to a ruling", "en") == "phrases"
    assert _surface("Changes in value over time", "en") == "phrases"


@pytest.mark.parametrize("name", ["chemistry", "law"])
def test_no_mirrored_pair_of_wrong_descriptions(name):
    """Two lures the glossary sets against each other ('… absorbs heat' / '… releases heat') leave the key the
    odd one out: both are struck, nothing in the term picks between them (reading 69)."""
    from pathlib import Path

    from quizgen import load_bank
    from quizgen.items import ItemGenerator

    bank = load_bank(Path(__file__).parent / "data" / "banks" / name)
    gen = ItemGenerator(bank)
    items = list(t2d_items(gen, bank.topics, [1] * len(bank.topics)))
    for item in items:
        key = bank.topic(item.topic)
        lures = [bank.topic(n) for n in item.option_topics if n != key.name]
        for i, a in enumerate(lures):
            for b in lures[i + 1 :]:
                if gen.index.twins(a, b):
                    assert gen.index.twins(key, a) or gen.index.twins(key, b), (key.name, a.name, b.name)
    assert len(items) >= 20


def test_the_one_option_opening_on_an_article_loses_it():
    """'the large organ of the central nervous system …' among phrases without an article: the key was the one
    option beginning with 'the' (reading 76, anatomy); a sentence keeps its subject's article."""
    from quizgen.items.mcq import same_opening

    phrases = ("the large organ of the CNS", "single process of the neuron", "localized collection of cell bodies")
    assert same_opening(phrases, "en")[0] == "large organ of the CNS"
    assert same_opening(("A person called upon", "Legal advice", "In a civil case, the party"), "en")[0] == (
        "Person called upon"
    )
    alike = ("A rule that x", "A method for y", "Procedures used to z")
    assert same_opening(alike, "en") == alike  # most open on one: left as they are
    sentences = ("The complement of event A consists of all outcomes", "probability of an event", "count of outcomes")
    assert same_opening(sentences, "en") == sentences
    assert same_opening(phrases, "es") == phrases
