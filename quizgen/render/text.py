"""Readable plain-text rendering of items, for the terminal."""

from __future__ import annotations

import textwrap

from ..exam import LETTERS
from ..model import ClozeItem, Item, MatchingItem, MCQItem, TrueFalseItem


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(text, 100, initial_indent=indent, subsequent_indent=indent)


def item_as_text(number: int, item: Item) -> str:
    head = f"{number}. [{item.type}] {item.topic}  ({item.id})"
    lines = [head]
    if isinstance(item, MCQItem):
        lines.append(_wrap(item.stem))
        for i, option in enumerate(item.options):
            mark = "  <- answer" if i == item.answer else ""
            lines.append(
                textwrap.fill(f"{LETTERS[i]}) {option}{mark}", 100, initial_indent="   ", subsequent_indent="      ")
            )
    elif isinstance(item, ClozeItem):
        lines.append(_wrap(item.text))
        if item.word_bank:
            lines.append(_wrap("Word bank: " + " · ".join(item.word_bank)))
        lines.append(_wrap("Answer: " + "; ".join(" | ".join(a) for a in item.answer)))
    elif isinstance(item, MatchingItem):
        for i, premise in enumerate(item.premises):
            lines.append(f"   {i + 1}. {premise}")
        for j, response in enumerate(item.responses):
            lines.append(
                textwrap.fill(f"{LETTERS[j]}) {response}", 100, initial_indent="   ", subsequent_indent="      ")
            )
        lines.append("   Answer: " + ", ".join(f"{i + 1}{LETTERS[a]}" for i, a in enumerate(item.answer)))
    elif isinstance(item, TrueFalseItem):
        lines.append(_wrap(item.statement))
        lines.append(f"   Answer: {'True' if item.answer else 'False'}")
    return "\n".join(lines)


def items_as_text(items: list[Item]) -> str:
    return "\n\n".join(item_as_text(i + 1, item) for i, item in enumerate(items))
