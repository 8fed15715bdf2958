from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from qg_data import CLASS_SPEC, SMALL_BANK, yaml_text


@pytest.fixture
def make_bank(tmp_path):
    """make_bank({'a.yaml': '...'}) writes the files into a fresh folder and returns it."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "bank"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content if isinstance(content, bytes) else yaml_text(content).encode("utf-8")
            (folder / name).write_bytes(data)
        return folder

    return make


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def small_bank(make_bank):
    return make_bank(SMALL_BANK)


@pytest.fixture(scope="session")
def built_exam(tmp_path_factory):
    """A small exam of every item type, built once: (folder, exam.json path)."""
    from quizgen.cli import cli

    tmp = tmp_path_factory.mktemp("classroom")
    spec = tmp / "spec.yaml"
    spec.write_text(CLASS_SPEC)
    out = tmp / "exam"
    result = CliRunner().invoke(cli, ["build", str(spec), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, out / "exam.json"


@pytest.fixture(autouse=True, scope="session")
def _private_user_cache(tmp_path_factory):
    """Tests never read or write the real user cache (quizgen.cache)."""
    saved = os.environ.get("QUIZGEN_CACHE_DIR")
    os.environ["QUIZGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("user-cache") / "quizgen")
    yield
    if saved is None:
        os.environ.pop("QUIZGEN_CACHE_DIR", None)
    else:
        os.environ["QUIZGEN_CACHE_DIR"] = saved
