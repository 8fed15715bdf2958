"""The `quizgen` command: each subcommand parses options, calls the library and reports.
Commands live in one module per stage (bank, items, build, classroom); this module holds the group, the
shared options and COMMANDS, which names each command's module: a module (and the heavy libraries it
needs) is imported only when its command runs, so `quizgen --help` stays instant."""

from __future__ import annotations

import difflib
import gc
import os
from functools import wraps
from importlib import import_module
from pathlib import Path

import click

from .. import __version__
from ..bank.load import display_path
from ..errors import QuizgenError

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


# command -> (module in quizgen.cli, the first sentence of its help: what `quizgen --help` lists)
COMMANDS = {
    "build": ("build", "Build exam PDFs, answer keys, key.csv and exam.json from SPEC (default: a sample exam of the bundled bank)."),  # noqa: E501
    "check": ("items", "Generate a large sample of every item type and report its quality; exit 1 when a hard rule is broken."),  # noqa: E501
    "export": ("classroom", "Export an exam (EXAM.json from quizgen build) or items generated from a bank for an LMS or Anki."),  # noqa: E501
    "fill-sheets": ("scan", "Fill every student's answer sheet with their RESPONSES.csv answers and write it as a scan, to try quizgen scan without paper (the blank sheets come from the PDFs beside EXAM.json)."),  # noqa: E501
    "grade": ("classroom", "Score RESPONSES.csv (student_id, variant, q1, q2, …) and analyse every item."),
    "import": ("bank", "Turn a plain glossary FILE into a bank folder, reporting every line it could not use."),
    "items": ("items", "Generate items from the bank and print them."),
    "languages": ("languages", "Languages of printed labels: code, native name and how much of the catalog is translated."),  # noqa: E501
    "lint": ("bank", "Check a bank: schema errors and warnings."),
    "roster": ("classroom", "Write a demo class roster (name, id, email) made with faker, for trying --roster and grading."),  # noqa: E501
    "scan": ("scan", "Read scanned answer sheets (PDF, PNG, JPEG, TIFF) into responses.csv for quizgen grade; doubtful marks go to review.csv and review.pdf, and annotated page images to pages/."),  # noqa: E501
    "simulate": ("classroom", "Draw responses for a simulated class from an item-response model (abilities and difficulties seeded)."),  # noqa: E501
    "topics": ("bank", "Show the bank's categories with their topic counts, or the topics of one category."),
    "worksheet": ("build", "A self-test PDF for students: questions first, every answer on the last page(s)."),
}  # fmt: skip


class LazyGroup(click.Group):
    """A group whose commands are imported by name when they run (or show their own help)."""

    def list_commands(self, ctx):
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            import_module(f"{__name__}.{COMMANDS[name][0]}")  # its decorators register it on `cli`
        return self.commands.get(name)

    def format_commands(self, ctx, formatter):
        """The command list from COMMANDS, without importing a command module."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = []
        for name in names:
            help_text = COMMANDS[name][1] if name in COMMANDS else self.commands[name].help or ""
            rows.append((name, click.Command(name, help=help_text).get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the user cache of what is derived from a bank (also QUIZGEN_NO_CACHE=1).",
)
def cli(no_cache):
    """quizgen: turn a glossary of terms and definitions into printable exams and self-tests."""
    from .. import cache

    cache.use(not no_cache)


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
    from ..items import ITEM_TYPES

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


GC_THRESHOLDS = (200_000, 20, 20)  # the garbage collector's, for every command (see main)


def main():
    # numpy's and scipy's OpenBLAS each start a thread per core when imported (~50 ms each, busy-waiting on a
    # shared machine): quizgen's matrices are small and --jobs runs processes, so one BLAS thread is faster
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # a large bank is millions of small objects that live as long as the command: with the default thresholds
    # the cyclic collector walked them again and again (~2 s of a 100,000-topic build of 10 s); and a young
    # generation of 200,000 objects spares a small build the walk over its word tables (~30 ms of 0.55 s)
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        cli(prog_name="quizgen")
    finally:
        # the command is done (every file written and closed): the collection Python runs at exit would walk
        # every object left only to free memory the exit frees anyway (~50 ms after a 5-question build);
        # frozen objects are not walked
        gc.freeze()
