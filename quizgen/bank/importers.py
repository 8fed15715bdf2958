"""Turn plain glossaries into topics: seed ('- TitleDefinition'), TSV, CSV, 'Term: definition', Markdown.

Every non-blank input line becomes part of a topic or is reported with its line number; groups the file
names (Markdown headings, a category column) are kept as the topics' categories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Diagnostic, ImportFormatError, Location
from . import sheets
from .imported import ImportedTopic, skipped
from .mdglossary import classify, parse_markdown
from .split import split_glued, vocabulary

FORMATS = ("auto", "seed", "tsv", "csv", "colon", "markdown")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# one character of context each side, so the search is linear (whitespace runs are stripped afterwards)
_COLON_SEP = re.compile(r":\s|\s[—–-]{1,2}\s")
MAX_LINE = 10_000  # characters; no topic is that long (names ≤ 200, definitions ≤ 5,000)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class ImportResult:
    format: str
    topics: tuple[ImportedTopic, ...]
    diagnostics: tuple[Diagnostic, ...]  # lines that did not become topics, and doubtful splits
    notes: tuple[str, ...] = ()  # choices made while reading (separator, header), for the user to see


def import_text(text: str, source: str, fmt: str = "auto") -> ImportResult:
    if fmt not in FORMATS:
        raise ImportFormatError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    text, unreadable = _readable_lines(text, source)
    if unreadable and not text.strip():
        raise ImportFormatError(f"no line can be read: {unreadable[0].message}", unreadable[0].location)
    if fmt == "auto":
        fmt = detect_format(text, source)
    notes: list[str] = []
    lines = text.splitlines()
    if fmt == "csv":
        delimiter = sheets.sniff(text)
        notes.append(f"cells separated by {sheets.DELIMITERS[delimiter]}")
        topics, diags = sheets.parse_table("\n".join(lines), source, delimiter, notes)
    elif fmt == "tsv" and lines and sheets.columns(lines[0].split("\t")) is not None:
        topics, diags = sheets.parse_table("\n".join(lines), source, "\t", notes)
    elif fmt == "markdown":
        topics, diags = parse_markdown(lines, source, _split_colon)
    else:
        parser = {"seed": _parse_seed, "tsv": _parse_tsv, "colon": _parse_colon}[fmt]
        topics, diags = parser(lines, source)
    topics, diags = _drop_duplicates(topics, diags + unreadable, source)
    if not topics:
        first = f" ({diags[0].location}: {diags[0].message})" if diags else ""
        raise ImportFormatError(
            f"no topics found reading it as '{fmt}'{first}; pick another --format", Location(source)
        )
    return ImportResult(fmt, tuple(topics), tuple(diags), tuple(notes))


def _readable_lines(text: str, source: str) -> tuple[str, list[Diagnostic]]:
    """The text with every line that cannot become a topic blanked (numbering kept) and reported: lines
    longer than MAX_LINE, and lines holding control characters (a bank may not contain them)."""
    lines, diags = text.splitlines(), []
    for i, ln in enumerate(lines):
        bad = _CONTROL.search(ln)
        if len(ln) > MAX_LINE:
            diags.append(skipped(source, i + 1, f"{len(ln):,} characters long; a line may have {MAX_LINE:,}"))
        elif bad:
            diags.append(skipped(source, i + 1, f"contains the control character U+{ord(bad.group()):04X}; remove it"))
        else:
            continue
        lines[i] = ""
    return ("\n".join(lines) if diags else text), diags


def detect_format(text: str, source: str) -> str:
    lower = source.lower()
    for suffix, fmt in ((".csv", "csv"), (".tsv", "tsv"), (".md", "markdown"), (".markdown", "markdown")):
        if lower.endswith(suffix):
            return fmt
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise ImportFormatError("the file is empty; nothing to import", Location(source))

    def share(pred):
        return sum(1 for ln in lines if pred(ln)) / len(lines)

    if share(lambda ln: "\t" in ln) > 0.5:
        return "tsv"
    kinds = [classify(ln, _split_colon) for ln in lines]
    marked = sum(k.kind in ("heading", "bold", "definition") or bool(k.term and k.kind == "text") for k in kinds)
    listed = sum(k.kind in ("heading", "bullet") for k in kinds)
    if marked / len(lines) > 0.3 or any(k.kind == "heading" for k in kinds) and listed / len(lines) > 0.8:
        return "markdown"
    if share(lambda ln: _split_colon(_BULLET.sub("", ln)) is not None) > 0.6:
        return "colon"
    if share(lambda ln: _BULLET.match(ln) is not None) > 0.5:
        return "seed"
    if share(lambda ln: 0 < min((i for i in (ln.find(","), ln.find(";")) if i >= 0), default=-1) <= 80) > 0.8:
        return "csv"  # 'term,definition' rows (Quizlet's export with ',' or ';' between term and definition)
    raise ImportFormatError("cannot tell the format of this file; give --format", Location(source))


_skip = skipped


def _parse_seed(lines: list[str], source: str):
    bodies = [(n, _BULLET.sub("", ln).strip()) for n, ln in enumerate(lines, 1) if _BULLET.match(ln)]
    vocab = vocabulary([b for _, b in bodies])
    topics, diags = [], []
    bullet_lines = {n for n, _ in bodies}
    for n, ln in enumerate(lines, 1):
        if ln.strip() and n not in bullet_lines:
            diags.append(_skip(source, n, f"not a '- TitleDefinition' line: {ln.strip()[:60]!r}"))
    for n, body in bodies:
        split = split_glued(body, vocab)
        if split is None or not split.definition:
            diags.append(_skip(source, n, "no title/definition split found; separate them with ': '"))
            continue
        topics.append(ImportedTopic(split.title, split.definition, n, split.confidence))
    return topics, diags


def _tsv_pairs(line: str) -> list[str]:
    """'term<TAB>definition', or Quizlet's rows joined by ';' ('t1<TAB>d1;t2<TAB>d2;'): each cell between two
    tabs then holds a definition and the next term, split at its last ';'."""
    cells = line.split("\t")
    if len(cells) > 2 and all(";" in c for c in cells[1:-1]):
        out = [cells[0]]
        for middle in cells[1:-1]:
            out.extend(middle.rsplit(";", 1))
        out.append(cells[-1].rstrip().removesuffix(";"))
        return out
    return [cells[0], " ".join(cells[1:])] if len(cells) > 1 else cells


def _parse_tsv(lines: list[str], source: str):
    topics, diags = [], []
    for n, ln in enumerate(lines, 1):
        if not ln.strip():
            continue
        cells = _tsv_pairs(ln)
        for term, definition in zip(cells[::2], cells[1::2]):
            if term.strip() and definition.strip():
                topics.append(ImportedTopic(" ".join(term.split()), " ".join(definition.split()), n))
            else:
                diags.append(_skip(source, n, "expected 'term<TAB>definition'"))
        if len(cells) < 2:
            diags.append(_skip(source, n, "expected 'term<TAB>definition'"))
    return topics, diags


def _split_colon(body: str):
    m = _COLON_SEP.search(body)
    term = body[: m.start()].strip() if m else ""
    if not term or len(term.split()) > 12 or not body[m.end() :].strip():
        return None
    return term, body[m.end() :].strip()


def _parse_colon(lines: list[str], source: str):
    topics, diags = [], []
    for n, ln in enumerate(lines, 1):
        if not ln.strip():
            continue
        pair = _split_colon(_BULLET.sub("", ln).strip())
        if pair is None:
            diags.append(_skip(source, n, "expected 'Term: definition' or 'Term — definition'"))
            continue
        topics.append(ImportedTopic(pair[0], pair[1], n))
    return topics, diags


def _drop_duplicates(topics: list[ImportedTopic], diags: list[Diagnostic], source: str):
    seen: dict[str, ImportedTopic] = {}
    kept = []
    for t in topics:
        key = t.name.casefold()
        if key in seen:
            diags.append(_skip(source, t.line, f"'{t.name}' repeats the term of line {seen[key].line}"))
            continue
        seen[key] = t
        kept.append(t)
    diags.sort(key=lambda d: d.location.line)
    return kept, diags
