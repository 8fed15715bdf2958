"""Commands on banks: topics, lint, import."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..bank import load_bank
from ..bank.importers import FORMATS, import_text
from ..bank.lint import lint_bank
from ..bank.load import display_path
from ..bank.merge import check_forced, existing_bank_files, merge_into
from ..bank.organize import draft_categories
from ..bank.write import write_bank
from ..errors import QuizgenError
from ..userfile import read_any_text
from . import EXISTING_FILE, _category, bank_option, cli, reports_errors


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
@click.option("--merge", is_flag=True, help="Add the topics to the bank already in --out (refused on any name clash).")
@click.option("--force", is_flag=True, help="Overwrite YAML files of the same name in --out.")
@click.option("--encoding", help="The file's text encoding when it is not UTF-8 (e.g. cp1252, latin-1, mac-roman).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for --group auto.")
@reports_errors
def import_(file, fmt, category, group, out, merge, force, encoding, seed):
    """Turn a plain glossary FILE into a bank folder, reporting every line it could not use. Headings over
    terms (Markdown) and a category column (CSV/TSV) become the bank's categories."""
    source, text, notice = read_any_text(file, "glossary", encoding)
    result = import_text(text, source, fmt)
    for note in ([notice] if notice else []) + list(result.notes):
        click.echo(f"{source}: {note}", err=True)
    default_name = category or file.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Imported"
    cats = draft_categories(result.topics, default_name, group == "auto", seed)
    existing = existing_bank_files(out)
    if existing and not (merge or force):
        raise QuizgenError(
            f"{display_path(out)} already holds a bank ({len(existing)} YAML file(s)); pass --merge to add the "
            "imported topics to it, or choose an empty --out"
        )
    lines = {t.name: t.line for t in result.topics}
    if merge and existing:
        appended, created = merge_into(cats, out, lines, source)
        paths = appended + created
    else:
        if existing:
            check_forced(cats, out, lines, source)
        paths = write_bank(cats, out, force=force)
    for d in result.diagnostics:
        click.echo(str(d), err=True)
    for c in cats:
        if len(c.topics) < 2:
            click.echo(
                f"{source}: warning: category '{c.name}' has one topic; a category needs two (wrong answers come "
                "from siblings): add a topic to it or move this one before building",
                err=True,
            )
    doubtful = [t for t in result.topics if t.confidence is not None and t.confidence < 0.9]
    for t in doubtful:
        click.echo(
            f"{source}:{t.line}: check split (confidence {t.confidence:.2f}): {t.name!r} | {t.definition[:50]!r}…",
            err=True,
        )
    groups = ", ".join(f"{c.name} ({len(c.topics)})" for c in cats[:12]) + (", …" if len(cats) > 12 else "")
    click.echo(f"categories: {groups}")
    click.echo(
        f"imported {len(result.topics)} topics ({result.format} format) into {len(paths)} file(s) in "
        f"{display_path(out)}; {len(result.diagnostics)} line(s) reported, {len(doubtful)} split(s) to check"
    )
