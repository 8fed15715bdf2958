"""Self-test worksheets: sections sized to the topics at hand (each topic is asked once), said in a student's
words, and the bank a re-test reads found from the exam it follows."""

from __future__ import annotations

from .bank.load import display_path, read_bank
from .errors import QuizgenError
from .exam import bank_hash
from .examfile import ExamRecord
from .model import Bank
from .spec import SectionSpec

NAMES = {"mcq": "multiple choice", "cloze": "fill in the blanks", "matching": "matching", "truefalse": "true or false"}
MATCHING_SIZE = 5  # terms of a matching set; it also uses a spare definition


def topics_used(kind: str) -> int:
    """The most topics one question can use up: a matching set's terms and spare definition, a true/false
    statement's term and (when false) the sibling whose definition it shows."""
    return {"matching": MATCHING_SIZE + 1, "truefalse": 2}.get(kind, 1)


def fair_yield(gen, pool, kinds: list[str]) -> dict[str, int]:
    """How many topics of the pool make a fair item of each kind (some definitions name their term in every
    sentence, so they cannot make every kind)."""
    import random

    from .distractors import GenerationError

    out = {}
    for kind in kinds:
        n = 0
        for t in pool:
            try:
                gen.item(kind, t, random.Random(0))
                n += 1
            except GenerationError:
                pass
        out[kind] = n
    return out


def _shares(kinds: list[str], count: int, topics: int, caps: dict[str, int] | None = None) -> dict[str, int]:
    per = {k: count // len(kinds) + (1 if i < count % len(kinds) else 0) for i, k in enumerate(kinds)}
    if caps:
        spare = 0
        for k in kinds:  # a type fewer topics can carry gives its questions to the others
            spare += max(0, per[k] - caps.get(k, per[k]))
            per[k] = min(per[k], caps.get(k, per[k]))
        for k in kinds:
            take = min(spare, caps.get(k, count) - per[k])
            per[k] += max(0, take)
            spare -= max(0, take)
    while sum(n * topics_used(k) for k, n in per.items()) > topics and sum(per.values()) > 1:
        # the type with the most questions gives one up (matching first, then the later types)
        biggest = max((k for k in per if per[k]), key=lambda k: (per[k], topics_used(k), kinds.index(k)))
        per[biggest] -= 1
    return {k: n for k, n in per.items() if n}


def plan_sections(
    kinds: list[str], count: int, topics: int, caps: dict[str, int] | None = None
) -> tuple[tuple[SectionSpec, ...], str]:
    """Sections of about `count` questions shared between `kinds`, no more than `topics` topics can carry
    (every topic is asked once; see topics_used), and a note saying so when the sheet is smaller.
    Matching is left out when it would leave another type out, or cannot fit at all. `caps`: how many
    topics make a fair item of each kind (fair_yield); a kind none of them can make is left out."""
    unfair = [k for k in kinds if caps is not None and not caps.get(k)]
    kinds = [k for k in kinds if k not in unfair] or kinds
    plans = [_shares(kinds, count, topics, caps)]
    if "matching" in kinds and len(kinds) > 1:
        plans.append(_shares([k for k in kinds if k != "matching"], count, topics, caps))
    per = max(plans, key=lambda p: (sum(n * topics_used(k) for k, n in p.items()) <= topics, len(p), sum(p.values())))
    sections = tuple(SectionSpec(k, count=n, points=1, size=MATCHING_SIZE) for k, n in per.items())
    asked = sum(s.count for s in sections)
    dropped = [NAMES[k] for k in kinds if k not in per]
    note = ""
    if unfair:
        note = f"no {' or '.join(NAMES[k] for k in unfair)}: none of these topics makes a fair one; "
    if asked < count or dropped:
        parts = ", ".join(f"{s.count} {NAMES[s.type]}" for s in sections)
        left = f"; no {' or '.join(dropped)}: too few topics for it" if dropped else ""
        fewer = f" instead of {count}" if asked < count else ""
        note += f"{topics} topic(s) to practise, each asked once: this worksheet has {asked} question(s) ({parts})"
        note += fewer + left
    return sections, note


def recorded_bank(record: ExamRecord) -> Bank:
    """The bank an exam was built from (exam.json records its path relative to itself, None for the bundled
    bank), checked against the recorded content: an edited exam.json shows nothing of any other folder."""
    bank, diags = read_bank(record.bank_path)
    if bank is not None and not any(d.severity == "error" for d in diags) and bank_hash(bank) == record.bank_hash:
        return bank
    where = display_path(record.bank_path) if record.bank_path else "the bundled bank"
    raise QuizgenError(f"the bank recorded in {record.path} ({where}) was not found unchanged; pass the exam's --bank")
