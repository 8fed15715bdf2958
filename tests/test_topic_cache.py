"""A topic computes its hash and derived names once: the same values dataclass and the properties would give
(set and dict orders, and so items, depend on them), and never carried into another process by pickle."""

from __future__ import annotations

import pickle
import subprocess
import sys
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


def test_a_pickled_topic_hashes_as_the_other_process_does():
    t = load_bank().topics[0]
    hash(t), t.names  # noqa: B018 (filled in before pickling)
    probe = (
        "import pickle, sys\nt = pickle.loads(sys.stdin.buffer.read())\n"
        "print(sorted(t.__dict__) == sorted(f for f in t.__dataclass_fields__), hash(t) == hash(("
        "t.name, t.definition, t.category, t.aliases, t.overlaps, t.tags, t.id, t.language)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], input=pickle.dumps(t), capture_output=True, check=True)
    assert done.stdout.split() == [b"True", b"True"]
