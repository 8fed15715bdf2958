"""The output folder under attack (issue 10, items 1, 4, 5 and 10): planted links, markers pointing at
devices, a user's own files, concurrent builds, option-like paths, the umask, killed and disk-full
rebuilds. Nothing outside --out is touched and exam.json always describes the files beside it."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.examfile import load_exam_json
from quizgen.safefs import FolderLock

needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")


def build(runner, bank, out, *extra):
    result = runner.invoke(cli, ["build", "--bank", str(bank), "--out", str(out), "--quiet", *extra])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@needs_qpdf
def test_planted_links_are_replaced_never_followed(runner, small_bank, tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    out = tmp_path / "o"
    out.mkdir()
    for name in (".print-all.pdf.qpdf.tmp", ".exam-A.pdf.tmp", ".exam.json.tmp", ".quizgen-tmp-joined"):
        (out / name).symlink_to(victim)
    assert build(runner, small_bank, out).exit_code == 0
    (out / "exam-A.pdf").unlink()
    (out / "exam-A.pdf").symlink_to(victim)  # a link at a final name: replaced with --force
    assert build(runner, small_bank, out, "--force").exit_code == 0
    assert victim.read_text() == "precious"
    assert not (out / "exam-A.pdf").is_symlink() and len(PdfReader(str(out / "exam-A.pdf")).pages) >= 1


def test_markers_pointing_at_devices_or_elsewhere_are_not_read(runner, small_bank, tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious")
    out = tmp_path / "o"
    out.mkdir()
    (out / ".quizgen-build.json").symlink_to("/dev/zero")
    result = build(runner, small_bank, out)
    assert result.exit_code == 1 and "unfinished build of a different exam" in result.output
    assert build(runner, small_bank, out, "--force").exit_code == 0
    (out / "exam.json").unlink()
    (out / "exam.json").symlink_to("/dev/zero")
    result = build(runner, small_bank, out)
    assert result.exit_code == 1 and "holds a different exam" in result.output
    (out / "exam.json").unlink()
    (out / ".quizgen-lock").unlink()
    (out / ".quizgen-lock").symlink_to(victim)
    result = build(runner, small_bank, out, "--force")
    assert result.exit_code == 1 and ".quizgen-lock" in result.output
    assert victim.read_text() == "precious"


def test_a_users_dot_files_and_changed_files_survive_rebuilds(runner, small_bank, tmp_path):
    out = tmp_path / "o"
    assert build(runner, small_bank, out).exit_code == 0
    (out / ".draft.tmp").write_text("my notes")
    (out / "key.csv").write_text("my own key, edited")  # listed by the old build, but no longer its file
    assert build(runner, small_bank, out, "--answers", "none", "--force").exit_code == 0
    assert (out / ".draft.tmp").read_text() == "my notes"
    assert (out / "key.csv").read_text() == "my own key, edited"
    assert not (out / "key-A.pdf").exists()  # unchanged files of the old build are its leftovers: removed
    assert not [p for p in out.iterdir() if p.name.startswith(".quizgen-tmp-")]


def test_a_second_build_of_a_busy_folder_is_refused(runner, small_bank, tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    lock = FolderLock(out, "o")
    try:
        result = build(runner, small_bank, out)
    finally:
        lock.release()
    assert result.exit_code == 1 and "another quizgen build is writing to" in result.output
    assert build(runner, small_bank, out).exit_code == 0


@needs_qpdf
def test_an_out_folder_that_looks_like_an_option(runner, small_bank, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert build(runner, small_bank, "-x").exit_code == 0
    assert len(PdfReader(str(tmp_path / "-x" / "print-all.pdf")).pages) >= 2


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_files_honour_the_umask(runner, small_bank, tmp_path, mask):
    old = os.umask(mask)
    try:
        assert build(runner, small_bank, tmp_path / "o").exit_code == 0
    finally:
        os.umask(old)
    for name in ("exam-A.pdf", "print-all.pdf", "key.csv", "exam.json"):
        assert stat.S_IMODE((tmp_path / "o" / name).stat().st_mode) == 0o666 & ~mask, name


def _build_cmd(out: Path, seed: int, variants: int) -> list[str]:
    return [sys.executable, "-m", "quizgen", "build", "--variants", str(variants), "--seed", str(seed)]


def test_a_killed_force_rebuild_leaves_no_lying_exam_json(tmp_path):
    out = tmp_path / "o"
    first = subprocess.run([*_build_cmd(out, 1, 15), "--out", str(out), "--quiet"], capture_output=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = (out / "exam-A.pdf").read_bytes()
    proc = subprocess.Popen(
        [*_build_cmd(out, 2, 15), "--out", str(out), "--force", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and (out / "exam-A.pdf").read_bytes() == before:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (out / "exam-A.pdf").read_bytes() != before, "the rebuild was killed before it changed a PDF"
    if (out / "exam.json").exists():  # only if the rebuild finished: then it describes seed 2
        assert load_exam_json(out / "exam.json").seed == 2
    rerun = subprocess.run([*_build_cmd(out, 2, 15), "--out", str(out), "--quiet"], capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert load_exam_json(out / "exam.json").seed == 2


def test_readers_refuse_an_exam_json_beside_other_pdfs(runner, small_bank, tmp_path):
    out = tmp_path / "o"
    assert build(runner, small_bank, out).exit_code == 0
    other = tmp_path / "other"
    assert build(runner, small_bank, other, "--seed", "9").exit_code == 0
    shutil.copy(other / "exam-A.pdf", out / "exam-A.pdf")
    with pytest.raises(QuizgenError, match="does not describe the files beside it: exam-A.pdf"):
        load_exam_json(out / "exam.json")
    result = runner.invoke(cli, ["export", str(out / "exam.json"), "--to", "gift", "--out", str(tmp_path / "g.txt")])
    assert result.exit_code == 1 and "does not describe" in result.output


FAKE_QPDF = """#!/bin/sh
# qpdf that writes half of the joined file and still exits 0, as qpdf does on a full disk
case " $* " in
  *" --empty "*)
    for last; do :; done
    {real} "$@" || exit $?
    head -c $(( $(wc -c < "$last") / 2 )) "$last" > "$last.half" && mv "$last.half" "$last"
    exit 0;;
esac
exec {real} "$@"
"""


@needs_qpdf
def test_a_truncated_print_file_is_never_put_in_place(runner, small_bank, tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "qpdf").write_text(FAKE_QPDF.format(real=shutil.which("qpdf")))
    (bin_dir / "qpdf").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    out = tmp_path / "o"
    result = build(runner, small_bank, out)
    assert result.exit_code == 1 and "qpdf could not check the joined print-all.pdf" in result.output
    assert not (out / "print-all.pdf").exists() and not (out / "exam.json").exists()


@needs_qpdf
def test_a_full_disk_leaves_no_partial_file_and_no_exam_json(runner, small_bank, tmp_path):
    reference = tmp_path / "ref"
    assert build(runner, small_bank, reference, "--answers", "none").exit_code == 0
    variants = sum((reference / f).stat().st_size for f in ("exam-A.pdf", "exam-B.pdf"))
    size = variants + 16384 + (reference / "print-all.pdf").stat().st_size // 2
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], capture_output=True)
    if mount.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        result = build(runner, small_bank, disk / "o", "--answers", "none")
        names = {p.name for p in (disk / "o").iterdir()}
    finally:
        subprocess.run(["umount", str(disk)], check=True)
    assert result.exit_code == 1, result.output
    assert "exam.json" not in names and "print-all.pdf" not in names, names
