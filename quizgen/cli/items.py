"""Commands on items: items, check."""

from __future__ import annotations

import json
import random
import sys

import click

from ..bank import load_bank
from ..distractors import DIFFICULTIES
from ..items import ITEM_TYPES, ItemGenerator, ItemOptions
from ..items.cloze import MODES
from ..items.mcq import DIRECTIONS
from ..quality import Checker, format_report
from ..render.text import items_as_text
from . import _category, bank_option, cli, reports_errors, seed_option


@cli.command()
@bank_option
@click.option("--type", "item_type", type=click.Choice(ITEM_TYPES), required=True, help="Item type to generate.")
@click.option("--direction", type=click.Choice(DIRECTIONS), help="MCQ direction (default: both, drawn per item).")
@click.option(
    "--mode",
    type=click.Choice(MODES),
    help="Cloze mode (default: term; keyphrase only when asked — its items are the weakest in blind readings).",
)
@click.option("--count", default=10, show_default=True, type=click.IntRange(1, 100000), help="How many items.")
@click.option("--k", default=4, show_default=True, type=click.IntRange(3, 6), help="Options per MCQ.")
@click.option(
    "--difficulty",
    type=click.Choice(DIFFICULTIES),
    default="medium",
    show_default=True,
    help="Similarity band of distractors: hard = the closest safe siblings.",
)
@click.option(
    "--word-bank/--no-word-bank",
    default=None,
    help="Cloze: a word bank with extra entries from sibling topics (default: on).",
)
@click.option("--widen", is_flag=True, help="Let the nearest other groups supply wrong answers when one has too few.")
@click.option(
    "--same-kind/--mixed-kinds",
    default=None,
    help="A definition that says what the term is (a protein, a policy) gets wrong answers of that kind only, "
    "else no item; --mixed-kinds: any safe sibling. Default: such topics first, mixed kinds once they run out.",
)
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
def items(
    bank, item_type, direction, mode, count, k, difficulty, word_bank, widen, same_kind, size, category, seed, fmt
):
    """Generate items from the bank and print them."""
    b = load_bank(bank)
    pool = None
    if category:
        pool = list(_category(b, category).topics)
    options = ItemOptions(
        direction=direction,
        mode=mode,
        k=k,
        difficulty=difficulty,
        word_bank=word_bank,
        size=size,
        widen=widen,
        same_kind=same_kind,
    )
    made, failed = ItemGenerator(b).items(item_type, count, random.Random(seed), pool, options)
    for topic, why in failed:
        click.echo(f"{topic.location}: warning: no {item_type} item for '{topic.name}': {why}", err=True)
    if fmt == "json":
        click.echo(json.dumps([i.to_json() for i in made], ensure_ascii=False, indent=2))
    else:
        click.echo(items_as_text(made, lambda item: b.topic(item.topic).language))


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
