"""Glossary phrasing a reader sees at once: a note of another name set off inside a definition, a definition
opening with its verb ('grants the creator …', 'stem from changes …'), and a word built on the root of a negated
name ('competitor' for Noncompete agreement). Readings 166-167 (entrepreneurship, a field never seen)."""

from __future__ import annotations

import random
from pathlib import Path

from quizgen import load_bank
from quizgen.distractors import DistractorIndex, GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.model import Topic
from quizgen.text.describe import descriptions, phrase_number, shown_name_stems, verb_opening, without_alias_notes

BANKS = Path(__file__).parent / "data" / "banks"


def test_a_note_of_another_name_inside_a_definition_is_read_out():
    def read(definition):
        return without_alias_notes(Topic("T", definition, "c"))

    assert read("“pass-through” entity, also known as a small corporation, where owners pay") == (
        "“pass-through” entity, where owners pay"
    )
    assert read("the quantity demanded exceeds the quantity supplied; also called a shortage") == (
        "the quantity demanded exceeds the quantity supplied"
    )
    assert (
        read("proteins made by B cells, also known as immunoglobulins. They bind.")
        == "proteins made by B cells. They bind."
    )
    # a list of names is left as written: cutting at its first comma would leave the rest dangling
    assert read("a thing, also known as A, B, or C, that works") == "a thing, also known as A, B, or C, that works"


def test_a_definition_opening_with_its_verb_has_the_verbs_number():
    assert phrase_number("grants the creator of a work the exclusive right") == "sg"  # was 'pl': 'grants' a noun
    assert phrase_number("measures the ability of a company to use its assets") == "sg"
    assert phrase_number("increases in organizational value from activities") == "pl"  # a noun phrase still
    assert verb_opening("stem from changes in politics", "Political factors") == "pl"
    assert verb_opening("stem from changes in politics", "Stem") is None  # a noun under a singular name
    assert verb_opening("grants the creator of a work", "Copyright") == "sg"
    assert verb_opening("lending of funds in exchange for a promise", "Line of credit") is None


def test_no_false_statement_or_option_whose_verb_disagrees_with_the_name():
    bank = load_bank(BANKS / "entrepreneurship-2")
    gen = ItemGenerator(bank)
    shown = []
    for name in ("Copyright", "Line of credit", "Quota", "Trademark"):
        for seed in range(8):
            for item_type, options in (
                ("truefalse", ItemOptions()),
                ("mcq", ItemOptions(direction="term-to-definition")),
            ):
                try:
                    shown.append(str(gen.item(item_type, bank.topic(name), random.Random(seed), options).to_json()))
                except GenerationError:
                    pass
    assert shown and not any("stem from changes" in s for s in shown)


def test_a_word_built_on_a_negated_names_root_is_a_cue():
    topic = Topic("Noncompete agreement", "x", "c")
    assert "noncompet" in shown_name_stems("will not work for a direct competitor of the employer", topic)
    assert "noncompet" not in shown_name_stems("will not work for a rival of the employer", topic)


def test_no_false_statement_lends_the_definition_of_the_terms_own_kind():
    """'C corporation: corporation taxed …' is a Corporation, which is a 'complex business structure …': neither
    kind's definition is lent to it as a false statement (reading 169: 'C corporation: legal organization of a
    business' keyed False), while a kind no definition names it by still lends."""
    from quizgen.items.truefalse import kinds_named

    bank = load_bank(BANKS / "entrepreneurship-2")
    gen = ItemGenerator(bank)
    assert kinds_named(gen.index, bank.topic("C corporation")) == {"Corporation", "Business structure"}
    assert not kinds_named(gen.index, bank.topic("Line of credit"))  # 'lending of funds': no kind of Funds
    lent = set()
    for seed in range(40):
        item = gen.item("truefalse", bank.topic("C corporation"), random.Random(seed), ItemOptions())
        if not item.answer:
            lent.add(item.shown_topic)
    assert lent and not lent & {"Corporation", "Business structure"}, lent


def test_a_word_of_three_letters_a_name_word_is_built_on_is_a_cue():
    """'the assignment of work based on a person's sex' for Sexual division of labor (reading 157); an inflected
    'acts' is no cue to Active transport."""
    assert "sexual" in shown_name_stems(
        "the assignment of work based on a person's sex", Topic("Sexual division", "x", "c")
    )
    assert not shown_name_stems("an organ that acts to bring about changes", Topic("Active transport", "x", "c"))


def test_a_stem_of_three_letters_under_the_it_of_ition_is_a_cue():
    """'When zero is added to any number' in the description of Additive Identity (reading 180)."""
    assert shown_name_stems("When zero is added to any number", Topic("Additive Identity", "x", "c")) == {"addit"}
    assert not shown_name_stems("a number it adds", Topic("Adenine", "x", "c"))


def test_a_sentence_naming_the_term_last_states_its_kind_in_its_subject():
    """Mathematics glossaries write 'The side of the triangle opposite the 90° angle is called the hypotenuse.'
    (Prealgebra 2e, reading 180): the kind is the subject's head, as in 'The hypotenuse is the side …'."""

    def kind(name, definition):
        return DistractorIndex.genus_word(Topic(name, definition, "c"))

    assert kind("Hypotenuse", "The side of the triangle opposite the 90° angle is called the hypotenuse.") == "side"
    assert kind("Rounding", "The process of approximating a number is called rounding.") == "process"
    assert kind("Equivalent decimals", "Two decimals are equivalent decimals if they convert to equal fractions.") == (
        "decimals"
    )
    assert kind("Legs", "The sides of a right triangle next to the right angle are called the legs.") == "sides"
    # no kind: an adjective after a bare 'are'; a subject that names the term itself
    assert kind("Mutually exclusive", "Two events are mutually exclusive if they cannot both happen.") is None
    assert kind("Legs of a right triangle", "The sides of a right triangle are called the legs.") is None


def test_a_word_the_tables_lack_ending_in_ular_is_an_adjective():
    """'Acellular: not made of cells' was offered among the descriptions of organisms for Prokaryote (reading 184)."""
    assert DistractorIndex.part_of_speech(Topic("Acellular", "not made of cells", "c")) == "adj"
    assert DistractorIndex.part_of_speech(Topic("Prokaryote", "an organism without a nucleus", "c")) == "noun"


def test_a_context_label_of_any_length_is_not_the_kind():
    """'in the context of the sixteenth and seventeenth centuries, a trading post …' is a post (reading 184: Factory
    offered beside an alphabet and a reform movement; no sibling is a post, so no term blank is made)."""
    factory = Topic("Factory", "in the context of the sixteenth and seventeenth centuries, a trading post", "c")
    assert DistractorIndex.genus_word(factory) == "post"
    news = Topic("Ethnocentrism", "in the context of the news, the idea that the media of a country values it", "c")
    assert DistractorIndex.genus_word(news) == "idea"


def test_a_sentence_naming_the_term_last_gives_its_subject_as_a_description():
    """'The process of approximating a number is called rounding.' (Prealgebra 2e) names its term in its one
    sentence: its subject is the description a statement or an option shows, after the blanked sentence."""
    rounding = Topic("Rounding", "The process of approximating a number is called rounding.", "c")
    assert [d.text for d in descriptions(rounding)][-1] == "The process of approximating a number"
    side = Topic("Hypotenuse", "The side of the triangle opposite the 90° angle is called the hypotenuse.", "c")
    assert [d.slot is not None for d in descriptions(side)] == [True, False]  # the blank first
    # not where the name is followed by more, nor where the subject names the term
    assert len(descriptions(Topic("Coordinate", "A number on a line is called the coordinate of the point.", "c"))) == 1
    assert descriptions(Topic("Legs", "The legs of a triangle are called legs.", "c")) == ()


def test_a_true_statement_about_a_name_of_the_form_x_of_y_opening_on_x_restates_it():
    """'Statement of cash flows: financial statement listing the cash inflows and cash outflows …' (finance)."""
    from quizgen.items.truefalse import _restates
    from quizgen.text.describe import Description

    text = "financial statement listing the cash inflows and cash outflows for the business for a period of time"
    assert _restates(Description("S", text, None, 1, len(text.split())), Topic("Statement of cash flows", text, "c"))


def test_a_blank_after_they_are_or_are_called_is_plural():
    """'In geometry, if two figures have exactly the same shape …, we say they are _____.' took singular lures
    beside the one plural name, Similar figures (reading 186); 'is called the _____' is singular."""
    from quizgen.items.mcq import stem_number

    gen = ItemGenerator(load_bank(BANKS / "prealgebra"))
    similar, side = gen.bank.topic("Similar figures"), gen.bank.topic("Hypotenuse")
    assert stem_number(gen.index, similar, gen.index.descriptions(similar)[0]) == "pl"
    assert stem_number(gen.index, side, gen.index.descriptions(side)[0]) == "sg"


def test_one_root_behind_two_counting_prefixes_is_a_cue_that_a_lure_of_that_root_carries():
    """'chain of monomer residues' pointed at Polymer, the one option with '-mer' (reading 191); 'a polynomial with
    exactly three terms' shows Trinomial and Binomial alike; 'a trial' is no cue of Dial."""
    from quizgen.text.describe import uncarried

    assert shown_name_stems("chain of monomer residues that covalent bonds link", Topic("Polymer", "x", "c"))
    assert not shown_name_stems("a trial of the new drug", Topic("Dial", "x", "c"))
    assert not uncarried({"trinomi"}, {"binomi", "degre"}) and uncarried({"polym"}, {"disaccharid"})


def test_the_verb_past_an_of_complement_gives_a_subject_blank_its_number():
    """'The _____ of a number is its distance from 0' took the plural Opposites into its word bank (reading 188)."""
    from quizgen.items.mcq import stem_number

    gen = ItemGenerator(load_bank(BANKS / "prealgebra"))
    key = gen.bank.topic("Absolute value")
    assert stem_number(gen.index, key, gen.index.descriptions(key)[0]) == "sg"


def test_a_word_a_name_opens_on_before_a_combining_form_is_a_cue():
    """'remaining suspended in air' for Airborne transmission (readings 172 and 194); an everyday noun after the
    word is no combining form ('where you work with data' for Worksheet, reading 107)."""
    assert shown_name_stems("agents remaining suspended in air", Topic("Airborne transmission", "x", "c"))
    assert shown_name_stems("carried by water", Topic("Waterborne disease", "x", "c"))
    assert not shown_name_stems("tab where you can work with data", Topic("Worksheet", "x", "c"))


def test_a_statement_that_is_a_sentence_opens_with_a_capital():
    from quizgen.items.truefalse import _capitalised

    assert _capitalised("alternative medicine refers to using a treatment") == (
        "Alternative medicine refers to using a treatment"
    )
    assert _capitalised("xLSTM extends the LSTM") == "xLSTM extends the LSTM"
    assert _capitalised("word2vec learns vectors") == "word2vec learns vectors"


def test_no_false_statement_borrows_a_sentence_that_says_what_its_owner_is_called():
    """'Diameter of a circle: The distance around a circle is called its circumference.' is true as a sentence."""
    from quizgen.items.truefalse import _calls_its_owner

    owner = Topic("Circumference of a circle", "The distance around a circle is called its circumference.", "c")
    assert _calls_its_owner(owner.definition, owner)
    assert not _calls_its_owner("The distance around a circle, measured once.", owner)


def test_a_gerund_before_a_participle_heads_its_compound():
    """Reading 226: 'Small business' offered for 'A form of business financing consisting of borrowed funds …' (Debt),
    whose kind was read as 'business': the -ing word after 'business' was taken for a participle. Before another
    participle it is the head of the compound; a participle with its own object or clause stays one."""

    def kind(definition: str) -> str | None:
        return DistractorIndex.genus_word(Topic("X", definition, "c"))

    assert kind("A form of business financing consisting of borrowed funds that must be repaid") == "financing"
    assert kind("rigid cell covering comprised of various molecules that protects the cell") == "covering"
    assert kind("a form of cell signaling involving two cells in contact") == "signaling"
    assert kind("a theory suggesting that actions are right when they follow a duty") == "theory"
    assert kind("tissue covering each muscle fiber") == "tissue"
    assert kind("difficulty swallowing") == "difficulty"
