"""Turn plain glossaries into topics: seed ('- TitleDefinition'), TSV, CSV, 'Term: definition', Markdown.

Every non-blank input line becomes part of a topic or is reported with its line number.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ..errors import Diagnostic, ImportFormatError, Location
from ..userfile import csv_rows
from .split import split_glued, vocabulary

FORMATS = ("auto", "seed", "tsv", "csv", "colon", "markdown")
TERM_HEADERS = ("term", "name", "title", "word", "concept", "front", "question", "topic")
DEFINITION_HEADERS = ("definition", "meaning", "description", "back", "answer", "explanation", "gloss")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_COLON_SEP = re.compile(r"\s*:\s+|\s+[—–-]{1,2}\s+")


@dataclass(frozen=True)
class ImportedTopic:
    name: str
    definition: str
    line: int
    confidence: float | None = None  # for split guesses (seed format); None when the input was explicit


@dataclass(frozen=True)
class ImportResult:
    format: str
    topics: tuple[ImportedTopic, ...]
    diagnostics: tuple[Diagnostic, ...]  # lines that did not become topics, and doubtful splits


def import_text(text: str, source: str, fmt: str = "auto") -> ImportResult:
    if fmt not in FORMATS:
        raise ImportFormatError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if fmt == "auto":
        fmt = detect_format(text, source)
    parser = {
        "seed": _parse_seed,
        "tsv": _parse_tsv,
        "csv": _parse_csv,
        "colon": _parse_colon,
        "markdown": _parse_markdown,
    }[fmt]
    topics, diags = parser(text.splitlines(), source)
    topics, diags = _drop_duplicates(topics, diags, source)
    if not topics:
        raise ImportFormatError(f"no topics found reading it as '{fmt}'; pick another --format", Location(source))
    return ImportResult(fmt, tuple(topics), tuple(diags))


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
    if share(lambda ln: re.match(r"^#{1,6}\s|^\s*(?:[-*+]\s+)?\*\*[^*]+\*\*|^:\s", ln)) > 0.3:
        return "markdown"
    if share(lambda ln: _split_colon(_BULLET.sub("", ln)) is not None) > 0.6:
        return "colon"
    if share(lambda ln: _BULLET.match(ln) is not None) > 0.5:
        return "seed"
    raise ImportFormatError("cannot tell the format of this file; give --format", Location(source))


def _skip(source: str, line: int, why: str) -> Diagnostic:
    return Diagnostic(Location(source, line), "warning", f"line skipped: {why}")


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


def _parse_tsv(lines: list[str], source: str):
    topics, diags = [], []
    for n, ln in enumerate(lines, 1):
        if not ln.strip():
            continue
        term, tab, definition = ln.partition("\t")
        if not tab or not term.strip() or not definition.strip():
            diags.append(_skip(source, n, "expected 'term<TAB>definition'"))
            continue
        topics.append(ImportedTopic(term.strip(), " ".join(definition.replace("\t", " ").split()), n))
    return topics, diags


def _parse_csv(lines: list[str], source: str):
    text = "\n".join(lines)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise ImportFormatError("the CSV file is empty", Location(source))
    header = [h.strip().lower() for h in rows[0]]
    term_col = next((header.index(h) for h in TERM_HEADERS if h in header), None)
    def_col = next((header.index(h) for h in DEFINITION_HEADERS if h in header), None)
    if term_col is None or def_col is None:
        raise ImportFormatError(
            f"CSV header needs a term column ({'/'.join(TERM_HEADERS)}) and a definition column "
            f"({'/'.join(DEFINITION_HEADERS)}); found {rows[0]}",
            Location(source, 1),
        )
    topics, diags = [], []
    for n, row in csv_rows(text, dialect)[1:]:
        if len(row) <= max(term_col, def_col) or not row[term_col].strip() or not row[def_col].strip():
            diags.append(_skip(source, n, "row has no term or no definition"))
            continue
        topics.append(ImportedTopic(" ".join(row[term_col].split()), " ".join(row[def_col].split()), n))
    return topics, diags


def _split_colon(body: str):
    m = _COLON_SEP.search(body)
    if not m or m.start() == 0 or len(body[: m.start()].split()) > 12 or not body[m.end() :].strip():
        return None
    return body[: m.start()].strip(), body[m.end() :].strip()


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


_MD_BOLD = re.compile(r"^\s*(?:[-*+]\s+)?\*\*(?P<term>[^*]+?)\*\*\s*(?:[:—–-]\s*)?(?P<rest>.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(?P<term>.+?)\s*#*\s*$")


def _parse_markdown(lines: list[str], source: str):
    """'**Term**: text', '## Term' + paragraph, and definition lists ('Term' then ': text')."""
    topics, diags = [], []
    current: dict | None = None  # the topic whose definition is being collected

    def close():
        nonlocal current
        if current is not None:
            if current["parts"]:
                topics.append(
                    ImportedTopic(current["term"], " ".join(" ".join(current["parts"]).split()), current["line"])
                )
            else:
                diags.append(_skip(source, current["line"], f"'{current['term']}' has no definition"))
        current = None

    for n, ln in enumerate(lines, 1):
        stripped = ln.strip()
        if not stripped:
            if current is not None and current["parts"]:
                close()
            continue
        bold = _MD_BOLD.match(ln)
        heading = _MD_HEADING.match(stripped)
        if heading:
            close()
            current = {"term": heading["term"].strip(), "line": n, "parts": []}
        elif bold:
            close()
            current = {
                "term": bold["term"].strip().rstrip(":"),
                "line": n,
                "parts": [bold["rest"]] if bold["rest"] else [],
            }
        elif stripped.startswith(": ") and current is None:
            diags.append(_skip(source, n, "definition without a term line above it"))
        elif stripped.startswith(": "):
            current["parts"].append(stripped[2:])
        elif current is not None:
            current["parts"].append(stripped)
        elif n < len(lines) and lines[n].strip().startswith(": "):
            current = {"term": stripped, "line": n, "parts": []}
        else:
            diags.append(_skip(source, n, "text outside any term; start it with '**Term**:' or '## Term'"))
    close()
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
