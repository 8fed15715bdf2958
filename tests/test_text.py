"""Text helpers: math spans, acronyms from names, mention finding, YAML writing round trip."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank.write import DraftCategory, DraftTopic, category_yaml
from quizgen.model import Topic
from quizgen.text.math import math_problems, segments
from quizgen.text.mentions import MentionIndex


def test_math_problems():
    assert math_problems("a \\( x^{2} \\) b \\( y \\)") == []
    assert math_problems("\\( a") and math_problems("a \\)") and math_problems("\\( \\( a \\) \\)")
    assert math_problems("\\( x^{2 \\)") == ["unbalanced braces in math '\\( x^{2 \\)'"]
    assert math_problems("\\( \\{ a \\)") == []


def test_segments_keep_math_whole():
    segs = segments("cost \\( O(n^2) \\) drops")
    assert [(s.text, s.is_math) for s in segs] == [("cost ", False), (" O(n^2) ", True), (" drops", False)]


def test_names_include_acronyms_but_not_qualifiers():
    assert Topic("Grouped-Query Attention (GQA)", "d", "c").names == (
        "Grouped-Query Attention (GQA)",
        "Grouped-Query Attention",
        "GQA",
    )
    assert Topic("Load Balancing (MoE)", "d", "c").names == ("Load Balancing (MoE)", "Load Balancing")
    assert "Zero Redundancy Optimizer" in Topic("ZeRO (Zero Redundancy Optimizer)", "d", "c").names


def test_mentions_find_names_aliases_plurals_and_case_sensitive_acronyms():
    topics = [
        Topic("Mixture of Experts (MoE)", "d", "c"),
        Topic("Sharpness-Aware Minimization (SAM)", "d", "c"),
        Topic("Router Network", "d", "c", aliases=("gating network",)),
    ]
    index = MentionIndex(topics)
    assert index.mentions("a mixture-of-experts model with router networks") == {
        "Mixture of Experts (MoE)",
        "Router Network",
    }
    assert index.mentions("uses SAM") == {"Sharpness-Aware Minimization (SAM)"}
    assert index.mentions("Sam went home") == set()
    assert index.mentions("a Gating Network") == {"Router Network"}
    assert index.mentions("math \\( MoE \\) is skipped") == set()


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80)


@settings(max_examples=150, deadline=None)
@given(
    name=printable.filter(lambda s: s.strip()),
    definition=printable.filter(lambda s: s.strip()),
    alias=printable.filter(lambda s: s.strip()),
)
def test_yaml_writer_round_trips_any_text(name, definition, alias):
    name, definition, alias = (" ".join(s.split()) for s in (name, definition, alias))
    cat = DraftCategory("C", (DraftTopic(name, definition, aliases=(alias,)),))
    data = yaml.safe_load(category_yaml(cat))
    assert data["topics"][0] == {"name": name, "definition": definition, "aliases": [alias]}
