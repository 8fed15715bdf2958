"""The example specs shipped in examples/ build as they are: a teacher's first copy must work."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import cli

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("spec", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_an_example_spec_builds(spec, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("exam-*.pdf"))[:1] == ["exam-A.pdf"]
