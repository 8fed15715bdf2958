"""The reportlab engine's font: the bundled DejaVu Sans (Latin, Greek, Cyrillic), or a TrueType font the
teacher names (spec `font:` or `--font`) for a script DejaVu lacks, such as Chinese, Japanese or Korean.
Characters the active font cannot draw print as a visible [U+XXXX] code, never as an empty box."""

from __future__ import annotations

import struct
import unicodedata
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import QuizgenError

FAMILY = "QuizgenSans"
FACES = {
    "": "DejaVuSans",
    "-Bold": "DejaVuSans-Bold",
    "-Italic": "DejaVuSans-Oblique",
    "-BoldItalic": "DejaVuSans-BoldOblique",
}
MAX_FONT_BYTES = 64 << 20
# scripts whose letters change shape with their neighbours (and Arabic's run right to left): neither engine
# shapes text, so a font alone cannot make them print correctly
SHAPED = (
    "ARABIC",
    "SYRIAC",
    "NKO",
    "THAANA",
    "DEVANAGARI",
    "BENGALI",
    "GURMUKHI",
    "GUJARATI",
    "ORIYA",
    "TAMIL",
    "TELUGU",
    "KANNADA",
    "MALAYALAM",
    "SINHALA",
    "THAI",
    "LAO",
    "TIBETAN",
    "MYANMAR",
    "KHMER",
    "MONGOLIAN",
)
CJK = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "FULLWIDTH")

_active: str | None = "unset"
_coverage: frozenset[int] = frozenset()


def script(ch: str) -> str:
    """The script a character belongs to, as its Unicode name starts ('ARABIC', 'CJK', 'LATIN' …)."""
    name = unicodedata.name(ch, "")
    if name.startswith(CJK):
        return "CJK"
    return name.split(" ")[0] if name else ""


def shaped_scripts(text: str) -> list[str]:
    """Scripts in `text` that need shaping, which no engine of quizgen does."""
    return list(dict.fromkeys(s for s in map(script, (c for c in text if ord(c) > 0x2FF)) if s in SHAPED))


def use_font(path: str | None = None) -> str:
    """Make FAMILY the bundled DejaVu Sans (path None) or the TrueType font at `path` (its one face serves
    bold and italic too); returns FAMILY. Registering again only when the font changes."""
    global _active, _coverage
    if path == _active:
        return FAMILY
    if path is None:
        folder = resources.files("quizgen.fonts")
        files = {}
        for suffix, name in FACES.items():
            with resources.as_file(folder.joinpath(f"{name}.ttf")) as p:
                files[suffix] = str(p)
    else:
        p = Path(path)
        try:
            size = p.stat().st_size
        except OSError as e:
            raise QuizgenError(f"{path}: the font cannot be read ({e.strerror}); check the 'font' path") from None
        if not p.is_file() or size > MAX_FONT_BYTES:
            raise QuizgenError(f"{path}: not a font file of at most {MAX_FONT_BYTES >> 20} MB")
        files = dict.fromkeys(FACES, str(p))
    try:
        faces = {suffix: TTFont(FAMILY + suffix, file) for suffix, file in files.items()}
        for suffix, face in faces.items():
            # registerFont keeps the first TrueType font of a name: the previous one is taken out first
            pdfmetrics._fonts.pop(FAMILY + suffix, None)
            pdfmetrics.registerFont(face)
        coverage = frozenset(faces[""].face.charToGlyph)
    except (TTFError, OSError, ValueError, KeyError, IndexError, struct.error) as e:  # (a cut file: struct)
        raise QuizgenError(
            f"{path}: the font cannot be used ({e}); give a TrueType font (.ttf, or an OpenType font with "
            "TrueType outlines), e.g. Noto Sans SC or WenQuanYi Zen Hei for Chinese"
        ) from None
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=FAMILY + "-Bold", italic=FAMILY + "-Italic", boldItalic=FAMILY + "-BoldItalic"
    )
    _active, _coverage = path, coverage
    return FAMILY


def font_file(path: str | None = None) -> str:
    """The file of the regular face: the teacher's font, else the bundled DejaVu Sans."""
    return path or str(resources.files("quizgen.fonts").joinpath(FACES[""] + ".ttf"))


def printable(text: str) -> str:
    """The text with every character the active font lacks replaced by its code, e.g. '[U+4E2D]'."""
    if _active == "unset":
        use_font(None)
    have = _coverage
    if all(ord(ch) < 128 or ord(ch) in have for ch in text):
        return text
    return "".join(ch if ord(ch) < 128 or ord(ch) in have else f"[U+{ord(ch):04X}]" for ch in text)
