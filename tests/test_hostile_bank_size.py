"""A bank too big to be useful (issue 10, item 10: 1,000,000 topics took 3 min 40 s and 4.3 GB) is refused
early with a located message; the limits still admit 100,000-topic banks (benchmarks/scale.py builds one)."""

from __future__ import annotations

from quizgen.bank import load
from quizgen.cli import cli


def _bank(folder, files: int, topics: int):
    folder.mkdir()
    for f in range(files):
        body = "".join(f"  - name: T{f}x{t}\n    definition: Topic {t} of file {f}.\n" for t in range(topics))
        (folder / f"g{f:03d}.yaml").write_text(f"category: G{f}\ntopics:\n{body}")
    return folder


def test_the_limits_admit_100000_topics():
    assert load.MAX_TOPICS >= 100_000 and load.MAX_BANK_FILES >= 2_000 and load.MAX_BANK_BYTES >= 100_000_000


def test_too_many_topics_files_or_bytes_are_located_errors(runner, tmp_path, monkeypatch):
    bank = _bank(tmp_path / "b", files=6, topics=5)
    for attr, value, message in (
        ("MAX_TOPICS", 12, "g002.yaml: error: the bank has more than 12 topics (reached in this file)"),
        ("MAX_BANK_FILES", 5, "error: 6 bank files; the limit is 5"),
        ("MAX_BANK_BYTES", 500, "MB; the limit is 0 MB"),
    ):
        with monkeypatch.context() as m:
            m.setattr(load, attr, value)
            result = runner.invoke(cli, ["lint", str(bank)])
        assert result.exit_code == 1 and message in result.output, result.output
    assert runner.invoke(cli, ["lint", str(bank), "--errors-only"]).exit_code == 0
