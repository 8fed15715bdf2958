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


def test_default_jobs_use_every_core_and_give_the_same_files(runner, tmp_path, monkeypatch):
    import os

    from quizgen import output

    used = []
    real = output.render_reportlab
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2}, raising=False)
    monkeypatch.setattr("quizgen.cli.build.render_reportlab", lambda *a: used.append(a[-1]) or real(*a))
    one, auto = tmp_path / "one", tmp_path / "auto"
    for out, extra in ((one, ["--jobs", "1"]), (auto, [])):
        result = runner.invoke(cli, ["build", "--variants", "5", *extra, "--out", str(out), "--quiet"])
        assert result.exit_code == 0, result.output
    assert used == [1, 3]
    names = sorted(p.name for p in one.iterdir() if not p.name.startswith("."))
    for name in names:
        assert (one / name).read_bytes() == (auto / name).read_bytes(), name


def test_few_papers_render_in_one_process(monkeypatch):
    import os

    from quizgen.exam import build_exam
    from quizgen.output import auto_jobs
    from quizgen.spec import SAMPLE

    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2, 3}, raising=False)
    from quizgen import load_bank

    exam = build_exam(SAMPLE.with_overrides(variants=2), load_bank())
    assert auto_jobs(exam) == 1
    assert auto_jobs(exam, [("student", "A")] * 3) == 4
