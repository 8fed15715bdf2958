"""--jobs renders variants in parallel processes and writes exactly the files --jobs 1 writes."""

from __future__ import annotations

from quizgen.cli import cli


def test_jobs_give_identical_files(runner, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for out, jobs in ((one, "1"), (two, "2")):
        result = runner.invoke(
            cli, ["build", "--variants", "4", "--answers", "inline", "--jobs", jobs, "--out", str(out), "--quiet"]
        )
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in one.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in two.iterdir() if not p.name.startswith(".")) and len(names) == 16
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
