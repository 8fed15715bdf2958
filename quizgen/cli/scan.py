"""Commands of the paper round trip: scan (read filled answer sheets) and fill-sheets (make scans to try it)."""

from __future__ import annotations

from pathlib import Path

import click

from ..bank.load import display_path
from ..bank.write import write_atomic
from ..examfile import load_exam_json
from ..grade import read_responses
from ..scan.report import check_out, write_scan
from ..scan.run import scan as scan_pages
from ..sheets.fill import DISTORTIONS, fill_sheets
from . import EXISTING_FILE, _refuse_overwrite, cli, exam_option, reports_errors, seed_option


@cli.command()
@click.argument("scans", nargs=-1, required=True, type=EXISTING_FILE)
@exam_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the results.")
@click.option(
    "--review",
    "review_file",
    type=EXISTING_FILE,
    help="A review.csv with the teacher's decisions filled in: apply them (the scans are read again).",
)
@click.option(
    "--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Read pages in this many processes."
)
@click.option("--force", is_flag=True, help="Write into --out even if it holds other files.")
@reports_errors
def scan(scans, exam_file, out, review_file, jobs, force):
    """Read scanned answer sheets (PDF, PNG, JPEG, TIFF) into responses.csv for quizgen grade; doubtful marks go to
    review.csv and review.pdf, and annotated page images to pages/."""
    record = load_exam_json(exam_file)
    check_out(out, force)
    result = scan_pages(list(scans), record, review_file, jobs)
    write_scan(result, out)
    problems = sum(1 for r in result.reviews if not r.question)
    waiting = sum(1 for r in result.reviews if r.question and not r.decision)
    click.echo(
        f"read {sum(1 for p in result.pages if not p.problem)} of {len(result.pages)} page(s): "
        f"{len(result.responses) - 1} student(s) in {display_path(out / 'responses.csv')}, "
        f"{len(result.held)} held back; {waiting} answer(s) to review, {problems} page problem(s) "
        f"(see {display_path(out / 'review.csv')})"
    )


@cli.command("fill-sheets")
@click.argument("responses", type=EXISTING_FILE)
@exam_option
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Scanned-looking PDF to write."
)
@click.option(
    "--distort",
    type=click.Choice(list(DISTORTIONS)),
    default="scanner",
    show_default=True,
    help="none: clean; scanner: a careful scan; rough: skewed, noisy, JPEG 50, pages turned and shuffled.",
)
@click.option("--dpi", default=200, show_default=True, type=click.IntRange(100, 400), help="Scan resolution.")
@seed_option
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@reports_errors
def fill_sheets_(responses, exam_file, out, distort, dpi, seed, force):
    """Fill every student's answer sheet with their RESPONSES.csv answers and write it as a scan, to try quizgen
    scan without paper (the blank sheets come from the PDFs beside EXAM.json)."""
    _refuse_overwrite(out, force)
    record = load_exam_json(exam_file)
    rows = [(r.student_id, r.variant, r.answers) for r in read_responses(responses, record)]
    write_atomic(out, fill_sheets(record, rows, seed, DISTORTIONS[distort], dpi))
    click.echo(f"wrote {len(rows)} filled sheet(s) as {display_path(out)}")
