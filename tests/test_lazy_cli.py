"""`quizgen --help` imports no heavy library: commands are imported by name only when they run."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from quizgen.cli import COMMANDS, cli

HEAVY = ("sklearn", "scipy", "reportlab", "pylatex", "wordfreq", "lemminflect", "cv2", "pypdf", "numpy")


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_help_imports_no_heavy_library():
    loaded = _modules_after(
        "import sys\nfrom quizgen.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='quizgen')\nexcept SystemExit:\n    pass"
    )
    assert "quizgen.cli" in loaded
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert not heavy, f"quizgen --help imported {heavy[:5]}"
    assert not {m for m in loaded if m.startswith("quizgen.cli.")}, "a command module was imported for --help"


def test_importing_the_package_imports_no_heavy_library():
    loaded = _modules_after("import quizgen")
    assert not sorted(m for m in loaded if m.split(".")[0] in HEAVY)


def test_help_lists_every_command_with_its_own_first_sentence():
    result = CliRunner().invoke(cli, ["--help"], terminal_width=400)
    assert result.exit_code == 0
    for name, (_, short) in COMMANDS.items():
        command = cli.get_command(None, name)
        assert command is not None, name
        first = " ".join(command.help.split("\n\n")[0].split())
        assert first.startswith(short), f"COMMANDS['{name}'] does not match the command's help: edit one of them"
        assert f"{name}  " in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_registered_module_defines_its_command(name):
    module = __import__(f"quizgen.cli.{COMMANDS[name][0]}", fromlist=["_"])
    assert cli.commands[name].callback.__module__ == module.__name__


def test_unknown_command_is_a_clean_error():
    result = CliRunner().invoke(cli, ["bild"])
    assert result.exit_code == 2 and "No such command" in result.output
