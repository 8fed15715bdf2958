from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "ml-topics.txt"  # a copy of shared/seeds/ml-topics.txt, the source of topics/


def yaml_text(s: str) -> str:
    return textwrap.dedent(s).lstrip("\n")


@pytest.fixture
def make_bank(tmp_path):
    """make_bank({'a.yaml': '...'}) writes the files into a fresh folder and returns it."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "bank"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content if isinstance(content, bytes) else yaml_text(content).encode("utf-8")
            (folder / name).write_bytes(data)
        return folder

    return make


@pytest.fixture
def runner():
    return CliRunner()


SMALL_BANK = {
    "moe.yaml": """
        category: Mixture of experts
        topics:
          - name: Switch Transformer
            definition: A sparse model that routes each token to exactly one expert per layer.
          - name: Top-k Routing
            definition: Sends each token to the k experts with the highest router scores.
            aliases: [top-k gating]
          - name: Expert Network
            definition: One of the feed-forward submodules inside a sparse layer that processes routed tokens.
        """,
    "attention.yaml": """
        category: Attention
        description: attention variants
        topics:
          - name: Grouped-Query Attention (GQA)
            definition: Shares key and value heads across groups of query heads to shrink the KV cache.
            overlaps: [Multi-Query Attention]
          - name: Multi-Query Attention
            definition: Uses one key and value head shared by all query heads, the extreme of sharing.
        """,
}


@pytest.fixture
def small_bank(make_bank):
    return make_bank(SMALL_BANK)


CLASS_SPEC = """\
title: Classroom test exam
seed: 5
variants: 2
sections:
  - type: mcq
    count: 8
  - type: cloze
    count: 3
    mode: term
    points: 2
  - type: matching
    sets: 1
    size: 4
  - type: truefalse
    count: 4
"""


@pytest.fixture(scope="session")
def built_exam(tmp_path_factory):
    """A small exam of every item type, built once: (folder, exam.json path)."""
    from quizgen.cli import cli

    tmp = tmp_path_factory.mktemp("classroom")
    spec = tmp / "spec.yaml"
    spec.write_text(CLASS_SPEC)
    out = tmp / "exam"
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, out / "exam.json"
