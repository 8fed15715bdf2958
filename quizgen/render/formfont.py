"""The text fields of a fillable worksheet in a TrueType font the PDF carries, so that what a student types
shows in their language ('ł', 'ě', 'ő'). ReportLab's form fields take the standard-14 fonts only, whose
encoding has no 'ą', 'ę', 'ě' or 'ř'; a PDF viewer draws a typed field with the font its /DA names.

So the fields get a simple TrueType font, embedded cut to the glyphs of its encoding, its 255 codes chosen
for the worksheet: ASCII, then the letters the worksheet's own text uses,
then the Latin-1 and Latin Extended-A letters (every Latin-script language quizgen ships, and Czech, Slovak,
Hungarian, Romanian, Croatian, Slovene, Turkish, the Baltic languages) while codes are left. Each code is named
'uniXXXX' in the font's /Differences and mapped back by a /ToUnicode CMap."""

from __future__ import annotations

import hashlib
import io
import re

import pikepdf
from fontTools import subset
from fontTools.ttLib import TTFont
from reportlab.pdfbase.ttfonts import TTFontFile

from ..errors import QuizgenError

NAME = "QzF"  # the font's resource name in the form's /DR and in each field's /DA
EXTRA_CODES = [*range(1, 32), *range(127, 256)]  # codes beyond printable ASCII
RARE = set("ĈĉĜĝĤĥĴĵŜŝŬŭĨĩĬĭĲĳĸŉŎŏŦŧŨũſŊŋŶŷĦħĿŀ")  # Esperanto, Sami, Maltese, Welsh, obsolete forms
LATIN = [  # 159 letters for the 160 codes beyond ASCII: Latin-1, Latin Extended-A but the rare ones, Romanian
    *(c for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)),
    *(c for c in range(0x100, 0x180) if chr(c) not in RARE),
    *map(ord, "ȘșȚț"),
]


def encoding(texts, have: set[int]) -> list[str]:
    """The character at each code 0-255 ('' where none): ASCII where it is, the rest in order of need — the
    letters the questions show (a term a student copies), then the Latin letters a student may type, then the
    questions' other signs (dashes, quotes, symbols: which a few questions full of them would otherwise let
    crowd out 'ț')."""
    chars = [""] * 256
    for c in range(32, 127):
        chars[c] = chr(c)
    wanted = [ord(ch) for text in texts for ch in text if ord(ch) > 126]
    letters = [c for c in wanted if chr(c).isalpha()]
    order = [c for c in dict.fromkeys(letters + LATIN + wanted) if c in have]
    for code, c in zip(EXTRA_CODES, order):
        chars[code] = chr(c)
    return chars


def _font(pdf: pikepdf.Pdf, path: str, ttf: TTFontFile, chars: list[str]) -> pikepdf.Object:
    """The font dictionary (`ttf`'s widths, metrics and box are already in 1/1000 em)."""

    def width(ch: str) -> int:
        return round(ttf.charWidths.get(ord(ch), ttf.defaultWidth)) if ch else 0

    first = next(i for i, ch in enumerate(chars) if ch)
    last = max(i for i, ch in enumerate(chars) if ch)
    differences: list = []
    previous = -2
    for code, ch in enumerate(chars):
        if ch and not 32 <= code < 127:
            if code != previous + 1:
                differences.append(code)
            differences.append(pikepdf.Name(f"/uni{ord(ch):04X}"))
            previous = code
    try:
        data = _subset(path, chars)
    except Exception as e:  # fontTools raises many kinds on a font it cannot read
        raise QuizgenError(f"{path}: the font cannot be embedded in the form fields ({e})") from None
    bbox = [round(v) for v in ttf.bbox]
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name(f"/{_tag(data)}+" + (re.sub(r"[^A-Za-z0-9-]", "", _text(ttf.name)) or "QuizgenSans")),
        Flags=32,  # nonsymbolic: codes map through the encoding's glyph names
        FontBBox=bbox,
        ItalicAngle=0,
        Ascent=round(ttf.ascent),
        Descent=round(ttf.descent),
        CapHeight=round(ttf.capHeight),
        StemV=ttf.stemV,
        FontFile2=pikepdf.Stream(pdf, data, Length1=len(data)),
    )
    cmap = _to_unicode([(code, ch) for code, ch in enumerate(chars) if ch])
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.TrueType,
            BaseFont=descriptor.FontName,
            FirstChar=first,
            LastChar=last,
            Widths=[width(chars[c]) for c in range(first, last + 1)],
            Encoding=pikepdf.Dictionary(
                Type=pikepdf.Name.Encoding, BaseEncoding=pikepdf.Name.WinAnsiEncoding, Differences=differences
            ),
            FontDescriptor=pdf.make_indirect(descriptor),
            ToUnicode=pikepdf.Stream(pdf, cmap),
        )
    )


def _subset(path: str, chars: list[str]) -> bytes:
    """The font cut to the glyphs of the encoding (a simple font can show no others): about 50 kB where the
    whole DejaVu Sans is 740 kB; its Unicode cmap kept, which viewers reach through the 'uniXXXX' names."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False  # same input, same bytes
    options.drop_tables += ["FFTM"]  # FontForge's timestamps, which the subsetter would warn of on the terminal
    font = TTFont(path, recalcTimestamp=False)
    cut = subset.Subsetter(options)
    cut.populate(unicodes=[ord(ch) for ch in chars if ch])
    cut.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _tag(data: bytes) -> str:
    """The six capital letters PDF puts before a subset font's name, here from its bytes."""
    digest = hashlib.sha256(data).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _text(name) -> str:
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def _to_unicode(pairs: list[tuple[int, str]]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /QuizgenFields def /CMapType 2 def",
        "1 begincodespacerange <00> <FF> endcodespacerange",
    ]
    for i in range(0, len(pairs), 100):
        chunk = pairs[i : i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:02X}> <{ord(ch):04X}>" for code, ch in chunk]
        lines.append("endbfchar")
    lines += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(lines).encode("ascii")


_TF = re.compile(rb"/[^\s/]+\s+([\d.]+)\s+Tf")


def embed_field_font(data: bytes, font_path: str, texts) -> bytes:
    """`data` (a PDF with AcroForm text fields) with every text field drawn in the TrueType font at
    `font_path`, encoded for `texts` (the worksheet's own words) and the Latin letters."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        form = pdf.Root.get("/AcroForm")
        if form is None:
            return data
        ttf = TTFontFile(font_path)
        chars = encoding(texts, set(ttf.charToGlyph))
        font = _font(pdf, font_path, ttf, chars)
        resources = form.get("/DR") or pikepdf.Dictionary()
        fonts = resources.get("/Font") or pikepdf.Dictionary()
        fonts[pikepdf.Name("/" + NAME)] = font
        resources[pikepdf.Name.Font] = fonts
        form[pikepdf.Name.DR] = resources
        for field in form.get("/Fields", []):
            for widget in [field, *field.get("/Kids", [])]:
                if widget.get("/FT", field.get("/FT")) != pikepdf.Name.Tx or "/DA" not in widget:
                    continue
                da = bytes(widget.DA)
                widget.DA = pikepdf.String(_TF.sub(lambda m: b"/" + NAME.encode() + b" " + m.group(1) + b" Tf", da))
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue()
