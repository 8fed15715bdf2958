"""What an importer makes of a glossary line: a topic (with the group the file put it in) or a report."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Diagnostic, Location


@dataclass(frozen=True)
class ImportedTopic:
    name: str
    definition: str
    line: int
    confidence: float | None = None  # for split guesses (seed format); None when the input was explicit
    category: str = ""  # the group the file put it in (a heading, a category column); "" when none


def skipped(source: str, line: int, why: str) -> Diagnostic:
    return Diagnostic(Location(source, line), "warning", f"line skipped: {why}")
