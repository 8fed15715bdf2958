"""quizgen: glossary → exams. Public API, stage by stage: bank → items → exam → renderers."""

__version__ = "0.1.0"

from .bank import load_bank, read_bank
from .bank.lint import lint_bank
from .errors import BankError, Diagnostic, Location, QuizgenError
from .model import Bank, Category, Topic

__all__ = [
    "Bank",
    "BankError",
    "Category",
    "Diagnostic",
    "Location",
    "QuizgenError",
    "Topic",
    "lint_bank",
    "load_bank",
    "read_bank",
]
