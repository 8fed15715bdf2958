"""Writing a built exam to a folder: every file atomically, never over somebody else's files.

The folder may have been prepared by someone else: temporary files and the tools' output (qpdf,
TeX) live in a private mkdtemp() folder inside it, quizgen's own markers are read without following
links, and a lock keeps two builds of one folder apart. exam.json is the commit point: it is removed
when a build starts and written last, recording the SHA-256 of every file beside it."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from .bank.load import bundled_bank_path, display_path
from .csvsafe import csv_bytes
from .errors import QuizgenError
from .exam import Exam, exam_json, key_rows
from .examfile import FORMAT_KEY, FORMAT_VERSION
from .safefs import FolderLock, private_dir, read_own_file, remove_private_dirs, sha256_file, write_atomic

ANSWER_MODES = ("none", "inline", "key")
STARTED = ".quizgen-build.json"  # written first: lets a rebuild recognise a folder whose build was killed
MARKER_LIMIT = 64 << 20  # bytes of a marker or earlier exam.json quizgen reads to recognise its own build


def recorded_bank_path(source: str, out: Path) -> str | None:
    """The bank as exam.json records it: relative to the exam's folder (None: the bundled bank)."""
    root = Path(source).resolve()
    if root == bundled_bank_path().resolve():
        return None
    return Path(os.path.relpath(root, out.resolve())).as_posix()


def _identity(exam: Exam, out: Path) -> dict:
    spec = json.loads(json.dumps(exam.spec.as_dict()))
    spec["bank"] = recorded_bank_path(exam.bank_source, out)
    return {"spec": spec, "bank": exam.bank_hash}


def _own_json(path: Path):
    data = read_own_file(path, MARKER_LIMIT)
    try:
        return json.loads(data) if data is not None else None
    except (ValueError, RecursionError):
        return None


def _file_hashes(entries) -> dict[str, str]:
    if not isinstance(entries, list):
        return {}
    return {
        e["name"]: e["sha256"]
        for e in entries
        if isinstance(e, dict) and isinstance(e.get("name"), str) and isinstance(e.get("sha256"), str)
    }


def check_out_dir(out: Path, identity: dict, force: bool) -> dict[str, str]:
    """Refuse to write into a folder holding other files, unless it holds a build of this same exam
    (same spec, seed and bank) or `force` is given. Returns the files (name: SHA-256) of the previous
    build there, the only ones a new build may remove."""
    if not os.path.lexists(out):
        return {}
    if not out.is_dir():
        raise QuizgenError(f"{display_path(out)} exists and is not a folder; choose another --out")
    previous, started = out / "exam.json", out / STARTED
    if not os.path.lexists(previous) and os.path.lexists(started):  # a build of this folder was interrupted
        marker = _own_json(started)
        mine = isinstance(marker, dict) and marker.get("identity") == identity
        if mine or force:
            return _file_hashes(marker.get("files")) if isinstance(marker, dict) else {}
        raise QuizgenError(
            f"{display_path(out)} holds an unfinished build of a different exam; choose another --out or pass --force"
        )
    if os.path.lexists(previous):
        old = _own_json(previous)
        same = (
            isinstance(old, dict)
            and old.get(FORMAT_KEY) == FORMAT_VERSION
            and old.get("spec") == identity["spec"]
            and isinstance(old.get("bank"), dict)
            and old["bank"].get("content_hash") == identity["bank"]
        )
        if same or force:
            return _file_hashes(old.get("files")) if isinstance(old, dict) else {}
        raise QuizgenError(
            f"{display_path(out)} holds a different exam (exam.json differs); choose another --out or pass "
            "--force to replace it"
        )
    others = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    if others and not force:
        raise QuizgenError(
            f"{display_path(out)} is not empty ({len(others)} file(s), e.g. {sorted(others)[0]}); choose an empty "
            "--out or pass --force"
        )
    return {}


class OutputFolder:
    """Files of one build, each written atomically as soon as it is made (a killed build leaves no partial
    file under a final name), and exam.json last, listing them with their SHA-256. Use it in a `with`
    block: the folder stays locked until the block ends."""

    def __init__(self, out: Path, exam: Exam, force: bool = False):
        self.out, self.exam, self.display = out, exam, display_path(out)
        self.identity = _identity(exam, out)
        check_out_dir(out, self.identity, force)  # refuse before creating anything
        out.mkdir(parents=True, exist_ok=True)
        self.lock = FolderLock(out, self.display)
        try:
            self.old_files = check_out_dir(out, self.identity, force)  # again, now that nobody else writes
            remove_private_dirs(out)
            self.work = private_dir(out)
            marker = {"identity": self.identity, "files": [{"name": n, "sha256": h} for n, h in self.old_files.items()]}
            write_atomic(out / STARTED, json.dumps(marker, sort_keys=True).encode("utf-8"), self.work)
            if os.path.lexists(out / "exam.json"):
                os.unlink(out / "exam.json")  # from here until finish() the folder holds no finished build
        except BaseException:
            self.lock.release()
            raise
        self.files: dict[str, str] = {}

    def __enter__(self) -> OutputFolder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.lock.fd >= 0:
            shutil.rmtree(self.work, ignore_errors=True)
            self.lock.release()

    def tool_dir(self) -> Path:
        """A fresh folder inside the private one, for an external tool (TeX) to work in."""
        return private_dir(self.work)

    def _final(self, name: str) -> Path:
        if Path(name).name != name or name.startswith(".") or name == "exam.json":
            raise QuizgenError(f"refusing to write outside {self.display}: {name!r}")
        return self.out / name

    def put(self, name: str, data: bytes) -> None:
        write_atomic(self._final(name), data, self.work)
        self.files[name] = hashlib.sha256(data).hexdigest()  # a paper made again is still one file

    def put_joined(self, name: str, parts: list[str]) -> None:
        """A print file joining PDFs already written to the folder. With qpdf installed the join streams
        from disk (flat memory for thousands of variants); otherwise pypdf does it in memory."""
        final = self._final(name)
        if not shutil.which("qpdf"):
            self.put(name, join_pdfs([self.out / p for p in parts]))
            return
        joined = private_dir(self.work) / "joined.pdf"  # absolute paths: none reaches qpdf as an option
        sources = [str((self.out / p).resolve()) for p in parts]
        _qpdf(
            # (the papers' streams are compressed already: compressing again took 0.5 of 0.7 s for 100 papers)
            ["--empty", "--deterministic-id", "--compress-streams=n", "--pages", *sources, "--", str(joined.resolve())],
            "join the print file",
        )
        if not _ends_whole(joined):  # qpdf exits 0 on a full disk with half a file written
            raise QuizgenError(f"qpdf could not check the joined {name} (is the disk full?): it stops short")
        os.replace(joined, final)
        self.files[name] = sha256_file(final) or ""

    def finish(self, assignments: list[tuple] = ()) -> list[str]:
        """Remove the previous build's files this one did not make (only those still as it wrote them),
        then commit: write exam.json."""
        for stale, sha in self.old_files.items():
            path = self.out / stale
            if stale not in self.files and Path(stale).name == stale and sha256_file(path) == sha:
                os.unlink(path)
        data = exam_json(self.exam, [], assignments)
        data["spec"]["bank"] = self.identity["spec"]["bank"]
        data["bank"] = {"path": self.identity["spec"]["bank"], "content_hash": self.exam.bank_hash}
        data["files"] = [{"name": n, "sha256": h} for n, h in sorted(self.files.items())]
        text = json.dumps({FORMAT_KEY: FORMAT_VERSION, **data}, ensure_ascii=False, indent=2) + "\n"
        write_atomic(self.out / "exam.json", text.encode("utf-8"), self.work)
        os.unlink(self.out / STARTED)
        self.close()
        return sorted(self.files) + ["exam.json"]


def _qpdf(args: list[str], what: str) -> None:
    run = subprocess.run(["qpdf", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if run.returncode not in (0, 3):  # 3: warnings only
        detail = (run.stderr or run.stdout).strip()[:300]
        raise QuizgenError(f"qpdf could not {what}: {detail}")


def _ends_whole(path: Path) -> bool:
    """A PDF that ends as written: '%%EOF' after a startxref that points at a cross-reference table or
    stream inside the file (qpdf writes front to back, so a cut-short file lacks its end). Reads 2 KB,
    where `qpdf --check` parsed the whole file again (0.5 s for 100 variants)."""
    with open(path, "rb") as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - 1024))
        end = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", f.read())
        if not end or int(end.group(1)) >= size:
            return False
        f.seek(int(end.group(1)))
        return re.match(rb"xref\s|\d+\s+\d+\s+obj\b", f.read(64)) is not None


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

    exam, answers = _JOB["exam"], _JOB["answers"]
    kind, arg, (paper, teacher) = task  # page counts to give the papers; 0: as many as each needs
    if kind == "copy":
        student, code = arg
        variant = next(v for v in exam.variants if v.code == code)
        paper_pdf = exam_pdf(exam, [variant], student=student, page_count=paper)
        return [(copy_file_name(student), _with_sheet(exam, variant, paper_pdf, student))], (paper, 0)
    code, redo_exam, redo_teacher = (arg, True, True) if kind == "variant" else arg
    variant = next(v for v in exam.variants if v.code == code)
    out, got, got_teacher = [], [0], [0]
    if redo_exam:
        paper_pdf = exam_pdf(exam, [variant], page_count=paper, counts=got)
        out.append((f"exam-{code}.pdf", _with_sheet(exam, variant, paper_pdf)))
    if answers == "inline" and redo_teacher:
        out.append((f"teacher-{code}.pdf", exam_pdf(exam, [variant], True, page_count=teacher, counts=got_teacher)))
    if answers in ("inline", "key") and kind == "variant":
        out.append((f"key-{code}.pdf", key_pdf(exam, variant)))
    return out, (got[-1], got_teacher[-1])


def _with_sheet(exam: Exam, variant, copy_pdf: bytes, student=None) -> bytes:
    """The copy with its answer sheet when the spec asks for sheets (their drawing code imported only then)."""
    if not exam.spec.answer_sheet:
        return copy_pdf
    from .sheets.draw import with_answer_sheet as add_sheet

    return add_sheet(exam, variant, copy_pdf, student)


PARALLEL_FROM = 4  # papers; below this, starting worker processes costs more than it saves


def auto_jobs(exam: Exam, assignments: list[tuple] = ()) -> int:
    """--jobs by default: one process per core this process may use, when there are enough papers."""
    papers = len(exam.variants) + len(assignments)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, papers)) if papers >= PARALLEL_FROM else 1


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

    # every paper as long as the longest: each variant is made at the longest's planned page count; should
    # a paper not get the pages planned, each variant gets the pages it needs, and then the shorter ones
    # (and the students' copies) are made again at the longest's page count
    plan = (0, 0)
    if len(exam.variants) > 1:
        from .render.pdf import planned_pages

        plan = (planned_pages(exam), planned_pages(exam, True) if answers == "inline" else 0)
    first = [("variant", v.code, plan) for v in exam.variants]
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

    unplanned = [("variant", v.code, (0, 0)) for v in exam.variants]

    def second() -> list[tuple]:
        longest = tuple(max(c[i] for c in counts.values()) for i in (0, 1))
        redo = [(code, c[0] < longest[0], c[1] < longest[1]) for code, c in counts.items()]
        return [("paper", r, longest) for r in redo if r[1] or r[2]], [("copy", a, longest) for a in assignments]

    try:
        if jobs > 1 and len(first) + len(assignments) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                run(first, pool)
                if plan != (0, 0) and any(c != plan for c in counts.values()):
                    run(unplanned, pool, again=True)
                papers, copies = second()
                run(papers, pool, again=True)
                run(copies, pool)
        else:
            run(first)
            if plan != (0, 0) and any(c != plan for c in counts.values()):
                run(unplanned, again=True)
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
