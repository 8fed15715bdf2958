"""A key-phrase word bank offers words of the blank's kind: nouns of the answer's WordNet class (reading 24 found
'algorithm · continuation · critic · factuality' for a list of agent roles), never a word mostly used as a verb
('decouples') or notation ('beta', 'α-divergences'); and a blank is never one half of a pair or a parallel whose
other half the sentence shows ('encoder … _____', 'whose ablation … whose _____')."""

from __future__ import annotations

import random

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.items.cloze import _after_subject, _same_class, _symbolic
from quizgen.model import Bank, Category, Topic
from quizgen.text.language import English
from quizgen.text.mask import BLANK


def test_wordnet_classes_are_read_from_the_singular_and_the_head():
    assert English.noun_classes("critic") == ("person",)
    assert English.noun_classes("routers")[:2] == ("person", "artifact")  # a person, then a device
    assert English.noun_classes("self-supervision") == English.noun_classes("supervision") != ()
    assert English.noun_classes("combines") == ()  # mostly a verb
    assert English.noun_classes("softmax") == ()  # not in WordNet: no kind known
    assert "absence" in English.antonyms("presences")


def test_a_word_where_a_verb_stands_is_no_noun_lure():
    for before in ("Unadjusted Langevin (ULA)", "the choice of k", "It works. ", "", "KTO"):
        assert _after_subject(before), before  # 'trades' after these is a verb
    for before in ("the", "a fixed budget of", "many"):
        assert not _after_subject(before), before


def test_same_class_is_symmetric_and_needs_both_kinds():
    assert _same_class(English, "critic", "router") and _same_class(English, "router", "critic")
    assert not _same_class(English, "critic", "algorithm")
    assert not _same_class(English, "softmax", "algorithm")
    assert _symbolic("beta") and _symbolic("α-divergences") and not _symbolic("variance")


def test_every_bundled_word_bank_is_of_the_answers_kind():
    bank = load_bank(None)
    gen = ItemGenerator(bank)
    made = 0
    for topic in bank.topics:
        try:
            item = gen.item("cloze", topic, random.Random(1), ItemOptions(mode="keyphrase"))
        except GenerationError:
            continue
        (answer,) = item.answer[0]
        for word in set(item.word_bank) - {answer}:
            assert _same_class(English, word, answer), (item.text, word, answer)
            assert not _symbolic(word), (item.text, word)
        made += 1
    assert made >= 1  # about 1 topic in 250 keeps a key-phrase item with a word bank (session 7: 13 of 248;
    # session 11: 9, no member of a list or an aside, no word beside its counterpart; session 12: 7, no verb
    # taken for a noun among the lures; session 14: 4, no blank completing an 'of' phrase;
    # 1, none after a quantifier, none the definition's genus)


FILLER = [  # a bank's other topics, so that a word two definitions share is a domain term, not its everyday word
    (f"Filler {a}", f"A {a} that {b} the {c}.")
    for a in ("scheduler", "regulariser", "sampler", "metric", "tokenizer")
    for b, c in (("lowers", "learning rate"), ("shrinks", "weights"), ("draws", "batches"), ("scores", "overlap"))
]


def _bank(definitions: list[tuple[str, str]]) -> Bank:
    return Bank((Category("Models", tuple(Topic(n, d, "Models") for n, d in definitions + FILLER)),))


def _blankable(definitions: list[tuple[str, str]], topic: int):
    """The words a key-phrase blank may take in a text about the bank's `topic`-th topic (text -> set)."""
    bank = _bank(definitions)
    picker, about = ItemGenerator(bank).keyphrases, bank.topics[topic]
    return lambda text=about.definition: {w for _, _, w in picker.candidates(text, about)}


def test_a_pair_the_bank_keeps_making_is_not_split_into_a_blank():
    blankable = _blankable(
        [
            ("Seq2seq", "A network whose encoder and decoder are trained together on paired sequences."),
            ("Autoencoder", "An encoder and decoder that reconstruct their own input through a bottleneck."),
            ("Cross-attention", "Lets the decoder attend over every state that the encoder wrote."),
        ],
        2,
    )
    assert not {"decoder", "encoder"} & blankable()
    # without its partner in the sentence, the word can be blanked
    assert "decoder" in blankable("Lets the decoder attend over every state of the source.")


def test_the_second_half_of_a_parallel_is_not_blanked():
    blankable = _blankable(
        [
            ("Refusal direction", "A direction whose ablation disables refusal and whose injection forces it."),
            ("Activation steering", "The injection of a vector into activations; its ablation restores the model."),
        ],
        0,
    )
    assert not {"injection", "ablation"} & blankable()
    # the same words without the parallel can be blanked
    assert "injection" in blankable("A direction whose injection into the residual stream forces the refusal.")


def test_after_a_preposition_a_lure_is_a_word_the_bank_writes_there():
    picker = ItemGenerator(load_bank(None)).keyphrases
    text = f"reducing bandwidth during {BLANK}."
    at = text.index(BLANK)
    assert picker.follows("inference", text, at) and not picker.follows("bias", text, at)  # reading 25
    assert picker.follows("bias", f"the {BLANK} of the estimator", 4)  # no preposition: any word
