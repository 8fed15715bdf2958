"""A topic computes its derived names once; its hash and equality stay dataclass's, over its fields (set and
dict orders, and so items, depend on them)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from quizgen import load_bank
from quizgen.model import Topic


@dataclass(frozen=True)
class PlainTopic:  # Topic's fields with dataclass's own hash
    name: str
    definition: str
    category: str
    aliases: tuple = ()
    overlaps: tuple = ()
    tags: tuple = ()
    id: str | None = None
    language: str = "en"


def test_hash_is_dataclasses_hash_of_the_compared_fields():
    assert [f.name for f in fields(Topic) if f.compare] == [f.name for f in fields(PlainTopic)]
    for t in load_bank().topics[:50]:
        plain = PlainTopic(t.name, t.definition, t.category, t.aliases, t.overlaps, t.tags, t.id, t.language)
        assert hash(t) == hash(plain) == hash(t)


def test_names_are_computed_once_and_follow_the_fields():
    t = Topic("Grouped-Query Attention (GQA)", "A variant of attention.", "Attention", aliases=("GQA attention",))
    assert t.names == ("Grouped-Query Attention (GQA)", "Grouped-Query Attention", "GQA", "GQA attention")
    assert t.names is t.names and t.short_name == "Grouped-Query Attention" and t.acronyms == ("GQA",)
    renamed = replace(t, name="Multi-Query Attention (MQA)")
    assert renamed.names[:3] == ("Multi-Query Attention (MQA)", "Multi-Query Attention", "MQA")
    assert renamed != t and hash(renamed) != hash(t)
