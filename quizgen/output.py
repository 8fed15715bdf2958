"""Writing a built exam to a folder: every file atomically, never over somebody else's files."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

from .bank.write import write_atomic
from .errors import QuizgenError
from .exam import Exam, exam_json, key_rows

ANSWER_MODES = ("none", "inline", "key")


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


def write_files(
    out: Path, files: dict[str, bytes], exam: Exam, old_files: list[str], assignments: list[tuple] = ()
) -> list[str]:
    """Write each file atomically, exam.json last (it lists the others); remove files of a previous build
    of this exam that this build no longer makes."""
    out.mkdir(parents=True, exist_ok=True)
    names = sorted(files)
    for name in names:
        if Path(name).name != name:
            raise QuizgenError(f"refusing to write outside {out}: {name!r}")
        write_atomic(out / name, files[name])
    for stale in set(old_files) - set(names) - {"exam.json"}:
        path = out / stale
        if Path(stale).name == stale and path.is_file():
            os.unlink(path)
    listing = names + ["exam.json"]
    data = exam_json(exam, listing, assignments)
    write_atomic(out / "exam.json", (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return listing


def join_pdfs(parts: list[bytes]) -> bytes:
    """One PDF of all parts in order (each keeps its own 'Page i of n' footers)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def reportlab_files(
    exam: Exam, answers: str, progress: Callable[[str], None] = lambda _: None, assignments: list[tuple] = ()
) -> dict[str, bytes]:
    """Every PDF of the reportlab engine, plus key.csv, as bytes; with a roster, one named copy per student."""
    from .exam import copy_file_name
    from .render.pdf import exam_pdf, key_pdf

    files: dict[str, bytes] = {}
    for v in exam.variants:
        files[f"exam-{v.code}.pdf"] = exam_pdf(exam, [v])
        progress(f"exam-{v.code}.pdf")
        if answers == "inline":
            files[f"teacher-{v.code}.pdf"] = exam_pdf(exam, [v], answers=True)
            progress(f"teacher-{v.code}.pdf")
        if answers in ("inline", "key"):
            files[f"key-{v.code}.pdf"] = key_pdf(exam, v)
            progress(f"key-{v.code}.pdf")
    files["print-all.pdf"] = join_pdfs([files[f"exam-{v.code}.pdf"] for v in exam.variants])
    progress("print-all.pdf")
    by_code = {v.code: v for v in exam.variants}
    for student, code in assignments:
        files[copy_file_name(student)] = exam_pdf(exam, [by_code[code]], student=student)
        progress(copy_file_name(student))
    if assignments:
        files["print-copies.pdf"] = join_pdfs([files[copy_file_name(s)] for s, _ in assignments])
    if answers != "none":
        files["key.csv"] = csv_bytes(key_rows(exam, assignments))
    return files
