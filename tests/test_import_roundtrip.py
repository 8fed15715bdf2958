"""A teacher's own files, as Excel, LibreOffice, Google Sheets, Quizlet and Markdown editors write them, land in
a bank with every topic in the group the file put it in; encodings, separators and merging are explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.bank.importers import import_text
from quizgen.cli import cli

DATA = Path(__file__).parent / "data" / "roundtrip"
EXPECTED: dict[str, list[list[str]]] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
GROUPED = [
    "biology-obsidian.md",
    "biology-notepad.md",
    "excel-europe.csv",
    "excel-utf8.csv",
    "libreoffice.csv",
    "google-sheets.csv",
]


def _import(runner, tmp_path, name, *args):
    out = tmp_path / "bank"
    result = runner.invoke(cli, ["import", str(DATA / name), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return result, load_bank(out)


def _plain(text: str) -> str:
    return text.replace("’", "'")


@pytest.mark.parametrize("name", GROUPED)
def test_every_topic_lands_in_its_group(runner, tmp_path, name):
    result, bank = _import(runner, tmp_path, name)
    got = {c.name: [t.name for t in c.topics] for c in bank.categories}
    assert got == {cat: [n for n, _ in rows] for cat, rows in EXPECTED.items()}
    want = {n: d for rows in EXPECTED.values() for n, d in rows}
    for t in bank.topics:
        if t.name != "Ribosome" or name != "excel-europe.csv":
            assert _plain(t.definition) == want[t.name], (name, t.name)


def test_excel_europe_semicolons_quotes_and_windows_1252(runner, tmp_path):
    result, bank = _import(runner, tmp_path, "excel-europe.csv")
    assert "read as Windows-1252" in result.output and "separated by ';'" in result.output
    assert "categories from the column 'Category'" in result.output
    ribosome = next(t for t in bank.topics if t.name == "Ribosome")
    assert ribosome.definition.endswith('(the cell’s "protein factory"; see also the ER)')
    nucleus = next(t for t in bank.topics if t.name == "Nucleus")
    assert "cell’s chromosomes" in nucleus.definition


def test_google_sheets_cell_with_a_line_break_is_one_definition(runner, tmp_path):
    _, bank = _import(runner, tmp_path, "google-sheets.csv")
    golgi = next(t for t in bank.topics if t.name == "Golgi apparatus")
    assert "modifies, sorts and packages proteins" in golgi.definition


@pytest.mark.parametrize(
    ("name", "group", "args"),
    [
        ("quizlet-tab.txt", "Cell division", []),
        ("quizlet-semicolon.txt", "Organelles", []),
        ("quizlet-comma.txt", "Organelles", []),
        ("windows-1252.txt", None, []),
    ],
)
def test_ungrouped_exports_keep_every_pair(runner, tmp_path, name, group, args):
    result, bank = _import(runner, tmp_path, name, "--category", "Mine", *args)
    pairs = [(t.name, _plain(t.definition)) for t in bank.topics]
    want = EXPECTED[group] if group else EXPECTED["Organelles"] + EXPECTED["Energy"]
    assert pairs == [tuple(p) for p in want]
    assert [c.name for c in bank.categories] == ["Mine"]


def test_markdown_headings_over_terms_become_categories_and_term_headings_stay_topics():
    text = (
        "# Unit 3\n\nIntro paragraph.\n\n## Organelles\n- Nucleus: holds the chromosomes\n"
        "- **Ribosome** — makes proteins\n\n## Osmosis\nWater moving across a membrane.\n- more detail: here\n\n"
        "**Energy**\n\nATP\n: carries energy\n\nEnzyme\n: speeds reactions up\n\n## Diffusion\nParticles spreading.\n"
    )
    result = import_text(text, "g.md")
    got = [(t.category, t.name, t.definition) for t in result.topics]
    assert got == [
        ("Organelles", "Nucleus", "holds the chromosomes"),
        ("Organelles", "Ribosome", "makes proteins"),
        ("Unit 3", "Osmosis", "Water moving across a membrane. more detail: here"),
        ("Energy", "ATP", "carries energy"),
        ("Energy", "Enzyme", "speeds reactions up"),
        ("Unit 3", "Diffusion", "Particles spreading."),
    ]
    assert [d.location.line for d in result.diagnostics] == [3]  # the intro paragraph, reported


def test_heading_with_a_single_term_bullet_stays_a_topic():
    result = import_text("## Mitosis\n- Result: two identical nuclei\n\n## Meiosis\nHalves the count.\n", "g.md")
    assert [(t.category, t.name, t.definition) for t in result.topics] == [
        ("", "Mitosis", "Result: two identical nuclei"),
        ("", "Meiosis", "Halves the count."),
    ]


def test_undecodable_file_names_line_column_and_encoding_option(runner, tmp_path):
    src = tmp_path / "g.txt"
    src.write_bytes(b"Alpha: first letter\nBeta: caf\x81\x8d\n")  # 0x81 and 0x8D are unassigned in Windows-1252
    result = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "b")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "g.txt:2:10:" in result.output and "--encoding" in result.output
    ok = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "b"), "--encoding", "mac-roman"])
    assert ok.exit_code == 0, ok.output
    assert "read as mac-roman" in ok.output
    c1 = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "d"), "--encoding", "latin-1"])
    assert c1.exit_code == 1 and "g.txt:2:10:" in c1.output and "U+0081" in c1.output
    bad = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "c"), "--encoding", "klingon"])
    assert bad.exit_code == 1 and "unknown --encoding 'klingon'" in bad.output


def test_control_characters_are_not_taken_for_windows_1252(runner, tmp_path):
    src = tmp_path / "g.txt"
    src.write_bytes(b"Alpha: first\x01 letter\xe9\nBeta: second letter\n")
    result = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "b")])
    assert result.exit_code == 1 and "g.txt:1:21:" in result.output


def test_utf16_from_excel_unicode_text(runner, tmp_path):
    src = tmp_path / "sheet.txt"
    src.write_bytes("term\tdefinition\tcategory\r\nA\tfirst letter\tGreek\r\nB\tsecond one\tGreek\r\n".encode("utf-16"))
    result = runner.invoke(cli, ["import", str(src), "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "UTF-16" in result.output
    assert [(c.name, len(c.topics)) for c in load_bank(tmp_path / "b").categories] == [("Greek", 2)]


def test_import_into_an_existing_bank_needs_merge_and_refuses_clashes(runner, tmp_path):
    out = tmp_path / "bank"
    first = runner.invoke(
        cli, ["import", str(DATA / "quizlet-tab.txt"), "--out", str(out), "--category", "Cell division"]
    )
    assert first.exit_code == 0, first.output
    path = out / "cell-division.yaml"
    path.write_text("# my notes, kept\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    again = runner.invoke(cli, ["import", str(DATA / "libreoffice.csv"), "--out", str(out)])
    assert again.exit_code == 1 and "--merge" in again.output and "already holds a bank" in again.output
    clash = runner.invoke(cli, ["import", str(DATA / "libreoffice.csv"), "--out", str(out), "--merge"])
    assert clash.exit_code == 1 and "8 imported term(s) are already in the bank" in clash.output
    assert "'Mitosis' (" in clash.output and "libreoffice.csv:10) is already in" in clash.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before

    more = tmp_path / "more.tsv"
    more.write_text("Interphase\tThe long phase between divisions in which the cell grows and copies its DNA.\n")
    ok = runner.invoke(cli, ["import", str(more), "--out", str(out), "--merge", "--category", "Cell division"])
    assert ok.exit_code == 0, ok.output
    assert path.read_text(encoding="utf-8").startswith("# my notes, kept\n")
    bank = load_bank(out)
    assert [c.name for c in bank.categories] == ["Cell division"]
    assert [t.name for t in bank.topics][-1] == "Interphase" and len(bank.topics) == 9


def test_force_replaces_same_named_files_but_refuses_clashes_with_the_others(runner, tmp_path):
    out = tmp_path / "bank"
    first = runner.invoke(cli, ["import", str(DATA / "libreoffice.csv"), "--out", str(out)])
    assert first.exit_code == 0, first.output
    again = runner.invoke(cli, ["import", str(DATA / "excel-utf8.csv"), "--out", str(out), "--force"])
    assert again.exit_code == 0, again.output  # every file replaced by its new version
    assert len(load_bank(out).topics) == 31
    clash = runner.invoke(cli, ["import", str(DATA / "quizlet-tab.txt"), "--out", str(out), "--force"])
    assert clash.exit_code == 1 and "'Mitosis' (" in clash.output and "cell-division.yaml" in clash.output
    assert not (out / "quizlet-tab.yaml").exists()
