"""The user cache of bank-derived data (quizgen.cache): same bytes with or without it, private modes, no
pickle, damaged entries ignored and rebuilt, --no-cache writes nothing, a size limit, concurrent writers."""

from __future__ import annotations

import multiprocessing
import os
import stat

import numpy as np
import pytest

from quizgen import cache, load_bank
from quizgen.cli import cli
from quizgen.text import tfidf
from quizgen.text.math import plain_text


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache" / "quizgen"
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(folder))
    monkeypatch.delenv("QUIZGEN_NO_CACHE", raising=False)
    monkeypatch.setattr(tfidf, "MIN_CACHED", 0)  # the bundled bank is small: cache it all the same
    return folder


def texts():
    return [plain_text(f"{t.name}. {t.definition}") for t in load_bank().topics]


def same(a, b) -> bool:
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and a.data.tobytes() == b.data.tobytes()
    )


def entries(folder):
    return sorted(folder.glob("*.npz")) if folder.exists() else []


def build(runner, out, *extra):
    result = runner.invoke(cli, [*extra, "build", "--variants", "2", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_build_is_byte_identical_without_cold_and_warm_cache(runner, tmp_path, cache_dir, monkeypatch):
    plain = build(runner, tmp_path / "plain", "--no-cache")
    assert not entries(cache_dir), "--no-cache wrote to the cache"
    cold = build(runner, tmp_path / "cold")
    assert len(entries(cache_dir)) == 1
    monkeypatch.setattr(tfidf, "tfidf_matrix", lambda _: pytest.fail("computed although cached"))
    warm = build(runner, tmp_path / "warm")
    assert plain.keys() == cold.keys() == warm.keys() and "exam.json" in plain
    for name in plain:
        assert cold[name] == plain[name] == warm[name], name


def test_environment_variable_turns_it_off(cache_dir, monkeypatch):
    monkeypatch.setenv("QUIZGEN_NO_CACHE", "1")
    tfidf.cached_tfidf_matrix(texts())
    assert not cache_dir.exists()


def test_private_modes_and_no_pickle(cache_dir):
    old = os.umask(0)  # even with a permissive umask
    try:
        tfidf.cached_tfidf_matrix(texts())
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    (entry,) = entries(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    with np.load(entry, allow_pickle=False) as npz:  # would raise on an object (pickled) array
        assert {"data", "indices", "indptr", "shape", "sha256"} == set(npz.files)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty", "pickle"])
def test_damaged_entry_is_ignored_and_rebuilt(cache_dir, damage):
    fresh = tfidf.tfidf_matrix(texts())
    tfidf.cached_tfidf_matrix(texts())
    (entry,) = entries(cache_dir)
    data = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"not a zip at all" * 100)
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":  # a bit of the matrix's values changed: structure intact, checksum not
        arrays = dict(np.load(entry, allow_pickle=False))
        arrays["data"] = arrays["data"].copy()
        arrays["data"][5] = np.nextafter(arrays["data"][5], 2.0)
        np.savez(entry, **arrays)
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        np.savez(entry, data=np.array([{"x": 1}], dtype=object))
    assert same(tfidf.cached_tfidf_matrix(texts()), fresh)
    (again,) = entries(cache_dir)
    assert same(tfidf.cached_tfidf_matrix(texts()), fresh)
    assert cache.load(again.stem) is not None  # rebuilt whole


def test_folder_open_to_others_is_not_used(cache_dir):
    cache_dir.mkdir(parents=True)
    cache_dir.chmod(0o777)
    tfidf.cached_tfidf_matrix(texts())
    assert not entries(cache_dir)


def test_a_different_bank_gets_its_own_entry(cache_dir):
    a = texts()
    b = a[:-1] + [a[-1] + " Changed."]
    assert not same(tfidf.cached_tfidf_matrix(a), tfidf.cached_tfidf_matrix(b))
    assert len(entries(cache_dir)) == 2
    assert same(tfidf.cached_tfidf_matrix(b), tfidf.tfidf_matrix(b))


def test_size_limit_evicts_the_least_recently_used(cache_dir, monkeypatch):
    a = texts()
    tfidf.cached_tfidf_matrix(a)
    (first,) = entries(cache_dir)
    size = first.stat().st_size
    monkeypatch.setenv("QUIZGEN_CACHE_MB", str(2.5 * size / 2**20))  # room for two entries
    os.utime(first, (1, 1))  # long unused
    tfidf.cached_tfidf_matrix(a[1:])
    tfidf.cached_tfidf_matrix(a[2:])
    left = entries(cache_dir)
    assert len(left) == 2 and first not in left


def _race(n: int) -> None:
    tfidf.MIN_CACHED = 0
    for _ in range(3):
        tfidf.cached_tfidf_matrix(texts())


def test_concurrent_runs_leave_a_whole_entry(cache_dir):
    procs = [multiprocessing.get_context("fork").Process(target=_race, args=(i,)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    (entry,) = entries(cache_dir)
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".tmp-")]
    assert same(tfidf.cached_tfidf_matrix(texts()), tfidf.tfidf_matrix(texts()))
