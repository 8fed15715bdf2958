"""True/false statements about a term whose every sentence shows a word of its name ('Marketing dashboard:
summarizes important marketing metrics …'): they are made, the false ones drawn where possible from siblings whose
phrase shows such a word too (so a word of the name does not tell True), and none that restates the name."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.truefalse import _number_tells, _restates, _usable
from quizgen.model import Topic
from quizgen.text.describe import Description, name_stems, shares_stem, visible_words

BANKS = Path(__file__).parent / "data" / "banks"


def shows_name(text: str, topic: Topic) -> bool:
    return bool(shares_stem(visible_words(text.replace(topic.name, " ", 1)), name_stems(topic), topic.language))


@pytest.fixture(scope="module")
def marketing():
    return ItemGenerator(load_bank(BANKS / "marketing"))


def echoing_statements(gen: ItemGenerator, truth: bool) -> tuple[int, list]:
    """The terms of a bank whose every sentence shows a word of their name, and the statements made of them."""
    ix = gen.index
    echoing = [t for t in gen.bank.topics if _usable(ix, t, t) is None and _usable(ix, t, t, echo=True)]
    made = []
    for topic in echoing:
        try:
            made.append((topic, gen.item("truefalse", topic, random.Random(0), ItemOptions(truth=truth))))
        except GenerationError:
            continue
    return len(echoing), made


def test_a_term_whose_every_sentence_shows_its_name_gets_statements(marketing):
    """Every such term was left out of true/false before (marketing: 60 of 91 terms had a statement; now 77)."""
    echoing, made = echoing_statements(marketing, truth=True)
    assert echoing >= 10 and len(made) >= echoing // 2
    for topic, item in made:
        assert shows_name(item.statement, topic), item.statement


def test_their_false_statements_show_a_word_of_the_name_where_a_sibling_can(marketing):
    """Of such terms' false statements, those lent by a sibling whose phrase shows a word of the name: without the
    preference only where chance draws one."""
    _, made = echoing_statements(marketing, truth=False)
    shown = sum(shows_name(item.statement, topic) for topic, item in made)
    assert len(made) >= 5 and shown >= len(made) / 3, (shown, len(made))


@pytest.mark.parametrize(
    "name, text",
    [  # reading 125: true by their words alone
        ("Monarchy", "a form of government with a monarch at its head"),
        ("Encystment", "the process of forming a cyst"),
        ("Biomolecule", "a molecule that is part of living matter"),
        ("Line-and-staff organization", "An organizational structure that includes both line and staff positions."),
        # reading 185: every word of a name of several, opening on its head, however long the rest
        (
            "Geographic departmentalization",
            "Departmentalization that is based on the geographic segmentation of the organizational units.",
        ),
        ("Bond energy", "energy required to break a covalent bond in a gaseous substance"),
    ],
)
def test_a_statement_that_restates_the_name_says_nothing(name, text):
    topic = Topic(name, text, "c")
    assert _restates(Description(name, text, None, 1, len(text.split())), topic)


@pytest.mark.parametrize(
    "name, text",
    [
        ("Uniform circular motion", "the motion of an object in a circular path at constant speed"),  # not 'uniform'
        (
            "Hunter-gatherers",
            "people who survive by employing the strategies of hunting animals and gathering wild plants rather "
            "than by planting crops and raising livestock",
        ),
        # every word shown, not opening on the head: the opening says what it is in other words
        (
            "Celestial equator",
            "a great circle on the celestial sphere 90° from the celestial poles; where Earth’s equator",
        ),
    ],
)
def test_a_statement_that_says_more_than_its_name_is_kept(name, text):
    assert not _restates(Description(name, text, None, 1, len(text.split())), Topic(name, text, "c"))


@pytest.mark.parametrize(
    "bank, name, restated",
    [
        ("us-history", "Monarchy", "a form of government with a monarch at its head"),
        ("microbiology", "Encystment", "the process of forming a cyst"),
        ("microbiology", "Biomolecule", "a molecule that is part of living matter"),
        ("business", "Line-and-staff organization", "includes both line and staff positions"),
    ],
)
def test_the_restated_names_of_reading_125_get_no_such_statement(bank, name, restated):
    gen = ItemGenerator(load_bank(BANKS / bank))
    for seed in range(3):
        try:
            item = gen.item("truefalse", gen.bank.topic(name), random.Random(seed), ItemOptions(truth=True))
        except GenerationError:
            continue
        assert restated not in item.statement


@pytest.mark.parametrize(
    "bank, name, lender",
    [  # reading 127 (and 126): close siblings whose phrase shows a word of the name, lent for it, read arguable
        ("nutrition", "Pituitary gland", "Hypothalamus"),
        ("microbiology", "Enveloped virus", "Naked virus"),
        ("political-science", "Politics", "Political power"),
    ],
)
def test_a_phrase_is_not_lent_for_a_shared_word_by_a_sibling_too_close(bank, name, lender):
    gen = ItemGenerator(load_bank(BANKS / bank))
    seeds = ["126:" + name, "127:" + name, *range(5)]
    for seed in seeds:
        try:
            item = gen.item("truefalse", gen.bank.topic(name), random.Random(seed), ItemOptions(truth=False))
        except GenerationError:
            continue
        assert item.shown_topic != lender, seed


def test_a_term_is_called_by_its_acronym_alone_only_when_nothing_else_makes_a_statement():
    """'CL: the percent expression for the probability …' left a reader guessing which term was meant (reading 126):
    a sentence repeating a word of the name, under the full name, comes before the acronym alone."""
    gen = ItemGenerator(load_bank(BANKS / "statistics"))
    item = gen.item("truefalse", gen.bank.topic("Confidence Level (CL)"), random.Random(0), ItemOptions(truth=True))
    assert item.statement.startswith("Confidence Level (CL)"), item.statement


def test_a_false_statement_may_come_from_another_corner_of_a_grab_bag_chapter():
    """A chapter that mixes subjects (us-history's 'Creating new social orders: colonial societies, 1500–1700') keeps
    MCQ lures to the key's corner of it; a true/false statement may be lent from any corner, as false and as
    plainly about the field (reading 129: 86/89 fair, none struck for it). 'Wampum' had no statement before."""
    gen = ItemGenerator(load_bank(BANKS / "us-history"))
    ix = gen.index
    wampum = gen.bank.topic("Wampum")
    group = gen.bank.category(wampum.category).topics
    corner, chapter = (ix._order(wampum, group, frozenset(), mates)[1] for mates in (True, False))
    assert chapter > corner
    item = gen.item("truefalse", wampum, random.Random(0), ItemOptions(truth=False))
    assert item.shown_topic not in corner


@pytest.mark.parametrize(
    "bank, name, lender",
    [  # reading 131: false by their grammar, a name of one number and a phrase of the other (its 'Separatists: the
        # first English colony …' is let be: Separatists' own phrase, 'a faction of Puritans …', is singular too)
        ("us-history", "Hispaniola", "Privateers"),
        ("us-history", "Repartimiento", "Jesuits"),
        ("sociology", "Secondary groups", "Expressive function"),
    ],
)
def test_a_phrase_of_another_number_than_the_name_is_not_lent(bank, name, lender):
    gen = ItemGenerator(load_bank(BANKS / bank))
    ix = gen.index
    key, other = gen.bank.topic(name), gen.bank.topic(lender)
    own = _usable(ix, key, key) or _usable(ix, key, key, echo=True)
    lent = _usable(ix, key, other) or _usable(ix, key, other, echo=True)
    assert own is not None and lent is not None
    assert _number_tells(key, own[0], lent[0])
    for seed in range(6):
        try:
            item = gen.item("truefalse", key, random.Random(seed), ItemOptions(truth=False))
        except GenerationError:
            continue
        assert item.shown_topic != lender, seed


def test_a_phrase_of_the_number_the_term_s_own_phrase_has_is_lent():
    """A name whose own phrase differs in number from it ('Separatists: a group of …') may take a lent phrase that
    differs the same way, so a mismatch does not tell False."""
    text = "Puritans who wished to separate from the Church of England"
    own = Description("Separatists", "a group of Puritans who left the Church of England", None, 1, 9)
    lent = Description("Roanoke", "the first English colony in Virginia", None, 1, 6)
    key = Topic("Separatists", own.text, "c")
    assert _number_tells(key, Description("Separatists", text, None, 1, 10), lent)
    assert not _number_tells(key, own, lent)
