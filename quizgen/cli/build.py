"""Commands that print: build, worksheet."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from ..bank import load_bank
from ..bank.load import display_path
from ..errors import QuizgenError
from ..exam import SectionShort, build_exam, mixed_kind_notes
from ..items import ItemGenerator
from ..output import ANSWER_MODES, OutputFolder, auto_jobs, render_reportlab
from ..spec import SAMPLE, ExamSpec, language_problem, load_spec, sample_for, spec_from_dict
from ..text.slug import slugify
from . import EXISTING_FILE, _category, _item_types, bank_option, cli, reports_errors, seed_option

# What only some options need (LaTeX, rosters, statistics, rebuilds, worksheets) is imported where it is used:
# a 5-question exam should not pay for Jinja, PyLaTeX or the grading code.


def _language(ctx, param, value):
    if value is not None:
        problem = language_problem(value)
        if problem:
            raise click.BadParameter(problem)
    return value


language_option = click.option(
    "--language",
    callback=_language,
    help="Language of the printed labels, a BCP 47 tag such as es, fr, pt-BR (overrides the spec; "
    "'quizgen languages' lists them).",
)
font_option = click.option(
    "--font",
    type=EXISTING_FILE,
    help="TrueType font (.ttf) for the PDF text, for a script the bundled font lacks (CJK …); reportlab engine.",
)


KEYPHRASE_NOTE = (
    "note: section {i} blanks key phrases; blind readings find these the weakest items (word-bank words that "
    "cannot fill the blank, blanks the sentence gives away: 12-64 % fair, docs/quality.md); read them before printing"
)


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
    "--trust-templates",
    is_flag=True,
    help="Run the --templates folder even where TeX cannot be sandboxed (a template is code: use only your own).",
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
    type=click.IntRange(1, 64),
    help="Render variants in this many processes (default: one per core when there are 4 or more papers to "
    "render; the files are the same bytes whatever --jobs is).",
)
@click.option(
    "--answer-sheet",
    is_flag=True,
    help="Add a scannable answer sheet to every copy (as the spec's answer_sheet: true); read it with quizgen scan.",
)
@click.option(
    "--replace",
    "replace_questions",
    multiple=True,
    help="Swap one question: its topic, or its number in variant A (repeatable). Every other question stays.",
)
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@language_option
@font_option
@reports_errors
def build(
    spec_file,
    bank,
    variants,
    seed,
    engine,
    templates,
    trust_templates,
    answers,
    out,
    force,
    roster,
    stats_file,
    from_exam,
    jobs,
    answer_sheet,
    replace_questions,
    quiet,
    language,
    font,
):
    """Build exam PDFs, answer keys, key.csv and exam.json from SPEC (default: a sample exam of the bundled bank)."""
    recorded = None
    if from_exam:
        from ..examfile import load_exam_json

        if spec_file:
            raise QuizgenError("give SPEC or --from-exam, not both")
        recorded = load_exam_json(from_exam)
        spec = spec_from_dict(recorded.spec, recorded.path)
        spec = spec.with_overrides(bank=str(recorded.bank_path) if recorded.bank_path else None)
    else:
        spec = load_spec(spec_file) if spec_file else SAMPLE
    spec = spec.with_overrides(
        variants=variants,
        seed=seed,
        bank=str(bank) if bank else None,
        answer_sheet=answer_sheet or None,
        language=language,
        font=str(font.resolve()) if font else None,
    )
    b = load_bank(spec.bank)
    if recorded is not None:
        from ..exam import bank_hash

        then, now = recorded.bank_hash, bank_hash(b)
        if then != now:
            raise QuizgenError(
                f"the bank has changed since {recorded.path} was built (content hash {then} then, "
                f"{now} now); the exam cannot be rebuilt exactly"
            )
    elif not spec_file:
        spec = sample_for(len(b.topics), language or "en", bundled=spec.bank is None).with_overrides(
            variants=variants,
            seed=seed,
            bank=spec.bank,
            answer_sheet=answer_sheet or None,
            language=language,
            font=spec.font,
        )
    if stats_file:
        from ..grade import read_stats

        gen = ItemGenerator(b, read_stats(stats_file))
    else:
        gen = ItemGenerator(b)
    if replace_questions:
        from ..exam import replace_in_spec

        spec = replace_in_spec(spec, b, gen, replace_questions)
    exam = build_exam(spec, b, gen)
    for i, section in enumerate(spec.sections, 1):
        if section.type == "cloze" and section.mode == "keyphrase" and not quiet:
            click.echo(KEYPHRASE_NOTE.format(i=i), err=True)
    for line in [] if quiet else mixed_kind_notes(exam):
        click.echo(line, err=True)
    out = out or Path("output") / slugify(spec.title, fallback="exam")
    assignments = []
    if roster:
        from ..exam import assign_variants
        from ..roster import read_roster

        assignments = assign_variants(exam, read_roster(roster))
    if spec.font and engine == "latex":
        raise QuizgenError("a font (--font or the spec's 'font:') is used by the reportlab engine; drop --engine latex")
    if spec.answer_sheet and engine == "latex":
        raise QuizgenError("answer sheets are drawn by the reportlab engine; drop --engine latex")
    if assignments and engine == "latex":
        raise QuizgenError("named copies from a roster are made by the reportlab engine; drop --engine latex")
    if templates and trust_templates:
        click.echo(
            "warning: a template is code; with --trust-templates it runs even where TeX cannot be sandboxed",
            err=True,
        )
    show = not quiet and sys.stderr.isatty()
    steps = len(exam.variants) * (1 + (answers != "none") + (answers == "inline")) + 1 + len(assignments)
    with (
        OutputFolder(out, exam, force) as folder,
        click.progressbar(length=steps, label="rendering", file=sys.stderr, hidden=not show) as bar,
    ):
        if engine == "reportlab":
            render_reportlab(
                exam, answers, folder, lambda _: bar.update(1), assignments, jobs or auto_jobs(exam, assignments)
            )
        else:
            from ..render.compile import TexNotCompiled
            from ..render.latex import latex_files

            try:
                files = latex_files(exam, answers, templates, lambda _: bar.update(1), folder.tool_dir, trust_templates)
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
@click.option("--category", multiple=True, help="Draw the questions from this category (repeat for several).")
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
@language_option
@font_option
@reports_errors
def worksheet(
    bank,
    category,
    topic_names,
    types,
    count,
    seed,
    fillable,
    out,
    force,
    missed_file,
    exam_file,
    student,
    language,
    font,
):
    """A self-test PDF for students: questions first, every answer on the last page(s). The sheet asks each
    topic once, so a small category gets a shorter sheet (and says so)."""
    from ..examfile import load_exam_json
    from ..grade import grade as grade_responses
    from ..grade import missed_topics, read_responses
    from ..i18n import Labels
    from ..render.pdf import worksheet_pdf
    from ..worksheet import fair_yield, plan_sections, recorded_bank

    if sum(bool(x) for x in (category, topic_names, missed_file)) > 1:
        raise QuizgenError("give one of --category, --topics or --from-missed")
    if missed_file and not exam_file:
        raise QuizgenError("--from-missed needs --exam EXAM.json (the exam the responses answer)")
    record = load_exam_json(exam_file) if missed_file else None
    b = recorded_bank(record) if record and bank is None else load_bank(bank)
    pool = list(b.topics)
    language = language or (spec_from_dict(record.spec, record.path).language if record and record.spec else "en")
    lab = Labels(language)
    title = lab("worksheet-title")
    if record:
        result = grade_responses(record, read_responses(missed_file, record))
        names = missed_topics(result, student)
        unknown = [n for n in names if n.casefold() not in b.by_name]
        if unknown:
            raise QuizgenError(f"topic '{unknown[0]}' of the exam is not in the bank; pass the exam's --bank")
        if not names:
            raise QuizgenError("nothing was missed: no re-test needed")
        pool = [b.topic(n) for n in names]
        title = lab("retest-student", student=student) if student else lab("retest-class")
    elif category:
        cats = list(dict.fromkeys(_category(b, c).name for c in category))
        pool = [t for c in cats for t in b.category(c).topics]
        title = lab("worksheet-title-categories", categories=", ".join(cats))
    elif topic_names:
        names = [n.strip() for n in topic_names.split(",") if n.strip()]
        missing = [n for n in names if n.casefold() not in b.by_name]
        if missing:
            hint = difflib.get_close_matches(missing[0], [t.name for t in b.topics], n=1, cutoff=0.5)
            fix = f"; did you mean '{hint[0]}'?" if hint else ""
            raise QuizgenError(f"no topic '{missing[0]}' in the bank{fix}")
        pool = list({b.topic(n).name: b.topic(n) for n in names}.values())
    kinds = _item_types(types)
    gen = ItemGenerator(b)
    caps = fair_yield(gen, pool, kinds) if len(pool) <= 60 else None
    while True:  # (each pass lowers a cap, so it ends)
        sections, note = plan_sections(kinds, count, len(pool), caps)
        spec = ExamSpec(
            title=title,
            course="",
            seed=seed,
            variants=1,
            sections=sections,
            instructions=lab("worksheet-instructions"),
            language=language,
            font=str(font.resolve()) if font else None,
        )
        try:
            exam = build_exam(spec, b, gen, pool=pool)
            break
        except SectionShort as e:  # topics that make one kind alone do not all make it beside the others:
            caps = dict(caps or {k: len(pool) for k in kinds})  # that kind gets what it could fill, the
            if caps.get(e.kind) == e.made:  # other kinds the rest (no progress: the error stands)
                raise
            caps[e.kind] = e.made
    if note:
        click.echo(note, err=True)
    for line in mixed_kind_notes(exam, sheet=True):
        click.echo(line, err=True)
    with OutputFolder(out, exam, force) as folder:
        folder.put("worksheet.pdf", worksheet_pdf(exam, fillable))
        written = folder.finish()
    click.echo(
        f"wrote {display_path(out / 'worksheet.pdf')} ({len(exam.variants[0].questions)} questions"
        f"{', fillable' if fillable else ''}) and {len(written) - 1} other file(s)"
    )
