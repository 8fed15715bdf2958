"""Self-test worksheets: questions first, answers at the end, optional form fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen import load_bank
from quizgen.bank.importers import import_text
from quizgen.bank.organize import draft_categories
from quizgen.bank.write import write_bank
from quizgen.cli import cli
from quizgen.worksheet import NAMES, plan_sections, topics_used


def test_worksheet_has_answers_on_the_last_page(runner, tmp_path):
    out = tmp_path / "w"
    result = runner.invoke(
        cli, ["worksheet", "--category", "Reinforcement learning", "--count", "6", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out / "worksheet.pdf"))
    last = reader.pages[-1].extract_text()
    first = reader.pages[0].extract_text()
    assert "Answers" in last and "Answers" not in first
    assert reader.get_fields() is None


def test_fillable_worksheet_has_form_fields(runner, tmp_path):
    out = tmp_path / "w"
    result = runner.invoke(
        cli,
        [
            "worksheet",
            "--topics",
            "PagedAttention,FlashAttention,Speculative Decoding,GPTQ Quantization",
            "--types",
            "mcq,cloze",
            "--count",
            "3",
            "--fillable",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    fields = PdfReader(str(out / "worksheet.pdf")).get_fields()
    assert fields and any(name.startswith("q1") for name in fields)


def test_worksheet_bad_topic(runner, tmp_path):
    result = runner.invoke(cli, ["worksheet", "--topics", "PagedAtention", "--out", str(tmp_path / "w")])
    assert result.exit_code == 1 and "did you mean 'PagedAttention'" in result.output


# ---- sized to the topics at hand ----

DATA = Path(__file__).parent / "data" / "roundtrip"


@pytest.fixture
def biology(tmp_path):
    """A teacher's bank of 31 topics in 5 groups (8, 8, 6, 5, 4), imported from Markdown."""
    result = import_text((DATA / "biology-obsidian.md").read_text(encoding="utf-8"), "biology.md")
    write_bank(draft_categories(result.topics, "Biology", group=False), tmp_path / "bio")
    return tmp_path / "bio"


def _asked(out: Path) -> list[dict]:
    return json.loads((out / "exam.json").read_text(encoding="utf-8"))["variants"][0]["questions"]


def test_worksheet_on_an_eight_term_category_scales_and_says_so(runner, tmp_path, biology):
    out = tmp_path / "w"
    result = runner.invoke(cli, ["worksheet", "--bank", str(biology), "--category", "Cell division", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "8 topic(s) to practise, each asked once: this worksheet has" in result.output
    assert "instead of 12" in result.output
    questions = _asked(out)
    assert {q["type"] for q in questions} == {"mcq", "cloze", "truefalse"}
    assert {q["category"] for q in questions} == {"Cell division"}


def test_worksheet_takes_several_categories(runner, tmp_path, biology):
    out = tmp_path / "w"
    args = ["worksheet", "--bank", str(biology), "--category", "genetics", "--category", "Energy", "--count", "8"]
    result = runner.invoke(cli, [*args, "--types", "mcq,cloze", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {q["category"] for q in _asked(out)} <= {"Genetics", "Energy"} and len(_asked(out)) == 8
    assert "Self-test: Genetics, Energy" in PdfReader(str(out / "worksheet.pdf")).pages[0].extract_text()


@pytest.mark.parametrize("kinds", [["mcq"], ["mcq", "cloze", "truefalse"], ["matching", "truefalse"], list(NAMES)])
def test_planned_sections_never_need_more_topics_than_there_are(kinds):
    for topics in range(1, 40):
        for count in (1, 5, 12, 30):
            sections, note = plan_sections(kinds, count, topics)
            need = sum(s.count * topics_used(s.type) for s in sections)
            asked = sum(s.count for s in sections)
            assert asked >= 1 and asked <= count
            assert need <= topics or asked == 1, (kinds, topics, count)
            assert bool(note) == (asked < count or len(sections) < len(kinds))


def test_fillable_sheet_has_one_place_to_answer(runner, tmp_path, biology):
    out = tmp_path / "w"
    args = ["worksheet", "--bank", str(biology), "--category", "Organelles", "--category", "Genetics", "--fillable"]
    result = runner.invoke(cli, [*args, "--types", "mcq,matching,truefalse", "--count", "6", "--out", str(out)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out / "worksheet.pdf"))
    questions = "".join(p.extract_text() for p in reader.pages[:-1])
    assert "☐" not in questions and "[\u2003\u2003]" not in questions and "[  ]" not in questions
    assert {q["type"] for q in _asked(out)} == {"mcq", "matching", "truefalse"}
    assert reader.get_fields()


def test_retest_without_bank_reads_the_bank_the_exam_recorded(runner, tmp_path, biology, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "spec.yaml"
    spec.write_text("bank: bio\nseed: 3\nsections:\n  - type: mcq\n    count: 8\n", encoding="utf-8")
    built = runner.invoke(cli, ["build", str(spec), "--out", "exam", "--quiet"])
    assert built.exit_code == 0, built.output
    sim = runner.invoke(cli, ["simulate", "--exam", "exam/exam.json", "--students", "30", "--out", "r.csv"])
    assert sim.exit_code == 0, sim.output
    run = runner.invoke(cli, ["worksheet", "--from-missed", "r.csv", "--exam", "exam/exam.json", "--out", "re"])
    assert run.exit_code == 0, run.output
    bio_topics = {t.name for t in load_bank(biology).topics}
    assert {q["topic"] for q in _asked(tmp_path / "re")} <= bio_topics
    monkeypatch.chdir(tmp_path / "exam")  # the recorded path is relative to where the build ran
    inside = runner.invoke(cli, ["worksheet", "--from-missed", "../r.csv", "--exam", "exam.json", "--out", "../re3"])
    assert inside.exit_code == 0, inside.output
    monkeypatch.chdir(tmp_path)
    (biology / "organelles.yaml").write_text((biology / "organelles.yaml").read_text() + "\n# edited\n")
    (biology / "energy.yaml").unlink()
    changed = runner.invoke(cli, ["worksheet", "--from-missed", "r.csv", "--exam", "exam/exam.json", "--out", "re2"])
    assert changed.exit_code == 1 and "not found unchanged" in changed.output and "--bank" in changed.output


def test_matching_is_drawn_before_the_single_questions(runner, tmp_path):
    """A 12-term group, six questions of four types: single questions drawn first could take the terms a
    matching set needs together (the chemistry 'Solutions' worksheet failed so); sets are drawn first and the
    sections still print in the order asked."""
    out = tmp_path / "w"
    chemistry = Path(__file__).parent / "data" / "banks" / "chemistry"
    args = ["worksheet", "--bank", str(chemistry), "--category", "Solutions", "--count", "6"]
    result = runner.invoke(cli, [*args, "--types", "mcq,cloze,matching,truefalse", "--out", str(out)])
    assert result.exit_code == 0, result.output
    kinds = [q["type"] for q in _asked(out)]
    order = ["mcq", "cloze", "matching", "truefalse"]
    assert len(kinds) == 6 and "matching" in kinds and kinds == sorted(kinds, key=order.index)  # (how many of each
    # single type depends on which topics their lures of the stated kind leave: session 16, 2 MCQs and 2 blanks -> 3, 1)


def test_a_kind_that_runs_short_gives_its_questions_to_the_others(runner, tmp_path):
    """Topics that make a term blank alone need not all make one beside the sheet's MCQs (in 'Reinforcement
    learning' the second blank found no topic left): the sheet keeps its six questions, fewer of that kind."""
    out = tmp_path / "w"
    result = runner.invoke(
        cli, ["worksheet", "--category", "Reinforcement learning", "--count", "6", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    kinds = [q["type"] for q in _asked(out)]
    assert len(kinds) == 6 and kinds.count("cloze") < 2 and {"mcq", "truefalse"} <= set(kinds)
