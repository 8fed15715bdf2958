"""`quizgen languages`: the languages exams can be printed in, and the label ids a spec can override."""

from __future__ import annotations

import click

from ..i18n import languages as available_languages
from ..labels import LABELS
from . import cli, reports_errors


@cli.command()
@click.option("--labels", "show_labels", is_flag=True, help="List the label ids a spec's 'labels:' can override.")
@reports_errors
def languages(show_labels):
    """Languages of printed labels: code, native name and how much of the catalog is translated."""
    if show_labels:
        for label, english in LABELS.items():
            click.echo(f"{label}\t{english[1] if isinstance(english, tuple) else english}")
        return
    for c in available_languages():
        click.echo(f"{c.code}\t{c.native_name}\t{c.completeness:.0%}")
