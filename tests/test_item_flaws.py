"""Regression fixtures: items a blind reading judged flawed (tests/data/flawed-items.yaml) are now repaired or
not made, on the bundled bank and on glossaries from other fields (tests/data/banks)."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

import pytest
import yaml

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemOptions
from quizgen.quality import HARD_RULES, Checker, Report

HERE = Path(__file__).parent
FIXTURES = yaml.safe_load((HERE / "data" / "flawed-items.yaml").read_text(encoding="utf-8"))


@cache
def checker(bank: str) -> Checker:
    return Checker(load_bank(None if bank == "bundled" else HERE / "data" / "banks" / bank))


def printed(item) -> str:
    """Everything a student sees, one piece per line."""
    d = item.to_json()
    parts = [d.get("stem", ""), d.get("text", ""), d.get("statement", "")]
    parts += d.get("options", []) + d.get("responses", []) + d.get("premises", []) + (d.get("word_bank") or [])
    if item.type == "cloze":
        parts += [a for answers in d["answer"] for a in answers]
    return "\n".join(p for p in parts if p) + "\n"


@pytest.mark.parametrize("case", FIXTURES, ids=[f"{c['bank']}:{c['topic']}:{c['type']}" for c in FIXTURES])
def test_flawed_item_is_repaired_or_not_made(case):
    ch = checker(case["bank"])
    topic = ch.bank.topic(case["topic"])
    options = ItemOptions(direction=case.get("direction"), mode=case.get("mode"))
    for seed in range(6):
        try:
            item = ch.gen.item(case["type"], topic, random.Random(seed), options)
        except GenerationError:
            continue  # not made: the teacher is told why
        text = printed(item)
        for fragment in case["shows"]:
            assert fragment not in text, (case["flaw"], text)
        report = Report()
        getattr(ch, f"_check_{case['type']}")(item, report)
        assert {r: report.rules[r] for r in HARD_RULES} == {r: 0 for r in HARD_RULES}, report.examples


@pytest.mark.parametrize(
    "bank",
    [
        "chemistry",
        "law",
        "statistics",
        "quimica",
        "franceterme",
        "anatomy",
        "psychology",
        "economics",
        "astronomy",
        "political-science",
        "philosophy",
        "anthropology",
        "sociology",
        "business-ethics",
        "world-history",
        "world-history-2",
        "marketing",
        "organizational-behavior",
        "physics",
        "finance",
        "business",
        "microbiology",
        "pharmacology",
        "nutrition",
        "population-health",
        "prealgebra",
        "intro-political-science",
    ],
)
def test_glossaries_from_other_fields_hold_the_hard_rules(bank):
    report = checker(bank).run(200, seed=11, coverage=False)
    assert report.as_dict()["hard_rules"] == {r: 0 for r in HARD_RULES}
