"""Write topics as bank YAML files that a person can read and edit, and that load back unchanged."""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import QuizgenError
from ..safefs import write_atomic
from ..text.slug import slugify

WRAP = 96


@dataclass(frozen=True)
class DraftTopic:
    name: str
    definition: str
    aliases: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()
    comment: str = ""  # written as a YAML comment above the topic (e.g. a doubtful split to check)


@dataclass(frozen=True)
class DraftCategory:
    name: str
    topics: tuple[DraftTopic, ...]
    description: str = ""
    comment: str = ""
    language: str = "en"


def _plain_ok(s: str, in_flow: bool = False) -> bool:
    if not s or s != s.strip() or re.search(r":\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`]", s):
        return False
    if in_flow and re.search(r"[,:?\[\]{}]", s):
        return False
    try:
        return yaml.safe_load(s) == s
    except yaml.YAMLError:
        return False


def scalar(s: str, in_flow: bool = False) -> str:
    return s if _plain_ok(s, in_flow) else json.dumps(s, ensure_ascii=False)


def _folded(key: str, text: str, indent: str) -> str:
    if text != " ".join(text.split()) or any(ord(c) < 32 for c in text):
        return f"{indent}{key}: {json.dumps(text, ensure_ascii=False)}\n"
    lines = textwrap.wrap(text, WRAP - len(indent) - 2, break_long_words=False, break_on_hyphens=False)
    body = "".join(f"{indent}  {ln}\n" for ln in lines)
    return f"{indent}{key}: >-\n{body}"


def _comment(text: str, indent: str) -> str:
    return "".join(f"{indent}# {ln}\n" for ln in text.splitlines()) if text else ""


def category_yaml(cat: DraftCategory) -> str:
    out = [_comment(cat.comment, ""), f"category: {scalar(cat.name)}\n"]
    if cat.description:
        out.append(f"description: {scalar(cat.description)}\n")
    if cat.language != "en":
        out.append(f"language: {scalar(cat.language)}\n")
    out.append("topics:\n")
    for t in cat.topics:
        out.append(_comment(t.comment, "  "))
        out.append(f"  - name: {scalar(t.name)}\n")
        out.append(_folded("definition", t.definition, "    "))
        for key, values in (("aliases", t.aliases), ("overlaps", t.overlaps)):
            if values:
                out.append(f"    {key}: [{', '.join(scalar(v, in_flow=True) for v in values)}]\n")
    text = "".join(out)
    _check_round_trip(text, cat)
    return text


def _check_round_trip(text: str, cat: DraftCategory) -> None:
    data = yaml.safe_load(text)
    got = [
        (t["name"], t["definition"], tuple(t.get("aliases", ())), tuple(t.get("overlaps", ()))) for t in data["topics"]
    ]
    want = [(t.name, t.definition, t.aliases, t.overlaps) for t in cat.topics]
    if data["category"] != cat.name or got != want:
        raise AssertionError(f"YAML writer lost text in category {cat.name!r}")


def file_names(categories: list[DraftCategory]) -> list[str]:
    """One distinct, safe file name per category."""
    names, used = [], set()
    for cat in categories:
        base = slugify(cat.name, fallback="category")
        name, n = f"{base}.yaml", 2
        while name in used:
            name, n = f"{base}-{n}.yaml", n + 1
        used.add(name)
        names.append(name)
    return names


def write_bank(categories: list[DraftCategory], out_dir: Path, force: bool = False) -> list[Path]:
    """Write one YAML file per category; refuse to overwrite existing files unless force."""
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / n for n in file_names(categories)]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise QuizgenError(
            f"{len(existing)} file(s) already exist in {out_dir} (e.g. {existing[0].name}); "
            "choose an empty --out folder or pass --force to overwrite"
        )
    for cat, path in zip(categories, targets, strict=False):
        write_atomic(path, category_yaml(cat).encode("utf-8"))
    return targets
