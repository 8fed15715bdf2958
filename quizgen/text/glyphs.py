"""Which characters the bundled PDF font can draw; the others print as a visible [U+XXXX] code, never as
an empty box or a silently missing character."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    with resources.as_file(resources.files("quizgen.fonts").joinpath("DejaVuSans.ttf")) as path:
        return frozenset(TTFontFile(str(path)).charToGlyph)


def missing(text: str) -> list[str]:
    """Characters of `text` the font has no glyph for (in order of first appearance)."""
    have = covered()
    return list(dict.fromkeys(ch for ch in text if ord(ch) > 127 and ord(ch) not in have))


def printable(text: str) -> str:
    """The text with every character the font lacks replaced by its code, e.g. '[U+1F600]'."""
    have = covered()
    if all(ord(ch) < 128 or ord(ch) in have for ch in text):
        return text
    return "".join(ch if ord(ch) < 128 or ord(ch) in have else f"[U+{ord(ch):04X}]" for ch in text)


def right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)
