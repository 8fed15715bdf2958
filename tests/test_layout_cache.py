"""Paragraphs of the same text and style share one parse and one line-breaking (render.pdf.Para): the PDFs
are the same bytes as without that cache, also where a paragraph is split across pages."""

from __future__ import annotations

import pytest
from test_hostile_layout import long_bank

from quizgen.cli import cli
from quizgen.render import pdf


def _build(runner, out, args):
    result = runner.invoke(cli, ["build", *args, "--answers", "inline", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix == ".pdf"}


@pytest.mark.parametrize("bank", ["bundled", "long"])
def test_layout_cache_gives_the_same_bytes(runner, tmp_path, monkeypatch, bank):
    args = ["--variants", "3", "--seed", "5"]
    if bank == "long":
        spec = tmp_path / "spec.yaml"
        spec.write_text("title: Long\nseed: 1\nvariants: 2\nsections:\n  - {type: matching, sets: 1, size: 5}\n")
        args = [str(spec), "--bank", str(long_bank(tmp_path / "bank"))]
    pdf._LAYOUTS.clear()
    with monkeypatch.context() as m:
        m.setattr(pdf, "LAYOUT_CACHE_SIZE", 0)
        plain = _build(runner, tmp_path / "plain", args)
    assert not pdf._LAYOUTS
    cold = _build(runner, tmp_path / "cold", args)
    assert pdf._LAYOUTS, "the cache was not used"
    warm = _build(runner, tmp_path / "warm", args)  # every paragraph now comes from the cache
    assert len(plain) >= 6
    for name, data in plain.items():
        assert cold[name] == data, name
        assert warm[name] == data, name
