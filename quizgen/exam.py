"""Stage 3: the exam engine. Spec + bank -> variants of numbered questions, built once; every writer
(PDF, LaTeX, JSON, CSV) renders this one result."""

from __future__ import annotations

import difflib
import hashlib
import random
from dataclasses import dataclass, replace

from . import __version__
from .errors import QuizgenError
from .items import MIXED_KINDS, ItemGenerator, ItemOptions
from .items.matching import shuffle_unstraight
from .items.mcq import FEWEST_OPTIONS as FEWEST
from .items.order import positions, without
from .model import Bank, ClozeItem, Item, MatchingItem, MCQItem, Topic, TrueFalseItem
from .spec import ExamSpec, SectionSpec

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Question:
    number: int
    points: float
    item: Item


@dataclass(frozen=True)
class Section:
    spec: SectionSpec
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Variant:
    code: str
    sections: tuple[Section, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @property
    def total_points(self) -> float:
        return sum(q.points for q in self.questions)


@dataclass(frozen=True)
class Exam:
    spec: ExamSpec
    variants: tuple[Variant, ...]
    bank_source: str
    bank_hash: str
    version: str = __version__


def variant_code(i: int) -> str:
    """A, B, …, Z, AA, AB, …, ZZ, AAA, … (bijective base 26, like spreadsheet columns)."""
    code = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        code = LETTERS[r] + code
    return code


def bank_hash(bank: Bank) -> str:
    h = hashlib.sha256()
    for t in bank.topics:
        for part in (t.category, t.name, t.definition, *t.aliases, "|", *t.overlaps):
            h.update(part.encode("utf-8") + b"\x00")
    return h.hexdigest()[:16]


def topic_pool(spec: ExamSpec, bank: Bank) -> list[Topic]:
    """Topics the spec allows: its categories (all when none) plus `include`, minus `exclude`."""
    excluded = {n.casefold() for n in spec.exclude}
    return [t for t in _pool_before_exclusions(spec, bank) if t.name.casefold() not in excluded]


def _pool_before_exclusions(spec: ExamSpec, bank: Bank) -> list[Topic]:

    def find(name: str, kind: str, known: list[str]):
        if name.casefold() not in {k.casefold() for k in known}:
            hint = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            fix = f"did you mean '{hint[0]}'?" if hint else "check the spelling (quizgen topics lists them)"
            raise QuizgenError(f"{kind} '{name}' is not in the bank; {fix}", None)

    cat_names = [c.name for c in bank.categories]
    topic_names = [t.name for t in bank.topics]
    for c in spec.categories:
        find(c, "category", cat_names)
    for t in (*spec.include, *spec.exclude):
        find(t, "topic", topic_names)
    chosen = {c.casefold() for c in spec.categories}
    pool = [t for t in bank.topics if not chosen or t.category.casefold() in chosen]
    pool += [bank.topic(n) for n in spec.include if bank.topic(n) not in pool]
    return pool


def _options(s: SectionSpec) -> ItemOptions:
    return ItemOptions(
        direction=s.direction,
        mode=s.mode,
        k=s.k,
        difficulty=s.difficulty,
        word_bank=s.word_bank,
        size=s.size,
        widen=s.widen,
        same_kind=s.same_kind,
    )


def _topics_of(item: Item) -> set[str]:
    """Topics asked about (they may not be asked again)."""
    if isinstance(item, MatchingItem):
        return set(item.response_topics)  # the terms asked and the spare definition shown
    if isinstance(item, TrueFalseItem):
        return {item.topic, item.shown_topic}
    return {item.topic}


def _one_thing_with(gen: ItemGenerator, item: Item) -> set[str]:
    """Siblings the glossary defines as the same thing as an asked topic ('… also referred to as a cognitive script'
    for Event schema): asked in two questions, each stem would give the other's answer (reading 78)."""
    ix, out = gen.index, set()
    for name in _topics_of(item):
        topic = gen.bank.topic(name)
        out |= {t.name for t in gen.bank.category(topic.category).topics if t is not topic and ix.paraphrase(topic, t)}
    return out


def shown_topics(item: Item) -> set[str]:
    """Topics whose name or description an item shows: in another question's wrong answers they would
    let one question answer the other."""
    if isinstance(item, MCQItem):
        return set(item.option_topics)
    if isinstance(item, MatchingItem):
        return set(item.response_topics)
    if isinstance(item, TrueFalseItem):
        return {item.topic, item.shown_topic}
    return {item.topic}


def draw_items(
    spec: ExamSpec, gen: ItemGenerator, pool: list[Topic], tag: str, excluded: frozenset[str] = frozenset()
) -> list[list[Item]]:
    """Items for every section, each topic asked at most once across the exam (so one question never
    answers another; matching terms count as asked). Every question (section, position) draws with its own
    random stream, and the exam is first drawn as if nothing were excluded: excluding a topic then redraws
    only the question that asked it, so a teacher who swaps one weak question keeps every other one."""
    slots: list[tuple[int, int, Item]] = []
    used: set[str] = set()
    shown: set[str] = set()
    where = positions(pool)
    # matching sets first: a set needs several terms of one group that fit together, which single questions drawn
    # before it may have used up (the sections still print in the spec's order)
    order = sorted(range(len(spec.sections)), key=lambda si: spec.sections[si].type != "matching")
    for si, s in ((si, spec.sections[si]) for si in order):
        for j in range(s.count):
            rng = random.Random(f"{tag}:{si}:{j}")
            item = _draw_one(s, gen, pool, used, shown, rng, j, _truths(tag, si, s), where)
            slots.append((si, j, item))
            used |= _topics_of(item) | _one_thing_with(gen, item)
            shown |= shown_topics(item)
    if excluded:
        for n, (si, j, item) in enumerate(slots):
            if not {t.casefold() for t in _asked(item)} & excluded:
                continue
            others = [it for m, (_, _, it) in enumerate(slots) if m != n]
            used_elsewhere = set().union(*(_topics_of(it) for it in others))
            shown_elsewhere = set().union(*(shown_topics(it) for it in others))
            allowed = [t for t in pool if t.name.casefold() not in excluded]
            s = spec.sections[si]
            again = random.Random(f"{tag}:{si}:{j}:again")
            item = _draw_one(s, gen, allowed, used_elsewhere, shown_elsewhere, again, j, _truths(tag, si, s))
            slots[n] = (si, j, item)
    out: list[list[Item]] = [[] for _ in spec.sections]
    for si, _, item in slots:
        out[si].append(item)
    return out


def _asked(item: Item) -> set[str]:
    return set(item.premise_topics) if isinstance(item, MatchingItem) else {item.topic}


def _truths(tag: str, si: int, s: SectionSpec) -> list[bool] | None:
    """True/false answers of a section, half each in a seeded order (four 'True' in a row is a pattern
    students notice); None for other types. Per position, so swapping one question moves no other answer."""
    if s.type != "truefalse":
        return None
    seq = [i % 2 == 0 for i in range(s.count)]
    random.Random(f"{tag}:{si}:truth").shuffle(seq)
    return seq


def _draw_one(
    s: SectionSpec, gen: ItemGenerator, pool, used: set[str], shown: set[str], rng, j: int = 0, truths=None, where=None
) -> Item:
    available = without(pool, used, where)
    if not available:
        raise QuizgenError(
            f"section '{s.heading}' needs {s.count} question(s) but the pool of {len(pool)} topics is used "
            "up (each topic is asked once); choose more categories or fewer questions"
        )
    fresh = without(pool, used | shown, where)  # not already shown in another question
    avoid = frozenset(shown | used)
    options = _options(s) if truths is None else replace(_options(s), truth=truths[j])
    try:
        try:
            made, _ = gen.items(s.type, 1, rng, fresh or available, options, avoid=avoid)
        except QuizgenError:
            if not fresh or len(fresh) == len(available):
                raise
            made, _ = gen.items(s.type, 1, rng, available, options, avoid=avoid)
    except QuizgenError as e:
        what = "set" if s.type == "matching" else "question"
        hint = (
            ""
            if s.widen
            else (
                "; fewer questions, more categories, or 'widen: true' in the section (wrong answers from the nearest "
                "groups) would help"
            )
        )
        raise SectionShort(
            f"section '{s.heading}', {what} {j + 1} of {s.count}: {e.message}{hint}", s.type, j
        ) from None
    return made[0]


class SectionShort(QuizgenError):
    """A section the pool could not fill: `kind` its item type, `made` the questions it got before."""

    def __init__(self, message: str, kind: str, made: int):
        super().__init__(message)
        self.kind, self.made = kind, made


def shuffle_options(item: Item, rng: random.Random, key_at: int | None = None) -> Item:
    """The same question with its options (MCQ) or responses and premises (matching) reordered; `key_at`:
    where the right option goes (the others in random order)."""
    if isinstance(item, MCQItem):
        order = list(range(len(item.options)))
        rng.shuffle(order)
        if key_at is not None:
            order.remove(item.answer)
            if key_at >= len(item.options):  # the D of a three-option question: any letter it has, by its own draw
                key_at = rng.randrange(len(item.options))
            order.insert(key_at, item.answer)
        return replace(
            item,
            options=tuple(item.options[i] for i in order),
            option_topics=tuple(item.option_topics[i] for i in order),
            answer=order.index(item.answer),
        )
    if isinstance(item, MatchingItem):
        prem = list(range(len(item.premises)))
        resp = list(range(len(item.responses)))
        rng.shuffle(prem)
        shuffle_unstraight(rng, resp, lambda: (resp.index(item.answer[i]) for i in prem))
        return replace(
            item,
            premises=tuple(item.premises[i] for i in prem),
            premise_topics=tuple(item.premise_topics[i] for i in prem),
            responses=tuple(item.responses[j] for j in resp),
            response_topics=tuple(item.response_topics[j] for j in resp),
            answer=tuple(resp.index(item.answer[i]) for i in prem),
        )
    return item


def question_points(s: SectionSpec, item: Item) -> float:
    return s.points * len(item.premises) if isinstance(item, MatchingItem) else s.points


def build_exam(
    spec: ExamSpec, bank: Bank, generator: ItemGenerator | None = None, pool: list[Topic] | None = None
) -> Exam:
    """All variants of the exam, reproducible from spec.seed; `pool` overrides the spec's topic filters."""
    if not spec.sections:
        raise QuizgenError("the exam has no sections")
    gen = generator or ItemGenerator(bank)
    excluded: frozenset[str] = frozenset()
    if pool is None:
        topic_pool(spec, bank)  # checks the names
        pool, excluded = _pool_before_exclusions(spec, bank), frozenset(n.casefold() for n in spec.exclude)
    base = draw_items(spec, gen, pool, f"quizgen:{spec.seed}:items", excluded)
    variants = []
    for v in range(spec.variants):
        rng = random.Random(f"quizgen:{spec.seed}:variant:{v}")
        tag = f"quizgen:{spec.seed}:variant:{v}:items"
        items = draw_items(spec, gen, pool, tag, excluded) if spec.different_topics and v > 0 else base
        orders = []
        for s, section_items in zip(spec.sections, items):
            order = list(section_items)
            if s.shuffle_questions:
                rng.shuffle(order)
            orders.append(order)
        positions = _balanced_positions(spec, orders, rng)
        sections, number, m = [], 1, 0
        for s, order in zip(spec.sections, orders):
            questions = []
            for item in order:
                if s.shuffle_options:
                    # each question's own stream: changing one question cannot reorder another's options
                    own = random.Random(f"quizgen:{spec.seed}:variant:{v}:options:{item.id}")
                    key_at = None
                    if isinstance(item, MCQItem):
                        (at, short), m = positions[m], m + 1
                        key_at = at if at < len(item.options) else short
                    item = shuffle_options(item, own, key_at)
                questions.append(Question(number, question_points(s, item), item))
                number += 1
            sections.append(Section(s, tuple(questions)))
        variants.append(Variant(variant_code(v), tuple(sections)))
    return Exam(spec, tuple(variants), bank.source, bank_hash(bank))


_SAME_KIND_ADVICE = "'same_kind: true' in the section leaves such topics out"


def mixed_kind_notes(exam: Exam, sheet: bool = False) -> list[str]:
    """Per section, the questions of variant A whose wrong answers are of other kinds than their stem states (made
    once the topics whose groups hold enough of their kind ran out: items.MIXED_KINDS), for the teacher to read before
    printing — a reader strikes about one definition-to-term item in four of them. `sheet`: a worksheet's wording
    (one variant, no spec to add `same_kind` to)."""
    out = []
    for section in exam.variants[0].sections if exam.variants else ():
        numbers = [q.number for q in section.questions if MIXED_KINDS in q.item.notes]
        if numbers:
            where = "" if sheet else " of variant A"
            advice = "read them before handing the sheet out" if sheet else _SAME_KIND_ADVICE
            out.append(
                f"note: section '{section.spec.heading}': question(s) {', '.join(map(str, numbers))}{where} offer "
                "wrong answers of other kinds than their stem states (their groups have too few of that kind); "
                + advice
            )
    return out


def replace_in_spec(spec: ExamSpec, bank: Bank, gen: ItemGenerator, which: tuple[str, ...]) -> ExamSpec:
    """The spec with the questions named by topic or by their number in variant A excluded: built again,
    only those questions change."""
    names = []
    numbered = None
    for w in which:
        if w.strip().isdigit():
            numbered = numbered or {q.number: q.item for q in build_exam(spec, bank, gen).variants[0].questions}
            if int(w) not in numbered:
                raise QuizgenError(f"--replace {w}: variant A has questions 1 to {len(numbered)}")
            names += sorted(_asked(numbered[int(w)]))
        else:
            names.append(w.strip())
    return replace(spec, exclude=tuple(dict.fromkeys((*spec.exclude, *names))))


def _balanced_positions(spec: ExamSpec, orders: list[list[Item]], rng: random.Random) -> list[tuple[int, int]]:
    """Where the key of each shuffled MCQ goes, in question order: every letter about equally often within a
    variant (a page of D D D D is a pattern students notice), each position still uniform across seeds. The
    sequence depends only on how many such questions there are, so swapping one question moves no other key.
    Each place comes with a letter of A-C for a question with fewer options than the place needs (three-option
    questions are common once lures must share the key's subject): those letters are balanced too."""
    n = sum(isinstance(it, MCQItem) for s, order in zip(spec.sections, orders) if s.shuffle_options for it in order)
    k = max((s.k for s in spec.sections if s.type == "mcq"), default=4)
    seq = [i % k for i in range(n)]
    rng.shuffle(seq)
    short = [i % FEWEST for i in range(sum(p >= FEWEST for p in seq))]
    rng.shuffle(short)
    spare = iter(short)
    return [(p, next(spare) if p >= FEWEST else p) for p in seq]


# ---- answers in the forms a key shows ----


def answer_letters(item: Item) -> str:
    """The answer as a teacher marks it: 'C', 'BDAEC' (matching), 'T'/'F', or the first accepted text."""
    if isinstance(item, MCQItem):
        return LETTERS[item.answer]
    if isinstance(item, MatchingItem):
        return "".join(LETTERS[a] for a in item.answer)
    if isinstance(item, TrueFalseItem):
        return "T" if item.answer else "F"
    if isinstance(item, ClozeItem):
        return " | ".join(a[0] for a in item.answer)
    raise TypeError(item)


def assign_variants(exam: Exam, students: list) -> list[tuple]:
    """Each student gets a variant in turn (A, B, …, A, …) so neighbours in the roster differ."""
    return [(s, exam.variants[i % len(exam.variants)].code) for i, s in enumerate(students)]


def copy_file_name(student) -> str:
    from .text.slug import slugify

    # the slugs are readable; the hash of the raw id keeps 'A-1' and 'a.1' (or two CJK ids) apart
    tag = hashlib.sha256(student.id.encode("utf-8")).hexdigest()[:6]
    return f"copy-{slugify(student.id, 'student')}-{slugify(student.name, 'name', 40)}-{tag}.pdf"


def exam_json(exam: Exam, files: list[str], assignments: list[tuple] = ()) -> dict:
    out = {
        "quizgen_version": exam.version,
        "title": exam.spec.title,
        "course": exam.spec.course,
        "date": exam.spec.date,
        "seed": exam.spec.seed,
        "bank": {"source": exam.bank_source, "content_hash": exam.bank_hash},
        "spec": exam.spec.as_dict(),
        "variants": [
            {
                "code": v.code,
                "total_points": v.total_points,
                "questions": [
                    {
                        "number": q.number,
                        "points": q.points,
                        "section": s.spec.heading,
                        "section_number": si,
                        **q.item.to_json(),
                    }
                    for si, s in enumerate(v.sections, 1)
                    for q in s.questions
                ],
            }
            for v in exam.variants
        ],
        "files": files,
        **(
            {
                "students": [
                    {"name": s.name, "id": s.id, "email": s.email, "variant": code, "file": copy_file_name(s)}
                    for s, code in assignments
                ]
            }
            if assignments
            else {}
        ),
    }
    if exam.spec.answer_sheet:
        from .sheets.layout import sheets_json

        out["answer_sheets"] = sheets_json(exam, assignments)
    return out


def key_rows(exam: Exam, assignments: list[tuple] = ()) -> list[list]:
    """The hand-grading key; with a roster, one block of rows per student (their variant's answers)."""
    head = ["variant", "number", "type", "topic", "answer", "points"]
    by_code = {v.code: v for v in exam.variants}
    if assignments:
        return [["student_id", "name", *head]] + [
            [s.id, s.name, code, q.number, q.item.type, q.item.topic, answer_letters(q.item), _num(q.points)]
            for s, code in assignments
            for q in by_code[code].questions
        ]
    return [head] + [
        [v.code, q.number, q.item.type, q.item.topic, answer_letters(q.item), _num(q.points)]
        for v in exam.variants
        for q in v.questions
    ]


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
