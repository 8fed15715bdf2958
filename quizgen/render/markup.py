"""Bank text as reportlab paragraph markup: text escaped (never interpreted), math typeset, blanks drawn."""

from __future__ import annotations

from functools import lru_cache

from ..text.latexmath import escape, math_markup
from ..text.mask import BLANK
from ..text.math import segments
from .fonts import printable

BLANK_RULE = "_" * 16  # the default blank; a section's blanks all share one width (render.pdf.blank_rule)


def rich(text: str, fills: list[str] | None = None, blank: str = BLANK_RULE) -> str:
    """Markup for a Paragraph. `fills` replaces the blanks in order (answers shown in a key)."""
    return _rich(text, tuple(fills or ()), blank)


@lru_cache(maxsize=16384)  # 100 variants print the same ~1,700 texts ~30,000 times
def _rich(text: str, fills: tuple[str, ...], blank: str) -> str:
    out = []
    fills = list(fills or [])
    for seg in segments(text):
        if seg.is_math:
            out.append(math_markup(seg.text))
            continue
        parts = escape(printable(seg.text)).split(BLANK)
        for i, part in enumerate(parts):
            if i:
                out.append(f"<u><b>{escape(fills.pop(0))}</b></u>" if fills else blank)
            out.append(part)
    return "".join(out)
