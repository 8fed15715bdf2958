"""Errors that say where: every user-facing problem carries the location it was found at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a user's file; line and column are 1-based, 0 when unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.column:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Diagnostic:
    """One finding about user input: an error stops the job, a warning does not."""

    location: Location
    severity: str  # "error" | "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity,
            "message": self.message,
        }


class QuizgenError(Exception):
    """Something in the user's input or request is wrong; the message says what to do."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class BankError(QuizgenError):
    """The bank has errors; `diagnostics` lists every one with its location."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"]
        text = "\n".join(str(d) for d in errors)
        super().__init__(text + f"\n{len(errors)} error(s); fix them and run again.")

    def __str__(self) -> str:
        return self.message


class ImportFormatError(QuizgenError):
    """The file to import could not be read in the requested format."""
