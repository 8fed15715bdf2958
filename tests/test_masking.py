"""Masking a topic's names in text: every spelling, any case, variants, never inside math."""

from __future__ import annotations

from quizgen.model import Topic
from quizgen.text.describe import mentions
from quizgen.text.mask import BLANK, mask_topic, sentences

GQA = Topic("Grouped-Query Attention (GQA)", "d", "c", aliases=("grouped attention",))


def test_name_acronym_alias_case_and_hyphen_variants():
    text = "Grouped-query attention (GQA) shares heads; grouped query attentions and Grouped Attention too. GQA!"
    masked = mask_topic(text, GQA)
    assert "query" not in masked.lower() and "GQA" not in masked and "grouped" not in masked.lower()
    assert masked.startswith(f"{BLANK} shares heads")


def test_plural_and_possessive():
    t = Topic("Expert Network", "d", "c")
    assert mask_topic("Expert networks and an expert network's output", t) == f"{BLANK} and an {BLANK} output"


def test_math_is_never_cut():
    t = Topic("Softmax Temperature (T)", "d", "c", aliases=("temperature",))
    text = "Temperature scales logits as \\( \\mathrm{softmax}(z / T) \\) with temperature T."
    masked = mask_topic(text, t)
    assert "\\( \\mathrm{softmax}(z / T) \\)" in masked
    assert masked.startswith(BLANK)


def test_acronyms_match_their_case_only():
    t = Topic("Tree of Thoughts", "d", "c", aliases=("ToT",))
    assert mask_topic("ToT and TOT but not tot", t) == f"{BLANK} and {BLANK} but not tot"


def test_mentions_by_spelling_in_math_and_glued_tokens():
    assert mentions("uses GQA heavily", GQA) and not mentions("uses gqa heavily", GQA)
    assert not mentions("uses queries heavily", GQA)
    assert mentions("a loss \\( \\mathcal{L}_{\\text{GQA}} \\)", GQA)  # inside math
    assert mentions("GQA-style heads", GQA)  # glued to a suffix


def test_sentences_respect_abbreviations_and_math():
    text = "Song et al. (2023) train \\( f. g \\) models. Second sentence here."
    assert sentences(text) == ["Song et al. (2023) train \\( f. g \\) models.", "Second sentence here."]
    # a case name's 'v.' ends no sentence (reading 81: Brown v. Board's key cut at 'struck down Plessy v')
    case = "the 1954 Supreme Court ruling that struck down Plessy v. Ferguson and declared segregation unconstitutional"
    assert sentences(case) == [case]
