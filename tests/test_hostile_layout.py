"""Definitions near the 5,000-character limit (issue 10, item 8): a matching table or key row taller than
a page continues on the next page instead of stopping the build with reportlab's LayoutError."""

from __future__ import annotations

import random

import pytest
from pypdf import PdfReader

from quizgen.cli import cli


def long_bank(folder):
    rng = random.Random(1)

    def word() -> str:
        return "".join(rng.choice("abcdefghijklmnoprstuv") for _ in range(rng.randint(4, 9)))

    lines = ["category: Long definitions", "topics:"]
    for _ in range(8):
        vocab = [word() for _ in range(300)]
        definition = " ".join(rng.choice(vocab) for _ in range(900))[:4900].rsplit(" ", 1)[0]
        lines += [f"  - name: {word().title()} {word()}", f"    definition: {definition}."]
    folder.mkdir()
    (folder / "long.yaml").write_text("\n".join(lines) + "\n")
    return folder


@pytest.mark.parametrize(
    "section", ["{type: matching, sets: 1, size: 5}", "{type: mcq, count: 2, direction: term-to-definition, k: 6}"]
)
def test_page_tall_questions_and_keys_are_laid_out(runner, tmp_path, section):
    bank = long_bank(tmp_path / "bank")
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"title: Long\nseed: 1\nsections:\n  - {section}\n")
    out = tmp_path / "o"
    result = runner.invoke(cli, ["build", str(spec), "--bank", str(bank), "--out", str(out), "--answers", "inline"])
    assert result.exit_code == 0, result.output
    for name in ("exam-A.pdf", "teacher-A.pdf", "key-A.pdf"):
        assert len(PdfReader(str(out / name)).pages) >= 2, name
    sheet = runner.invoke(
        cli,
        [
            "worksheet",
            "--bank",
            str(bank),
            "--types",
            section[7 : section.index(",")],
            "--count",
            "1",
            "--out",
            str(tmp_path / "w"),
        ],
    )
    assert sheet.exit_code == 0, sheet.output
