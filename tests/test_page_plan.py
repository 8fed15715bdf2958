"""Every paper is made once at the longest variant's planned page count (render.pdf.planned_pages); when a
paper does not get the pages planned, the build falls back to making each variant as long as it needs and
the shorter ones again — the same bytes either way."""

from __future__ import annotations

from quizgen.cli import cli
from quizgen.render import pdf


def _build(runner, out):
    args = ["build", "--variants", "6", "--seed", "11", "--answers", "inline", "--jobs", "1", "--out", str(out)]
    result = runner.invoke(cli, [*args, "--quiet"])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix == ".pdf"}


def test_a_wrong_plan_falls_back_to_the_same_files(runner, tmp_path, monkeypatch):
    calls = []
    real = pdf.planned_pages
    monkeypatch.setattr(pdf, "planned_pages", lambda *a: calls.append(a) or real(*a))
    planned = _build(runner, tmp_path / "planned")
    assert len(calls) == 2  # papers and teacher's copies
    monkeypatch.setattr(pdf, "planned_pages", lambda *a: 1)  # every paper needs more than one page
    fallback = _build(runner, tmp_path / "fallback")
    assert planned.keys() == fallback.keys() and len(planned) == 6 * 3 + 2
    for name, data in planned.items():
        assert fallback[name] == data, name
