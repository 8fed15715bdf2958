"""Exam specs: a YAML file a teacher writes, validated with file:line errors that say what to do."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .bank import yamlnodes
from .bank.load import display_path
from .distractors import DIFFICULTIES
from .errors import BankError, Diagnostic, Location, QuizgenError
from .items import ITEM_TYPES
from .items.cloze import MODES
from .items.mcq import DIRECTIONS
from .userfile import read_bytes

PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class SectionSpec:
    type: str
    count: int = 5  # questions; for matching: sets
    points: float = 1.0  # per question; for matching: per correctly matched term
    title: str = ""
    direction: str | None = None
    mode: str | None = None
    k: int = 4
    difficulty: str = "medium"
    word_bank: bool | None = None  # cloze; None: a word bank for every blank
    size: int = 5  # matching: terms per set
    widen: bool = False  # wrong answers may come from the nearest other groups when a group has too few
    same_kind: bool | None = None  # lures of the kind a stem says: only (True), mixed (False), first (None)
    shuffle_questions: bool = True
    shuffle_options: bool = True

    @property
    def heading(self) -> str:
        return (
            self.title
            or {
                "mcq": "Multiple choice",
                "cloze": "Fill in the blanks",
                "matching": "Matching",
                "truefalse": "True or false",
            }[self.type]
        )


@dataclass(frozen=True)
class ExamSpec:
    title: str = "Sample exam"
    course: str = ""
    date: str = ""
    instructions: str = ""
    bank: str | None = None  # path, relative to the spec file; None: the bundled bank
    categories: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    seed: int = 0
    variants: int = 1
    different_topics: bool = False
    paper: str = "a4"
    font_size: float = 10.0
    answer_sheet: bool = False  # a machine-readable answer sheet at the end of every copy (quizgen/sheets)
    id_digits: int = 8  # columns of the student-number grid on sheets of unnamed copies
    language: str = "en"  # BCP 47: the language of every printed label (quizgen/i18n.py)
    labels: tuple[tuple[str, str], ...] = ()  # the teacher's own wording of labels: (label id, text)
    font: str | None = None  # a TrueType font for the reportlab engine (a script DejaVu Sans lacks); None: DejaVu
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)
    source: str = "<default>"

    def with_overrides(self, **changes) -> ExamSpec:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def as_dict(self) -> dict:
        out = {
            k: getattr(self, k)
            for k in (
                "title",
                "course",
                "date",
                "instructions",
                "bank",
                "seed",
                "variants",
                "different_topics",
                "paper",
                "font_size",
            )
        }
        out.update(categories=list(self.categories), include=list(self.include), exclude=list(self.exclude))
        if self.answer_sheet:  # recorded only when used, so exams without sheets keep their exam.json
            out.update(answer_sheet=True, id_digits=self.id_digits)
        if self.language != "en":  # likewise
            out["language"] = self.language
        if self.labels:
            out["labels"] = dict(self.labels)
        if self.font:
            out["font"] = self.font
        out["sections"] = [dict(vars(s)) for s in self.sections]
        return out


SAMPLE = ExamSpec(
    title="Machine learning: sample exam",
    course="Bundled machine-learning bank",
    instructions="Answer every question. For multiple choice, mark one box. Write clearly in the blanks.",
    seed=2026,
    variants=2,
    sections=(
        SectionSpec("mcq", count=10, points=1, direction="definition-to-term"),
        SectionSpec("mcq", count=4, points=1, direction="term-to-definition", title="Which statement fits?"),
        SectionSpec("cloze", count=4, points=2, mode="term"),
        SectionSpec("matching", count=1, points=1, size=5),
        SectionSpec("truefalse", count=6, points=1),
    ),
    source="<built-in sample>",
)


def sample_for(topic_count: int, language: str = "en", bundled: bool = True) -> ExamSpec:
    """The sample exam in `language`, made smaller for a bank too small for it (each topic is asked once); titled
    for the bundled bank only when it is that bank (an economics glossary's sample is no machine-learning exam)."""
    from .i18n import Labels

    lab = Labels(language)
    sample = replace(
        SAMPLE,
        title=lab("sample-title" if bundled else "sample-small-title"),
        course=lab("sample-course") if bundled else "",
        instructions=lab("sample-instructions"),
        language=language,
    )
    if not bundled:  # either direction, drawn per question: a glossary may yield few term → definition items
        sample = replace(sample, sections=(SectionSpec("mcq", count=14, points=1), *SAMPLE.sections[2:]))
    if topic_count >= 40:
        return sample
    mcq = max(1, topic_count // 2)
    tf = (topic_count - mcq) // 3
    sections = (SectionSpec("mcq", count=mcq, points=1),) + ((SectionSpec("truefalse", count=tf),) if tf else ())
    return replace(sample, title=lab("sample-small-title"), course="", sections=sections)


EXAM_KEYS = {
    "title": str,
    "course": str,
    "date": str,
    "instructions": str,
    "bank": str,
    "categories": list,
    "include": list,
    "exclude": list,
    "seed": int,
    "variants": int,
    "different_topics": bool,
    "paper": PAPERS,
    "font_size": float,
    "answer_sheet": bool,
    "id_digits": int,
    "language": str,
    "labels": "labels",
    "font": str,
    "sections": "sections",
}
SECTION_KEYS = {
    "type": ITEM_TYPES,
    "title": str,
    "count": int,
    "sets": int,
    "points": float,
    "direction": DIRECTIONS,
    "mode": MODES,
    "k": int,
    "difficulty": DIFFICULTIES,
    "word_bank": bool,
    "widen": bool,
    "same_kind": bool,
    "size": int,
    "shuffle": "shuffle",
}
RANGES = {
    "variants": (1, 10000),
    "count": (1, 500),
    "sets": (1, 50),
    "k": (3, 6),
    "size": (2, 12),
    "font_size": (7, 16),
    "id_digits": (1, 12),
    "points": (0, 1000),
}


class _Reader:
    def __init__(self, display: str):
        self.display = display
        self.diags: list[Diagnostic] = []

    def err(self, node, message: str) -> None:
        loc = yamlnodes.location(self.display, node.start_mark) if node is not None else Location(self.display)
        self.diags.append(Diagnostic(loc, "error", message))

    def mapping(self, node, allowed: dict, what: str) -> dict:
        if not isinstance(node, MappingNode):
            self.err(node, f"{what} must be a mapping of 'key: value' lines")
            return {}
        out = {}
        for k, v in node.value:
            key = k.value if isinstance(k, ScalarNode) else None
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), list(allowed), n=1)
                fix = f"did you mean '{hint[0]}'?" if hint else f"allowed: {', '.join(allowed)}"
                self.err(k, f"unknown key '{key}' in {what}; {fix}")
            elif key in out:
                self.err(k, f"'{key}' appears twice in {what}")
            else:
                out[key] = v
        return out

    def value(self, key: str, node, kind):
        if isinstance(kind, tuple):
            text = self.value(key, node, str)
            if text is not None and text.strip().lower() in kind:  # 'A4', 'Letter', 'MCQ' as people write them
                return text.strip().lower()
            if text is not None:
                self.err(node, f"'{key}' must be one of {', '.join(kind)}, not '{text}'")
                return None
            return text
        if kind is list:
            if isinstance(node, ScalarNode) and node.value:
                return (node.value,)
            if not isinstance(node, SequenceNode) or not all(isinstance(n, ScalarNode) for n in node.value):
                self.err(node, f"'{key}' must be a list of names, e.g. {key}: [First, Second]")
                return None
            return tuple(" ".join(n.value.split()) for n in node.value)
        if not isinstance(node, ScalarNode):
            self.err(node, f"'{key}' must be a single value, not a list or mapping")
            return None
        raw = node.value.strip()
        if kind is str:
            return " ".join(raw.split()) if key != "instructions" else raw
        if kind is bool:
            if raw.lower() in ("true", "yes", "on"):
                return True
            if raw.lower() in ("false", "no", "off"):
                return False
            self.err(node, f"'{key}' must be true or false, not '{raw}'")
            return None
        try:
            number = int(raw) if kind is int else float(raw)
        except ValueError:
            self.err(node, f"'{key}' must be a {'whole ' if kind is int else ''}number, not '{raw}'")
            return None
        low, high = RANGES.get(key, (None, None))
        if low is not None and not low <= number <= high:
            self.err(node, f"'{key}' must be between {low} and {high}, not {raw}")
            return None
        return number


def load_spec(path: str | os.PathLike) -> ExamSpec:
    """Read and validate an exam spec; raise BankError (a list of located errors) when it is wrong."""
    p = Path(path)
    display = display_path(p)
    try:
        data = read_bytes(p, "spec")[1]
    except QuizgenError as e:
        raise BankError([Diagnostic(e.location or Location(display), "error", e.message)]) from None
    text, problem = yamlnodes.decode(data, display)
    root = None
    if problem is None:
        root, problem = yamlnodes.compose(text, display)
    if problem is not None:
        raise BankError([Diagnostic(problem[0], "error", problem[1])])
    r = _Reader(display)
    if root is None:
        r.err(None, "the spec is empty; see the example spec in the README")
        raise BankError(r.diags)
    fields = r.mapping(root, EXAM_KEYS, "the exam spec")
    values: dict = {}
    sections: list[SectionSpec] = []
    for key, node in fields.items():
        kind = EXAM_KEYS[key]
        if kind == "sections":
            sections = _sections(r, node)
        elif kind == "labels":
            values["labels"] = _labels(r, node)
        else:
            v = r.value(key, node, kind)
            if v is not None:
                values[key] = v
    if "sections" not in fields:
        r.err(root, "the spec has no 'sections:'; add at least one section (type, count, points)")
    if "bank" in values:
        values["bank"] = (
            str((p.parent / values["bank"]).resolve()) if not os.path.isabs(values["bank"]) else values["bank"]
        )
    if "font" in values:
        font = Path(values["font"]) if os.path.isabs(values["font"]) else p.parent / values["font"]
        if not font.is_file():
            r.err(fields["font"], f"'font' names no file ({font}); give the path of a .ttf font, relative to the spec")
        values["font"] = str(font.resolve())
    if "language" in values:
        problem = language_problem(values["language"])
        if problem:
            r.err(fields["language"], problem)
    if r.diags:
        raise BankError(r.diags)
    return ExamSpec(**values, sections=tuple(sections), source=display)


def language_problem(tag: str) -> str | None:
    """Why `tag` cannot be an exam's language (not BCP 47, or no catalog for it), or None."""
    from .i18n import TAG, catalog

    if not TAG.match(tag):
        return f"'language' must be a BCP 47 language tag such as es, fr or pt-BR, not '{tag}'"
    try:
        catalog(tag)
    except QuizgenError as e:
        return e.message
    return None


def label_problem(label: str, text: str) -> str | None:
    """Why `text` cannot override the label `label`, or None."""
    from .i18n import placeholders
    from .labels import LABELS

    if label not in LABELS:
        hint = difflib.get_close_matches(label, list(LABELS), n=1)
        fix = f"did you mean '{hint[0]}'?" if hint else "the README lists the label ids ('quizgen languages --labels')"
        return f"unknown label '{label}' in 'labels'; {fix}"
    english = LABELS[label]
    allowed = set().union(*(placeholders(e) for e in (english if isinstance(english, tuple) else (english,))))
    extra = placeholders(text) - allowed
    if extra:
        what = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
        return f"label '{label}' uses {{{sorted(extra)[0]}}}, which it does not have (its placeholders: {what})"
    return None


def _labels(r: _Reader, node) -> tuple[tuple[str, str], ...]:
    if not isinstance(node, MappingNode):
        r.err(node, "'labels' must be a mapping of label ids to your wording, e.g. labels: {name: Nom et prénom}")
        return ()
    out: dict[str, str] = {}
    for k, v in node.value:
        label = k.value if isinstance(k, ScalarNode) else ""
        if not isinstance(v, ScalarNode) or not v.value.strip():
            r.err(v, f"label '{label}' must be a line of text")
            continue
        text = " ".join(v.value.split())
        problem = label_problem(label, text) or (f"'{label}' appears twice in 'labels'" if label in out else None)
        if problem:
            r.err(k, problem)
        else:
            out[label] = text
    return tuple(out.items())


def _sections(r: _Reader, node) -> list[SectionSpec]:
    if not isinstance(node, SequenceNode) or not node.value:
        r.err(node, "'sections' must be a list of sections, each starting with '- type: mcq|cloze|matching|truefalse'")
        return []
    out = []
    for item in node.value:
        fields = r.mapping(item, SECTION_KEYS, "a section")
        values: dict = {}
        for key, v_node in fields.items():
            if key == "shuffle":
                shuffle = r.mapping(v_node, {"questions": bool, "options": bool}, "'shuffle'")
                for sk, sn in shuffle.items():
                    v = r.value(sk, sn, bool)
                    if v is not None:
                        values[f"shuffle_{sk}"] = v
                continue
            v = r.value(key, v_node, SECTION_KEYS[key])
            if v is not None:
                values["count" if key == "sets" else key] = v
        if "type" not in fields:
            r.err(item, "section has no 'type'; use one of " + ", ".join(ITEM_TYPES))
            continue
        if "type" in values:
            out.append(SectionSpec(**values))
    return out


def spec_from_dict(data: dict, source: str) -> ExamSpec:
    """The spec recorded in an exam.json, to rebuild that exam exactly."""
    try:
        fields = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k != "sections"}
        fields["labels"] = tuple(dict(data.get("labels", {})).items())
        problems = [language_problem(fields.get("language", "en"))]
        problems += [label_problem(k, v) for k, v in fields["labels"]]
        if any(problems):
            raise QuizgenError(f"{source}: spec: {next(p for p in problems if p)}")
        sections = tuple(SectionSpec(**s) for s in data["sections"])
        return ExamSpec(**fields, sections=sections, source=source)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise QuizgenError(f"the spec recorded in {source} cannot be read ({e}); was it written by quizgen?") from None


def recorded_spec(record) -> ExamSpec:
    """The language, labels and font an exam.json recorded (an exam.json of an older quizgen has none: English)."""
    spec = record.spec or {}
    if "language" not in spec and "labels" not in spec:
        return ExamSpec()
    return spec_from_dict(spec, record.path)
