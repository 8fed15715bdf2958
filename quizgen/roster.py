"""Class rosters: reading a teacher's CSV (header detected) and writing demo rosters with faker."""

from __future__ import annotations

import csv
import io
import os
import random
from dataclasses import dataclass

from .errors import BankError, Diagnostic, Location, QuizgenError
from .userfile import csv_rows, read_text

LOCALES = ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "pt_BR", "nl_NL")


@dataclass(frozen=True)
class Student:
    name: str
    id: str
    email: str = ""
    line: int = 0


def read_roster(path: str | os.PathLike) -> list[Student]:
    """Students from a CSV with columns name, id and optional email (any order when there is a header;
    name, id, email when there is none). Every bad line is reported with its number."""
    display, text = read_text(path, "roster")
    rows = csv_rows(text)
    if not rows:
        raise QuizgenError("the roster is empty", Location(display))
    head = [c.strip().lower() for c in rows[0][1]]
    if "name" in head and ("id" in head or "student_id" in head):
        cols = {
            "name": head.index("name"),
            "id": head.index("id") if "id" in head else head.index("student_id"),
            "email": head.index("email") if "email" in head else None,
        }
        rows = rows[1:]
    else:
        cols = {"name": 0, "id": 1, "email": 2}
    students, diags, seen = [], [], {}
    for n, row in rows:
        name, sid, email = (_cell(row, cols[key]) for key in ("name", "id", "email"))
        if not name or not sid:
            diags.append(Diagnostic(Location(display, n), "error", "a student needs a name and an id"))
        elif sid in seen:
            diags.append(Diagnostic(Location(display, n), "error", f"id '{sid}' is already used on line {seen[sid]}"))
        else:
            seen[sid] = n
            students.append(Student(name, sid, email, n))
    if diags:
        raise BankError(diags)
    return students


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def fake_roster(n: int, seed: int) -> bytes:
    """A demo roster: n students with plain first and last names from several locales, seeded."""
    from faker import Faker

    fake = Faker(list(LOCALES))
    fake.seed_instance(seed)
    rng = random.Random(seed)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["name", "id", "email"])
    ids = rng.sample(range(100000, 999999), n)
    for i in range(n):
        locale = LOCALES[rng.randrange(len(LOCALES))]
        name = f"{fake[locale].first_name()} {fake[locale].last_name()}"  # no 'Prof.' or 'B.Eng.' as name() adds
        w.writerow([name, f"S{ids[i]}", f"s{ids[i]}@example.edu"])
    return buf.getvalue().encode("utf-8")
