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
        if name not in self.names:  # a paper made again at the longest variant's page count is one file
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


def _render_task(task: tuple) -> tuple[list[tuple[str, bytes]], tuple[int, int]]:
    """The files of one task and the pages its exam paper and teacher's copy got. ('variant', code): all of a
    variant's files, each paper as long as it needs; ('paper', (code, exam, teacher)): the exam paper and/or
    teacher's copy again at the given page counts; ('copy', (student, code)): a student's copy."""
    from .exam import copy_file_name
    from .render.pdf import exam_pdf, key_pdf
    from .sheets.draw import with_answer_sheet

    exam, answers = _JOB["exam"], _JOB["answers"]
    kind, arg, (paper, teacher) = task  # page counts to give the papers; 0: as many as each needs
    if kind == "copy":
        student, code = arg
        variant = next(v for v in exam.variants if v.code == code)
        paper_pdf = exam_pdf(exam, [variant], student=student, page_count=paper)
        return [(copy_file_name(student), with_answer_sheet(exam, variant, paper_pdf, student))], (paper, 0)
    code, redo_exam, redo_teacher = (arg, True, True) if kind == "variant" else arg
    variant = next(v for v in exam.variants if v.code == code)
    out, got, got_teacher = [], [0], [0]
    if redo_exam:
        paper_pdf = exam_pdf(exam, [variant], page_count=paper, counts=got)
        out.append((f"exam-{code}.pdf", with_answer_sheet(exam, variant, paper_pdf)))
    if answers == "inline" and redo_teacher:
        out.append((f"teacher-{code}.pdf", exam_pdf(exam, [variant], True, page_count=teacher, counts=got_teacher)))
    if answers in ("inline", "key") and kind == "variant":
        out.append((f"key-{code}.pdf", key_pdf(exam, variant)))
    return out, (got[-1], got_teacher[-1])


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

    # every paper as long as the longest: each variant first gets the pages it needs, then the shorter
    # ones (and the students' copies) are made again at the longest's page count
    first = [("variant", v.code, (0, 0)) for v in exam.variants]
    _JOB.update(exam=exam, answers=answers)
    counts: dict[str, tuple[int, int]] = {}

    def run(tasks: list[tuple], pool=None, again: bool = False) -> None:
        results = pool.imap(_render_task, tasks, chunksize=1) if pool else map(_render_task, tasks)
        for task, (files, got) in zip(tasks, results):
            if task[0] == "variant":
                counts[task[1]] = got
            for name, data in files:
                folder.put(name, data)
                if not again:
                    progress(name)

    def second() -> list[tuple]:
        longest = tuple(max(c[i] for c in counts.values()) for i in (0, 1))
        redo = [(code, c[0] < longest[0], c[1] < longest[1]) for code, c in counts.items()]
        return [("paper", r, longest) for r in redo if r[1] or r[2]], [("copy", a, longest) for a in assignments]

    try:
        if jobs > 1 and len(first) + len(assignments) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                run(first, pool)
                papers, copies = second()
                run(papers, pool, again=True)
                run(copies, pool)
        else:
            run(first)
            papers, copies = second()
            run(papers, again=True)
            run(copies)
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
