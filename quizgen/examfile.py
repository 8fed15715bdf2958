"""Reading a built exam back from its exam.json — the one reader every command uses (grade, export,
simulate, worksheet --from-missed, build --from-exam). Every field is checked once, here, so an edited
or damaged file gives a message naming the field, never a traceback later; and the SHA-256 of every file
it lists that is still beside it must match, so an exam.json never describes other PDFs than its own.

A new optional top-level field is added by writing its check and naming it in OPTIONAL_FIELDS."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .bank.load import display_path
from .errors import Location, QuizgenError
from .safefs import sha256_file

FORMAT_KEY = "quizgen_exam_format"
FORMAT_VERSION = 1
MAX_BYTES = 1 << 30  # a 10,000-variant exam.json is a few hundred MB
REBUILD = "rebuild it with quizgen build (or restore the file quizgen wrote)"


class ExamFileError(QuizgenError):
    """exam.json is not one quizgen wrote, or was changed; the message names the field."""


@dataclass(frozen=True)
class ExamRecord:
    """exam.json as read and checked: `variants` maps a code to its questions (item JSON plus number,
    points, section); `bank_path` is the bank it was built from (None: the bundled bank)."""

    path: str
    title: str
    seed: int
    variants: dict[str, list[dict]]
    data: dict
    bank_path: Path | None = None
    bank_hash: str = ""
    spec: dict | None = None
    students: tuple[dict, ...] = ()


class _Check:
    def __init__(self, display: str):
        self.display = display

    def fail(self, where: str, message: str):
        raise ExamFileError(f"{where} {message}; {REBUILD}", Location(self.display))

    def kind(self, value, types, where: str, what: str):
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
            self.fail(where, f"must be {what}, not {_show(value)}")
        return value

    def text(self, value, where: str) -> str:
        return self.kind(value, str, where, "text")

    def integer(self, value, where: str, low: int | None = None, high: int | None = None) -> int:
        self.kind(value, int, where, "a whole number")
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(where, f"must be between {low} and {high}, not {value}")
        return value

    def number(self, value, where: str, low: float, high: float) -> float:
        self.kind(value, (int, float), where, "a number")
        if not math.isfinite(value) or not low <= value <= high:
            self.fail(where, f"must be between {low:g} and {high:g}, not {value}")
        return value

    def texts(self, value, where: str, low: int = 0, high: int = 10**6) -> list[str]:
        self.kind(value, list, where, "a list")
        if not low <= len(value) <= high:
            self.fail(where, f"must have {low} to {high} entries, not {len(value)}")
        for i, v in enumerate(value):
            self.text(v, f"{where}[{i}]")
        return value


def _tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _question(c: _Check, q, where: str) -> None:
    c.kind(q, dict, where, "a question (a JSON object)")
    kind = q.get("type")
    if kind not in ("mcq", "cloze", "matching", "truefalse"):
        c.fail(f"{where}.type", f"must be mcq, cloze, matching or truefalse, not {_show(kind)}")
    c.number(q.get("points"), f"{where}.points", 0, 1e6)
    c.text(q.get("topic"), f"{where}.topic")
    for key in ("category", "section", "id", "direction", "mode", "difficulty"):
        if key in q:
            c.text(q[key], f"{where}.{key}")
    if "section_number" in q:
        c.integer(q["section_number"], f"{where}.section_number", 1, 10**6)
    if kind == "mcq":
        options = c.texts(q.get("options"), f"{where}.options", 2, 26)
        c.texts(q.get("option_topics"), f"{where}.option_topics", len(options), len(options))
        c.integer(q.get("answer"), f"{where}.answer", 0, len(options) - 1)
    elif kind == "cloze":
        c.text(q.get("text"), f"{where}.text")
        answers = c.kind(q.get("answer"), list, f"{where}.answer", "a list of accepted answers per blank")
        if not answers:
            c.fail(f"{where}.answer", "must list the accepted answers of at least one blank")
        for i, accepted in enumerate(answers):
            c.texts(accepted, f"{where}.answer[{i}]", 1)
        if "word_bank" in q:
            c.texts(q["word_bank"], f"{where}.word_bank")
    elif kind == "matching":
        premises = c.texts(q.get("premises"), f"{where}.premises", 1, 26)
        responses = c.texts(q.get("responses"), f"{where}.responses", len(premises), 26)
        c.texts(q.get("premise_topics"), f"{where}.premise_topics", len(premises), len(premises))
        c.texts(q.get("response_topics"), f"{where}.response_topics", len(responses), len(responses))
        answer = c.kind(q.get("answer"), list, f"{where}.answer", "a list of response numbers")
        if len(answer) != len(premises):
            c.fail(f"{where}.answer", f"must have one entry per premise ({len(premises)}), not {len(answer)}")
        for i, a in enumerate(answer):
            c.integer(a, f"{where}.answer[{i}]", 0, len(responses) - 1)
    else:
        c.text(q.get("statement"), f"{where}.statement")
        c.text(q.get("shown_topic"), f"{where}.shown_topic")
        c.kind(q.get("answer"), bool, f"{where}.answer", "true or false")


def _variants(c: _Check, value) -> dict[str, list[dict]]:
    c.kind(value, list, "variants", "a list")
    if not value:
        c.fail("variants", "is empty")
    out: dict[str, list[dict]] = {}
    for vi, v in enumerate(value):
        where = f"variants[{vi}]"
        c.kind(v, dict, where, "a variant (a JSON object)")
        code = c.text(v.get("code"), f"{where}.code")
        if not re.fullmatch(r"[A-Z]{1,4}", code):
            c.fail(f"{where}.code", f"must be a variant code such as A or AB, not {_show(code)}")
        if code in out:
            c.fail(f"{where}.code", f"repeats variant {code}")
        questions = c.kind(v.get("questions"), list, f"{where}.questions", "a list")
        if not questions:
            c.fail(f"{where}.questions", "is empty")
        for qi, q in enumerate(questions):
            _question(c, q, f"{where}.questions[{qi}]")
            if q.get("number") != qi + 1 or isinstance(q.get("number"), bool):
                c.fail(f"{where}.questions[{qi}].number", f"must be {qi + 1}, not {_show(q.get('number'))}")
        out[code] = questions
    return out


def _spec(c: _Check, value) -> dict:
    """The recorded spec: every key of a spec file, with the same types and ranges."""
    from .spec import EXAM_KEYS, RANGES, SECTION_KEYS, ExamSpec, SectionSpec

    section_optional = _optional_fields(SectionSpec)

    c.kind(value, dict, "spec", "a mapping")
    for key in value:
        if key not in EXAM_KEYS:
            c.fail(f"spec.{key}", "is not a spec field")
    for key in ("title", "seed", "variants", "sections"):
        if key not in value:
            c.fail("spec", f"lacks '{key}'")
    present = {k: v for k, v in EXAM_KEYS.items() if k in value}
    _spec_fields(c, value, present, RANGES, "spec", _optional_fields(ExamSpec))
    c.kind(value["sections"], list, "spec.sections", "a list")
    if not value["sections"]:
        c.fail("spec.sections", "is empty")
    allowed = {k for k in SECTION_KEYS if k not in ("sets", "shuffle")} | {"shuffle_questions", "shuffle_options"}
    for i, section in enumerate(value["sections"]):
        where = f"spec.sections[{i}]"
        c.kind(section, dict, where, "a mapping")
        if "type" not in section:
            c.fail(where, "lacks 'type'")
        for key in section:
            if key not in allowed:
                c.fail(f"{where}.{key}", "is not a section field")
        kinds = {k: v for k, v in SECTION_KEYS.items() if k in section}
        kinds |= {k: bool for k in ("shuffle_questions", "shuffle_options") if k in section}
        _spec_fields(c, section, kinds, RANGES, where, section_optional)
    return value


def _optional_fields(cls) -> tuple[str, ...]:
    """Fields of a spec dataclass that may be None (`word_bank: bool | None = None`)."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.default is None)


def _spec_fields(c: _Check, values: dict, kinds: dict, ranges: dict, where: str, nullable: tuple) -> None:
    for key, kind in kinds.items():
        v, at = values[key], f"{where}.{key}"
        if kind == "sections" or (v is None and key in nullable):
            continue
        if kind == "labels":
            c.kind(v, dict, at, "a mapping of label ids to text")
            for label, text in v.items():
                c.text(text, f"{at}.{label}")
            continue
        if isinstance(kind, tuple):
            if v not in kind:
                c.fail(at, f"must be one of {', '.join(kind)}, not {_show(v)}")
        elif kind is list:
            c.texts(v, at)
        elif kind is bool:
            c.kind(v, bool, at, "true or false")
        elif kind is int:
            c.integer(v, at, *ranges.get(key, (None, None)))
        elif kind is float:
            c.number(v, at, *ranges.get(key, (-math.inf, math.inf)))
        else:
            c.text(v, at)


def _students(c: _Check, value, variants: dict) -> tuple[dict, ...]:
    c.kind(value, list, "students", "a list")
    seen: set[str] = set()
    for i, s in enumerate(value):
        where = f"students[{i}]"
        c.kind(s, dict, where, "a student (a JSON object)")
        for key in ("name", "id", "email", "file"):
            c.text(s.get(key), f"{where}.{key}")
        if s["id"] in seen:
            c.fail(f"{where}.id", f"repeats student {_show(s['id'])}")
        seen.add(s["id"])
        if s.get("variant") not in variants:
            c.fail(f"{where}.variant", f"names no variant of the exam: {_show(s.get('variant'))}")
    return tuple(value)


# optional top-level fields: name -> check(c, value, variants) returning what ExamRecord keeps, or None
OPTIONAL_FIELDS: dict[str, Callable] = {"students": _students}


def _files(c: _Check, value, folder: Path) -> None:
    """Every file exam.json lists that is still beside it must be the one the build wrote."""
    c.kind(value, list, "files", "a list")
    for i, entry in enumerate(value):
        where = f"files[{i}]"
        c.kind(entry, dict, where, "a file entry (a JSON object)")
        name, sha = c.text(entry.get("name"), f"{where}.name"), c.text(entry.get("sha256"), f"{where}.sha256")
        if Path(name).name != name or name in ("", ".", ".."):
            c.fail(f"{where}.name", f"must be a file name, not {_show(name)}")
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            c.fail(f"{where}.sha256", "must be a SHA-256 in hex")
        if os.path.lexists(folder / name) and sha256_file(folder / name) != sha:
            raise ExamFileError(
                f"does not describe the files beside it: {name} has changed since the build (its SHA-256 "
                f"differs); this exam.json belongs to other PDFs — {REBUILD}",
                Location(c.display),
            )


def load_exam_json(path: str | os.PathLike) -> ExamRecord:
    p = Path(path)
    display = display_path(p)
    c = _Check(display)
    try:
        st = os.stat(p)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            raise ExamFileError(f"not an exam.json (a regular file of at most {MAX_BYTES >> 20} MB)", Location(display))
        data = json.loads(p.read_bytes().decode("utf-8"))
    except OSError as e:
        raise QuizgenError(f"cannot read the exam: {e.strerror}", Location(display)) from None
    except UnicodeDecodeError:
        raise ExamFileError("not UTF-8 text; give the exam.json that quizgen build wrote", Location(display)) from None
    except json.JSONDecodeError as e:
        raise ExamFileError(f"not valid JSON: {e.msg}", Location(display, e.lineno, e.colno)) from None
    except RecursionError:
        raise ExamFileError(
            "JSON nested too deeply; give the exam.json that quizgen build wrote", Location(display)
        ) from None
    if not isinstance(data, dict) or FORMAT_KEY not in data:
        raise ExamFileError(f"no '{FORMAT_KEY}'; give the exam.json that quizgen build wrote", Location(display))
    if data[FORMAT_KEY] != FORMAT_VERSION:
        c.fail(FORMAT_KEY, f"is {_show(data[FORMAT_KEY])}; this quizgen reads version {FORMAT_VERSION}")
    for key in ("title", "course", "date", "quizgen_version"):
        c.text(data.get(key), key)
    seed = c.integer(data.get("seed"), "seed")
    bank = c.kind(data.get("bank"), dict, "bank", "a mapping")
    bank_hash = c.text(bank.get("content_hash"), "bank.content_hash")
    bank_rel = bank.get("path")
    if bank_rel is not None:
        c.text(bank_rel, "bank.path")
    spec = _spec(c, data.get("spec"))
    variants = _variants(c, data.get("variants"))
    extras = {key: check(c, data[key], variants) for key, check in OPTIONAL_FIELDS.items() if key in data}
    _files(c, data.get("files"), p.parent)
    return ExamRecord(
        path=display,
        title=data["title"],
        seed=seed,
        variants=variants,
        data=data,
        bank_path=(p.parent / bank_rel).resolve() if bank_rel is not None else None,
        bank_hash=bank_hash,
        spec=spec,
        students=extras.get("students", ()),
    )
