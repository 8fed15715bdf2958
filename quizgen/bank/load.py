"""Load a bank (a folder of YAML files or one file) into the model, reporting every error with its location."""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import BankError, Diagnostic, Location
from ..model import Bank, Category, Topic
from ..text.latexmath import math_command_problems
from ..text.math import math_problems, segments
from . import yamlnodes

FILE_KEYS = ("category", "description", "language", "topics")
MAX_FILE_BYTES = 20_000_000
# a whole bank: room for 100,000-topic banks (≈ 40 MB in ≈ 2,000 files), not for one that takes minutes
# and gigabytes to load (1,000,000 topics built in 3 min 40 s at 4.3 GB)
MAX_BANK_BYTES = 256_000_000
MAX_BANK_FILES = 20_000
MAX_TOPICS = 200_000
MAX_LENGTH = {
    "name": 200,
    "definition": 5000,
    "aliases entry": 200,
    "overlaps entry": 200,
    "tags entry": 100,
    "category": 200,
    "description": 1000,
    "id": 100,
    "language": 50,
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
TOPIC_KEYS = ("name", "definition", "aliases", "overlaps", "id", "tags")
YAML_SUFFIXES = (".yaml", ".yml")


def bundled_bank_path() -> Path:
    """The bank shipped with quizgen: inside the installed package, or topics/ beside a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_data" / "topics", here.parent / "topics"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled bank is missing from this installation; reinstall quizgen")


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def bank_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES and p.is_file())
    return [path]


def load_bank(path: str | os.PathLike | None = None) -> Bank:
    """Load and validate a bank; raise BankError listing every error."""
    bank, diagnostics = read_bank(path)
    if bank is None or any(d.severity == "error" for d in diagnostics):
        raise BankError(diagnostics)
    return bank


def read_bank(path: str | os.PathLike | None = None) -> tuple[Bank | None, list[Diagnostic]]:
    """Load a bank and return it with every diagnostic; the bank is None when nothing usable was read."""
    root = Path(path) if path is not None else bundled_bank_path()
    diags: list[Diagnostic] = []
    if not root.exists():
        return None, [_err(Location(str(root)), "no such file or folder; give a bank folder or YAML file")]
    files = bank_files(root)
    if not files:
        return None, [_err(Location(display_path(root)), "no .yaml files in this folder; a bank needs at least one")]
    where = Location(display_path(root))
    if len(files) > MAX_BANK_FILES:
        return None, [_err(where, f"{len(files):,} bank files; the limit is {MAX_BANK_FILES:,}, split the bank")]
    size = sum(f.stat().st_size for f in files if f.is_file())
    if size > MAX_BANK_BYTES:
        return None, [
            _err(where, f"the bank is {size / 1e6:,.0f} MB; the limit is {MAX_BANK_BYTES // 1_000_000} MB, split it")
        ]
    categories, topics = [], 0
    for f in files:
        cat = _read_file(f, display_path(f), diags)
        if cat is not None:
            categories.append(cat)
            topics += len(cat.topics)
            if topics > MAX_TOPICS:
                diags.append(
                    _err(
                        Location(display_path(f)),
                        f"the bank has more than {MAX_TOPICS:,} topics (reached in this file); split the bank",
                    )
                )
                return None, diags
    bank = Bank(tuple(categories), source=display_path(root))
    _check_bank(bank, diags, Location(display_path(root)))
    return bank, diags


def _err(loc: Location, msg: str) -> Diagnostic:
    return Diagnostic(loc, "error", msg)


def _read_file(path: Path, display: str, diags: list[Diagnostic]) -> Category | None:
    try:
        if not path.is_file():
            diags.append(_err(Location(display), "not a regular file; give a bank folder or YAML file"))
            return None
        if path.stat().st_size > MAX_FILE_BYTES:
            diags.append(
                _err(
                    Location(display),
                    f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB; a bank "
                    "file holds one group of topics, split it",
                )
            )
            return None
        data = path.read_bytes()
    except OSError as e:
        diags.append(_err(Location(display), f"cannot read file: {e.strerror}"))
        return None
    text, problem = yamlnodes.decode(data, display)
    if problem is None:
        root, problem = yamlnodes.compose(text, display)
    if problem is not None:
        diags.append(_err(*problem))
        return None
    loc = Location(display, 1, 1)
    if root is None:
        diags.append(_err(loc, "file is empty; a bank file needs 'category' and 'topics'"))
        return None
    if not isinstance(root, MappingNode):
        diags.append(_err(_loc(display, root), "a bank file must be a mapping with 'category' and 'topics'"))
        return None
    fields = _mapping(root, display, FILE_KEYS, "bank file", diags)
    name = _text(fields.get("category"), "category", display, diags)
    if "category" not in fields:
        diags.append(_err(loc, "missing 'category:' (the title of this sibling group); add it"))
    elif name == "":
        diags.append(_err(_loc(display, fields["category"]), "'category' is empty; give the group a title"))
    description = _text(fields.get("description"), "description", display, diags) or ""
    lang = _language(fields.get("language"), display, diags)
    topics_node = fields.get("topics")
    if topics_node is None:
        diags.append(_err(loc, "missing 'topics:' (a list of topics); add it"))
        return None
    if not isinstance(topics_node, SequenceNode):
        diags.append(_err(_loc(display, topics_node), "'topics' must be a list of topics ('- name: ...')"))
        return None
    if not topics_node.value:
        diags.append(_err(_loc(display, topics_node), "'topics' is empty; add topics or remove the file"))
    topics = []
    for node in topics_node.value:
        topic = _read_topic(node, name or "", display, diags)
        if topic is not None:
            topics.append(dataclasses.replace(topic, language=lang) if lang != "en" else topic)
    return Category(name or "", tuple(topics), description, _loc(display, root))


def _read_topic(node, category: str, display: str, diags: list[Diagnostic]) -> Topic | None:
    loc = _loc(display, node)
    if not isinstance(node, MappingNode):
        diags.append(_err(loc, "each topic must be a mapping with 'name' and 'definition'"))
        return None
    fields = _mapping(node, display, TOPIC_KEYS, "topic", diags)
    name = _text(fields.get("name"), "name", display, diags)
    definition = _text(fields.get("definition"), "definition", display, diags)
    if name == "" or "name" not in fields:
        where = _loc(display, fields["name"]) if "name" in fields else loc
        diags.append(_err(where, "topic has no name; add 'name: ...'"))
    if definition == "" or "definition" not in fields:
        where = _loc(display, fields["definition"]) if "definition" in fields else loc
        label = f"topic '{name}'" if name else "topic"
        diags.append(_err(where, f"{label} has no definition; add 'definition: ...'"))
    if definition:
        for problem in _math_errors(definition):
            diags.append(_err(_loc(display, fields["definition"]), f"definition of '{name}': {problem}"))
    if name:
        for problem in _math_errors(name):
            diags.append(_err(_loc(display, fields["name"]), f"name '{name}': {problem}"))
    if not name or not definition:
        return None
    return Topic(
        name=name,
        definition=definition,
        category=category,
        aliases=_text_list(fields.get("aliases"), "aliases", display, diags),
        overlaps=_text_list(fields.get("overlaps"), "overlaps", display, diags),
        tags=_text_list(fields.get("tags"), "tags", display, diags),
        id=_text(fields.get("id"), "id", display, diags),
        location=loc,
    )


def _language(node, display: str, diags) -> str:
    """The file's `language:` as a BCP 47 tag registered with IANA ('es', 'fr-CA', 'pt-BR'); 'en' when absent."""
    value = _text(node, "language", display, diags)
    if not value:
        if value == "":
            diags.append(_err(_loc(display, node), "'language' is empty; give a BCP 47 tag such as 'es' or 'fr'"))
        return "en"
    import langcodes

    if not re.fullmatch(r"[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})*", value) or not langcodes.tag_is_valid(value):
        diags.append(
            _err(
                _loc(display, node),
                f"'language: {value}' is not a valid BCP 47 language tag (subtags joined by '-', registered with "
                "IANA); write e.g. 'es', 'fr', 'pt-BR'",
            )
        )
        return "en"
    return langcodes.standardize_tag(value)


def _math_errors(text: str) -> list[str]:
    r"""Malformed \( … \) spans, or math outside the whitelist of commands both engines can typeset."""
    if "\\" not in text:  # no backslash, no math (most of a bank's 100,000 names and definitions)
        return []
    problems = math_problems(text)
    if not problems:
        for seg in segments(text):
            if seg.is_math:
                problems += math_command_problems(seg.text)
    return problems


def _loc(display: str, node) -> Location:
    return yamlnodes.location(display, node.start_mark)


def _mapping(node: MappingNode, display: str, allowed: tuple[str, ...], what: str, diags) -> dict:
    fields = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, ScalarNode) else None
        if key is None:
            diags.append(_err(_loc(display, key_node), f"{what} keys must be plain words"))
            continue
        if key not in allowed:
            hint = difflib.get_close_matches(key, allowed, n=1)
            fix = f"did you mean '{hint[0]}'?" if hint else f"allowed keys: {', '.join(allowed)}"
            diags.append(_err(_loc(display, key_node), f"unknown key '{key}' in {what}; {fix}"))
            continue
        if key in fields:
            diags.append(_err(_loc(display, key_node), f"key '{key}' appears twice in this {what}; keep one"))
            continue
        fields[key] = value_node
    return fields


def _text(node, field: str, display: str, diags) -> str | None:
    """A scalar field as text with whitespace runs collapsed; None when absent or of the wrong type."""
    if node is None:
        return None
    if not isinstance(node, ScalarNode):
        kind = "a list" if isinstance(node, SequenceNode) else "a mapping"
        diags.append(_err(_loc(display, node), f"'{field}' must be text, not {kind}"))
        return None
    if node.tag == "tag:yaml.org,2002:null" and node.style is None:
        return ""
    value = " ".join(node.value.split())
    bad = _CONTROL.search(value)
    if bad:
        diags.append(
            _err(_loc(display, node), f"'{field}' contains the control character U+{ord(bad.group()):04X}; remove it")
        )
        return None
    limit = MAX_LENGTH.get(field)
    if limit and len(value) > limit:
        diags.append(
            _err(
                _loc(display, node), f"'{field}' is {len(value):,} characters long; the limit is {limit:,}, shorten it"
            )
        )
        return None
    return value


def _text_list(node, field: str, display: str, diags) -> tuple[str, ...]:
    if node is None:
        return ()
    if not isinstance(node, SequenceNode):
        diags.append(_err(_loc(display, node), f"'{field}' must be a list, e.g. {field}: [first, second]"))
        return ()
    out = []
    for item in node.value:
        value = _text(item, f"{field} entry", display, diags)
        if value:
            out.append(value)
        elif value == "":
            diags.append(_err(_loc(display, item), f"empty entry in '{field}'; remove it"))
    return tuple(out)


def _check_bank(bank: Bank, diags: list[Diagnostic], where: Location) -> None:
    """Checks across topics and files: uniqueness, references, sizes."""
    if not bank.topics:
        if not any(d.severity == "error" for d in diags):
            diags.append(_err(where, "the bank has no topics; add topics to its YAML files"))
        return
    seen_cat: dict[str, Category] = {}
    for cat in bank.categories:
        key = cat.name.casefold()
        if key and key in seen_cat:
            diags.append(
                _err(
                    cat.location,
                    f"category '{cat.name}' is also defined in {seen_cat[key].location}; merge the files or rename one",
                )
            )
        seen_cat.setdefault(key, cat)
        if len(cat.topics) == 1:
            diags.append(
                _err(
                    cat.location,
                    f"category '{cat.name}' has only one topic; distractors come from "
                    "siblings, so add topics or merge it into another group",
                )
            )
    names: dict[str, Topic] = {}
    for t in bank.topics:
        key = t.name.casefold()
        if key in names:
            diags.append(
                _err(
                    t.location,
                    f"duplicate topic name '{t.name}' (first at {names[key].location}); "
                    "names must be unique ignoring case",
                )
            )
        else:
            names[key] = t
    spelled: dict[str, Topic] = dict(names)
    for t in bank.topics:
        for alias in t.aliases:
            key = alias.casefold()
            other = spelled.get(key)
            if key == t.name.casefold():
                diags.append(Diagnostic(t.location, "warning", f"alias '{alias}' of '{t.name}' repeats its name"))
            elif other is not None and other is not t:
                diags.append(
                    _err(
                        t.location,
                        f"alias '{alias}' of '{t.name}' collides with topic "
                        f"'{other.name}' ({other.location}); remove or change it",
                    )
                )
            else:
                spelled[key] = t
        for ref in t.overlaps:
            target = names.get(ref.casefold())
            if target is None:
                hint = difflib.get_close_matches(ref, [n.name for n in names.values()], n=1, cutoff=0.6)
                fix = f"did you mean '{hint[0]}'?" if hint else "use a topic's exact name"
                diags.append(_err(t.location, f"overlaps of '{t.name}' names '{ref}', which is no topic; {fix}"))
            elif target is t:
                diags.append(_err(t.location, f"'{t.name}' lists itself in overlaps; remove it"))
