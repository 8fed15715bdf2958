"""Readable plain-text rendering of items, for the terminal."""

from __future__ import annotations

import textwrap

from ..exam import LETTERS
from ..i18n import labels_or_english, stem_text
from ..model import ClozeItem, Item, MatchingItem, MCQItem, TrueFalseItem


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(text, 100, initial_indent=indent, subsequent_indent=indent)


def item_as_text(number: int, item: Item, language: str = "en") -> str:
    """The item as a teacher reads it in a terminal, its own words in the bank's `language` (lead-ins, 'Word
    bank', 'Answer', 'True'/'False'; English where the language has no catalog)."""
    lab = labels_or_english(language)

    def field(name: str, text: str) -> str:
        return lab("field", label=lab(name)) + " " + text

    head = f"{number}. [{item.type}] {item.topic}  ({item.id})"
    lines = [head]
    if isinstance(item, MCQItem):
        lines.append(_wrap(stem_text(item.stem, item.topic, lab)))
        for i, option in enumerate(item.options):
            mark = f"  <- {lab('key-answer').casefold()}" if i == item.answer else ""
            lines.append(
                textwrap.fill(f"{LETTERS[i]}) {option}{mark}", 100, initial_indent="   ", subsequent_indent="      ")
            )
    elif isinstance(item, ClozeItem):
        lines.append(_wrap(item.text))
        if item.word_bank:
            lines.append(_wrap(field("word-bank", " · ".join(item.word_bank))))
        lines.append(_wrap(field("key-answer", "; ".join(" | ".join(a) for a in item.answer))))
    elif isinstance(item, MatchingItem):
        for i, premise in enumerate(item.premises):
            lines.append(f"   {i + 1}. {premise}")
        for j, response in enumerate(item.responses):
            lines.append(
                textwrap.fill(f"{LETTERS[j]}) {response}", 100, initial_indent="   ", subsequent_indent="      ")
            )
        lines.append("   " + field("key-answer", ", ".join(f"{i + 1}{LETTERS[a]}" for i, a in enumerate(item.answer))))
    elif isinstance(item, TrueFalseItem):
        lines.append(_wrap(item.statement))
        lines.append("   " + field("key-answer", lab("true" if item.answer else "false")))
    return "\n".join(lines)


def items_as_text(items: list[Item], language=lambda item: "en") -> str:
    """`language`: the bank language of an item's topic."""
    return "\n\n".join(item_as_text(i + 1, item, language(item)) for i, item in enumerate(items))
