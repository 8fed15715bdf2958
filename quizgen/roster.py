"""Class rosters: reading a teacher's CSV (header detected) and writing demo rosters with faker."""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass

from .csvsafe import csv_bytes
from .errors import BankError, Diagnostic, Location, QuizgenError
from .userfile import csv_rows, read_text

LOCALES = ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "pt_BR", "nl_NL")


@dataclass(frozen=True)
class Student:
    name: str
    id: str
    email: str = ""
    line: int = 0


NAME_HEADERS = {"name", "names", "full name", "student name", "student", "learner"}
ID_HEADERS = {"id", "student id", "studentid", "student number", "student no", "id number", "number"}
ID_HEADERS |= {"matriculation", "matriculation number", "matric", "user id", "username"}
EMAIL_HEADERS = {"email", "e mail", "mail", "email address", "e mail address"}


def _header_word(cell: str) -> str:
    return " ".join(re.sub(r"[-_.#:]", " ", cell.casefold()).split())


def read_roster(path: str | os.PathLike) -> list[Student]:
    """Students from a CSV with columns name, id and optional email (any order when there is a header
    such as `Name,Student ID,Email`; name, id, email when there is none). Every bad line is reported."""
    display, text = read_text(path, "roster")
    rows = csv_rows(text, restore=True, source=display)
    if not rows:
        raise QuizgenError("the roster is empty", Location(display))
    head = [_header_word(c) for c in rows[0][1]]
    name_col = next((i for i, h in enumerate(head) if h in NAME_HEADERS), None)
    id_col = next((i for i, h in enumerate(head) if h in ID_HEADERS), None)
    if name_col is not None and id_col is not None:
        email_col = next((i for i, h in enumerate(head) if h in EMAIL_HEADERS), None)
        cols = {"name": name_col, "id": id_col, "email": email_col}
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
    if not students:
        raise QuizgenError("the roster lists no students", Location(display))
    return students


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def fake_roster(n: int, seed: int) -> bytes:
    """A demo roster: n students with plain first and last names from several locales, seeded."""
    from faker import Faker

    fake = Faker(list(LOCALES))
    fake.seed_instance(seed)
    rng = random.Random(seed)
    rows = [["name", "id", "email"]]
    ids = rng.sample(range(100000, 999999), n)
    for i in range(n):
        locale = LOCALES[rng.randrange(len(LOCALES))]
        name = f"{fake[locale].first_name()} {fake[locale].last_name()}"  # no 'Prof.' or 'B.Eng.' as name() adds
        rows.append([name, f"S{ids[i]}", f"s{ids[i]}@example.edu"])
    return csv_bytes(rows)
