"""Importing plain glossaries: each format, round trip through the loader, nothing dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from qg_data import SEED

from quizgen import load_bank
from quizgen.bank.importers import import_text
from quizgen.bank.organize import draft_categories
from quizgen.bank.write import write_bank
from quizgen.cli import cli

PAIRS = [
    ("Switch Transformer", "A sparse model that routes each token to exactly one expert."),
    ("Top-k Routing", "Sends each token to the k experts with the highest scores: a common choice."),
    ("Expert Network", "A feed-forward submodule that processes only the tokens routed to it, with \\( k \\) slots."),
]

SAMPLES = {
    "tsv": "\n".join(f"{n}\t{d}" for n, d in PAIRS) + "\n",
    "csv": "definition,term\n" + "\n".join(f'"{d}",{n}' for n, d in PAIRS) + "\n",
    "colon": "\n".join(f"{n}: {d}" if i % 2 else f"- {n} — {d}" for i, (n, d) in enumerate(PAIRS)) + "\n",
    "markdown": (
        f"**{PAIRS[0][0]}**: {PAIRS[0][1]}\n\n## {PAIRS[1][0]}\n{PAIRS[1][1]}\n\n{PAIRS[2][0]}\n: {PAIRS[2][1]}\n"
    ),
    "seed": "Tag: demo\n" + "\n".join(f"- {n}{d}" for n, d in PAIRS) + "\n",
}


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_each_format_round_trips(fmt, tmp_path):
    result = import_text(SAMPLES[fmt], f"glossary.{fmt}", "auto" if fmt != "seed" else "seed")
    assert result.format == fmt
    assert [(t.name, t.definition) for t in result.topics] == PAIRS
    write_bank(draft_categories(result.topics, "Demo", group=False), tmp_path / "bank")
    bank = load_bank(tmp_path / "bank")
    assert [(t.name, t.definition) for t in bank.topics] == PAIRS


@pytest.mark.parametrize("fmt", ["seed", "colon", "markdown"])
def test_format_is_detected_from_content(fmt):
    assert import_text(SAMPLES[fmt], "glossary.txt").format == fmt


def test_every_unused_line_is_reported_with_its_number():
    text = "Alpha: first letter\njust some prose without a separator\nBeta: second letter\nGamma:\n"
    result = import_text(text, "g.txt", "colon")
    assert [t.name for t in result.topics] == ["Alpha", "Beta"]
    assert [d.location.line for d in result.diagnostics] == [2, 4]
    assert all(str(d).startswith(f"g.txt:{d.location.line}: warning: line skipped") for d in result.diagnostics)


def test_duplicate_terms_are_reported_not_merged():
    result = import_text("A: one thing\nB: two\na: again\n", "g.txt", "colon")
    assert [t.name for t in result.topics] == ["A", "B"]
    assert "repeats the term of line 1" in str(result.diagnostics[0]) and result.diagnostics[0].location.line == 3


def test_seed_file_splits_match_the_curated_bank():
    result = import_text(SEED.read_text(encoding="utf-8"), "ml-topics.txt")
    assert result.format == "seed" and len(result.topics) == 248
    curated = {t.name for t in load_bank().topics}
    exact = sum(t.name in curated for t in result.topics)
    assert exact >= 244
    assert [d.location.line for d in result.diagnostics] == [1, 2]  # the header lines, reported
    doubtful = [t for t in result.topics if t.confidence < 0.9]
    assert 0 < len(doubtful) < 25
    wrong = [t for t in result.topics if t.name not in curated]
    assert all(t.confidence < 0.9 for t in wrong)


def test_glued_split_uses_general_evidence():
    from quizgen.bank.split import split_glued

    cases = {
        "Widget Pipeline (WP)WP is a way of moving widgets.": "Widget Pipeline (WP)",
        "FooBarFooBar stores blocks in pages.": "FooBar",
        "zipNetzipNet is a compact network.": "zipNet",
        "Gradient Sketching & Friends (Unified View)For any sketch the bound holds.": "Gradient Sketching & Friends (Unified View)",
        "Quantum BananasA theory of fruit that is rather odd.": "Quantum Bananas",
    }
    for line, title in cases.items():
        assert split_glued(line).title == title, line


def test_auto_grouping_makes_sibling_groups(tmp_path):
    result = import_text(SEED.read_text(encoding="utf-8"), "ml-topics.txt")
    cats = draft_categories(result.topics, "ML", group=True, seed=0)
    assert 10 <= len(cats) <= 25 and all(len(c.topics) >= 3 for c in cats)
    assert sum(len(c.topics) for c in cats) == 248
    write_bank(cats, tmp_path / "g")
    assert len(load_bank(tmp_path / "g").topics) == 248


def test_cli_import_refuses_to_overwrite(runner, tmp_path):
    src = tmp_path / "g.tsv"
    src.write_text(SAMPLES["tsv"])
    out = tmp_path / "bank"
    first = runner.invoke(cli, ["import", str(src), "--out", str(out), "--category", "Demo"])
    assert first.exit_code == 0, first.output
    assert "imported 3 topics (tsv format)" in first.output
    before = (out / "demo.yaml").read_bytes()
    again = runner.invoke(cli, ["import", str(src), "--out", str(out), "--category", "Demo"])
    assert again.exit_code == 1 and "already holds a bank" in again.output and "Traceback" not in again.output
    assert (out / "demo.yaml").read_bytes() == before
    other = out / "other"
    other.mkdir()
    (other / "demo.yaml").write_text("not ours\n")
    forced = runner.invoke(cli, ["import", str(src), "--out", str(other), "--category", "Demo"])
    assert forced.exit_code == 1 and (other / "demo.yaml").read_text() == "not ours\n"


def test_cli_import_reports_doubtful_splits(runner, tmp_path):
    result = runner.invoke(cli, ["import", str(SEED), "--out", str(tmp_path / "b")])
    assert result.exit_code == 0
    assert "ml-topics.txt:1: warning: line skipped" in result.output
    assert "check split (confidence" in result.output
    text = Path(tmp_path / "b" / "ml-topics.yaml").read_text()
    assert "# check: title/definition split guessed with confidence" in text


def test_cli_import_windows_1252_is_read_with_a_notice(runner, tmp_path):
    src = tmp_path / "g.txt"
    src.write_bytes(b"A: caf\xe9 au lait\nB: cr\xe8me br\xfbl\xe9e\n")
    result = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "b")])
    assert result.exit_code == 0 and "read as Windows-1252" in result.output
    assert [t.definition for t in load_bank(tmp_path / "b").topics] == ["café au lait", "crème brûlée"]
