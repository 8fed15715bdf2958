"""quizgen: glossary → exams. Public API, stage by stage: bank → items → exam → renderers."""

__version__ = "0.1.0"

from .bank import load_bank, read_bank
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


def __getattr__(name):  # lint_bank needs TF-IDF (scikit-learn): imported on first use, not with the package
    if name == "lint_bank":
        from .bank.lint import lint_bank

        return lint_bank
    raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
