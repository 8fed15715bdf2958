"""A term blank may keep a word of the name standing ('_____: acid that reacts completely …' for Strong acid)
only when the word bank holds other entries that carry it ('Conjugate acid'), as definition → term options
do; without a word bank, no word of the name may show."""

from __future__ import annotations

import random

import pytest
from qg_data import glossary_generator

from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.mcq import stem_cues
from quizgen.model import Topic
from quizgen.text.describe import name_stems

generator = glossary_generator


def items(gen: ItemGenerator, options: ItemOptions):
    for seed, topic in enumerate(gen.bank.topics):
        try:
            yield topic, gen.item("cloze", topic, random.Random(seed), options)
        except GenerationError:
            continue


@pytest.mark.parametrize("bank", ["bundled", "chemistry", "statistics"])
def test_a_name_word_in_a_term_blank_is_carried_by_other_entries(bank):
    gen = generator(bank)
    carried = 0
    for topic, item in items(gen, ItemOptions(mode="term", word_bank=True)):
        cues = stem_cues(item.text, topic)
        if not cues:
            continue
        named = {n.casefold(): t for t in gen.bank.topics for n in (t.name, t.short_name, *t.names)}
        others = [named[w.casefold()] for w in item.word_bank if w not in item.answer[0]]
        assert cues <= set().union(*(name_stems(t) for t in others)), (item.text, item.word_bank)
        assert len(cues) < 2 or any(cues <= name_stems(t) for t in others), (item.text, item.word_bank)
        carried += 1
    assert carried > 0 or bank == "bundled"


def test_without_a_word_bank_no_name_word_shows():
    gen = generator("chemistry")
    made = 0
    for topic, item in items(gen, ItemOptions(mode="term", word_bank=False)):
        assert not stem_cues(item.text, topic), item.text
        made += 1
    assert made > 20


def test_strong_acid_is_asked_beside_other_acids():
    gen = generator("chemistry")
    item = gen.item("cloze", gen.bank.topic("Strong acid"), random.Random(0), ItemOptions(mode="term", word_bank=True))
    assert item.text.startswith("_____: acid that reacts completely")
    assert sum("acid" in w.casefold() for w in item.word_bank) >= 2


def test_a_function_word_the_name_capitalises_is_a_cue_when_the_text_shouts_it():
    gen = generator("statistics")
    either = gen.bank.topic("Or Event")
    assert "#or" in stem_cues("An outcome is in the event A OR B if …", either)
    assert "#or" not in stem_cues("An outcome is in A or in B …", either)  # a plain 'or' is just a word
    for seed in range(4):
        for options in (ItemOptions(mode="term"), ItemOptions(direction="definition-to-term")):
            kind = "cloze" if options.mode else "mcq"
            try:
                item = gen.item(kind, either, random.Random(seed), options)
            except GenerationError:
                continue
            shown = item.text if kind == "cloze" else item.stem
            assert " OR " not in shown, shown  # no other entry of the group carries 'Or'


def test_a_blended_name_is_cued_by_the_words_it_is_made_of():
    siglip = Topic("SigLIP", "A contrastive pretraining method.", "Vision")
    assert "siglip" in stem_cues("replaces CLIP's softmax loss with a pairwise sigmoid cross-entropy", siglip)
    assert "siglip" not in stem_cues("replaces the softmax loss with a pairwise sigmoid cross-entropy", siglip)
    assert "siglip" not in stem_cues("replaces CLIP's softmax loss with a pairwise logistic loss", siglip)


def test_a_self_compound_name_is_cued_by_itself_and_themselves():
    paced = Topic("Self-Paced Learning", "A curriculum variant.", "Training")
    assert "self" in stem_cues("where the model itself decides which examples are easy", paced)
    assert "self" in stem_cues("the learners themselves choose", paced)
    assert "self" not in stem_cues("where the model decides which examples are easy", paced)


def test_a_rare_word_built_on_a_stem_word_is_a_cue_a_common_one_is_not():
    metalloid = Topic("Metalloid", "An element.", "Elements")
    assert stem_cues("element with some properties of metals and some of nonmetals", metalloid)
    statement = Topic("Statement", "A sentence.", "Logic")
    assert not stem_cues("the state of the system", statement)  # 'statement' is a word of its own


def test_a_name_built_on_a_combining_form_is_cued_by_words_opening_with_it():
    biopsychology = Topic("Biopsychology", "The study of how biology influences behavior.", "Fields")
    assert stem_cues("study of how biology influences behavior", biopsychology)
    assert stem_cues("the study of the mind and of psychology", biopsychology)  # its second part
    assert not stem_cues("study of how the body influences behavior", biopsychology)
    electronegativity = Topic("Electronegativity", "Tendency to attract electrons.", "Bonds")
    assert stem_cues("tendency of an atom to attract electrons", electronegativity)
    hypothesis = Topic("Hypothesis", "A tentative explanation.", "Method")  # a common word, not built so
    assert "hypo-" not in name_stems(hypothesis)


def test_an_acronym_of_the_name_inside_a_longer_one_is_a_cue():
    rlaif = Topic("RLAIF (RL from AI Feedback)", "Preference labels from an AI judge.", "Alignment")
    assert "rl" in stem_cues("_____ scales data collection more cheaply than RLHF", rlaif)
    assert not stem_cues("_____ scales data collection more cheaply than human labelling", rlaif)


def test_the_initials_of_the_name_are_a_cue():
    bp = Topic("Belief Propagation & Message Passing", "A message-passing algorithm.", "Inference")
    assert "bp" in stem_cues("computes approximate marginals (loopy BP) on general graphs", bp)
    assert not stem_cues("computes approximate marginals on general graphs", bp)


def test_a_word_of_the_family_spelt_apart_is_a_cue():
    """'The duty to prove disputed facts.' points at Burden of proof (readings 30-35, 39, 40): the stemmer
    keeps 'prove' and 'proof' apart, a reader does not. Whenever the topic yields a definition-to-term item,
    a wrong option carries 'proof' too."""
    gen = glossary_generator("law")
    topic = gen.bank.topic("Burden of proof")
    assert "proof" in stem_cues("The duty to _____ prove disputed facts.", topic)
    assert "proof" not in stem_cues("The duty to establish disputed facts.", topic)
    for seed in range(6):
        try:
            item = gen.item("mcq", topic, random.Random(seed), ItemOptions(direction="definition-to-term"))
        except GenerationError:
            continue
        lures = [gen.bank.topic(n) for n in item.option_topics if n != topic.name]
        assert "prove" not in item.stem or any("proof" in name_stems(t) for t in lures), item


def test_a_negated_name_is_cued_by_the_word_it_negates_and_families_by_their_root():
    """'Protestants who did not conform …' points at Nonconformists, 'a supreme being, a deity' at Deism, 'a social
    arrangement' at Feudal society (reading 85, U.S. History: in definition-to-term items, term blanks and matching
    sets); the stemmer keeps each pair apart."""
    nonconformists = Topic("Nonconformists", "Protestants who did not conform.", "Religion")
    assert stem_cues("Protestants who did not conform to the doctrines", nonconformists)
    assert not stem_cues("Protestants who did not follow the doctrines", nonconformists)
    assert stem_cues("the existence of a supreme being, a deity", Topic("Deism", "A belief.", "Religion"))
    assert stem_cues("a social arrangement in which serfs …", Topic("Feudal society", "An arrangement.", "Order"))
    assert stem_cues("a ritual that marks a change", Topic("Rite of passage", "A ritual.", "Culture"))
    assert stem_cues("rule through uniform laws and codes", Topic("Legalism", "A school.", "China"))  # (reading 89)
    assert not stem_cues("a political arrangement", Topic("Feudal society", "An arrangement.", "Order"))
    gen = glossary_generator("us-history")
    group = gen.bank.category(gen.bank.topic("Nonconformists").category).topics
    for seed in range(6):
        for topic in group:
            try:
                item = gen.item("matching", topic, random.Random(seed), ItemOptions())
            except GenerationError:
                continue
            assert "Nonconformists" not in item.premise_topics or all("conform" not in r for r in item.responses)
            break


def test_a_closed_compound_is_spelled_out_by_both_its_words():
    """'how the members of a culture generally view the world' points at Worldview (reading 88); one half alone
    does not ('background' is no cue of 'ground')."""
    worldview = Topic("Worldview", "A very broad ideology.", "Culture")
    assert stem_cues("how the members of a culture generally view the world", worldview)
    assert not stem_cues("how the members of a culture generally see the world", worldview)


def test_a_function_word_heading_the_name_is_a_cue_where_the_text_uses_it_as_a_noun():
    """Reading 91 (world history, volume 2): '… guided by the will of the people …' beside General will."""
    will = Topic("General will", "a concept by which the state is legitimate only if guided by the people.", "G")
    assert "will" in stem_cues("the state is guided by the will of the people as a whole", will)
    assert "will" not in stem_cues("the people will decide what the state does", will)  # a verb, no cue
    assert "will" in name_stems(will) and "will" not in name_stems(Topic("Will", "the faculty of choice.", "G"))


def test_an_acronym_is_cued_by_a_list_of_words_whose_initials_spell_it():
    """Reading 92 (marketing, organizational behavior; never seen): 'existence, relatedness, and growth' gives ERG
    theory away, 'product, price, promotion, and place' the 4Ps, '… measurable, and substantial' ADAMS."""
    erg, four, adams = Topic("ERG theory", "x", "G"), Topic("4Ps", "x", "G"), Topic("ADAMS", "x", "G")
    assert "erg" in stem_cues("a theory of needs: existence, relatedness, and growth", erg)
    assert "erg" not in stem_cues("needs for growth and for existence in a group", erg)  # not a list in order
    assert "4p" in stem_cues("the “marketing mix”—product, price, promotion, and place", four)
    assert "4p" not in stem_cues("the product, its price and its promotion", four)  # three Ps are not four
    text = "the essential factors in segmentation—accessible, differentiable, actionable, measurable, and substantial"
    assert "adams" in stem_cues(text, adams)


@pytest.mark.parametrize(
    "text, name, restated",
    [
        # readings 91-99 (world history vol. 2): 12 items, all flawed ('economically' + 'dominating a foreign country')
        ("the practice of dominating a foreign country economically", "Economic imperialism", True),
        ("a form of government where voters elect representatives", "Representative democracy", True),
        # the head told by its meaning alone is what every definition does: no other name word shows
        ("a policy of extending rule over foreign countries", "Economic imperialism", False),
        # one-word names are told by their meaning by definition; a rare head has no everyday meaning to restate
        ("the policy of extending rule over foreign countries", "Imperialism", False),
        ("the practice of dominating a foreign country economically", "Economic hegemonism", False),
    ],
)
def test_a_head_noun_restated_by_its_meaning_beside_a_name_word_is_a_cue(text, name, restated):
    head = {"Economic imperialism": "imperi", "Representative democracy": "democraci", "Imperialism": "imperi"}
    cues = stem_cues(text, Topic(name, "x", "G"))
    assert (head.get(name, "?") in cues) is restated, cues


def test_a_name_contracted_into_one_token_names_it():
    from quizgen.text.describe import contracted, phrase_number, third_person

    assert contracted("CoQ10 facilitates the conversion of food to energy", "Coenzyme Q10")  # reading 101
    assert contracted("adds a LoRA adapter", "Low-Rank Adaptation (LoRA)")
    assert not contracted("uses CoQ10", "Coenzyme A") and not contracted("Hello World", "Hello World")
    # a capitalised word is no contraction ('Sentencing' is not 'sentencin' + 'g' of Sentencing guidelines: a false
    # statement lent by Sentencing guidelines was counted a leak, `quizgen check` on law)
    assert not contracted("the United States Sentencing Commission", "Sentencing guidelines")
    # a subjectless third-person verb is said of one thing; a technical plural the tables lack is plural
    assert phrase_number("transmits impulses from peripheral organs to the central nervous system") == "sg"
    assert phrase_number("glycosphingolipids that carry most of the sialic acid residues") == "pl"
    assert third_person("transmits") and third_person("Contains")
    assert not third_person("thinking") and not third_person("focuses") and not third_person("process")


def test_a_technical_closed_compound_is_cued_by_its_head():
    """Reading 106 (office software): 'bar of icons that are used in the program …' pointed at Toolbar in a
    term-to-definition item, a word bank and a matching set: a toolbar is a bar. Not the head of a compound as common
    as its words ('base' of Database)."""
    toolbar = Topic("Toolbar", "bar of icons used to perform functions.", "Software")
    assert stem_cues("bar of icons that are used in the program to perform functions", toolbar)
    assert not stem_cues("row of icons that perform functions", toolbar)
    database = Topic("Database", "an organized collection of data.", "Software")
    assert not stem_cues("the base of an organized collection of records", database)


def test_a_technical_closed_compound_is_cued_by_a_modifier_that_is_no_everyday_word():
    """Readings 84, 113 and 115 (astronomy), four items: 'the distance from crest to crest … in a wave' pointed at
    Wavelength, the one option with 'wave'. An everyday modifier does not point ('where you work with data' for
    Worksheet, reading 107)."""
    wavelength = Topic("Wavelength", "the distance from crest to crest in a wave", "Light")
    assert stem_cues("the distance from crest to crest or trough to trough in a wave", wavelength)
    assert not stem_cues("the distance from crest to crest", wavelength)
    assert not stem_cues("tab where you can work with data", Topic("Worksheet", "tab within a workbook.", "Software"))


def test_an_acronym_ending_the_names_acronym_is_a_cue():
    """Reading 106: 'CMS that hosts a data store …' pointed at 'Mobile content management system (MCMS)'."""
    mcms = Topic("Mobile content management system (MCMS)", "CMS that serves content to phones.", "Software")
    assert stem_cues("CMS that hosts a data store in a centralized location", mcms)
    assert not stem_cues("a service that hosts a data store in a centralized location", mcms)


def test_a_closed_compound_sharing_the_names_modifier_is_a_cue():
    """Reading 107 (office software), four items: 'tab within a workbook …' points at Worksheet, another compound of
    'work'; the modifier as a word of its own does not ('where you work with data')."""
    worksheet = Topic("Worksheet", "tab within a workbook.", "Software")
    assert stem_cues("tab within a workbook where you can input data", worksheet)
    assert not stem_cues("tab where you can work with data", worksheet)


def test_a_word_outside_ascii_is_no_technical_compound_and_loads_no_word_list():
    """A name word such as 'Cramér' sent to wordfreq itself loaded 37 MB the item rules never use (session 23)."""
    import subprocess
    import sys

    code = (
        "import sys; from quizgen.text.describe import technical_compound as t; "
        "assert t('cramér') is None and t('toolbar') == ('tool', 'bar'); assert 'wordfreq' not in sys.modules"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def test_a_lettered_axis_in_the_text_cues_the_name_it_opens():
    """Reading 108 (algebra): '… a point where a graph intercepts the y-axis …' gave Y-intercept away (with X-intercept
    and Y-coordinate in the word bank, each carrying one of its two words)."""
    intercept = Topic("Y-intercept", "a point where a graph meets the vertical axis.", "Graphs")
    assert "y" in stem_cues("a point where a graph intercepts the y-axis", intercept)
    assert "y" not in stem_cues("a point where a graph meets the vertical axis", intercept)
    assert "y" not in stem_cues("a point where a graph meets the x-axis", intercept)
