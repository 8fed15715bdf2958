"""The `quizgen` command: each subcommand parses options, calls the library and reports.
Commands live in one module per stage (bank, items, build, classroom); this module holds the group and
the shared options."""

from __future__ import annotations

import difflib
from functools import wraps
from pathlib import Path

import click

from .. import __version__
from ..bank.load import display_path
from ..errors import QuizgenError
from ..items import ITEM_TYPES

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


def seed_option(f):
    return click.option(
        "--seed",
        default=0,
        show_default=True,
        type=int,
        help="Seed for every random choice: same inputs and seed give identical output.",
    )(f)


def exam_option(f):
    """--exam EXAM.json, required: the exam a command reads back."""
    return click.option(
        "--exam", "exam_file", type=EXISTING_FILE, required=True, help="The exam.json that quizgen build wrote."
    )(f)


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


from . import bank, build, classroom, items, languages, scan  # noqa: E402, F401  (each module registers its commands)
