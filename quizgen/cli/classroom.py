"""Commands around the classroom: export, roster, grade, simulate."""

from __future__ import annotations

import difflib
import os
import random
from pathlib import Path

import click

from ..bank import load_bank
from ..bank.load import bank_files, bundled_bank_path, display_path
from ..bank.write import write_atomic
from ..errors import QuizgenError
from ..examfile import load_exam_json
from ..export import FORMATS as EXPORT_FORMATS
from ..export import bank_items, exam_items
from ..export import export as export_items
from ..grade import grade as grade_responses
from ..grade import items_csv as grade_items_csv
from ..grade import read_responses, scores_csv, stats_json
from ..render.report import report_pdf
from ..roster import fake_roster, read_roster
from ..simulate import recorded_students
from ..simulate import simulate as simulate_class
from . import (
    EXISTING_FILE,
    _category,
    _item_types,
    _refuse_overwrite,
    bank_option,
    cli,
    exam_option,
    reports_errors,
    seed_option,
)


@cli.command("export")
@click.argument("exam_file", metavar="[EXAM.json]", required=False, type=EXISTING_FILE)
@bank_option
@click.option("--to", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Export format.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@click.option("--variant", help="Export only this variant of the exam (default: all).")
@click.option(
    "--types",
    default="mcq,cloze,matching,truefalse",
    show_default=True,
    help="Without EXAM.json: item types to generate from the bank.",
)
@click.option(
    "--count",
    default=20,
    show_default=True,
    type=click.IntRange(1, 100000),
    help="Without EXAM.json: items of each type.",
)
@click.option("--category", help="Without EXAM.json: draw topics from this category only.")
@seed_option
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@reports_errors
def export_(exam_file, bank, fmt, out, variant, types, count, category, seed, force):
    """Export an exam (EXAM.json from quizgen build) or items generated from a bank for an LMS or Anki.
    Each distinct question is written once (variants repeat them shuffled); --variant writes one variant."""
    _refuse_overwrite(out, force)
    if exam_file:
        record = load_exam_json(exam_file)
        items, title, sources = exam_items(record, variant), record.title, [Path(exam_file)]
    else:
        b = load_bank(bank)
        pool = list(_category(b, category).topics) if category else None
        items = bank_items(b, _item_types(types), count, random.Random(seed), pool)
        title = f"quizgen items from {b.source}"
        sources = bank_files(Path(bank) if bank else bundled_bank_path())
    result = export_items(items, fmt, title, modified_time(sources))
    write_atomic(out, result.data)
    for note in result.skipped:
        click.echo(f"warning: left out {note}", err=True)
    what = "notes" if fmt == "anki" else "questions"
    click.echo(f"wrote {result.written} {what} as {fmt} to {display_path(out)}")


def modified_time(sources: list[Path]) -> int:
    """When the exported content last changed, for Anki's update-if-newer: SOURCE_DATE_EPOCH when set, else
    the newest modification time of the files the export is made from (the bank's files, or the exam.json)."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env is not None:
        if not env.strip().isdigit():
            raise QuizgenError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{env}'")
        return int(env)
    return max((int(p.stat().st_mtime) for p in sources if p.exists()), default=0)


@cli.command()
@click.option(
    "--fake",
    "count",
    type=click.IntRange(1, 10000),
    required=True,
    help="Number of made-up students (names from several locales).",
)
@seed_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="CSV file to write.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@reports_errors
def roster(count, seed, out, force):
    """Write a demo class roster (name, id, email) made with faker, for trying --roster and grading."""
    _refuse_overwrite(out, force)
    write_atomic(out, fake_roster(count, seed))
    click.echo(f"wrote {count} students to {display_path(out)}")


@cli.command()
@click.argument("responses", type=EXISTING_FILE)
@exam_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for scores.csv, items.csv and report.pdf (default: grades/ beside the exam).",
)
@click.option(
    "--negative-marking", is_flag=True, help="A wrong MCQ costs points/(k-1); a wrong true/false costs its points."
)
@click.option(
    "--fuzzy",
    default=0.0,
    show_default=True,
    type=click.FloatRange(0, 0.5),
    help="Cloze: accept answers this close to an accepted one (0.1 = 90 % similar).",
)
@click.option(
    "--stats-out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write item statistics for later builds (quizgen build --stats FILE).",
)
@click.option(
    "--roster",
    type=EXISTING_FILE,
    help="The class list (name, id): every row's id must be on it; names go into scores.csv.",
)
@click.option("--force", is_flag=True, help="Replace files in --out.")
@reports_errors
def grade(responses, exam_file, out, negative_marking, fuzzy, stats_out, roster, force):
    """Score RESPONSES.csv (student_id, variant, q1, q2, …) and analyse every item."""
    record = load_exam_json(exam_file)
    students = read_roster(roster) if roster else None
    result = grade_responses(record, read_responses(responses, record, students), negative_marking, fuzzy)
    out = out or exam_file.parent / "grades"
    files = {"scores.csv": scores_csv(result), "items.csv": grade_items_csv(result), "report.pdf": report_pdf(result)}
    if out.exists() and not force and any((out / f).exists() for f in files):
        raise QuizgenError(f"{display_path(out)} already holds grades; choose another --out or pass --force")
    _refuse_overwrite(stats_out, force)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        write_atomic(out / name, data)
    if stats_out:
        write_atomic(stats_out, stats_json(result))
    flagged = sum(1 for s in result.items if s.flags)
    rel = f"{result.reliability:.2f}" if result.reliability is not None else "n/a"
    absent = len({s.id for s in students} - {s["id"] for s in result.students}) if students else 0
    click.echo(
        f"graded {len(result.students)} students into {display_path(out)}: KR-20 {rel}, "
        f"{flagged} of {len(result.items)} items flagged"
        + (f"; {absent} on the roster have no responses" if absent else "")
    )


@cli.command()
@exam_option
@click.option(
    "--students",
    type=click.IntRange(1, 100000),
    help="Class size (default: the roster the exam was built with, else 60).",
)
@seed_option
@click.option("--flawed", help="Topic whose question is made flawed (weaker students do better), for trying analysis.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="RESPONSES.csv to write.")
@click.option("--truth", type=click.Path(dir_okay=False, path_type=Path), help="Also write each student's ability.")
@click.option(
    "--sheets",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also fill the exam's answer sheets with these responses and write them as a scanned PDF (see fill-sheets).",
)
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@reports_errors
def simulate(exam_file, students, seed, flawed, out, truth, sheets, force):
    """Draw responses for a simulated class from an item-response model (abilities and difficulties seeded)."""
    record = load_exam_json(exam_file)
    topics = {q["topic"] for qs in record.variants.values() for q in qs}
    if flawed and flawed not in topics:
        hint = difflib.get_close_matches(flawed, sorted(topics), n=1, cutoff=0.5)
        raise QuizgenError(f"no question on '{flawed}' in the exam" + (f"; did you mean '{hint[0]}'?" if hint else ""))
    if truth and truth.resolve() == out.resolve():
        raise QuizgenError("--truth and --out name the same file; give two files")
    for path in (out, truth, sheets):
        _refuse_overwrite(path, force)
    roster = recorded_students(record)
    if roster and students and students > len(roster):
        raise QuizgenError(
            f"the exam was built for a roster of {len(roster)} students; give --students {len(roster)} or fewer"
        )
    students = students or len(roster) or 60
    ids = None
    if sheets:
        from ..sheets.fill import DISTORTIONS, fill_sheets, sheet_ids

        ids = sheet_ids(record, students)
    responses_csv, truth_csv = simulate_class(record, students, seed, flawed, ids, roster or None)
    write_atomic(out, responses_csv)
    if sheets:
        rows = [(r.student_id, r.variant, r.answers) for r in read_responses(out, record)]
        write_atomic(sheets, fill_sheets(record, rows, seed, DISTORTIONS["scanner"]))
    if truth:
        write_atomic(truth, truth_csv)
    whom = "students of the exam's roster" if roster else "simulated students"
    click.echo(f"wrote responses of {students} {whom} to {display_path(out)}")
