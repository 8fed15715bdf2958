"""The fillable worksheet's text fields carry an embedded TrueType font encoded for the student's letters: what a
Polish or Czech student types shows ('ł', 'ę', 'ř'), where Helvetica, the one font ReportLab's fields take,
has no glyph. Poppler draws a typed field with the field's font; pdftocairo prints it into a page's text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from reportlab.pdfbase.ttfonts import TTFontFile

from quizgen.cli import cli
from quizgen.render.fonts import font_file, use_font
from quizgen.render.formfont import NAME, encoding

QUIMICA = Path(__file__).parent / "data" / "banks" / "quimica"
TYPED = "Łódź zażółć gęślą jaźń, řeka čeští ůl, ő ű, șțâ, Straße"
POLISH_CZECH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻáčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"


def test_the_fields_encoding_holds_central_european_letters_and_the_worksheets_own():
    have = set(TTFontFile(font_file()).charToGlyph)
    chars = encoding([], have)
    assert len(chars) == 256 and chars[65] == "A" and chars[32] == " " and len([c for c in chars if c]) == 254
    assert set(POLISH_CZECH + "őűȘșȚțßäöüàèçñ") <= set(chars)
    assert {"Ǆ", "ŋ"} <= set(encoding(["Ǆ ŋ"], have))  # letters a bank uses come first, even rare ones


def fill(pdf: Path, text: str, da: str | None = None) -> Path:
    """The first text field given `text` as a viewer stores it, for the viewer to draw (NeedAppearances)."""
    out = pdf.with_name(pdf.stem + "-typed.pdf")
    with pikepdf.open(pdf) as doc:
        field = next(f for f in doc.Root.AcroForm.Fields if f.get("/FT") == "/Tx")
        field.V = pikepdf.String(text)
        if da:
            field.DA = pikepdf.String(da)
        del field["/AP"]
        doc.Root.AcroForm.NeedAppearances = True
        doc.save(out)
    return out


@pytest.fixture(scope="module")
def worksheet(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ws")
    args = ["worksheet", "--bank", str(QUIMICA), "--types", "cloze,matching", "--count", "3", "--language", "pl"]
    result = CliRunner().invoke(cli, [*args, "--fillable", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "worksheet.pdf"


def test_every_text_field_uses_the_embedded_font(worksheet):
    with pikepdf.open(worksheet) as doc:
        form = doc.Root.AcroForm
        font = form.DR.Font[f"/{NAME}"]
        assert font.Subtype == "/TrueType" and "/FontFile2" in font.FontDescriptor and "/ToUnicode" in font
        fields = [f for f in form.Fields if f.get("/FT") == "/Tx"]
        assert len(fields) >= 2 and all(bytes(f.DA).startswith(f"/{NAME} ".encode()) for f in fields)


def test_what_a_student_types_shows_and_reads_back(worksheet, tmp_path):
    typed = fill(worksheet, TYPED)
    drawn = subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(typed), str(tmp_path / "p")],
        capture_output=True,
        text=True,
    )
    assert drawn.returncode == 0 and "couldn't find a font" not in drawn.stderr, drawn.stderr
    printed = tmp_path / "printed.pdf"
    subprocess.run(["pdftocairo", "-pdf", "-f", "1", "-l", "1", str(typed), str(printed)], check=True)
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    assert TYPED in text


def test_helvetica_would_not_show_them(worksheet, tmp_path):
    """The check above can fail: the same field in ReportLab's Helvetica loses the Polish letters."""
    typed = fill(worksheet, TYPED, da="/Helv 9 Tf 0 g")
    page = str(tmp_path / "helv")  # (an output root of "-" is a file named '--1.png' in the working folder)
    drawn = subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(typed), page], capture_output=True
    )
    assert b"couldn't find a font for character U+017A" in drawn.stderr  # 'ź'
    use_font(None)
