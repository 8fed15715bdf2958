"""The `quizgen` command: each subcommand parses options, calls the library and reports."""

from __future__ import annotations

import difflib
import json
import random
import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .bank import load_bank
from .bank.importers import FORMATS, import_text
from .bank.lint import lint_bank
from .bank.load import display_path
from .bank.organize import draft_categories
from .bank.write import write_atomic, write_bank
from .distractors import DIFFICULTIES
from .errors import QuizgenError
from .exam import assign_variants, bank_hash, build_exam
from .examfile import load_exam_json
from .export import FORMATS as EXPORT_FORMATS
from .export import ExportItem
from .export import export as export_items
from .grade import grade as grade_responses
from .grade import items_csv as grade_items_csv
from .grade import missed_topics, read_responses, read_stats, scores_csv, stats_json
from .items import ITEM_TYPES, ItemGenerator, ItemOptions
from .items.cloze import MODES
from .items.mcq import DIRECTIONS
from .output import ANSWER_MODES, OutputFolder, render_reportlab
from .quality import Checker, format_report
from .render.compile import TexNotCompiled
from .render.latex import latex_files
from .render.pdf import worksheet_pdf
from .render.report import report_pdf
from .render.text import items_as_text
from .roster import fake_roster, read_roster
from .simulate import simulate as simulate_class
from .spec import SAMPLE, ExamSpec, SectionSpec, load_spec, sample_for, spec_from_dict
from .text.slug import slugify
from .userfile import read_text

EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
BANK_HELP = "Bank folder or YAML file (default: the bundled machine-learning bank)."


def bank_option(f):
    return click.option("--bank", "bank", type=click.Path(path_type=Path), default=None, help=BANK_HELP)(f)


def reports_errors(f):
    """Turn user errors into a clean message and exit status 1; never a traceback."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except QuizgenError as e:
            raise click.ClickException(str(e)) from None
        except OSError as e:  # a path the user gave that cannot be read or written
            where = f"{e.filename}: " if e.filename else ""
            raise click.ClickException(f"{where}{e.strerror or e}") from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli():
    """quizgen: turn a glossary of terms and definitions into printable exams and self-tests."""


@cli.command()
@bank_option
@click.option("--category", help="List the topics of this category instead of the category counts.")
@reports_errors
def topics(bank, category):
    """Show the bank's categories with their topic counts, or the topics of one category."""
    b = load_bank(bank)
    if category:
        cat = _category(b, category)
        click.echo(f"{cat.name} ({len(cat.topics)} topics)")
        for t in cat.topics:
            click.echo(f"  {t.name}" + (f"  [{', '.join(t.aliases)}]" if t.aliases else ""))
        return
    width = max(len(c.name) for c in b.categories)
    for c in b.categories:
        click.echo(f"{c.name:<{width}}  {len(c.topics):>4}")
    click.echo(f"{len(b.categories)} categories, {len(b.topics)} topics  ({b.source})")


@cli.command()
@click.argument("bank", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="'text': one 'file:line:col: severity: message' per line; 'json': a list for tools.",
)
@click.option("--errors-only", is_flag=True, help="Print errors only, not warnings.")
def lint(bank, fmt, errors_only):
    """Check a bank: schema errors and warnings. Exit 0 when it has no errors, 1 otherwise."""
    try:
        diags = lint_bank(bank)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None
    shown = [d for d in diags if d.severity == "error" or not errors_only]
    errors = sum(d.severity == "error" for d in diags)
    if fmt == "json":
        click.echo(json.dumps([d.as_dict() for d in shown], ensure_ascii=False, indent=2))
    else:
        for d in shown:
            click.echo(str(d))
        click.echo(f"{errors} error(s), {len(diags) - errors} warning(s)", err=True)
    sys.exit(1 if errors else 0)


@cli.command("import")
@click.argument("file", type=EXISTING_FILE)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Input format: seed ('- TitleDefinition'), tsv, csv (with header), colon ('Term: definition'), markdown.",
)
@click.option("--category", help="Category title for the imported topics (default: from the file name).")
@click.option(
    "--group",
    type=click.Choice(["none", "auto"]),
    default="none",
    show_default=True,
    help="'auto': cluster the topics into sibling categories by similarity of their definitions.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the bank's YAML files into.",
)
@click.option("--force", is_flag=True, help="Overwrite YAML files of the same name in --out.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for --group auto.")
@reports_errors
def import_(file, fmt, category, group, out, force, seed):
    """Turn a plain glossary FILE into a bank folder, reporting every line it could not use."""
    source, text = read_text(file, "glossary")
    result = import_text(text, source, fmt)
    default_name = category or file.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Imported"
    cats = draft_categories(result.topics, default_name, group == "auto", seed)
    paths = write_bank(cats, out, force=force)
    for d in result.diagnostics:
        click.echo(str(d), err=True)
    doubtful = [t for t in result.topics if t.confidence is not None and t.confidence < 0.9]
    for t in doubtful:
        click.echo(
            f"{source}:{t.line}: check split (confidence {t.confidence:.2f}): {t.name!r} | {t.definition[:50]!r}…",
            err=True,
        )
    click.echo(
        f"imported {len(result.topics)} topics ({result.format} format) into {len(paths)} file(s) in "
        f"{display_path(out)}; {len(result.diagnostics)} line(s) reported, {len(doubtful)} split(s) to check"
    )


def seed_option(f):
    return click.option(
        "--seed",
        default=0,
        show_default=True,
        type=int,
        help="Seed for every random choice: same inputs and seed give identical output.",
    )(f)


@cli.command()
@bank_option
@click.option("--type", "item_type", type=click.Choice(ITEM_TYPES), required=True, help="Item type to generate.")
@click.option("--direction", type=click.Choice(DIRECTIONS), help="MCQ direction (default: both, drawn per item).")
@click.option("--mode", type=click.Choice(MODES), help="Cloze mode (default: both, drawn per item).")
@click.option("--count", default=10, show_default=True, type=click.IntRange(1, 100000), help="How many items.")
@click.option("--k", default=4, show_default=True, type=click.IntRange(3, 6), help="Options per MCQ.")
@click.option(
    "--difficulty",
    type=click.Choice(DIFFICULTIES),
    default="medium",
    show_default=True,
    help="Similarity band of distractors: hard = the closest safe siblings.",
)
@click.option("--word-bank", is_flag=True, help="Cloze: add a word bank with extra entries from sibling topics.")
@click.option("--size", default=5, show_default=True, type=click.IntRange(2, 12), help="Matching: terms per set.")
@click.option("--category", help="Draw topics from this category only.")
@seed_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="'json': an array of items (see item.schema.json); 'text': readable.",
)
@reports_errors
def items(bank, item_type, direction, mode, count, k, difficulty, word_bank, size, category, seed, fmt):
    """Generate items from the bank and print them."""
    b = load_bank(bank)
    pool = None
    if category:
        pool = list(_category(b, category).topics)
    options = ItemOptions(direction=direction, mode=mode, k=k, difficulty=difficulty, word_bank=word_bank, size=size)
    made, failed = ItemGenerator(b).items(item_type, count, random.Random(seed), pool, options)
    for topic, why in failed:
        click.echo(f"{topic.location}: warning: no {item_type} item for '{topic.name}': {why}", err=True)
    if fmt == "json":
        click.echo(json.dumps([i.to_json() for i in made], ensure_ascii=False, indent=2))
    else:
        click.echo(items_as_text(made))


@cli.command()
@bank_option
@click.option(
    "--count",
    default=1000,
    show_default=True,
    type=click.IntRange(10, 100000),
    help="Items of each type in the sample.",
)
@seed_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Report format."
)
@reports_errors
def check(bank, count, seed, fmt):
    """Generate a large sample of every item type and report its quality; exit 1 when a hard rule is broken."""
    report = Checker(load_bank(bank)).run(count, seed).as_dict()
    click.echo(json.dumps(report, ensure_ascii=False, indent=2) if fmt == "json" else format_report(report))
    sys.exit(0 if report["ok"] else 1)


@cli.command()
@click.argument("spec_file", metavar="[SPEC]", required=False, type=EXISTING_FILE)
@bank_option
@click.option("--variants", type=click.IntRange(1, 10000), help="Number of variants (overrides the spec).")
@click.option("--seed", type=int, help="Seed (overrides the spec): same spec and seed give identical files.")
@click.option(
    "--engine",
    type=click.Choice(["reportlab", "latex"]),
    default="reportlab",
    show_default=True,
    help="reportlab: pure Python PDF; latex: .tex from templates/, compiled with TeX Live when present.",
)
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with LaTeX templates overriding the bundled ones (latex engine).",
)
@click.option(
    "--answers",
    type=click.Choice(ANSWER_MODES),
    default="key",
    show_default=True,
    help="key: separate answer keys; inline: also teacher's copies with answers marked; none: no keys.",
)
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: output/<title-slug>/)."
)
@click.option("--force", is_flag=True, help="Replace a different exam or other files in --out.")
@click.option(
    "--roster",
    type=EXISTING_FILE,
    help="CSV of students (name, id, optional email): one named copy each, variants assigned in turn.",
)
@click.option(
    "--stats",
    "stats_file",
    type=EXISTING_FILE,
    help="Item statistics from quizgen grade --stats-out: drop flawed items, prefer chosen distractors.",
)
@click.option(
    "--from-exam",
    "from_exam",
    type=EXISTING_FILE,
    help="Rebuild the exam recorded in this exam.json (its spec and seed; the bank must be unchanged).",
)
@click.option(
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Render variants in this many processes (same files as --jobs 1).",
)
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@reports_errors
def build(
    spec_file, bank, variants, seed, engine, templates, answers, out, force, roster, stats_file, from_exam, jobs, quiet
):
    """Build exam PDFs, answer keys, key.csv and exam.json from SPEC (default: a sample exam of the bundled bank)."""
    recorded = None
    if from_exam:
        if spec_file:
            raise QuizgenError("give SPEC or --from-exam, not both")
        recorded = load_exam_json(from_exam)
        spec = spec_from_dict(recorded.data.get("spec") or {}, recorded.path)
    else:
        spec = load_spec(spec_file) if spec_file else SAMPLE
    spec = spec.with_overrides(variants=variants, seed=seed, bank=str(bank) if bank else None)
    b = load_bank(spec.bank)
    if recorded is not None:
        then, now = (recorded.data.get("bank") or {}).get("content_hash"), bank_hash(b)
        if then != now:
            raise QuizgenError(
                f"the bank has changed since {recorded.path} was built (content hash {then} then, "
                f"{now} now); the exam cannot be rebuilt exactly"
            )
    elif not spec_file:
        spec = sample_for(len(b.topics)).with_overrides(variants=variants, seed=seed, bank=spec.bank)
    exam = build_exam(spec, b, ItemGenerator(b, read_stats(stats_file)) if stats_file else None)
    out = out or Path("output") / slugify(spec.title, fallback="exam")
    assignments = assign_variants(exam, read_roster(roster)) if roster else []
    if assignments and engine == "latex":
        raise QuizgenError("named copies from a roster are made by the reportlab engine; drop --engine latex")
    folder = OutputFolder(out, exam, force)
    show = not quiet and sys.stderr.isatty()
    steps = len(exam.variants) * (1 + (answers != "none") + (answers == "inline")) + 1 + len(assignments)
    with click.progressbar(length=steps, label="rendering", file=sys.stderr, hidden=not show) as bar:
        if engine == "reportlab":
            render_reportlab(exam, answers, folder, lambda _: bar.update(1), assignments, jobs)
        else:
            try:
                files = latex_files(exam, answers, templates, lambda _: bar.update(1))
            except TexNotCompiled as failed:
                for name, data in failed.files.items():  # the .tex to inspect; no exam.json: not a finished build
                    folder.put(name, data)
                raise QuizgenError(f"{failed.message}\n(the .tex source is in {display_path(out)})") from None
            for name, data in files.items():
                folder.put(name, data)
    written = folder.finish(assignments)
    if not quiet:
        pdfs = sum(name.endswith(".pdf") for name in written)
        click.echo(
            f"wrote {len(written)} files ({pdfs} PDFs) to {display_path(out)}: {len(exam.variants)} "
            f"variant(s) of {len(exam.variants[0].questions)} questions, "
            f"{exam.variants[0].total_points:g} points"
        )


@cli.command()
@bank_option
@click.option("--category", help="Draw the questions from this category.")
@click.option("--topics", "topic_names", help="Comma-separated topic names to practise (instead of a category).")
@click.option(
    "--types",
    default="mcq,cloze,truefalse",
    show_default=True,
    help="Comma-separated item types: mcq, cloze, matching, truefalse.",
)
@click.option(
    "--count",
    default=12,
    show_default=True,
    type=click.IntRange(1, 500),
    help="Questions in total, shared between the types.",
)
@seed_option
@click.option("--fillable", is_flag=True, help="Add form fields so the sheet can be answered on screen.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output/worksheet"),
    show_default=True,
    help="Output folder.",
)
@click.option("--force", is_flag=True, help="Replace other files in --out.")
@click.option(
    "--from-missed",
    "missed_file",
    type=EXISTING_FILE,
    help="RESPONSES.csv of a graded exam: practise the topics that were missed (needs --exam).",
)
@click.option(
    "--exam",
    "exam_file",
    type=EXISTING_FILE,
    help="With --from-missed: the exam.json the responses answer.",
)
@click.option(
    "--student", help="With --from-missed: this student's missed topics (default: topics most of the class missed)."
)
@reports_errors
def worksheet(bank, category, topic_names, types, count, seed, fillable, out, force, missed_file, exam_file, student):
    """A self-test PDF for students: questions first, every answer on the last page(s)."""
    b = load_bank(bank)
    if sum(bool(x) for x in (category, topic_names, missed_file)) > 1:
        raise QuizgenError("give one of --category, --topics or --from-missed")
    pool = list(b.topics)
    title = "Self-test"
    if missed_file:
        if not exam_file:
            raise QuizgenError("--from-missed needs --exam EXAM.json (the exam the responses answer)")
        record = load_exam_json(exam_file)
        result = grade_responses(record, read_responses(missed_file, record))
        names = missed_topics(result, student)
        unknown = [n for n in names if n.casefold() not in b.by_name]
        if unknown:
            raise QuizgenError(f"topic '{unknown[0]}' of the exam is not in the bank; pass the exam's --bank")
        if not names:
            raise QuizgenError("nothing was missed: no re-test needed")
        pool = [b.topic(n) for n in names]
        title = f"Re-test for {student}" if student else "Re-test: topics the class missed"
        count = min(count, len(pool))
    elif category:
        cat = _category(b, category)
        pool, title = list(cat.topics), f"Self-test: {cat.name}"
    elif topic_names:
        names = [n.strip() for n in topic_names.split(",") if n.strip()]
        missing = [n for n in names if n.casefold() not in b.by_name]
        if missing:
            hint = difflib.get_close_matches(missing[0], [t.name for t in b.topics], n=1, cutoff=0.5)
            fix = f"; did you mean '{hint[0]}'?" if hint else ""
            raise QuizgenError(f"no topic '{missing[0]}' in the bank{fix}")
        pool = [b.topic(n) for n in names]
        count = min(count, len(pool))
    kinds = _item_types(types)
    per = [count // len(kinds) + (1 if i < count % len(kinds) else 0) for i in range(len(kinds))]
    sections = tuple(SectionSpec(kind, count=n, points=1) for kind, n in zip(kinds, per) if n)
    spec = ExamSpec(
        title=title,
        course="",
        seed=seed,
        variants=1,
        sections=sections,
        instructions="Answer the questions, then check yourself against the answers at the end.",
    )
    exam = build_exam(spec, b, pool=pool)
    folder = OutputFolder(out, exam, force)
    folder.put("worksheet.pdf", worksheet_pdf(exam, fillable))
    written = folder.finish()
    click.echo(
        f"wrote {display_path(out / 'worksheet.pdf')} ({len(exam.variants[0].questions)} questions"
        f"{', fillable' if fillable else ''}) and {len(written) - 1} other file(s)"
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
    """Export an exam (EXAM.json from quizgen build) or items generated from a bank for an LMS or Anki."""
    _refuse_overwrite(out, force)
    if exam_file:
        record = load_exam_json(exam_file)
        codes = list(record.variants)
        if variant:
            if variant not in record.variants:
                raise QuizgenError(f"no variant '{variant}' in {record.path}; it has {', '.join(codes)}")
            codes = [variant]
        items = [
            ExportItem(
                q, f"{code}-{q['number']:02d} {q['topic']}", float(q["points"]), q.get("category") or record.title
            )
            for code in codes
            for q in record.variants[code]
        ]
        title = record.title
    else:
        b = load_bank(bank)
        pool = list(_category(b, category).topics) if category else None
        kinds = _item_types(types)
        gen, rng, items = ItemGenerator(b), random.Random(seed), []
        for kind in kinds:
            made, _ = gen.items(kind, count, rng, pool)
            items += [ExportItem(i.to_json(), f"{i.topic} ({kind})", 1.0, i.category) for i in made]
        items.sort(key=lambda e: e.category)
        title = f"quizgen items from {b.source}"
    write_atomic(out, export_items(items, fmt, title))
    click.echo(f"wrote {len(items)} items as {fmt} to {display_path(out)}")


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
@click.option(
    "--exam",
    "exam_file",
    type=EXISTING_FILE,
    required=True,
    help="The exam.json that quizgen build wrote.",
)
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
@click.option("--force", is_flag=True, help="Replace files in --out.")
@reports_errors
def grade(responses, exam_file, out, negative_marking, fuzzy, stats_out, force):
    """Score RESPONSES.csv (student_id, variant, q1, q2, …) and analyse every item."""
    record = load_exam_json(exam_file)
    result = grade_responses(record, read_responses(responses, record), negative_marking, fuzzy)
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
    click.echo(
        f"graded {len(result.students)} students into {display_path(out)}: KR-20 {rel}, "
        f"{flagged} of {len(result.items)} items flagged"
    )


@cli.command()
@click.option(
    "--exam",
    "exam_file",
    type=EXISTING_FILE,
    required=True,
    help="The exam.json that quizgen build wrote.",
)
@click.option("--students", default=60, show_default=True, type=click.IntRange(1, 100000), help="Class size.")
@seed_option
@click.option("--flawed", help="Topic whose question is made flawed (weaker students do better), for trying analysis.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="RESPONSES.csv to write.")
@click.option("--truth", type=click.Path(dir_okay=False, path_type=Path), help="Also write each student's ability.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@reports_errors
def simulate(exam_file, students, seed, flawed, out, truth, force):
    """Draw responses for a simulated class from an item-response model (abilities and difficulties seeded)."""
    record = load_exam_json(exam_file)
    topics = {q["topic"] for qs in record.variants.values() for q in qs}
    if flawed and flawed not in topics:
        hint = difflib.get_close_matches(flawed, sorted(topics), n=1, cutoff=0.5)
        raise QuizgenError(f"no question on '{flawed}' in the exam" + (f"; did you mean '{hint[0]}'?" if hint else ""))
    if truth and truth.resolve() == out.resolve():
        raise QuizgenError("--truth and --out name the same file; give two files")
    for path in (out, truth):
        _refuse_overwrite(path, force)
    responses_csv, truth_csv = simulate_class(record, students, seed, flawed)
    write_atomic(out, responses_csv)
    if truth:
        write_atomic(truth, truth_csv)
    click.echo(f"wrote responses of {students} simulated students to {display_path(out)}")


def _item_types(types: str) -> list[str]:
    """A comma-separated --types value, checked."""
    kinds = [t.strip() for t in types.split(",") if t.strip()]
    bad = [t for t in kinds if t not in ITEM_TYPES]
    if bad or not kinds:
        raise QuizgenError(f"unknown item type '{bad[0] if bad else types}'; use {', '.join(ITEM_TYPES)}")
    return kinds


def _refuse_overwrite(path: Path | None, force: bool) -> None:
    """Files the user already has are replaced only with --force."""
    if path is not None and path.exists() and not force:
        raise QuizgenError(f"{display_path(path)} exists; choose another file or pass --force")


def _category(b, name):
    try:
        return b.category(name)
    except KeyError:
        names = [c.name for c in b.categories]
        hint = difflib.get_close_matches(name, names, n=1, cutoff=0.4)
        fix = f"did you mean '{hint[0]}'?" if hint else "run 'quizgen topics' to list them"
        raise QuizgenError(f"no category '{name}' in the bank; {fix}") from None


def main():
    cli(prog_name="quizgen")
