"""Wrong answers of the kind the stem names: sibling definitions built on one frame are contrasts, not
second answers; the genus is the head of the defining phrase; laws go with laws; adjectives with adjectives;
the key is neither the one option carrying all the name words the stem shows nor the only shortest one."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
from qg_data import BLOOD, CELL, cell_bank

from quizgen import load_bank
from quizgen.distractors import DistractorIndex, GenerationError
from quizgen.items import ItemOptions
from quizgen.quality import Checker
from quizgen.text.describe import descriptions, name_stems

BANKS = Path(__file__).parent / "data" / "banks"
D2T = ItemOptions(direction="definition-to-term")


@cache
def checker(name: str) -> Checker:
    return Checker(load_bank(None if name == "bundled" else BANKS / name))


def classes_of(name: str, definition: str) -> frozenset[str]:
    """The classes DistractorIndex finds for a made-up English topic."""
    from quizgen.model import Topic

    return DistractorIndex.classes(Topic(name, definition, "G"))


def genus_word_of(definition: str) -> str | None:
    """The genus word DistractorIndex finds in a definition of a made-up English term."""
    from quizgen.model import Topic

    return DistractorIndex.genus_word(Topic("X term", definition, "G"))


def test_definitions_on_one_frame_contrast():
    c = DistractorIndex.contrasts
    assert c(
        "positively charged, subatomic particle located in the nucleus",
        "uncharged, subatomic particle located in the nucleus",
    )
    # the same words in another order, or two unrelated sentences, are not a contrast
    assert not c("particle located in the nucleus with a positive charge", "a sample drawn at random from a population")
    assert not c("a court order to appear", "a court order to appear")


def test_particles_are_offered_for_a_particle():
    ch = checker("chemistry")
    ix = ch.ix
    assert ix.genus(ch.bank.topic("Electron")) == ix.genus(ch.bank.topic("Proton")) == "particl"
    assert not ix.paraphrase(ch.bank.topic("Electron"), ch.bank.topic("Proton"))
    for seed in range(5):
        item = ch.gen.item("mcq", ch.bank.topic("Electron"), random.Random(seed), D2T)
        lures = set(item.option_topics) - {"Electron"}
        assert lures & {"Proton", "Neutron"}, item.options


def test_a_term_defined_through_the_key_is_its_lure_unless_it_is_a_kind_of_it():
    """Readings 25 and 27: 'Event: a subset of the set of all outcomes' is the lure a reader expects for Outcome
    ('a particular result of an experiment'); a term whose definition makes it a kind of the key is not."""
    ch = checker("statistics")
    ix, topic = ch.ix, ch.bank.topic
    assert ix.unsafe(topic("Outcome"), topic("Event"), "") is None
    assert ix.unsafe(topic("Population"), topic("Sample"), "") is None
    # the key's own definition names the candidate: still out ('Event' is told through 'outcomes')
    assert ix.unsafe(topic("Event"), topic("Outcome"), "") == "definitions name each other"
    bundled = checker("bundled")
    kind_of = [
        (k, c)
        for cat in bundled.bank.categories
        for k in cat.topics
        for c in cat.topics
        if c is not k and bundled.ix.names_in_definition(c.name, k.name) and bundled.ix.genus(c) in name_stems(k)
    ]
    assert kind_of  # (the bundled bank has such pairs)
    assert all(bundled.ix.unsafe(k, c, "") is not None for k, c in kind_of)


def test_twins_are_offered_though_one_says_it_is_not_the_other():
    """Reading 29: 'Concurrent sentence: … served at the same time, rather than one after the other' was read as
    describing Consecutive sentence ('… served one after the other'), so the glossary's own contrast was left out."""
    ch = checker("law")
    for key, twin in (("Consecutive sentence", "Concurrent sentence"), ("Concurrent sentence", "Consecutive sentence")):
        for seed in range(3):
            item = ch.gen.item("mcq", ch.bank.topic(key), random.Random(seed), D2T)
            assert twin in item.option_topics, item.options


def test_laws_are_not_lures_for_methods_when_the_group_has_others():
    ch = checker("bundled")
    laws = [t for t in ch.bank.topics if ch.ix.claim(t)]
    assert laws and all(not ch.ix.claim(t) for t in ch.bank.topics if t.short_name.endswith(("Attention", "Machines")))
    offered = total = 0
    for t in ch.bank.topics:
        group = ch.bank.category(t.category).topics
        if ch.ix.claim(t) or sum(not ch.ix.claim(x) for x in group) < 6:
            continue
        try:
            item = ch.gen.item("mcq", t, random.Random(1), D2T)
        except GenerationError:
            continue
        total += 1
        offered += any(ch.ix.claim(ch.bank.topic(o)) for o in item.option_topics)
    assert total >= 20 and offered <= total // 20, (offered, total)


def test_an_adjective_term_gets_adjective_lures_or_none():
    ch = checker("statistics")
    term = ch.bank.topic("Equally Likely")
    assert ch.ix.part_of_speech(term) == "adj"
    try:
        item = ch.gen.item("mcq", term, random.Random(0), D2T)
    except GenerationError:
        return
    assert all(ch.ix.part_of_speech(ch.bank.topic(o)) == "adj" for o in item.option_topics)


def test_key_is_not_the_only_shortest_option_more_often_than_chance():
    for name in ("law", "bundled"):  # (1,000 items: at 300 one standard error is 2.5 points of the 5 allowed)
        report = checker(name).run(1000, seed=5, coverage=False).as_dict()
        assert report["key_unique_shortest"] <= report["chance"] + 0.05, (name, report["key_unique_shortest"])


def test_a_name_followed_by_its_own_verb_is_a_subject_slot():
    bank = checker("bundled").bank
    first = descriptions(bank.topic("Tensor Parallelism"))[0]
    assert first.start == 0 and first.slot is not None and first.slot.subject and first.slot.number == "sg"
    assert first.blanked().startswith("_____ shards")


def test_glossary_notes_and_trailing_clauses_do_not_cost_a_topic():
    chem = checker("chemistry").bank
    law = checker("law").bank
    # '(also, bond dissociation energy) energy required …': the note only gives the alias
    assert descriptions(chem.topic("Bond energy"))[0].text.startswith("energy required to break a covalent bond")
    # '…; chief judges are determined by seniority': the clause before the semicolon describes it cleanly
    assert descriptions(law.topic("Chief judge"))[0].text.endswith("administration of a court.")  # ends like a sentence
    # a four-word defining phrase is a description
    assert descriptions(chem.topic("Chalcogen"))[0].text == "element in group 16"


def test_a_plural_defining_phrase_gets_plural_lures():
    ch = checker("law")
    for seed in range(4):
        try:
            item = ch.gen.item("mcq", ch.bank.topic("Pleadings"), random.Random(seed), D2T)
        except GenerationError:
            continue
        assert all(ch.ix.number(ch.bank.topic(o)) in ("pl", None) for o in item.option_topics), item.options


def test_an_adjective_the_tables_lack_is_still_an_adjective():
    assert checker("law").ix.part_of_speech(checker("law").bank.topic("Admissible")) == "adj"


def test_british_and_american_spellings_are_one_word_in_a_word_bank():
    from quizgen.items.cloze import _spelling
    from quizgen.text.language import English

    assert _spelling(English, "optimisation") == _spelling(English, "optimization")
    assert _spelling(English, "behaviour") == _spelling(English, "behavior")
    assert _spelling(English, "tokenised") == _spelling(English, "tokenized")


def test_the_key_is_not_the_one_option_outside_a_kind_the_lures_share():
    ch = checker("law")
    made = 0
    for name in ("Venue", "Jurisdiction", "Grand jury", "Chambers", "Petty offense"):
        for seed in range(4):
            try:
                item = ch.gen.item("mcq", ch.bank.topic(name), random.Random(seed), D2T)
            except GenerationError:
                continue
            made += 1
            heads = [o.split()[-1].casefold() for o in item.options if o != name]
            assert not any(heads.count(h) >= 2 and h not in name.casefold() for h in heads), item.options
    assert made


def test_a_root_one_letter_off_is_still_a_cue():
    from quizgen.text.language import English, stems_match

    assert stems_match(English.stem("appeals"), English.stem("Appellant"))
    assert stems_match(English.stem("strata"), English.stem("Stratified"))
    assert not stems_match(English.stem("state"), English.stem("statement"))
    assert stems_match(English.stem("numbers"), English.stem("Numerical"))  # (readings 25-34)
    assert not stems_match(English.stem("model"), English.stem("modal"))


def test_contrast_is_the_same_either_way_round():
    bank = checker("chemistry").bank
    c = DistractorIndex.contrasts
    for group in bank.categories:
        for a in group.topics:
            for b in group.topics:
                assert c(a.definition, b.definition) == c(b.definition, a.definition), (a.name, b.name)


def test_a_definition_opening_on_a_verb_names_no_kind():
    from quizgen.model import Topic

    looks = Topic(name="Frequency Polygon", definition="looks like a line graph but uses intervals", category="c")
    graph = Topic(
        name="Box plot", definition="a graph that gives a quick picture of the middle 50% of the data", category="c"
    )
    assert DistractorIndex.genus(looks) is None
    assert DistractorIndex.genus(graph) == "graph"


def test_people_are_a_kind_of_their_own():
    ch = checker("law")
    ix = ch.ix
    from quizgen.distractors import PERSON

    people = {t.name for t in ch.bank.topics if PERSON in ix.kinds(t)}
    assert {"Grand jury", "Plaintiff", "Appellant", "Witness", "Active judge"} <= people
    assert not people & {"Hearsay", "Deposition", "Chambers", "Venue", "Indictment"}  # '… by a witness who' is evidence
    # a body of people is never the one option that is people
    topic = ch.bank.topic("Grand jury")
    for seed in range(4):
        try:
            item = ch.gen.item("mcq", topic, random.Random(seed), D2T)
        except GenerationError:
            continue
        lures = [ch.bank.topic(n) for n in item.option_topics if n != topic.name]
        assert any(PERSON in ix.kinds(t) for t in lures), item.options


def test_people_by_what_wordnet_says_the_genus_word_names():
    """'German mercenaries hired …', 'a peasant tied to the land', 'well-born British colonial women …' describe
    people though no 'who' follows and no listed word says so (reading 85: Hessians the one description of
    people among a declaration, a port and colonies); an adjective WordNet also lists as someone ('ancient',
    'intellectual') and a plural the lower-cased table reads as a surname ('fields': W. C. Fields) do not."""
    from quizgen.distractors import PERSON
    from quizgen.model import Topic

    def person(definition):
        return PERSON in DistractorIndex.classes(Topic("X term", definition, "G"))

    assert person("German mercenaries hired by Great Britain to put down the American rebellion")
    assert person("a peasant tied to the land and its lord")
    assert person("well-born British colonial women who led a non-importation movement")
    assert not person("an ancient Incan device for recording information")
    assert not person("an eighteenth-century intellectual and cultural movement that emphasized reason")
    assert not person("the fields of study that eventually gave rise to science.")
    assert not person("A member of the population may be chosen for inclusion in a sample only once.")
    assert not person("what a buyer pays for a unit of the specific good or service")


def test_the_key_is_not_the_one_description_of_people_or_of_a_body_of_people():
    ch = checker("us-history")
    for name in ("Hessians", "Serf", "Committees of Correspondence"):  # (reading 85: among events, places, laws)
        key = ch.bank.topic(name)
        for seed in range(4):
            try:
                item = ch.gen.item("mcq", key, random.Random(seed), ItemOptions(direction="term-to-definition"))
            except GenerationError:
                continue
            lures = [ch.bank.topic(n) for n in item.option_topics if n != name]
            assert any(ch.ix.classes(t) & {"<person>", "<body>"} for t in lures), (name, item.options)


def test_a_term_used_after_is_without_an_article_is_an_adjective():
    ch = checker("statistics")
    assert ch.ix.part_of_speech(ch.bank.topic("Mutually Exclusive")) == "adj"  # 'Two events are mutually exclusive if'
    law = checker("law")
    assert law.ix.part_of_speech(law.bank.topic("Voir dire")) == "noun"  # 'dire' alone does not make it one


def test_a_key_is_never_the_one_option_of_its_class():
    """A ratio among three charts, a rule among particles, a committee among methods: found by elimination."""
    made = 0
    for name in ("chemistry", "statistics", "law"):
        ch = checker(name)
        for topic in ch.bank.topics:
            classes = ch.ix.classes(topic)
            if not classes:
                continue
            try:
                item = ch.gen.item("mcq", topic, random.Random(3), D2T)
            except GenerationError:
                continue
            if "_____" in item.stem:
                continue  # a slotted sentence, not the defining phrase, names no class
            made += 1
            lures = [ch.bank.topic(n) for n in item.option_topics if n != topic.name]
            assert classes & set().union(*(ch.ix.classes(t) for t in lures)), (topic.name, item.options)
    assert made >= 15
    assert ch.ix.classes(checker("statistics").bank.topic("Relative Frequency")) == {"<quantity>"}


def test_the_genus_after_a_copula_and_past_hyphenated_modifiers():
    from quizgen.model import Topic

    def genus(name: str, definition: str) -> str | None:
        return DistractorIndex.genus(Topic(name=name, definition=definition, category="c"))

    # a glossary that opens on the name says its kind after 'is a'
    assert genus("AWQ", "AWQ is a post-training quantization method that protects salient weights.") == "method"
    assert genus("Serving", "Serving LLMs at scale is a systems problem of jointly optimizing latency.") == "problem"
    # hyphenated words modify the head that follows: not a 'graph' (a display), not a 'layer'
    assert genus("HNSW", "HNSW is the graph-based approximate nearest-neighbour vector index of choice.") == "index"
    assert (
        genus("GPTQ", "A one-shot, layer-wise post-training quantization that pushes weights to 3 bits.") == "quantiz"
    )
    # a sentence with its own subject says no kind
    assert genus("SPIN", "Chen et al. (2024) cast fine-tuning as a game between two models.") is None
    assert genus("Faithfulness", "Faithfulness is whether a model's output is supported by its input.") is None


def test_a_stem_that_states_the_key_kind_gets_a_lure_of_that_kind_or_no_item():
    """'_____ is the failure mode where …' with a process and a theory as lures: the key is found by its kind
    (reading 20); with a second failure mode among the siblings, that one is offered."""
    from quizgen.distractors import DistractorIndex
    from quizgen.items.mcq import kind_stands_out
    from quizgen.model import Bank, Category, Topic

    g = "Safety"
    key = Topic("Goal Drift", "Goal drift is the failure mode where an agent slowly pursues a proxy goal.", g)
    process = Topic("Red Teaming", "Red teaming is a process where testers probe a deployed model for harms.", g)
    theory = Topic("Oversight Theory", "Oversight theory is a theory of how weak judges supervise strong agents.", g)
    other = Topic("Reward Gaming", "Reward gaming is a failure mode in which a policy exploits its reward signal.", g)
    ix = DistractorIndex(Bank((Category(g, (key, process, theory, other)),)))
    desc = ix.descriptions(key)[0]
    assert kind_stands_out(ix, key, [process, theory], desc)
    assert not kind_stands_out(ix, key, [process, other], desc)
    unknown = [Topic(n, "Models underperform on purpose.", g) for n in ("Sandbagging", "Sleeper Agents")]
    assert not kind_stands_out(ix, key, [process, *unknown], desc)  # one known other among unknowns: no telling


def test_a_concept_among_algorithms_is_found_by_its_kind():
    """'_____ is whether …' / '_____ means …' say the key is a concept; algorithms as lures give it away
    (readings 16, 17: Faithfulness and Grounding beside HNSW and ColBERT). The genus stops before a verb's
    '-ing' form: 'the … algorithm powering vector databases' is an algorithm."""
    from quizgen.distractors import DistractorIndex
    from quizgen.items.mcq import kind_stands_out
    from quizgen.model import Bank, Category, Topic

    g = "Retrieval"
    key = Topic("Faithfulness", "Faithfulness is whether an answer is supported by the retrieved sources.", g)
    hnsw = Topic("HNSW", "HNSW is the graph-based search algorithm powering most vector databases.", g)
    bm25 = Topic("BM25", "BM25 is a ranking method that scores documents by weighted term matches.", g)
    ix = DistractorIndex(Bank((Category(g, (key, hnsw, bm25)),)))
    assert ix.genus(hnsw) == "algorithm"
    assert kind_stands_out(ix, key, [hnsw, bm25], ix.descriptions(key)[0])


def test_the_key_is_not_the_one_option_outside_a_head_word_all_lures_share():
    """'Triton GPU Kernel Programming' among 'Tensor/Pipeline/Context Parallelism' (reading 21)."""
    from quizgen.distractors import DistractorIndex
    from quizgen.items.mcq import kind_stands_out
    from quizgen.model import Bank, Category, Topic

    g = "Hardware"
    key = Topic("Kernel Programming", "Kernel programming exposes tile-level primitives to the user.", g)
    par = [Topic(f"{w} Parallelism", f"{w} parallelism splits the work across many devices.", g) for w in "ABC"]
    other = Topic("Collective Operations", "Collective operations exchange tensors between devices.", g)
    ix = DistractorIndex(Bank((Category(g, (key, *par, other)),)))
    desc = ix.descriptions(key)[0]
    assert kind_stands_out(ix, key, par, desc)
    assert not kind_stands_out(ix, key, [par[0], par[1], other], desc)


def test_a_subset_is_offered_beside_sets_and_a_diffusion_beside_processes():
    """'a subset of the population studied' among a statistic, a parameter and a variable, and 'diffusion of
    solvent molecules …' among a solute, a property and a unit: found by kind (reading 20). Sets and
    processes are classes now: a lure of the key's class, or no item."""
    gen = checker("statistics").gen
    for name in ("Sample", "Representative Sample"):
        key = gen.bank.topic(name)
        for seed in range(3):
            try:
                item = gen.item("mcq", key, random.Random(seed), D2T)
            except GenerationError:
                continue
            lures = [gen.bank.topic(n) for n in item.option_topics if n != name]
            assert any("<collection>" in gen.index.classes(t) for t in lures), item.options
    osmosis = checker("chemistry").gen.bank.topic("Osmosis")
    assert "<process>" in checker("chemistry").gen.index.classes(osmosis)


def test_a_failure_mode_or_theory_needs_a_lure_of_its_kind():
    """Topics of unknown kind in a technical glossary are its usual methods and models, so a failure mode
    or a theory among them is found by its kind (reading 30: Representation Collapse, Misalignment and
    Superposition, each the one failure or phenomenon among methods, in all three item types). With a
    second failure mode among the siblings it is offered; without one there is no item."""
    from quizgen.model import Bank, Category, Topic

    g = "Safety"
    key = Topic("Goal Drift", "Goal drift is a failure mode in which an agent slowly pursues a proxy objective.", g)
    methods = [
        Topic(n, f"{n} trains a policy with {w} feedback collected from raters and tools.", g)
        for n, w in (("Reward Modelling", "scalar"), ("Debate Training", "adversarial"), ("Critique Tuning", "written"))
    ]
    other = Topic("Reward Gaming", "Reward gaming is a failure mode in which a policy exploits its reward signal.", g)
    lonely = Checker(Bank((Category(g, (key, *methods)),)))
    for options in (D2T, ItemOptions(direction="term-to-definition"), ItemOptions(mode="term")):
        item_type = "cloze" if options.mode else "mcq"
        for seed in range(5):
            try:
                lonely.gen.item(item_type, key, random.Random(seed), options)
            except GenerationError:
                continue
            raise AssertionError(f"{item_type} {options}: a failure mode offered among methods only")
    paired = Checker(Bank((Category(g, (key, other, *methods)),)))
    item = paired.gen.item("mcq", key, random.Random(0), D2T)
    assert "Reward Gaming" in item.options, item.options


def test_the_genus_skips_an_aside_between_commas():
    """'The release, prior to trial, of a person …' is a release, not a 'prior' (reading 30, Bail)."""
    from quizgen.model import Topic

    bail = Topic("Bail", "The release, prior to trial, of a person accused of a crime, on conditions.", "Law")
    assert DistractorIndex.genus(bail) == "releas"


def test_the_genus_of_phrases_and_not_of_sentences_or_predicates():
    """The kind a defining phrase names, not a word past it, and none for a sentence or a predicate (session 8
    audit of three glossaries: 'reactant present in …' was a 'present', 'A special condition the court imposes'
    a 'court', 'Send back.' a 'back', 'An outcome is in the event …' an 'outcome')."""
    from quizgen.model import Topic

    def genus(definition):
        return DistractorIndex.genus(Topic("X term", definition, "G"))

    assert genus("solution component present in a concentration less than that of the solvent") == "compon"
    assert genus("A special condition the court imposes that requires an individual to remain at home.") == "condit"
    assert genus("two (a pair of) valence electrons that are not used to form a covalent bond") == "electron"
    assert genus("proton acceptor") == "acceptor"
    assert genus("Flows in which the i-th output depends only on previous inputs.") == "flow"
    for sentence_or_predicate in (
        "what a buyer pays for a unit of the specific good or service",  # a clause: Price is no buyer
        "Once a member of the population is selected for inclusion in a sample, it is returned",
        "not telling participants which treatment a subject is receiving",
        "A member of the population may be chosen for inclusion in a sample only once.",  # the phrase is a subject
        "Each outcome of an experiment has the same probability.",
        "Send back.",
        "Sends each token to the k experts with the highest router scores.",
        "An outcome is in the event A AND B if the outcome is in both A AND B at the same time.",
        "A district court may grant each side the right to exclude a certain number of jurors.",
    ):
        assert genus(sentence_or_predicate) is None, sentence_or_predicate


def test_the_genus_ends_at_a_comma_after_its_noun_and_passes_an_adjective():
    """'most abundant plasma protein, accounting for …' is a protein, not an 'accounting'; 'single process of the
    neuron' a process, not a 'single'; 'small, round bone' a bone (reading 73's anatomy and psychology audit)."""
    genus = genus_word_of

    assert genus("most abundant plasma protein, accounting for most of the osmotic pressure of plasma") == "protein"
    assert genus("single process of the neuron that carries an electrical signal away from the cell body") == "process"
    assert genus("small, round bone embedded in a tendon") == "bone"
    assert genus("broad, tendon-like sheet of connective tissue") == "sheet"
    assert genus("small, informal groups of people who are closest to us") == "groups"  # (reading 86)
    assert genus("the way people learn what is good and bad in society") == "way"
    assert genus("a group's shared practices, values, and beliefs") == "practices"
    assert genus("the process wherein people come to understand societal norms") == "process"
    assert genus("total revenues minus explicit costs, including depreciation") is None  # a formula
    assert genus("Given simple random samples of size n from a population, the distribution of means") is None


def test_a_gerund_after_an_adjective_is_the_genus():
    """'form of logical thinking that …' is a thinking, though the word tables list 'thinking' as a verb only
    (reading 135: Deductive reasoning's description the one option of its kind among 'form of science that …')."""
    genus = genus_word_of

    assert genus("form of logical thinking that uses related observations to arrive at a general conclusion") == (
        "thinking"
    )
    assert genus("critical thinking applied to claims") == "thinking"
    assert genus("Sends each token to the k experts with the highest router scores.") is None  # (still a predicate)


def test_the_genus_is_the_noun_a_classifier_introduces():
    """'a form of government where …' is a government, not a 'form' (so a form of candidate nomination is no form of
    government); 'any of the planets Jupiter, Saturn …' is a planet; a preposition ends the phrase ('form of transport
    across the cell membrane' is a transport, not a membrane) — readings 80's political science and astronomy."""
    genus = genus_word_of

    assert (
        genus("a form of government where one ruler, usually a hereditary one, holds political power") == "government"
    )
    assert genus("a form of candidate nomination that occurs in a town-hall style format") == "nomination"
    assert genus("any of the planets Jupiter, Saturn, Uranus, and Neptune in our solar system") == "planets"
    assert genus("a type of igneous silicate rock that makes up most of Earth's continental crust") == "rock"
    assert genus("one of the various types of neural tissue cells responsible for maintenance") == "cells"
    assert genus("form of transport across the cell membrane that requires input of cellular energy") == "transport"
    assert genus("a series of English mercantilist laws enacted between 1651 and 1696") == "laws"  # (reading 85)


def test_a_material_key_gets_no_lure_that_is_no_thing_at_all():
    """'protein that has carbohydrates attached' among 'movement of a substance …' and 'nervous system function …':
    a reader strikes the process and the function at a glance (readings 71-72, anatomy). With one other protein in
    the group, the other lure is a thing (a membrane), or the item is not made."""
    bank = cell_bank(("The cell", CELL))
    ch = Checker(bank)
    seen = set()
    for seed in range(15):
        try:
            item = ch.gen.item(
                "mcq", bank.topic("Glycoprotein"), random.Random(seed), ItemOptions(direction="definition-to-term")
            )
        except GenerationError:
            continue
        seen |= set(item.option_topics)
    assert seen and not seen & {"Diffusion", "Integration"}, seen  # ("import" is also goods, a thing, in WordNet)


def test_same_kind_leaves_out_a_topic_whose_group_has_too_few_of_its_kind():
    """A section's `same_kind: true`: a stem that says the key's kind gets lures of that kind, from the nearest
    groups with `widen`, or no item and a reason; by default the group's other things make up the options."""
    no_process = [row for row in CELL if row[0] not in ("Diffusion", "Integration")]
    bank = cell_bank(("The cell", no_process), ("Blood", BLOOD))
    gen = Checker(bank).gen
    key = bank.topic("Glycoprotein")
    d2t = dict(direction="definition-to-term")
    mixed = gen.item("mcq", key, random.Random(0), ItemOptions(**d2t))
    assert set(mixed.option_topics) - {"Glycoprotein", "Channel protein"}  # another kind makes up the options
    with pytest.raises(GenerationError, match="says what it is \\('protein'\\).*widen"):
        gen.item("mcq", key, random.Random(0), ItemOptions(**d2t, same_kind=True))
    with pytest.raises(GenerationError):
        gen.item("cloze", key, random.Random(0), ItemOptions(mode="term", same_kind=True))
    wide = gen.item("mcq", key, random.Random(0), ItemOptions(**d2t, same_kind=True, widen=True))
    assert set(wide.option_topics) - {key.name} <= {"Channel protein", "Albumin", "Fibrinogen"}


def test_same_kind_is_a_section_key(tmp_path):
    from quizgen.errors import QuizgenError
    from quizgen.spec import load_spec

    good = tmp_path / "good.yaml"
    good.write_text("title: T\nsections:\n  - {type: mcq, count: 2, same_kind: true}\n")
    assert load_spec(good).sections[0].same_kind is True
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nsections:\n  - {type: mcq, count: 2, same_kind: sometimes}\n")
    with pytest.raises(QuizgenError, match="bad.yaml.*same_kind"):
        load_spec(bad)


def test_items_command_takes_same_kind():
    from click.testing import CliRunner

    from quizgen.cli import cli

    args = ["items", "--bank", str(BANKS / "anatomy"), "--type", "mcq", "--direction", "definition-to-term"]
    result = CliRunner().invoke(cli, [*args, "--count", "3", "--same-kind", "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert "says what it is" in result.stderr  # the topics left out, each with its reason and where it is


def test_a_pool_takes_first_the_topics_whose_lures_can_all_be_of_their_stated_kind():
    """By default (same_kind unset) items over a pool come first from topics whose stem says no kind or whose group
    holds two lures of the kind it says; a topic whose group does not is taken, with lures of mixed kinds, only once
    those run out. Blind readings 55-79 of other fields' definition-to-term items: 83 fair to 15 flawed where every
    lure was of the stated kind, 143 to 83 where some or none was."""
    from quizgen.quality import Report

    ch = Checker(load_bank(BANKS / "astronomy"))

    def other_kind(items) -> int:  # items `quizgen check` flags: a wrong option not known to be of the stated kind
        report = Report()
        for item in items:
            ch._check_mcq(item, report)
        return report.flagged[("mcq", "lure_of_other_kind")]

    first, _ = ch.gen.items("mcq", 6, random.Random(3), options=D2T)  # (9 of its 89 topics can)
    mixed, _ = ch.gen.items("mcq", 12, random.Random(3), options=ItemOptions(direction=D2T.direction, same_kind=False))
    assert other_kind(first) == 0 < other_kind(mixed)
    every, _ = ch.gen.items("mcq", len(ch.bank.topics), random.Random(3), options=D2T)
    assert other_kind(every) > 0  # the section is still filled: those topics come last, not never


def test_same_kind_false_and_mixed_kinds_opt_out(tmp_path):
    from click.testing import CliRunner

    from quizgen.cli import cli
    from quizgen.spec import load_spec

    spec = tmp_path / "s.yaml"
    spec.write_text("title: T\nsections:\n  - {type: mcq, count: 2, same_kind: false}\n  - {type: mcq, count: 2}\n")
    assert [s.same_kind for s in load_spec(spec).sections] == [False, None]
    args = ["items", "--bank", str(BANKS / "astronomy"), "--type", "mcq", "--direction", "definition-to-term"]
    result = CliRunner().invoke(cli, [*args, "--count", "3", "--mixed-kinds", "--seed", "1"])
    assert result.exit_code == 0 and "says what it is" not in result.stderr, result.output


def test_a_definition_saying_when_names_a_situation():
    """'when human wants exceed the available supply' (Scarcity) says what the term is as surely as a genus does: its
    lures of that kind are the group's other situations, and where the group has too few the topic waits for the
    mixed draw ('Economics', a field, and 'Circular flow diagram' beside it: reading 80, economics)."""
    bank = load_bank(BANKS / "economics")
    gen = Checker(bank).gen
    strict = ItemOptions(direction="definition-to-term", same_kind=True)
    with pytest.raises(GenerationError, match="a situation: 'when"):
        gen.item("mcq", bank.topic("Scarcity"), random.Random(0), strict)
    item = gen.item("mcq", bank.topic("Unitary elasticity"), random.Random(0), strict)
    assert all(bank.topic(t).definition.startswith("when ") for t in item.option_topics)


def test_term_to_definition_items_drawn_first_offer_a_description_of_the_terms_kind():
    """Term→definition items whose wrong descriptions are all of other kinds than the right one's genus read worst
    (readings 55-81, other fields: 268 fair to 91 flawed; 220 to 30 with one or more of its kind; readings 80-81 alone
    36 to 28): with `same_kind` (the first draw over a pool) such an item is not made, and the topic waits for the
    mixed draw."""
    bank = load_bank(BANKS / "philosophy")
    ch = Checker(bank)
    strict = ItemOptions(direction="term-to-definition", same_kind=True)
    made = refused = 0
    for topic in bank.topics:
        try:
            item = ch.gen.item("mcq", topic, random.Random(0), strict)
        except GenerationError as e:
            refused += "is of its kind" in e.message
            continue
        genus = ch.ix.genus(topic)
        lures = [bank.topic(n) for n in item.option_topics if n != topic.name]
        assert genus is None or any(ch.ix.genus(t) == genus for t in lures), item
        made += 1
    assert made and refused


def test_the_genus_past_a_field_label_joined_adjectives_and_an_ing_clause():
    """Reading 83: 'a stony or metallic object …' (Asteroid) and 'in geology, a crack …' (Fault) named no kind, so an
    asteroid's options took 'Radioactivity'; 'tissue covering each muscle fiber' was a fiber."""
    assert genus_word_of("a stony or metallic object orbiting the Sun that is smaller than a planet") == "object"
    assert genus_word_of("thin and curved bone; serves as a point of attachment for muscles") == "bone"
    assert genus_word_of("in geology, a crack or break in the crust of a planet along which slippage occurs") == "crack"
    assert genus_word_of("In a civil case, the person or organization against whom the plaintiff brings suit") == (
        "person"
    )
    assert genus_word_of("in Hindu thought, matter; one of two elements that make up the universe.") == "matter"
    assert genus_word_of("loose, and well-hydrated connective tissue covering each muscle fiber") == "tissue"
    assert genus_word_of('In a criminal case, the defendant\'s statement pleading "guilty" or "not guilty"') == (
        "statement"
    )
    # not a label: 'in' past the opening, and an -ing noun before 'that' or a noun
    assert genus_word_of("An allegation in an indictment or information, charging a defendant with a crime.") == (
        "allegation"
    )
    assert genus_word_of("the 1954 Supreme Court ruling that struck down Plessy v. Ferguson") == "ruling"
    assert genus_word_of("a data processing pipeline that cleans records") == "pipeline"


def test_a_person_is_not_the_one_description_of_someone():
    """Reading 83 (anthropology, never seen): 'a specialist who studies plants and seeds …' the one description of
    a person among places, contexts and principles, for Archaeobotanist."""
    from quizgen.model import Bank, Category, Topic

    people = Topic("Archaeobotanist", "a specialist who studies plants and seeds found at a site.", "G")
    others = (
        Topic("Provenience", "the place where an object was originally found, with its stratum.", "G"),
        Topic("Primary context", "the context of an artifact that has not been disturbed since deposition.", "G"),
        Topic("Law of crosscutting", "a principle that a feature cutting across another is the more recent.", "G"),
        Topic("Stratum", "a layer of soil or rock laid down at one time at a site.", "G"),
    )
    ch = Checker(Bank((Category("G", (people, *others)),)))
    for seed in range(6):
        with pytest.raises(GenerationError, match="describes someone"):
            ch.gen.item("mcq", people, random.Random(seed), ItemOptions(direction="term-to-definition"))


def test_term_to_definition_drops_the_one_lure_of_another_kind_where_the_rest_are_of_the_keys():
    """Reading 83: 'the contemporary period of …' beside three 'the field of anthropology …' descriptions for
    Archaeology: an option nobody picks. Where dropping it leaves two lures of the key's kind, it goes."""
    from quizgen.model import Bank, Category, Topic

    fields = [
        Topic("Archaeology", "the field of anthropology that studies past cultures through excavated artifacts.", "G"),
        Topic("Cultural anthropology", "the field of anthropology that describes living human cultures.", "G"),
        Topic("Biological anthropology", "the field of anthropology that studies human evolution and biology.", "G"),
        Topic("Linguistic anthropology", "the field of anthropology that studies language in social life.", "G"),
    ]
    period = Topic(
        "Anthropocene", "the contemporary period of increasing human impact on the planet's ecosystems.", "G"
    )
    ch = Checker(Bank((Category("G", (*fields, period)),)))
    for seed in range(8):
        item = ch.gen.item("mcq", fields[0], random.Random(seed), ItemOptions(direction="term-to-definition"))
        assert "Anthropocene" not in item.option_topics, item.options


def test_one_description_of_someone_is_no_lure_for_a_term_that_names_no_one():
    """Reading 84 (philosophy): 'someone who rejects the possibility of knowledge in general' among three kinds of
    knowledge, for A posteriori knowledge: an option nobody picks."""
    from quizgen.model import Bank, Category, Topic

    key = Topic("A posteriori knowledge", "knowledge gained through experience.", "G")
    others = (
        Topic("Skeptic", "someone who rejects the possibility of knowledge in general.", "G"),
        Topic("Know-how", "knowledge of how to successfully complete a task.", "G"),
        Topic("Acquaintance knowledge", "knowledge gained from direct contact with something.", "G"),
        Topic("Propositional knowledge", "knowledge of facts that can be expressed as statements.", "G"),
    )
    ch = Checker(Bank((Category("G", (key, *others)),)))
    for seed in range(8):
        item = ch.gen.item("mcq", key, random.Random(seed), ItemOptions(direction="term-to-definition"))
        assert "Skeptic" not in item.option_topics, item.options


def _early_humans():
    """A group like World History's 'Early humans' (reading 89-90, never seen before): people of two genus
    words, a period and tools."""
    from quizgen.model import Bank, Category, Topic

    topics = (
        Topic(
            "Homo erectus", "a member of the genus Homo who walked upright in East Africa two million years ago.", "G"
        ),
        Topic("Homo habilis", "the earliest member of the genus Homo, making simple stone tools.", "G"),
        Topic("Australopithecus", "a distant ancestor of modern humans who lived in southern Africa.", "G"),
        Topic("Denisovans", "an extinct group of archaic humans who interbred with early populations of Asia.", "G"),
        Topic("Paleolithic Age", "the period of time when people made chipped stone tools and hunted.", "G"),
        Topic("Acheulean tools", "teardrop-shaped stone implements chipped from a core on both faces.", "G"),
        Topic("Oldowan tools", "sharpened stones used for cutting, scraping and chopping.", "G"),
        Topic("Mousterian tools", "stone flakes struck from carefully prepared cores.", "G"),
        Topic("Animism", "the belief that spirits dwell in animals, plants and places.", "G"),
    )
    return topics, Checker(Bank((Category("G", topics),)))


def test_a_person_gets_people_as_lures_where_too_few_share_the_genus_word():
    """Reading 90: 'Paleolithic Age' offered for 'a member of the genus Homo who …' (11 items struck). One
    sibling shares 'member'; the other people stand in before any lure of another kind."""
    topics, ch = _early_humans()
    people = {"Homo erectus", "Homo habilis", "Australopithecus", "Denisovans"}
    for seed in range(8):
        it = ch.gen.item("mcq", topics[0], random.Random(seed), D2T)
        assert set(it.options) <= people, it.options


def test_a_description_of_someone_gets_only_wrong_descriptions_of_someone():
    """Reading 90: 'the period of time …' and 'stone tools …' offered as descriptions of Homo erectus."""
    topics, ch = _early_humans()
    people = {"Homo erectus", "Homo habilis", "Australopithecus", "Denisovans"}
    made = []
    for seed in range(8):
        try:
            made.append(ch.gen.item("mcq", topics[2], random.Random(seed), ItemOptions(direction="term-to-definition")))
        except GenerationError:
            continue
    assert made and all(set(it.option_topics) <= people for it in made), [it.option_topics for it in made]


def test_people_said_with_commas_counts_and_a_name_head_of_someone():
    from quizgen.model import Topic

    person = lambda name, d: "<person>" in DistractorIndex.classes(Topic(name, d, "G"))  # noqa: E731
    assert person("Primary groups", "small, informal groups of people who are closest to us")
    assert person("Group", "any collection of at least two people who interact with some frequency")
    assert person("Functional stakeholder", "a stakeholder whose relationships govern an organization's inputs")
    assert not person("Functional group", "a group whose atoms give a molecule its reactions")
    assert not person("Primary source", "a document, object, or other source made by people who lived then")


def test_a_capitalised_word_after_an_adjective_is_not_the_end_of_the_genus():
    """Reading 91: 'a wealthy Roman aristocrat …' read as a 'wealthy' (then no person, and a grain dole and a cult
    offered for Patron); '… planets Jupiter, Saturn' still ends at the names."""
    assert genus_word_of("a wealthy Roman aristocrat sought by clients in need of assistance") == "aristocrat"
    assert genus_word_of("a light, long-barreled European gun") == "gun"
    assert genus_word_of("the first English colony in Virginia, which disappeared") == "colony"
    assert genus_word_of("the giant planets Jupiter, Saturn, Uranus and Neptune") == "planets"
    assert genus_word_of("people bound by a contract to work for someone for a set number of years") == "people"


def test_a_field_of_study_is_told_from_a_study_made_and_from_other_branches():
    from quizgen.items.mcq import field_of_study
    from quizgen.model import Topic

    def field(name: str, definition: str) -> bool:
        topic = Topic(name, definition, "G")
        return field_of_study(DistractorIndex(load_bank_of([topic])), topic)

    assert field("Kinematics", "the study of motion without considering its causes")
    assert field("Physics", "the science concerned with describing the interactions of energy and matter")
    assert field("Macroeconomics", "the branch of economics that focuses on broad issues such as growth")
    assert field("Classical physics", "physics that was developed from the Renaissance to the end of the 19th century")
    assert field("Metaphysics", "the field of philosophy concerned with identifying that which is real")
    assert not field("Meta-analysis", "study that combines the results of several related studies")
    assert not field("Bronchiole", "branch of bronchi that are 1 mm or less in diameter")
    assert not field("Calvinism", "a branch of Protestantism started by John Calvin")
    assert not field("Worldview", "a very broad ideology that shapes how the members of a culture view the world")
    assert not field("Political ideology", "ideology that a party holds")


def load_bank_of(topics):
    from quizgen.model import Bank, Category

    return Bank((Category("G", tuple(topics)),))


def test_a_field_of_study_is_not_the_one_field_among_quantities():
    """Readings 93-95 (physics): 'the study of motion …' with Average speed and Distance beside Kinematics, or as the
    one 'study of' description for Dynamics among a tendency and a quantity of matter: 10 items, all flawed. A field
    beside a theory, a model or a source was read fair (Historiography, five times), and is still made."""
    ch = checker("physics")
    why = []
    for name in ("Kinematics", "Dynamics"):
        for direction in ("definition-to-term", "term-to-definition"):
            for seed in range(6):
                with pytest.raises(GenerationError) as refused:
                    ch.gen.item("mcq", ch.bank.topic(name), random.Random(seed), ItemOptions(direction=direction))
                why.append(refused.value.message)
    assert sum("one option of its kind" in w or "names a kind ('study')" in w for w in why) >= 12, why
    made = checker("world-history").gen.item(
        "mcq", checker("world-history").bank.topic("Historiography"), random.Random(0), D2T
    )
    assert "Great man theory" in made.options


def test_a_body_named_by_its_initials_is_no_lure_for_what_is_no_one():
    """Readings 96-99 (business): the G20, a forum of countries, offered for an ability, a cost advantage or sending
    work abroad: struck in 6 of the 9 labelled items where it stood; a body whose name says it is one was already
    kept from such keys ('American Psychological Association', reading 86)."""
    ch = checker("business")
    shown = []
    for name in ("Absolute advantage", "Global vision", "Outsourcing", "Free trade"):
        for seed in range(4):
            item = ch.gen.item("mcq", ch.bank.topic(name), random.Random(seed), D2T)
            shown += item.options
    assert "G20" not in shown
    assert {"Absolute advantage", "Outsourcing", "Free trade"} <= set(shown)  # the items are still made


@pytest.mark.parametrize(
    "cls, name, definition, member",
    [
        # reading 96 (business): the G20 offered as a description of Imports, and the one group of countries among
        # policies when asked itself
        (
            "<body>",
            "G20",
            "Forum that brings together 19 countries plus the European Union and the African Union.",
            True,
        ),
        (
            "<body>",
            "Continental Congresses",
            "two assemblies of elected colonial representatives that met in 1774",
            True,
        ),
        ("<body>", "Bicameral legislature", "a legislature with two houses", True),
        ("<body>", "Imports", "Goods and services that are bought from other countries.", False),
        # readings 93 and 97 (world history vol. 2): Bourgeoisie the one group of people among a myth and a charter
        ("<person>", "Bourgeoisie", "the social class whose members owned the means of production", True),
        ("<person>", "Class interval", "a class of values whose width is fixed", False),
        # reading 98 (microbiology): a wave's height and length were no class, so 'distortion of a light wave …'
        # and 'the study of motion …' stood among quantities
        ("<quantity>", "Amplitude", "the height of a wave", True),
        ("<quantity>", "Wavelength", "the distance between one peak of a wave and the next peak", True),
        ("<quantity>", "Arc length", "the length traveled along a circular path", True),
        ("<quantity>", "Interference", "distortion of a light wave due to interaction with another wave", False),
    ],
)
def test_classes_of_forums_classes_of_people_and_measures(cls, name, definition, member):
    assert (cls in classes_of(name, definition)) is member


def test_a_gerund_heading_the_phrase_is_the_genus():
    """Readings 97-98: 'the changing of direction (bending or spreading) …' says Diffraction is a change (a process),
    not a thing of unknown kind, so it is not offered as the one phenomenon among a wave's quantities."""
    assert genus_word_of("the changing of direction (bending or spreading) that occurs") == "changing"
    assert genus_word_of("the processing of animal products for use as food") == "processing"
    assert genus_word_of("tissue covering each organ") == "tissue"


def test_one_thing_under_two_names_is_not_two_wrong_answers():
    """Reading 101 (pharmacology): 'Hypervolemia' ('the condition of fluid volume excess') beside 'Fluid volume
    excess': a student strikes both together. A definition that names another as a modifier is a thing of its own
    ('response caused by the conditioned stimulus', Conditioned response)."""
    ph = checker("pharmacology")
    ix, topic = ph.gen.index, ph.bank.topic
    assert not ix.compatible([topic("Fluid volume excess")], topic("Hypervolemia"))
    assert not ix.compatible([topic("Hypervolemia")], topic("Fluid volume excess"))
    shown = set()
    for name in ("Shock", "Fluid volume deficit"):
        for seed in range(6):
            options = ph.gen.item("mcq", topic(name), random.Random(seed), D2T).options
            assert not {"Hypervolemia", "Fluid volume excess"} <= set(options), options
            shown |= set(options)
    assert shown & {"Hypervolemia", "Fluid volume excess"}  # either is still offered
    psy = checker("psychology")
    assert psy.gen.index.compatible(
        [psy.bank.topic("Conditioned stimulus (CS)")], psy.bank.topic("Conditioned response (CR)")
    )


SEQUENCES = """\
category: Sequences
topics:
  - name: Sequence
    definition: a function whose domain is a subset of the positive integers
  - name: Infinite sequence
    definition: a function whose domain is the set of positive integers
  - name: Arithmetic series
    definition: the sum of the terms of a sequence whose consecutive terms differ by a constant
  - name: Common ratio
    definition: the number each term of a geometric sequence is multiplied by to give the next term
  - name: Annuity
    definition: an investment paid for by a sequence of equal payments made at regular intervals
  - name: Recursive formula
    definition: a rule that gives each term of a sequence from the terms before it
"""


def test_a_name_that_is_its_class_name_with_modifiers_is_no_lure_for_the_class(tmp_path):
    """Reading 106 (algebra): 'Infinite sequence' offered for Sequence ('a function whose domain is a subset of the
    positive integers') and Sequence in Infinite sequence's word bank: a kind fits its class's definition, though
    the two definitions differ in one word as twins do. A negated kind and a modifier that makes another quantity
    ('Specific heat capacity' beside 'Heat capacity', read fair in reading 101) stay twins."""
    (tmp_path / "seq.yaml").write_text(SEQUENCES, encoding="utf-8")
    ch = Checker(load_bank(tmp_path))
    seq, inf = ch.bank.topic("Sequence"), ch.bank.topic("Infinite sequence")
    assert ch.ix.unsafe(seq, inf, "") is not None and ch.ix.unsafe(inf, seq, "") is not None
    for seed in range(4):
        for kind, options in (("mcq", D2T), ("cloze", ItemOptions(mode="term"))):
            for key, other in ((seq, inf), (inf, seq)):
                try:
                    item = ch.gen.item(kind, key, random.Random(seed), options)
                except GenerationError:
                    continue
                shown = item.option_topics if kind == "mcq" else item.word_bank
                assert other.name not in shown, (key.name, shown)
    health = checker("population-health")
    assert health.ix.unsafe(health.bank.topic("Care deserts"), health.bank.topic("Maternal care deserts"), "")
    chem = checker("chemistry")
    heat, specific = chem.bank.topic("Heat capacity (C)"), chem.bank.topic("Specific heat capacity (c)")
    assert chem.ix.unsafe(heat, specific, "") is None


def test_a_comparative_of_a_pair_or_a_common_name_states_the_kind_after_it():
    """Reading 107 (algebra): 'the longer of the two axes of an ellipse' is an axis (Center of a hyperbola, a point,
    was offered), 'the common name of the vertical axis …' is one too (Quadrant was offered)."""
    from quizgen.model import Topic

    assert DistractorIndex.genus(Topic("Major axis", "the longer of the two axes of an ellipse", "G")) == "axi"
    assert genus_word_of("the common name of the vertical axis on a coordinate plane") == "axis"
    assert genus_word_of("the number of protons in the nucleus of an atom") == "number"  # (no comparative)


def test_a_term_named_by_the_questions_own_words_gets_no_definition_to_term_item(tmp_path):
    """Reading 107: 'Which term is described here? a number in a sequence', key Term."""
    (tmp_path / "seq.yaml").write_text(SEQUENCES + "  - name: Term\n    definition: a number in a sequence\n")
    ch = Checker(load_bank(tmp_path))
    with pytest.raises(GenerationError, match="question's own words"):
        ch.gen.item("mcq", ch.bank.topic("Term"), random.Random(0), D2T)


def test_a_lure_defined_as_the_key_among_other_things_is_a_second_answer():
    """Readings 203 and 206: 'Prime minister: the chief executive and head of government in a parliamentary regime'
    was offered for Head of government ('… a political role in which the individual leads the country's
    government'): its defining phrase names the key among what it is. Not a lure whose phrase names the key past a
    word that tells them apart, nor one naming it as a modifier."""
    from quizgen.items import ItemGenerator
    from quizgen.model import Topic

    named = DistractorIndex._named_as_kind
    key = Topic("Head of government", "a role in which the individual leads the country's government", "c")
    assert named(
        Topic("Prime minister", "the chief executive and head of government in a parliamentary regime", "c"), key
    )
    plasma = Topic("Plasma", "the liquid extracellular matrix of blood", "c")
    assert not named(Topic("Albumin", "most abundant plasma protein", "c"), plasma)  # a modifier, not the head
    axon = Topic("Axon", "single process of the neuron", "c")
    assert not named(Topic("Myelin", "lipid-rich insulating substance surrounding the axons of neurons", "c"), axon)
    government = Topic("Government", "the means by which a society organizes itself", "c")
    assert not named(Topic("Political power", "influence over a government’s institutions", "c"), government)
    population = Topic("Population", "all individuals, objects, or measurements", "c")
    assert not named(Topic("Sample", "a subset of the population studied", "c"), population)

    banks = Path(__file__).parent / "data" / "banks"
    gen = ItemGenerator(load_bank(banks / "intro-political-science"))
    topic = gen.bank.topic("Head of government")
    for seed in range(6):
        for options in (ItemOptions(direction="definition-to-term"), ItemOptions(mode="term")):
            kind = "mcq" if options.direction else "cloze"
            item = gen.item(kind, topic, random.Random(seed), options)
            shown = getattr(item, "options", None) or getattr(item, "word_bank", ())
            assert "Prime minister" not in shown, shown
