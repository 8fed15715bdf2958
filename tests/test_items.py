"""Item generation: each type, the exclusion rules, widening, determinism and the JSON schema."""

from __future__ import annotations

import json
import random
from importlib import resources

import jsonschema
import pytest

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions, generate_items
from quizgen.model import Bank, Category, Topic
from quizgen.text.mask import BLANK, contains_spelling


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def gen(bank):
    return ItemGenerator(bank)


def make_bank(groups: dict[str, list[tuple[str, str]]], overlaps=()) -> Bank:
    ov = {}
    for a, b in overlaps:
        ov.setdefault(a, []).append(b)
    cats = []
    for cname, topics in groups.items():
        cats.append(Category(cname, tuple(Topic(n, d, cname, overlaps=tuple(ov.get(n, ()))) for n, d in topics)))
    return Bank(tuple(cats))


FRUIT = [
    ("Apple", "A crisp pomaceous fruit grown in orchards, often red or green, eaten raw or baked in pies."),
    ("Banana", "A long curved tropical fruit with soft sweet flesh inside a yellow peel that is easily removed."),
    ("Cherry", "A small round stone fruit, usually dark red, growing in clusters on long thin stems."),
    ("Grape", "A small juicy berry growing in bunches on vines, used for wine, raisins and juice."),
    ("Mango", "A large stone fruit of South Asia with fragrant orange flesh and a thick green to red skin."),
    ("Kiwi", "A small oval fruit with fuzzy brown skin and bright green flesh dotted with tiny black seeds."),
]


def test_mcq_definition_to_term(gen, bank):
    key = bank.topic("Grouped-Query Attention (GQA)")
    item = gen.item("mcq", key, random.Random(1), ItemOptions(direction="definition-to-term"))
    assert item.options[item.answer] == key.name and item.option_topics[item.answer] == key.name
    assert len(item.options) == 4 and len(set(item.options)) == 4
    assert BLANK in item.stem and not contains_spelling(item.stem, key)
    for name in item.option_topics:
        assert bank.topic(name).category == key.category


@pytest.mark.parametrize("k", [3, 5, 6])
def test_mcq_k_options(gen, bank, k):
    item = gen.item("mcq", bank.topic("PagedAttention"), random.Random(2), ItemOptions(k=k))
    assert len(item.options) == k


def test_mcq_term_to_definition_masks_each_option(gen, bank):
    key = bank.topic("Switch Transformer")
    item = gen.item("mcq", key, random.Random(3), ItemOptions(direction="term-to-definition"))
    assert item.stem == "Which statement best describes Switch Transformer?"
    for text, name in zip(item.options, item.option_topics):
        assert not contains_spelling(text, bank.topic(name))
        assert len(text.split()) < 80  # shortened to a statement, not the whole definition


def test_curated_overlaps_are_never_distractors(gen, bank):
    key = bank.topic("Sparsely-Gated Mixture of Experts (MoE)")
    overlapping = {bank.topic(n).name for n in bank.overlap_map[key.name.casefold()]}
    assert overlapping
    for seed in range(40):
        item = gen.item("mcq", key, random.Random(seed), ItemOptions(direction="definition-to-term"))
        assert not overlapping & set(item.option_topics)


def test_exclusion_rules_each_case():
    b = make_bank(
        {
            "G": [
                (
                    "Flash Kernel",
                    "Flash Kernel fuses attention into one pass over tiles of the sequence in fast memory.",
                ),
                ("Flash Kernel 2", "A second version that improves work partitioning across warps on newer chips."),
                ("Tile Cache", "Stores recently used tiles so that repeated reads of the sequence are served quickly."),
                ("Warp Scheduler", "Chooses which group of threads runs next; see Tile Cache for the memory side."),
                ("Fused Pass", "Fuses attention into one pass over tiles of the sequence kept in fast on-chip memory."),
                ("Block Sparse", "Skips blocks of the attention matrix known to be zero, saving compute and memory."),
                ("Kernel Timer", "Measures how long each launched kernel runs to find slow stages of a program."),
            ]
        },
        overlaps=[("Flash Kernel", "Block Sparse")],
    )
    ix = ItemGenerator(b).index
    key = b.topic("Flash Kernel")
    reasons = {t.name: ix.unsafe(key, t, stem="") for t in b.topics}
    assert reasons["Flash Kernel"] == "the key itself"
    assert reasons["Block Sparse"] == "listed overlap"
    assert reasons["Fused Pass"] == "definition close enough to also fit"
    assert reasons["Flash Kernel 2"] == "name contains or nearly equals the key's"
    assert ix.unsafe(b.topic("Tile Cache"), b.topic("Warp Scheduler"), stem="") == "definitions name each other"
    assert ix.unsafe(key, b.topic("Tile Cache"), stem="a tile cache helps") == "named in the stem"
    assert reasons["Kernel Timer"] is None


def test_widening_is_recorded_and_failure_names_the_group():
    b = make_bank({"Small": FRUIT[:2], "Big": FRUIT[2:]})
    gen = ItemGenerator(b)
    item = gen.item("mcq", b.topic("Apple"), random.Random(0), ItemOptions(k=4))
    assert any("widened to group 'Big'" in n for n in item.notes)
    tiny = make_bank({"A": FRUIT[:2], "B": FRUIT[2:3] + FRUIT[3:4]})
    with pytest.raises(GenerationError) as exc:
        ItemGenerator(tiny).item("mcq", tiny.topic("Apple"), random.Random(0), ItemOptions(k=5))
    assert "group 'A' has 1 sibling(s) of 'Apple'" in str(exc.value) and "4 needed" in str(exc.value)


def test_difficulty_bands_order_by_similarity(gen, bank):
    ix = gen.index
    means = {}
    for difficulty in ("easy", "hard"):
        sims = []
        for t in bank.topics[:120]:
            item = gen.item(
                "mcq", t, random.Random(5), ItemOptions(direction="definition-to-term", difficulty=difficulty)
            )
            wrong = [bank.topic(n) for n in item.option_topics if n != t.name]
            sims.extend(ix.similarity(t, wrong).tolist())
        means[difficulty] = sum(sims) / len(sims)
    assert means["hard"] > 1.3 * means["easy"]


def test_cloze_term_and_keyphrase(gen, bank):
    key = bank.topic("Speculative Decoding")
    term = gen.item("cloze", key, random.Random(1), ItemOptions(mode="term", word_bank=True))
    assert term.text.count(BLANK) == len(term.answer) >= 1
    assert "Speculative Decoding" in term.answer[0] and key.name in term.word_bank
    assert len(term.word_bank) == 4 and not contains_spelling(term.text, key)
    kp = gen.item("cloze", key, random.Random(1), ItemOptions(mode="keyphrase", word_bank=True))
    assert 1 <= kp.text.count(BLANK) == len(kp.answer) <= 2
    for accepted in kp.answer:
        assert accepted[0] in key.definition and accepted[0].lower() not in kp.text.lower()
        assert accepted[0] in kp.word_bank
    assert len(kp.word_bank) == len(kp.answer) + len(kp.answer) + 2


def test_keyphrases_never_inside_math_or_stop_words(gen, bank):
    for t in bank.topics:
        for _, _, word in gen.keyphrases.candidates(t):
            assert word.lower() not in {"which", "their", "there", "these", "about"}
            assert f"\\{word}" not in t.definition


def test_matching_set(gen, bank):
    key = bank.topic("Top-k Routing")
    item = gen.item("matching", key, random.Random(4))
    assert len(item.premises) == 5 and len(item.responses) == 6 and key.name in item.premise_topics
    assert len(set(item.answer)) == 5
    for p, a in zip(item.premise_topics, item.answer):
        assert item.response_topics[a] == p
    for text in item.responses:
        for p in item.premise_topics:
            assert not contains_spelling(text, bank.topic(p))


def test_truefalse_about_half_true_and_never_an_overlap(gen, bank):
    key = bank.topic("Reinforcement Learning from Human Feedback (RLHF)")
    items = [gen.item("truefalse", key, random.Random(s)) for s in range(200)]
    assert 70 <= sum(i.answer for i in items) <= 130
    overlapping = bank.overlap_map[key.name.casefold()]
    for i in items:
        assert i.answer == (i.shown_topic == key.name)
        assert i.shown_topic.casefold() not in overlapping
        assert i.statement.startswith(key.name + ": ")


def test_same_seed_same_items_and_ids(bank):
    a = [i.to_json() for i in generate_items(bank, "mcq", 30, seed=9)]
    b = [i.to_json() for i in generate_items(bank, "mcq", 30, seed=9)]
    c = [i.to_json() for i in generate_items(bank, "mcq", 30, seed=10)]
    assert a == b and a != c
    assert len({i["id"] for i in a}) == 30


def test_items_validate_against_the_shipped_schema(gen, bank):
    schema = json.loads(resources.files("quizgen").joinpath("item.schema.json").read_text())
    rng = random.Random(0)
    for item_type in ("mcq", "cloze", "matching", "truefalse"):
        items, _ = gen.items(item_type, 25, rng, options=ItemOptions(word_bank=True))
        for item in items:
            jsonschema.validate(item.to_json(), schema)


def test_bad_options_are_refused(bank):
    from quizgen.errors import QuizgenError

    with pytest.raises(QuizgenError, match="between 3 and 6"):
        generate_items(bank, "mcq", 1, k=7)
    with pytest.raises(QuizgenError, match="no category"):
        generate_items(bank, "mcq", 1, category="Nope")
