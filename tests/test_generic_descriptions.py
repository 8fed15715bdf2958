"""A text that opens several definitions word for word cannot single one topic out: it is not used to
describe any of them."""

from __future__ import annotations

from quizgen.distractors import DistractorIndex
from quizgen.model import Bank, Category, Topic


def bank(*defs: tuple[str, str]) -> Bank:
    return Bank((Category("c", tuple(Topic(name=n, definition=d, category="c") for n, d in defs)),))


def test_a_shared_opening_describes_no_one():
    ix = DistractorIndex(
        bank(
            ("Data", "a set of observations gathered in a study"),
            ("Qualitative Data", "a set of observations gathered in a study; its values are labels"),
            ("Sample", "a subset of the population studied"),
            ("Alkali metal", "element in group 1 of the table"),
            ("Halogen", "element in group 17 of the table"),
        )
    )
    texts = {t.name: [d.text for d in ix.descriptions(t)] for t in ix.bank.topics}
    assert "a set of observations gathered in a study" not in texts["Data"]
    # what follows the shared opening tells this one apart
    assert texts["Qualitative Data"] == ["a set of observations gathered in a study; its values are labels"]
    assert texts["Sample"] == ["a subset of the population studied"]
    assert texts["Alkali metal"] == ["element in group 1 of the table"]  # 'group 1' does not open 'group 17'


def test_a_slip_of_the_source_or_a_self_reference_is_no_description():
    ix = DistractorIndex(
        bank(
            ("First Quartile", "the value that is the median of the of the lower half of the ordered data set"),
            ("Cumulative Frequency", "The term applies to an ordered set of observations. It sums the frequencies."),
            ("Mode", "the value that appears most frequently in a set of data"),
        )
    )
    texts = {t.name: [d.text for d in ix.descriptions(t)] for t in ix.bank.topics}
    assert texts["First Quartile"] == [] and texts["Mode"] == [
        "the value that appears most frequently in a set of data"
    ]
    assert all(not t.startswith("The term") for t in texts["Cumulative Frequency"])


def test_a_defining_phrase_that_names_its_topic_inside_is_no_description():
    """'Ellipse: a closed curve for which the sum of the distances from any point on the ellipse …' blanked reads
    '… any point on the _____ …': the blank defines itself (reading 113, a cloze item). A sentence that opens on
    the name still gives a blank."""
    ix = DistractorIndex(
        bank(
            ("Ellipse", "a closed curve for which the sum of the distances from any point on the ellipse is the same"),
            ("Orbit", "A path around a body. The orbit of a planet is an ellipse with the Sun at one focus."),
            ("Focus", "one of the two fixed points that define an ellipse"),
        )
    )
    assert ix.descriptions(ix.bank.topic("Ellipse")) == ()
    orbit = [d.blanked() for d in ix.descriptions(ix.bank.topic("Orbit")) if d.slot is not None]
    assert orbit == ["The _____ of a planet is an ellipse with the Sun at one focus."]


def test_a_subject_keeps_its_article():
    ix = DistractorIndex(
        bank(
            ("Senior judge", "A federal judge who takes senior status. A senior judge retains the judicial office."),
            ("Chambers", "The offices of a judge and staff. The chambers hold the files of a case."),
        )
    )
    judge = [d for d in ix.descriptions(ix.bank.topic("Senior judge")) if d.slot is not None][0]
    assert judge.blanked() == "A(n) _____ retains the judicial office."  # not '_____ retains …'
    assert judge.filled("Senior judge") == "A senior judge retains the judicial office."  # (as the text writes it)
    assert judge.as_option() == "It retains the judicial office."
    chambers = [d for d in ix.descriptions(ix.bank.topic("Chambers")) if d.slot is not None][0]
    assert chambers.blanked() == "The _____ hold the files of a case."


def test_a_title_cased_name_the_text_writes_as_a_common_noun_keeps_its_article():
    # reading 212: '_____ jointly processes images and text' struck as broken; the text itself says 'A vision-language
    # model …', so the blank keeps the article, as for a name cased as a common noun
    ix = DistractorIndex(
        bank(
            ("Vision Language Model", "A vision-language model jointly processes images and text."),
            ("Additive Identity", "The additive identity is 0. Adding it to any number leaves the number unchanged."),
            ("Optimal Transport", "Optimal Transport approximates how one distribution moves onto another."),
        )
    )

    def first(name):
        return next(d for d in ix.descriptions(ix.bank.topic(name)) if d.slot is not None)

    assert first("Vision Language Model").blanked() == "A(n) _____ jointly processes images and text."
    assert first("Additive Identity").blanked().startswith("The _____ is 0.")
    assert first("Optimal Transport").blanked().startswith("_____ approximates")  # a title, written as one
    assert first("Vision Language Model").filled("SigLIP") == "SigLIP jointly processes images and text."


def test_a_late_claim_of_what_it_achieved_describes_nothing():
    ix = DistractorIndex(
        bank(
            (
                "Hyena",
                "It replaces attention with a long convolution. It approaches Transformer quality at a fraction of the compute.",
            ),
            (
                "NAS",
                "It automates the design of network architectures. It has produced strong vision backbones in practice.",
            ),
            (
                "RetNet",
                "It introduces a retention operator with three forms. It aims for RNN-like inference cost in deployment.",
            ),
        )
    )
    for t in ix.bank.topics:
        texts = [d.text for d in ix.descriptions(t)]
        assert texts and all(len(text.split(". ")) == 1 for text in texts), texts  # the first sentence only


def test_a_question_describes_nothing_and_a_title_takes_no_article():
    ix = DistractorIndex(
        bank(
            ("Weak-to-Strong", "OpenAI's analog for oversight: can a strong model generalise beyond its supervisor?"),
            ("xLSTM", "An xLSTM augments the LSTM with exponential gating and a matrix memory."),
            ("Senior judge", "A federal judge who takes senior status. A senior judge retains the judicial office."),
        )
    )
    assert ix.descriptions(ix.bank.topic("Weak-to-Strong")) == ()
    x = ix.descriptions(ix.bank.topic("xLSTM"))[0]
    assert x.blanked().startswith("_____ augments") and x.filled("Optimal Transport").startswith("Optimal Transport")
    judge = [d for d in ix.descriptions(ix.bank.topic("Senior judge")) if d.slot is not None][0]
    assert judge.filled("Magistrate judge").startswith("A magistrate judge retains")
    assert judge.filled("RLAIF (RL from AI Feedback)").startswith("RLAIF (RL from AI Feedback) retains")


def test_a_pointer_to_another_entry_is_no_part_of_a_description():
    """'… expected for stoichiometric equivalence (see equivalence point)' was printed inside options where End
    point was a lure (reading 48)."""
    from quizgen.text.describe import descriptions

    t = Topic(
        "End point",
        "measured volume of titrant solution that yields the change in sample solution appearance or other "
        "property expected for stoichiometric equivalence (see equivalence point)",
        "c",
    )
    texts = [d.as_option() or "" for d in descriptions(t)]
    assert texts and not any("(see" in x or "equivalence point" in x for x in texts), texts


def test_a_grammar_note_on_the_name_is_no_part_of_a_description():
    """'singular codex; Maya books that …' (Codices, philosophy): in a matching set the note pointed at its own term
    (reading 87, two sets)."""
    from quizgen.text.describe import descriptions, without_alias_notes

    codices = Topic("Codices", "singular codex; Maya books that transmitted the knowledge of the Maya.", "G")
    assert [d.as_option() for d in descriptions(codices)][0].startswith("Maya books")
    kept = Topic("Eigen", "singular values of a matrix; the square roots of its eigenvalues", "G")
    assert without_alias_notes(kept).startswith("singular values of a matrix;")


def test_a_quoted_gloss_closing_a_definition_is_left_out():
    """'…; “water-hating”' translates Hydrophobic word by word (reading 121: read as a cue in three items)."""
    from quizgen.text.describe import without_alias_notes

    topic = Topic(name="Hydrophobic", definition="molecule that cannot bond with water; “water-hating”", category="c")
    assert without_alias_notes(topic) == "molecule that cannot bond with water"
    kept = Topic(name="Tag", definition="a label, as in “tag, you're it”, used in games", category="c")
    assert without_alias_notes(kept) == kept.definition  # (a quotation inside the definition stays)


def test_a_note_of_other_names_opening_a_definition_is_left_out():
    """'also called unsystematic risk, a risk that …' (finance) opened stems and right options with another name of the
    answer; 'also called mean; a number …' (statistics) left the term no description at all."""
    import random

    from quizgen import load_bank
    from quizgen.items import ItemGenerator, ItemOptions
    from quizgen.text.describe import without_alias_notes

    def shown(definition):
        return without_alias_notes(Topic("Term", definition, "G"))

    assert shown("also called unsystematic risk, a risk that can be eliminated") == "a risk that can be eliminated"
    assert shown("also known as the acid test ratio; ratio used to determine") == "ratio used to determine"
    assert shown(
        "also known as business intelligence, competitive intelligence, or marketing intelligence; information"
    ) == ("information")
    assert shown("or IQR, is the range of the middle 50 percent") == "the range of the middle 50 percent"
    kept = "also called X, a thing that does Y; more"  # (a clause before the semicolon: only the name goes)
    assert shown(kept) == "a thing that does Y; more"
    assert shown("or both, as the case may be") == "or both, as the case may be"

    finance = ItemGenerator(load_bank("tests/data/banks/finance"))
    for seed in range(4):
        for direction in ("definition-to-term", "term-to-definition"):
            item = finance.item(
                "mcq", finance.bank.topic("Diversifiable risk"), random.Random(seed), ItemOptions(direction=direction)
            )
            assert "also called" not in item.stem + " ".join(item.options), item
    statistics = ItemGenerator(load_bank("tests/data/banks/statistics"))
    item = statistics.item("cloze", statistics.bank.topic("Average"), random.Random(0), ItemOptions(mode="term"))
    assert item.answer[0][0] == "Average" and "also called" not in item.text


def test_a_name_that_ends_a_longer_proper_name_is_no_slot():
    """'Gibbs _____ is the usable energy' kept half of 'Gibbs free energy' for the reader (reading 122, two items);
    an article before the name still leaves a slot."""
    ix = DistractorIndex(
        bank(
            ("Free energy", "Gibbs free energy is the usable energy, or energy that is available to do work."),
            ("Heat energy", "The heat energy of a system is the total bond energy of its reactants or products."),
        )
    )
    assert all(d.slot is None for d in ix.descriptions(ix.bank.topic("Free energy")))
    assert any(d.slot is not None for d in ix.descriptions(ix.bank.topic("Heat energy")))


def test_a_name_before_its_noun_and_a_verb_that_is_also_a_noun_is_no_slot():
    """'_____ peoples collect fruits …' (Gathering-hunting): only a modifier fits, though 'collect' is a noun too
    (reading 122, two items); a name's own verb after it still leaves a slot ('_____ trains a language model …')."""
    ix = DistractorIndex(
        bank(
            ("Gathering-hunting", "A mode of subsistence. Gathering-hunting peoples collect fruits, nuts and roots."),
            ("Toolformer", "A model that uses tools. Toolformer trains a language model to call external tools."),
        )
    )
    assert all("_____" not in d.blanked() for d in ix.descriptions(ix.bank.topic("Gathering-hunting")))
    assert any(d.blanked().startswith("_____ trains") for d in ix.descriptions(ix.bank.topic("Toolformer")))
