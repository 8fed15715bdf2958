"""The command line: help everywhere, clean errors, the bundled bank by default."""

from __future__ import annotations

import click
import pytest

from quizgen.cli import cli


def all_commands():
    return cli.list_commands(None)


@pytest.mark.parametrize("name", all_commands())
def test_every_command_has_help(runner, name):
    command = cli.get_command(None, name)
    assert command.help and len(command.help) > 20
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.name} has no help"


def test_topics_lists_the_bundled_bank(runner):
    result = runner.invoke(cli, ["topics"])
    assert result.exit_code == 0
    assert "categories, 248 topics" in result.output


def test_topics_of_one_category(runner, small_bank):
    result = runner.invoke(cli, ["topics", "--bank", str(small_bank), "--category", "attention"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Attention (2 topics)",
        "  Grouped-Query Attention (GQA)",
        "  Multi-Query Attention",
    ]


def test_unknown_category_suggests_one(runner, small_bank):
    result = runner.invoke(cli, ["topics", "--bank", str(small_bank), "--category", "Atention"])
    assert result.exit_code == 1
    assert "no category 'Atention' in the bank; did you mean 'Attention'?" in result.output


def test_broken_bank_gives_located_errors_without_traceback(runner, make_bank):
    path = make_bank({"x.yaml": "category: X\ntopics:\n  - name: A\n    definition: [oops\n"})
    result = runner.invoke(cli, ["topics", "--bank", str(path)])
    assert result.exit_code == 1
    assert f"{path}/x.yaml:" in result.output and "YAML syntax error" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
