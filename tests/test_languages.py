"""Printed labels in the exam's language: catalogs, plural forms, overrides, a drop-in language, and a
pseudo-locale that shows any printed word that bypasses the catalogs."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from quizgen import i18n
from quizgen.cli import cli
from quizgen.errors import BankError, QuizgenError
from quizgen.i18n import Labels
from quizgen.items.mcq import LEAD_BLANK, LEAD_DESCRIBES, LEAD_PHRASE
from quizgen.labels import LABELS
from quizgen.render.latex import latex_text
from quizgen.spec import load_spec

CHEMISTRY = Path(__file__).parent / "data" / "banks" / "chemistry"
SHIPPED = ("es", "fr", "de", "it", "pt", "nl", "pl")
needs_tex = pytest.mark.skipif(
    shutil.which("pdflatex") is None and not os.environ.get("CI"),
    reason="TeX Live not installed (CI installs it and never skips)",
)
SPEC = f"""\
title: Chemistry quiz
course: Chemistry
date: "2026-06-15"
bank: {CHEMISTRY}
seed: 5
variants: 2
instructions: Answer every question.
sections:
  - {{type: mcq, count: 3, points: 1}}
  - {{type: cloze, count: 2, points: 1.5}}
  - {{type: matching, count: 1, points: 1, size: 4}}
  - {{type: truefalse, count: 2, points: 1}}
"""


@pytest.fixture
def locale_dirs(monkeypatch, tmp_path):
    """An extra catalog folder (searched after the package's), and no labels cached from before."""
    extra = tmp_path / "locale"
    monkeypatch.setattr(i18n, "LOCALE_DIRS", [*i18n.LOCALE_DIRS, extra])
    i18n._labels.cache_clear()
    yield extra
    i18n._labels.cache_clear()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


# ---- catalogs ----


@pytest.mark.parametrize("code", SHIPPED)
def test_every_shipped_catalog_translates_every_label(code):
    c = i18n.catalog(code)
    assert c.completeness == 1.0
    lab = Labels(code)
    untranslated = [k for k, v in LABELS.items() if not isinstance(v, tuple) and lab(k) == v and len(v) > 3]
    # a few labels are the same word in some languages ('Name', 'Points', 'Question'), never most of them
    assert len(untranslated) < 6, untranslated


def test_plural_forms_follow_each_language():
    pl = Labels("pl")
    assert [pl.points(n) for n in (1, 2, 4, 5, 12, 22, 25)] == [
        "1 punkt",
        "2 punkty",
        "4 punkty",
        "5 punktów",
        "12 punktów",
        "22 punkty",
        "25 punktów",
    ]
    assert pl.points(1.5) == "1,5 punktu"
    assert [pl.count("questions", n) for n in (1, 3, 5)] == ["1 pytanie", "3 pytania", "5 pytań"]
    es, fr, en = Labels("es"), Labels("fr"), Labels("en")
    assert (es.points(1), es.points(2), es.points(2.5)) == ("1 punto", "2 puntos", "2,5 puntos")
    assert (fr.points(0), fr.points(1), fr.points(2)) == ("0 point", "1 point", "2 points")  # French: 0 is singular
    assert (en.points(1), en.points(3)) == ("1 pt", "3 pts")


def test_dates_are_written_out_in_the_language():
    assert Labels("es").date("2026-06-15") == "15 de junio de 2026"
    assert Labels("pl").date("2026-06-15") == "15 czerwca 2026"
    assert Labels("de").date("2026-06-15") == "15. Juni 2026"
    assert Labels("fr").date("summer term") == "summer term"  # not a date: as the teacher wrote it


def test_region_falls_back_to_the_language_and_unknown_languages_are_refused():
    assert Labels("pt-BR")("exam") == Labels("pt")("exam") != "Exam"
    with pytest.raises(QuizgenError, match="no catalog for language 'xx'.*available: de, en, es"):
        Labels("xx")


def test_a_ninth_language_is_one_catalog_file(locale_dirs):
    folder = locale_dirs / "sv" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "quizgen.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n"X-Babel-Language: swedish\\n"\n\n'
        'msgctxt "exam"\nmsgid "Exam"\nmsgstr "Prov"\n\n'
        'msgctxt "points"\nmsgid "{n} pt"\nmsgid_plural "{n} pts"\nmsgstr[0] "{n} poäng"\nmsgstr[1] "{n} poäng"\n',
        encoding="utf-8",
    )
    listed = CliRunner().invoke(cli, ["languages"])
    assert listed.exit_code == 0
    row = next(line for line in listed.output.splitlines() if line.startswith("sv\t"))
    assert row.split("\t")[1] == "svenska" and row.endswith(f"{2 / len(LABELS):.0%}")
    lab = Labels("sv")
    assert (lab("exam"), lab.points(3), lab("name")) == ("Prov", "3 poäng", "Name")  # untranslated: English
    assert lab.catalog.babel_language == "swedish"


def test_a_catalog_cannot_smuggle_placeholders_or_format_code(locale_dirs):
    folder = locale_dirs / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "quizgen.po"
    po.write_text('msgctxt "variant"\nmsgid "Variant {code}"\nmsgstr "V {code.__class__} {secret}"\n')
    with pytest.raises(QuizgenError, match=r"quizgen.po:2: the translation of 'variant' uses \{secret\}"):
        Labels("xx")
    po.write_text('msgctxt "variant"\nmsgid "Variant {code}"\nmsgstr "V {code.__class__} {code}"\n')
    assert Labels("xx")("variant", code="A") == "V {code.__class__} A"  # only {name} is filled, nothing evaluated


def test_latex_prints_the_letters_of_every_shipped_language():
    text = "¿Qué? ¡Sí! «œuvre» Łódź zażółć gęślą jaźń Straße ñ ç ã õ ő ű ij"
    out = latex_text(text)
    assert "[U+" not in out and "ł" in out and "«" in out and "¿" in out


# ---- specs ----


def test_spec_language_and_label_overrides(tmp_path):
    spec = tmp_path / "exam.yaml"
    spec.write_text(SPEC + "language: fr\nlabels: {name: Nom et prénom de l'élève, variant: 'Version {code}'}\n")
    s = load_spec(spec)
    assert s.language == "fr"
    lab = i18n.labels_for(s)
    assert lab("name") == "Nom et prénom de l'élève" and lab("variant", code="B") == "Version B"
    assert lab("exam") == "Épreuve"


@pytest.mark.parametrize(
    "extra, message",
    [
        ("language: klingon-xx-yy-zz-1234567890\n", "'language' must be a BCP 47 language tag"),
        ("language: sv\n", "no catalog for language 'sv'"),
        ("labels: {nmae: Nom}\n", "unknown label 'nmae' in 'labels'; did you mean 'name'"),
        ("labels: {variant: 'Version {letter}'}\n", "label 'variant' uses {letter}, which it does not have"),
        ("labels: [name]\n", "'labels' must be a mapping"),
    ],
)
def test_bad_language_or_labels_are_located_errors(tmp_path, extra, message):
    spec = tmp_path / "exam.yaml"
    spec.write_text(SPEC + extra)
    with pytest.raises(BankError) as e:
        load_spec(spec)
    line = len(SPEC.splitlines()) + 1
    assert re.search(rf"exam\.yaml:{line}:\d+: error: .*", str(e.value)), str(e.value)
    assert message in str(e.value)
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_language_option_overrides_the_spec_and_is_recorded(tmp_path):
    spec = tmp_path / "exam.yaml"
    spec.write_text(SPEC + "language: fr\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(spec), "--language", "pl", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    text = pdf_text(out / "exam-A.pdf")
    assert (
        "Grupa A" in text
        and re.search(r"Strona 1 z \d", text)
        and "Imię i nazwisko:" in text
        and "czerwca 2026" in text
    )
    key = pdf_text(out / "key-A.pdf")
    assert "KLUCZ ODPOWIEDZI" in key and "1,5 punktu" in key
    recorded = yaml.safe_load((out / "exam.json").read_text())["spec"]
    assert recorded["language"] == "pl"
    bad = CliRunner().invoke(cli, ["build", str(spec), "--language", "zz", "--out", str(tmp_path / "o2")])
    assert bad.exit_code == 2 and "no catalog for language 'zz'" in bad.output


# ---- the pseudo-locale: every printed label is marked ----

OPEN, CLOSE = "‹", "›"
ACCENTS = str.maketrans("aeiouAEIOU", "áéíóúÁÉÍÓÚ")


def pseudo(text: str) -> str:
    """A catalog string marked and accented, its {placeholders} untouched."""
    parts = re.split(r"(\{\w+\})", text)
    return OPEN + "".join(p if p.startswith("{") else p.translate(ACCENTS) for p in parts) + CLOSE


def write_pseudo_catalog(root: Path, code: str = "qps") -> None:
    """The pseudo-locale, generated from the template catalog quizgen/locale/quizgen.pot."""
    template = Path(i18n.__file__).parent / "locale" / "quizgen.pot"
    with template.open("rb") as f:
        catalog = read_po(f)
    for message in catalog:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            message.string = tuple(pseudo(i) for i in ids) if isinstance(message.id, tuple) else pseudo(ids[0])
    folder = root / code / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "quizgen.po").open("wb") as f:
        write_po(f, catalog)


def unmarked_words(text: str, vocabulary: set[str]) -> set[str]:
    """Words printed outside the pseudo marks that are not the bank's or the spec's own text."""
    while True:  # innermost marks first: a label may hold another ('… the '‹pts›' circles …')
        stripped = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
        if stripped == text:
            break
        text = stripped
    text = text.replace("-\n", "")  # words TeX hyphenated at a line end
    out = set()
    found = list(re.finditer(r"[^\W\d_]+", text))
    for i, m in enumerate(found):
        word, w = m.group(), m.group().lower()
        if not word.isalpha():  # '½'
            continue
        before, after = (
            (found[i - 1].group().lower() if i else ""),
            (found[i + 1].group().lower() if i + 1 < len(found) else ""),
        )
        if before + w in vocabulary or w + after in vocabulary:
            continue  # a word TeX broke at a line end, its hyphen lost beside a margin label ('con(1.5 pts) centration')
        cut_after = text[m.end() :].startswith(("…", "...", ". . ."))  # (TeX's \ldots reads '. . .')
        cut_before = text[: m.start()].endswith(("…", "...", ". . ."))
        if (cut_after or cut_before) and any(
            (v.startswith(w) if cut_after else True) and (v.endswith(w) if cut_before else True) for v in vocabulary
        ):
            continue  # a word the key cut short ('…ical y…' of 'chemical yield')
        if w in vocabulary or set(word) <= set("ABCDEF"):  # option letters ('DBEA': a matching key)
            continue
        if any(w[:i] in vocabulary and w[i:] in vocabulary for i in range(1, len(w))):  # 'acid-' + 'base'
            continue
        out.add(word)
    return out


def vocabulary_of(spec_text: str) -> set[str]:
    words = set(re.findall(r"[^\W\d_]+", spec_text.lower()))
    for f in CHEMISTRY.glob("*.yaml"):
        words |= set(re.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8").lower()))
    return words


REPORTS = {"report.pdf", "review.pdf"}  # made from the exam in rl-<language>/
REPORT_SYMBOLS = {"kr", "α", "p", "d", "r", "pb", "mcq", "cloze", "matching", "truefalse"}  # statistics; item types
ITEM_TEXT = ("stem", "options", "text", "statement", "premises", "responses", "word_bank")


def item_words(exam_json: Path) -> set[str]:
    """Words of the items' bank text as the item stage wrote them; a multiple-choice lead-in ('Which term is
    described here?') is a label of the document, printed in its language, so its words are left out."""
    record = json.loads(exam_json.read_text(encoding="utf-8"))
    words: set[str] = set()
    for variant in record["variants"]:
        for q in variant["questions"]:
            for field in ITEM_TEXT:
                value = q.get(field) or ""
                if field == "stem":
                    for lead in (LEAD_BLANK, LEAD_PHRASE):
                        value = value.removeprefix(lead)
                    if value == LEAD_DESCRIBES.format(name=q.get("topic", "")):
                        value = q.get("topic", "")
                words |= set(re.findall(r"[^\W\d_]+", json.dumps(value, ensure_ascii=False).lower()))
    return words


def build_everything(tmp_path: Path, language: str, engines=("reportlab", "latex")) -> list[Path]:
    spec = tmp_path / f"exam-{language}.yaml"
    spec.write_text(SPEC + "answer_sheet: true\n")
    pdfs: list[Path] = []
    runner = CliRunner()
    out = tmp_path / f"rl-{language}"
    args = ["build", str(spec), "--language", language, "--answers", "inline", "--out", str(out), "--quiet"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    pdfs += sorted(out.glob("*.pdf"))
    responses, grades = tmp_path / f"responses-{language}.csv", tmp_path / f"grades-{language}"
    args = ["simulate", "--exam", str(out / "exam.json"), "--students", "12", "--seed", "1", "--out", str(responses)]
    assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(cli, ["grade", str(responses), "--exam", str(out / "exam.json"), "--out", str(grades)])
    assert result.exit_code == 0, result.output
    pdfs.append(grades / "report.pdf")
    pdfs.append(scan_with_problems(tmp_path / f"scan-{language}", out))
    ws = tmp_path / f"ws-{language}"
    args = ["worksheet", "--bank", str(CHEMISTRY), "--category", "Solutions", "--count", "6", "--language", language]
    result = runner.invoke(cli, [*args, "--types", "mcq,cloze,matching,truefalse", "--fillable", "--out", str(ws)])
    assert result.exit_code == 0, result.output
    pdfs.append(ws / "worksheet.pdf")
    if "latex" in engines:
        spec.write_text(SPEC)  # answer sheets are drawn by the reportlab engine
        tx = tmp_path / f"tx-{language}"
        args = ["build", str(spec), "--engine", "latex", "--language", language, "--out", str(tx), "--quiet"]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        pdfs += sorted(tx.glob("*.pdf"))
    return pdfs


def scan_with_problems(folder: Path, exam: Path) -> Path:
    """quizgen scan of a sheet with two marks on question 1, the same sheet again and a page that is no sheet:
    review.pdf then holds a doubtful answer, a duplicate and a page problem. Returns review.pdf."""
    import cv2
    import numpy as np
    import pypdfium2 as pdfium

    from quizgen.examfile import load_exam_json
    from quizgen.scan.sheetfile import load_sheet_spec

    folder.mkdir()
    spec = load_sheet_spec(load_exam_json(exam / "exam.json"))
    layout, dpi = spec.layouts[("A", False)], 150
    doc = pdfium.PdfDocument(str(exam / "exam-A.pdf"))
    pages = [np.array(doc[i].render(scale=dpi / 72, grayscale=True).to_numpy()) for i in (0, len(doc) - 1)]
    question, sheet = (p[..., 0] if p.ndim == 3 else p for p in pages)
    k, h = dpi / 72, spec.page_size[1]
    for b in layout.bubbles:
        if (b.question, b.value) in {(0, "1"), (1, "A"), (1, "B")} or b.field == "points" and b.value == "0":
            cv2.circle(sheet, (int(b.x * k), int((h - b.y) * k)), int(b.r * k * 0.85), 20, -1)
    for name, image in (("s1.png", sheet), ("s2.png", sheet), ("s3.png", question)):
        cv2.imwrite(str(folder / name), image)
    scans = [str(folder / n) for n in ("s1.png", "s2.png", "s3.png")]
    result = CliRunner().invoke(cli, ["scan", *scans, "--exam", str(exam / "exam.json"), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    review = (folder / "out" / "review.csv").read_text(encoding="utf-8")
    assert review.count("\n") >= 4, review  # a page problem, a duplicate, a doubtful answer
    return folder / "out" / "review.pdf"


@needs_tex
def test_pseudo_locale_marks_every_printed_label_on_every_page(tmp_path, locale_dirs):
    write_pseudo_catalog(locale_dirs)
    vocabulary = vocabulary_of(SPEC)
    pdfs = build_everything(tmp_path, "qps")
    names = {"exam-A.pdf", "key-A.pdf", "teacher-A.pdf", "master-key.pdf", "worksheet.pdf", "report.pdf", "review.pdf"}
    assert {p.name for p in pdfs} >= names
    for pdf in pdfs:
        exam_json = pdf.parent / "exam.json" if pdf.name not in REPORTS else tmp_path / "rl-qps" / "exam.json"
        text, words = pdf_text(pdf), vocabulary | item_words(exam_json) | REPORT_SYMBOLS
        assert OPEN in text, pdf
        assert not unmarked_words(text, words), (pdf, sorted(unmarked_words(text, words)))
    with (tmp_path / "scan-qps" / "out" / "review.csv").open(encoding="utf-8") as f:
        problems = [row[6] for row in csv.reader(f)][1:]
    assert problems and all(p.startswith(OPEN) and p.endswith(CLOSE) for p in problems), problems


def test_the_pseudo_locale_check_sees_labels_that_bypass_the_catalogs(tmp_path, locale_dirs):
    """The same check on an English build (no marks at all) finds the labels: the test above can fail."""
    vocabulary = vocabulary_of(SPEC)
    found = set()
    for pdf in build_everything(tmp_path, "en", engines=("reportlab",)):
        exam_json = pdf.parent / "exam.json" if pdf.name not in REPORTS else tmp_path / "rl-en" / "exam.json"
        found |= unmarked_words(pdf_text(pdf), vocabulary | item_words(exam_json) | REPORT_SYMBOLS)
    expected = {"Page", "Variant", "True", "False", "Exam", "COPY", "June", "Flagged", "students", "duplicate", "marks"}
    assert expected <= found, sorted(found)


def exported_text(path: Path) -> str:
    """Every text file of an export (a QTI zip's XML, an Anki package's SQLite collection) as one string."""
    import zipfile

    if not zipfile.is_zipfile(path):
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


ENGLISH_EXPORT = ("Which term", "Which statement", "Match each", "True or false", ">True<", ">False<", "\x1fTrue\x1f")
ENGLISH_NAMES = ("(mcq, ", "(cloze, ", "(matching)", "(truefalse, ", " (blank ")  # csv's type columns are data
ANKI_NOTE_TYPES = ('{"name": "Front"', '{"name": "Back"', '{"name": "Topic"', '{"name": "Card 1"', "{{cloze:Text}}")


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift", "qti", "anki", "csv"])
def test_exports_ask_in_the_exams_language(tmp_path, locale_dirs, fmt):
    """What an LMS or Anki shows around the bank's text (lead-ins, 'True or false?', matching instructions)
    comes from the catalogs: in the pseudo-locale no English wording is left, in English it all is."""
    write_pseudo_catalog(locale_dirs)
    spec = tmp_path / "exam.yaml"
    spec.write_text(SPEC.replace("count: 3, points: 1}", "count: 6, points: 1}"))
    found = {}
    for language in ("en", "qps"):
        out = tmp_path / language
        args = ["build", str(spec), "--language", language, "--out", str(out), "--quiet", "--answers", "none"]
        assert CliRunner().invoke(cli, args).exit_code == 0
        target = tmp_path / f"{language}.{fmt}"
        args = ["export", str(out / "exam.json"), "--to", fmt, "--out", str(target)]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        found[language] = {w for w in ENGLISH_EXPORT + ENGLISH_NAMES + ANKI_NOTE_TYPES if w in exported_text(target)}
    assert not found["qps"], found["qps"]
    assert found["en"] >= {"Which term"} | ({"Match each"} if fmt not in ("anki", "csv") else set())
    if fmt == "anki":
        assert found["en"] >= {"True or false", "\x1fTrue\x1f", *ANKI_NOTE_TYPES}
        import_anki_deck(tmp_path / "qps.anki", tmp_path / "anki")
    else:  # question names: 'Osmosis (mcq, definition-to-term)'
        assert found["en"] >= {"(mcq, ", "(truefalse, ", "(matching)"}


def import_anki_deck(package: Path, folder: Path) -> None:
    """Anki's own importer takes note types named in another language: fields, cards and all."""
    anki = pytest.importorskip("anki.collection")
    folder.mkdir()
    apkg = folder / "deck.apkg"
    apkg.write_bytes(package.read_bytes())
    col = anki.Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(apkg)))
        types = {m["name"]: m for m in col.models.all()}
        assert [f["name"] for f in types["quizgen basic"]["flds"]] == [pseudo(w) for w in ("Front", "Back", "Topic")]
        notes = [col.get_note(n) for n in col.find_notes("")]
        assert notes and all(c.question() for n in notes for c in n.cards())  # every card renders its front
    finally:
        col.close()


def test_a_gift_question_per_blank_is_named_in_the_exams_language(locale_dirs):
    from quizgen.export import ExportItem, question_name
    from quizgen.export.gift import gift_text
    from quizgen.text.mask import BLANK

    write_pseudo_catalog(locale_dirs)
    item = {"type": "cloze", "mode": "keyphrase", "topic": "Osmosis", "answer": [["water"], ["membrane"]]}
    item["text"] = f"Movement of {BLANK} across a {BLANK}."
    texts = {}
    for language in ("en", "qps"):
        name = question_name(item, None, language)
        texts[language] = gift_text([ExportItem(item, name, 1.0, "Cells", language)], "Quiz").data.decode()
    assert "::Osmosis (cloze, keyphrase) (blank 2)::" in texts["en"]
    assert not {w for w in ENGLISH_NAMES if w in texts["qps"]}, texts["qps"]
    assert f"Osmosis ({pseudo('cloze, keyphrase')})" in texts["qps"] and " (blánk 2)›::" in texts["qps"]


# ---- scripts the fonts cannot shape, and a font of the teacher's ----


def test_lint_names_scripts_the_fonts_cannot_print(make_bank):
    folder = make_bank(
        {
            "a.yaml": yaml.safe_dump(
                {
                    "category": "Words",
                    "topics": [
                        {
                            "name": "Kitab",
                            "definition": "The Arabic word كتاب means a book that students read at school.",
                        },
                        {
                            "name": "Zhong",
                            "definition": "The Chinese character 中 means the middle of something in space.",
                        },
                    ],
                },
                allow_unicode=True,
            )
        }
    )
    result = CliRunner().invoke(cli, ["lint", str(folder)])
    assert "'Kitab' has Arabic script, whose letters must be joined" in result.output
    assert (
        "'Zhong' uses '中' (U+4E2D, Cjk)" in result.output and "'font: path/to/font.ttf' in the spec" in result.output
    )
    assert "Kitab' uses" not in result.output  # Arabic is reported once, as a shaping problem


def test_a_teachers_font_prints_the_exam(tmp_path):
    font = Path(i18n.__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"  # any TrueType font will do
    spec = tmp_path / "exam.yaml"
    spec.write_text(SPEC + f"font: {font}\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    fonts = subprocess.run(["pdffonts", str(out / "exam-A.pdf")], capture_output=True, text=True).stdout
    assert "DejaVuSans-Bold" in fonts and "DejaVuSans " not in fonts.replace("DejaVuSans-Bold", "")
    default = tmp_path / "default"
    assert CliRunner().invoke(cli, ["build", str(spec), "--out", str(default), "--quiet"]).exit_code == 0
    spec.write_text(SPEC)  # the next build without a font is back to DejaVu Sans
    plain = tmp_path / "plain"
    assert CliRunner().invoke(cli, ["build", str(spec), "--out", str(plain), "--quiet"]).exit_code == 0
    fonts = subprocess.run(["pdffonts", str(plain / "exam-A.pdf")], capture_output=True, text=True).stdout
    assert "DejaVuSans " in fonts.replace("DejaVuSans-Bold", "") + " "


CUT_FONT = Path(i18n.__file__).parent / "fonts" / "DejaVuSans.ttf"  # the bundled face, cut short below


@pytest.mark.parametrize(
    "content",
    [
        b"not a font at all",
        b"\x00\x01\x00\x00" + b"\x00" * 40,
        CUT_FONT.read_bytes()[:60000],
    ],
)
def test_a_broken_font_is_a_clear_error(tmp_path, content):
    font = tmp_path / "broken.ttf"
    font.write_bytes(content)
    spec = tmp_path / "exam.yaml"
    spec.write_text(SPEC + "font: broken.ttf\n")
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1 and "broken.ttf: the font cannot be used" in result.output
    assert "Traceback" not in result.output
    spec.write_text(SPEC + "font: missing.ttf\n")
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1 and "exam.yaml:13:7: error: 'font' names no file" in result.output


def test_the_template_catalog_matches_the_labels_and_is_listed():
    with (Path(i18n.__file__).parent / "locale" / "quizgen.pot").open("rb") as f:
        template = {m.context: m.id for m in read_po(f) if m.id}
    assert template == LABELS  # run scripts/update_catalogs.py after changing quizgen/labels.py
    listed = CliRunner().invoke(cli, ["languages", "--labels"])
    assert listed.exit_code == 0 and "name\tName" in listed.output and "points\t{n} pts" in listed.output


@needs_tex
@pytest.mark.parametrize(
    "language, words",
    [("es", ["Página 1 de", "Modelo A"]), ("fr", ["Page 1 sur", "Nom et prénom :"]), ("pl", ["Strona 1 z", "Grupa A"])],
)
def test_latex_prints_each_language_with_its_letters(tmp_path, language, words):
    letters = "¿Qué? ¡Sí! «œuvre» Łódź zażółć gęślą jaźń Straße mañana façade"
    spec = tmp_path / "exam.yaml"
    text = SPEC.replace("variants: 2", "variants: 1").replace("Answer every question.", f"'{letters}'")
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(spec), "--engine", "latex", "--language", language, "--out", str(out), "--quiet"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    source = (out / "exam.tex").read_text(encoding="utf-8")
    assert "[U+" not in source and f"{i18n.catalog(language).babel_language}]{{babel}}" in source
    text = pdf_text(out / "exam-A.pdf")
    assert letters in " ".join(text.split()) and all(w in text for w in words)
