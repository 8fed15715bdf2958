"""Loading a bank: every kind of mistake is reported with file, line and column, and what to do."""

from __future__ import annotations

import pytest
from qg_data import SMALL_BANK

from quizgen import BankError, load_bank, read_bank


def errors_of(path) -> list[str]:
    with pytest.raises(BankError) as exc:
        load_bank(path)
    return [str(d) for d in exc.value.diagnostics if d.severity == "error"]


def one_file(make_bank, text: str | bytes, name: str = "zz.yaml"):
    return make_bank({name: text, **{k: v for k, v in SMALL_BANK.items()}})


def test_small_bank_loads(small_bank):
    bank = load_bank(small_bank)
    assert [c.name for c in bank.categories] == ["Attention", "Mixture of experts"]
    assert len(bank.topics) == 5
    gqa = bank.topic("grouped-query attention (gqa)")
    assert gqa.category == "Attention" and gqa.location.line == 4 and gqa.location.column == 5
    assert "GQA" in gqa.names and "Grouped-Query Attention" in gqa.names
    assert bank.overlap_map["multi-query attention"] == {"grouped-query attention (gqa)"}


def test_missing_definition_is_located(make_bank):
    path = one_file(
        make_bank,
        """
        category: G
        topics:
          - name: A
            definition: first topic of the group
          - name: Switch Transformer2
        """,
    )
    assert errors_of(path)[0] == (
        f"{path}/zz.yaml:5:5: error: topic 'Switch Transformer2' has no definition; add 'definition: ...'"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "category: G\ntopics:\n  - name: A\n    definition: x\n  - name: [B\n",
            "zz.yaml:6:1: error: YAML syntax error: while parsing a flow sequence",
        ),
        (
            "category: G\ntopics:\n  - name: ''\n    definition: x\n  - name: B\n    definition: y\n",
            "zz.yaml:3:11: error: topic has no name",
        ),
        (
            "category: G\ntopics:\n  - definition: x\n  - name: B\n    definition: y\n",
            "zz.yaml:3:5: error: topic has no name",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: ''\n  - name: B\n    definition: y\n",
            "zz.yaml:4:17: error: topic 'A' has no definition",
        ),
        (
            "category: G\ntopics:\n  - name: [A, B]\n    definition: x\n  - name: B\n    definition: y\n",
            "zz.yaml:3:11: error: 'name' must be text, not a list",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: x\n    aliases: AA\n  - name: B\n    definition: y\n",
            "zz.yaml:5:14: error: 'aliases' must be a list",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definiton: x\n  - name: B\n    definition: y\n",
            "zz.yaml:4:5: error: unknown key 'definiton' in topic; did you mean 'definition'?",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: x\n    overlaps: [Nothing Here]\n"
            "  - name: B\n    definition: y\n",
            "zz.yaml:3:5: error: overlaps of 'A' names 'Nothing Here', which is no topic",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: x\n    aliases: [Switch Transformer]\n"
            "  - name: B\n    definition: y\n",
            "error: alias 'Switch Transformer' of 'A' collides with topic",
        ),
        (
            "category: G\ntopics:\n  - name: switch TRANSFORMER\n    definition: x\n  - name: B\n    definition: y\n",
            "zz.yaml:3:5: error: duplicate topic name 'switch TRANSFORMER' (first at",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: x\n",
            "zz.yaml:1:1: error: category 'G' has only one topic",
        ),
        ("category: G\ntopics: []\n", "zz.yaml:2:9: error: 'topics' is empty"),
        (
            "topics:\n  - name: A\n    definition: x\n  - name: B\n    definition: y\n",
            "zz.yaml:1:1: error: missing 'category:'",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: a \\( x^2 \n  - name: B\n    definition: y\n",
            "zz.yaml:4:17: error: definition of 'A': '\\(' at character 3 is never closed",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: a \\( x^{2 \\) b\n  - name: B\n    definition: y\n",
            "zz.yaml:4:17: error: definition of 'A': unbalanced braces in math",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: a x \\) b\n  - name: B\n    definition: y\n",
            "closes math that was never opened",
        ),
        (
            b"category: G\ntopics:\n  - name: A\n    definition: caf\xe9\n",
            "zz.yaml:4:20: error: file is not valid UTF-8",
        ),
        (
            "category: G\ntopics:\n  - name: A\n    definition: x\n    name: B\n",
            "zz.yaml:5:5: error: key 'name' appears twice",
        ),
        ("a: &x [1]\nb: *x\n", "zz.yaml:2:4: error: YAML aliases (*name) are not allowed"),
        ("", "zz.yaml:1:1: error: file is empty"),
        ("- just\n- a list\n", "zz.yaml:1:1: error: a bank file must be a mapping"),
    ],
)
def test_each_error_is_located(make_bank, text, expected):
    path = one_file(make_bank, text)
    errors = errors_of(path)
    assert any(expected in e for e in errors), errors
    assert all(e.startswith(str(path)) for e in errors), errors


def test_syntax_error_says_where_the_construct_began(make_bank):
    path = one_file(make_bank, "category: G\ntopics:\n  - name: A\n    definition: x\n  - name: [B\n")
    assert "(the construct began at line 5, column 11)" in errors_of(path)[0]


def test_duplicate_names_across_files(make_bank):
    path = make_bank(
        {
            **SMALL_BANK,
            "z.yaml": """
        category: Z
        topics:
          - name: top-K routing
            definition: duplicate of a topic in another file
          - name: Other
            definition: another topic
        """,
        }
    )
    errors = errors_of(path)
    assert any(
        "z.yaml:3:5: error: duplicate topic name 'top-K routing' (first at" in e and "moe.yaml:5:5" in e for e in errors
    ), errors


def test_alias_colliding_with_another_alias(make_bank):
    path = make_bank(
        {
            **SMALL_BANK,
            "z.yaml": """
        category: Z
        topics:
          - name: Other
            definition: another topic
            aliases: [Top-K Gating]
          - name: Third
            definition: a third topic
        """,
        }
    )
    assert any("alias 'Top-K Gating' of 'Other' collides with topic 'Top-k Routing'" in e for e in errors_of(path))


def test_empty_bank_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("not yaml")
    errors = errors_of(tmp_path)
    assert errors == [f"{tmp_path}: error: no .yaml files in this folder; a bank needs at least one"]


def test_missing_path(tmp_path):
    assert "no such file or folder" in errors_of(tmp_path / "nope")[0]


def test_all_errors_are_reported_not_just_the_first(make_bank):
    path = one_file(
        make_bank,
        """
        category: G
        topics:
          - name: A
          - name: B
          - definition: c
        """,
    )
    assert len(errors_of(path)) >= 3


def test_single_file_bank(make_bank):
    path = make_bank(SMALL_BANK) / "moe.yaml"
    assert len(load_bank(path).topics) == 3


def test_scalars_keep_their_text(make_bank):
    path = one_file(
        make_bank,
        """
        category: G
        topics:
          - name: no
            definition: 1e3 is a number but here it is text
          - name: 2024
            definition: yes
        """,
    )
    bank, diags = read_bank(path)
    names = {t.name for t in bank.topics}
    assert {"no", "2024"} <= names
    assert bank.topic("2024").definition == "yes"
