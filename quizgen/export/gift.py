"""GIFT, Moodle's plain-text format: all four types, with ~ = # { } : and \\ escaped."""

from __future__ import annotations

from ..text.mask import BLANK
from . import ExportItem

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    out = []
    for ch in text.replace("\n", " "):
        out.append("\\" + ch if ch in SPECIAL else ch)
    return "".join(out)


def gift_text(items: list[ExportItem], title: str) -> str | bytes:
    blocks = [f"// {escape(title)} — exported by quizgen"]
    category = None
    for e in sorted(items, key=lambda e: e.category):  # stable: exam order within a category
        if e.category != category:
            category = e.category
            blocks.append(f"$CATEGORY: $course$/quizgen/{category.replace('/', '-')}")
        it, name = e.item, f"::{escape(e.name)}::"
        kind = it["type"]
        if kind == "mcq":
            choices = " ".join(("=" if i == it["answer"] else "~") + escape(o) for i, o in enumerate(it["options"]))
            blocks.append(f"{name}{escape(it['stem'])} {{{choices}}}")
        elif kind == "truefalse":
            blocks.append(f"{name}{escape(it['statement'])} {{{'T' if it['answer'] else 'F'}}}")
        elif kind == "matching":
            pairs = " ".join(
                f"={escape(it['responses'][a])} -> {escape(p)}" for p, a in zip(it["premises"], it["answer"])
            )
            blocks.append(f"{name}Match each definition with its term. {{{pairs}}}")
        elif kind == "cloze":
            # GIFT has one blank per question: each blank becomes a question, the other blanks filled in
            parts = it["text"].split(BLANK)
            for n, accepted in enumerate(it["answer"]):
                body = [escape(parts[0])]
                for i, other in enumerate(it["answer"]):
                    filled = "{" + " ".join("=" + escape(a) for a in accepted) + "}" if i == n else escape(other[0])
                    body.append(filled + escape(parts[i + 1]))
                suffix = f" (blank {n + 1})" if len(it["answer"]) > 1 else ""
                blocks.append(f"::{escape(e.name + suffix)}::" + "".join(body))
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
