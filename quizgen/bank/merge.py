"""Adding imported topics to a bank folder that already holds one: refused unless asked for (--merge), and
then refused again on any name clash; topics of an existing category are appended to its file, keeping
everything the teacher wrote there."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import QuizgenError
from .load import bank_files, display_path, load_bank, read_bank
from .write import DraftCategory, category_yaml, file_names, write_atomic

MAX_SHOWN = 8


def existing_bank_files(out_dir: Path) -> list[Path]:
    return bank_files(out_dir) if out_dir.is_dir() else []


def refuse_clashes(topics, cats: list[DraftCategory], lines: dict[str, int], source: str, what: str) -> None:
    """Refuse, naming each, imported terms that a bank topic already spells (name or alias)."""
    taken = {}
    for t in topics:
        for spelling in (t.name, *t.aliases):
            taken.setdefault(spelling.casefold(), t)
    clashes = [
        f"'{d.name}' ({source}:{lines.get(d.name, 0)}) is already in {t.location.file}:{t.location.line}"
        for c in cats
        for d in c.topics
        if (t := taken.get(d.name.casefold())) is not None
    ]
    if clashes:
        more = f"; and {len(clashes) - MAX_SHOWN} more" if len(clashes) > MAX_SHOWN else ""
        raise QuizgenError(
            f"{what}: {len(clashes)} imported term(s) are already in the bank: "
            + "; ".join(clashes[:MAX_SHOWN])
            + more
            + ". Remove them from the file you import (or rename them) and run again"
        )


def check_forced(cats: list[DraftCategory], out_dir: Path, lines: dict[str, int], source: str) -> None:
    """--force replaces the files of the same name; the bank's other files must not spell an imported term."""
    replaced = set(file_names(cats))
    kept = []
    for path in existing_bank_files(out_dir):
        if path.name not in replaced:
            bank, _ = read_bank(path)
            kept += list(bank.topics) if bank is not None else []
    refuse_clashes(kept, cats, lines, source, f"cannot import into {display_path(out_dir)}")


def merge_into(cats: list[DraftCategory], out_dir: Path, lines: dict[str, int], source: str) -> tuple[list, list]:
    """Write `cats` into the bank in `out_dir`: (files appended to, files created). `lines` gives each
    imported topic's input line, for naming clashes."""
    bank = load_bank(out_dir)  # a bank with errors is reported as such: fix it before merging into it
    refuse_clashes(bank.topics, cats, lines, source, f"cannot merge into {display_path(out_dir)}")
    by_name = {c.name.casefold(): c for c in bank.categories}
    appended, created = [], []
    new_cats = []
    for cat in cats:
        old = by_name.get(cat.name.casefold())
        if old is None:
            new_cats.append(cat)
            continue
        path = Path(old.location.file)
        path = path if path.is_file() else out_dir / path.name
        write_atomic(path, _appended(path, cat).encode("utf-8"))
        appended.append(path)
    used = {p.name for p in existing_bank_files(out_dir)}
    for cat, name in zip(new_cats, file_names(new_cats), strict=True):
        stem, n = name.removesuffix(".yaml"), 2
        while name in used:
            name, n = f"{stem}-{n}.yaml", n + 1
        used.add(name)
        write_atomic(out_dir / name, category_yaml(cat).encode("utf-8"))
        created.append(out_dir / name)
    return appended, created


def _appended(path: Path, cat: DraftCategory) -> str:
    """The file's text with `cat`'s topics added at the end of its 'topics' list, indented as that list is."""
    text = path.read_text(encoding="utf-8-sig")
    root = yaml.compose(text)
    last_key, seq = root.value[-1]
    if last_key.value != "topics" or not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise QuizgenError(
            f"cannot add topics to {display_path(path)}: its 'topics' list is not the last thing in the file; "
            "move it to the end, or import into another folder"
        )
    dash = seq.start_mark.column
    entries = category_yaml(cat).split("topics:\n", 1)[1]
    shift = dash - 2
    lines = [(" " * shift + ln if shift >= 0 else ln[-shift:]) if ln.strip() else ln for ln in entries.splitlines()]
    merged = text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
    got = [t["name"] for t in yaml.safe_load(merged)["topics"]]
    if got[-len(cat.topics) :] != [t.name for t in cat.topics]:
        raise QuizgenError(f"cannot add topics to {display_path(path)} safely; import into another folder")
    return merged
