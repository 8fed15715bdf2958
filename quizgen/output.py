"""Writing a built exam to a folder: every file atomically, never over somebody else's files."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from .bank.write import write_atomic
from .errors import QuizgenError
from .exam import Exam, exam_json, key_rows

ANSWER_MODES = ("none", "inline", "key")
STARTED = ".quizgen-build.json"  # written first: lets a rebuild recognise a folder whose build was killed


def _identity(exam: Exam) -> dict:
    return {"spec": json.loads(json.dumps(exam.spec.as_dict())), "bank": exam.bank_hash}


def csv_bytes(rows: list[list]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def check_out_dir(out: Path, exam: Exam, force: bool) -> list[str]:
    """Refuse to write into a folder holding other files, unless it holds a build of this same exam
    (same spec, seed and bank) or `force` is given. Returns the files of the previous build there."""
    if not out.exists():
        return []
    if not out.is_dir():
        raise QuizgenError(f"{out} exists and is not a folder; choose another --out")
    previous = out / "exam.json"
    old_files: list[str] = []
    started = out / STARTED
    if not previous.exists() and started.exists():  # a build of this folder was interrupted
        try:
            mine = json.loads(started.read_text(encoding="utf-8")) == _identity(exam)
        except ValueError:
            mine = False
        if mine or force:
            return old_files
        raise QuizgenError(f"{out} holds an unfinished build of a different exam; choose another --out or pass --force")
    if previous.exists():
        try:
            old = json.loads(previous.read_text(encoding="utf-8"))
            old_files = [f for f in old.get("files", []) if isinstance(f, str)]
            same = (
                old.get("spec") == json.loads(json.dumps(exam.spec.as_dict()))
                and old.get("bank", {}).get("content_hash") == exam.bank_hash
            )
        except (ValueError, AttributeError):
            same = False
        if same or force:
            return old_files
        raise QuizgenError(
            f"{out} holds a different exam (exam.json differs); choose another --out or pass --force to replace it"
        )
    others = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    if others and not force:
        raise QuizgenError(
            f"{out} is not empty ({len(others)} file(s), e.g. {sorted(others)[0]}); choose an empty "
            "--out or pass --force"
        )
    return old_files


class OutputFolder:
    """Files of one build, each written atomically as soon as it is made (a killed build leaves no partial
    file under a final name), and exam.json last, listing them."""

    def __init__(self, out: Path, exam: Exam, force: bool = False):
        self.out, self.exam = out, exam
        self.old_files = check_out_dir(out, exam, force)
        self.names: list[str] = []
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(out / STARTED, json.dumps(_identity(exam), sort_keys=True).encode("utf-8"))

    def put(self, name: str, data: bytes) -> None:
        if Path(name).name != name or name.startswith("."):
            raise QuizgenError(f"refusing to write outside {self.out}: {name!r}")
        self.out.mkdir(parents=True, exist_ok=True)
        write_atomic(self.out / name, data)
        self.names.append(name)

    def put_joined(self, name: str, parts: list[str]) -> None:
        """A print file joining PDFs already written to the folder. With qpdf installed the join streams
        from disk (flat memory for thousands of variants); otherwise pypdf does it in memory."""
        if shutil.which("qpdf"):
            if Path(name).name != name or name.startswith("."):
                raise QuizgenError(f"refusing to write outside {self.out}: {name!r}")
            tmp = self.out / f".{name}.qpdf.tmp"
            cmd = [
                "qpdf",
                "--empty",
                "--deterministic-id",
                "--pages",
                *(str(self.out / p) for p in parts),
                "--",
                str(tmp),
            ]
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode not in (0, 3):  # 3: warnings only
                raise QuizgenError(f"qpdf could not join the print file: {run.stderr.strip()[:300]}")
            os.replace(tmp, self.out / name)
            self.names.append(name)
            return
        self.put(name, join_pdfs([self.out / p for p in parts]))

    def finish(self, assignments: list[tuple] = ()) -> list[str]:
        for stale in set(self.old_files) - set(self.names) - {"exam.json"}:
            path = self.out / stale
            if Path(stale).name == stale and path.is_file():
                os.unlink(path)
        for leftover in self.out.glob(".*.tmp"):  # from a build that was killed
            leftover.unlink()
        listing = sorted(self.names) + ["exam.json"]
        data = exam_json(self.exam, listing, assignments)
        write_atomic(self.out / "exam.json", (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return listing


def join_pdfs(parts: list) -> bytes:
    """One PDF of all parts in order (bytes or paths; each keeps its own 'Page i of n' footers)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part) if isinstance(part, bytes) else str(part)))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


_JOB: dict = {}  # what forked workers render from (inherited, not pickled)


def _measure_task(code: str) -> tuple[int, int]:
    """The fewest pages variant `code` needs as an exam paper and as a teacher's copy."""
    from .render.pdf import variant_pages

    exam = _JOB["exam"]
    variant = next(v for v in exam.variants if v.code == code)
    teacher = variant_pages(exam, variant, answers=True) if _JOB["answers"] == "inline" else 0
    return variant_pages(exam, variant), teacher


def _render_task(task: tuple) -> list[tuple[str, bytes]]:
    from .exam import copy_file_name
    from .render.pdf import exam_pdf, key_pdf
    from .sheets.draw import with_answer_sheet

    exam, answers = _JOB["exam"], _JOB["answers"]
    kind, arg, (paper, teacher) = task  # every variant gets as many pages as the longest needs
    if kind == "copy":
        student, code = arg
        variant = next(v for v in exam.variants if v.code == code)
        paper_pdf = exam_pdf(exam, [variant], student=student, page_count=paper)
        return [(copy_file_name(student), with_answer_sheet(exam, variant, paper_pdf, student))]
    variant = next(v for v in exam.variants if v.code == arg)
    out = [(f"exam-{arg}.pdf", with_answer_sheet(exam, variant, exam_pdf(exam, [variant], page_count=paper)))]
    if answers == "inline":
        out.append((f"teacher-{arg}.pdf", exam_pdf(exam, [variant], answers=True, page_count=teacher)))
    if answers in ("inline", "key"):
        out.append((f"key-{arg}.pdf", key_pdf(exam, variant)))
    return out


def render_reportlab(
    exam: Exam,
    answers: str,
    folder: OutputFolder,
    progress: Callable[[str], None] = lambda _: None,
    assignments: list[tuple] = (),
    jobs: int = 1,
) -> None:
    """Every file of the reportlab engine, written as it is made; `jobs` > 1 renders variants in parallel
    processes (the files are the same bytes whatever `jobs` is)."""
    from .exam import copy_file_name

    tasks = [("variant", v.code) for v in exam.variants] + [("copy", a) for a in assignments]
    _JOB.update(exam=exam, answers=answers)
    codes = [v.code for v in exam.variants]
    try:
        if jobs > 1 and len(tasks) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                counts = tuple(max(m) for m in zip(*pool.map(_measure_task, codes)))
                for result in pool.imap(_render_task, [(*t, counts) for t in tasks], chunksize=1):
                    for name, data in result:
                        folder.put(name, data)
                        progress(name)
        else:
            counts = tuple(max(m) for m in zip(*map(_measure_task, codes)))
            for task in tasks:
                for name, data in _render_task((*task, counts)):
                    folder.put(name, data)
                    progress(name)
    finally:
        _JOB.clear()
    folder.put_joined("print-all.pdf", [f"exam-{v.code}.pdf" for v in exam.variants])
    progress("print-all.pdf")
    if assignments:
        folder.put_joined("print-copies.pdf", [copy_file_name(s) for s, _ in assignments])
    if answers != "none":
        from .render.pdf import master_key_pdf

        folder.put("master-key.pdf", master_key_pdf(exam))
        folder.put("key.csv", csv_bytes(key_rows(exam, assignments)))
