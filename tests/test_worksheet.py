"""Self-test worksheets: questions first, answers at the end, optional form fields."""

from __future__ import annotations

from pypdf import PdfReader

from quizgen.cli import cli


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
            "PagedAttention,FlashAttention,Grouped-Query Attention (GQA)",
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
