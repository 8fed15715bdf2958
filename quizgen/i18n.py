"""Printed labels in the exam's language: gettext catalogs read with Babel, plural forms from each catalog's
own Plural-Forms rule, numbers and dates formatted by Babel (CLDR) for the language.

A language is one file, quizgen/locale/<code>/LC_MESSAGES/quizgen.po (code: a BCP 47 tag, '-' or '_');
adding one needs no code. Its optional header `X-Babel-Language` names the LaTeX babel language
(hyphenation) and `X-Native-Name` the language's own name where CLDR does not know it."""

from __future__ import annotations

import datetime
import gettext
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.numbers import format_decimal

from .errors import QuizgenError
from .labels import HEADINGS, LABELS

SOURCE = "en"  # the language of LABELS; needs no catalog
LOCALE_DIRS: list[Path] = [Path(__file__).resolve().parent / "locale"]  # tests add a folder here
TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
BABEL_NAME = re.compile(r"^[a-z]{2,20}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def norm(tag: str) -> str:
    return tag.replace("_", "-").lower()


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def fill(template: str, values: dict, escape=lambda s: s) -> str:
    """`template` with each `{name}` replaced by values[name] (inserted as given); the text around them is
    passed through `escape`. Nothing else of str.format is interpreted: a catalog is data, not code."""
    out, last = [], 0
    for m in PLACEHOLDER.finditer(template):
        if m.group(1) in values:
            out += [escape(template[last : m.start()]), str(values[m.group(1)])]
            last = m.end()
    return "".join(out) + escape(template[last:])


class NoCatalog(QuizgenError):
    """No catalog for the language asked for."""


@dataclass(frozen=True)
class Catalog:
    code: str  # as the folder is named
    path: Path | None
    translations: gettext.NullTranslations
    translated: int  # labels with a translation
    babel_language: str
    native_name: str

    @property
    def completeness(self) -> float:
        return self.translated / len(LABELS)


def catalog_files() -> dict[str, Path]:
    """Language code (normalized) -> its catalog file; a later folder of LOCALE_DIRS wins."""
    found: dict[str, Path] = {}
    for root in LOCALE_DIRS:
        if root.is_dir():
            for path in sorted(root.glob("*/LC_MESSAGES/quizgen.po")):
                code = path.parent.parent.name
                if TAG.match(code):
                    found[norm(code)] = path
    return found


def _native_name(code: str, header: str) -> str:
    if header:
        return header
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name() or code
    except (ValueError, UnknownLocaleError):
        return code


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> Catalog:
    """One catalog, checked: every translation keeps to its label's placeholders."""
    code = path.parent.parent.name
    try:
        data = path.read_bytes()
        po = read_po(io.BytesIO(data), abort_invalid=True)
    except (OSError, PoFileError, ValueError, UnicodeDecodeError) as e:
        raise QuizgenError(f"{path}: the catalog cannot be read ({e}); fix or remove it") from None
    translated = 0
    for message in po:
        if not message.id or message.context not in LABELS:
            continue
        english = LABELS[message.context]
        allowed = set().union(*(placeholders(e) for e in (english if isinstance(english, tuple) else (english,))))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for s in strings:
            extra = placeholders(s or "") - allowed
            if extra:
                raise QuizgenError(
                    f"{path}:{message.lineno}: the translation of '{message.context}' uses {{{sorted(extra)[0]}}}, "
                    f"which that label does not have; use only {', '.join('{' + a + '}' for a in sorted(allowed))}"
                    if allowed
                    else f"{path}:{message.lineno}: the translation of '{message.context}' uses "
                    f"{{{sorted(extra)[0]}}}; that label takes no placeholders"
                )
        if all(strings) and not message.fuzzy:
            translated += 1
    buf = io.BytesIO()
    write_mo(buf, po)
    buf.seek(0)
    try:
        translations = gettext.GNUTranslations(buf)
    except (ValueError, OSError) as e:  # a Plural-Forms rule gettext refuses
        raise QuizgenError(f"{path}: the catalog's header is wrong ({e}); check its Plural-Forms line") from None
    headers = dict(re.findall(r'^"(X-[A-Za-z-]+): (.*?)\\n"$', data.decode("utf-8", "replace"), re.M))
    babel_language = headers.get("X-Babel-Language", "").strip()
    if babel_language and not BABEL_NAME.match(babel_language):
        raise QuizgenError(f"{path}: X-Babel-Language must be a LaTeX babel language name such as 'spanish'")
    return Catalog(
        code,
        path,
        translations,
        translated,
        babel_language or "english",
        _native_name(code, headers.get("X-Native-Name", "").strip()),
    )


def english() -> Catalog:
    return Catalog(SOURCE, None, gettext.NullTranslations(), len(LABELS), "english", "English")


def catalog(tag: str) -> Catalog:
    """The catalog for a BCP 47 tag: the exact one, else its language's ('pt-BR' -> 'pt'), else an error."""
    files = catalog_files()
    wanted = norm(tag)
    for key in (wanted, wanted.split("-")[0]):
        if key in files:
            return _read(files[key], files[key].stat().st_mtime)
        if key == SOURCE:
            return english()
    raise NoCatalog(
        f"no catalog for language '{tag}'; available: {', '.join(sorted({SOURCE, *files}))} "
        f"(add one as quizgen/locale/{tag.replace('-', '_')}/LC_MESSAGES/quizgen.po)"
    )


def languages() -> list[Catalog]:
    """Every available language, English first."""
    return [english()] + [catalog(code) for code in sorted(catalog_files()) if code != SOURCE]


class Labels:
    """The printed labels of one exam: its language's catalog, then the spec's own overrides."""

    def __init__(self, language: str = SOURCE, overrides: tuple[tuple[str, str], ...] = ()):
        self.catalog = catalog(language)
        self.language = language
        self.overrides = dict(overrides)
        try:
            self.locale: Locale | None = Locale.parse(language.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            self.locale = None  # a language CLDR does not know: numbers and dates as written

    def template(self, label: str, n: int | None = None) -> str:
        """The label's text with its placeholders still in it."""
        if label in self.overrides:
            return self.overrides[label]
        english = LABELS[label]
        t = self.catalog.translations
        if isinstance(english, tuple):
            return t.npgettext(label, english[0], english[1], 1 if n is None else n)
        return t.pgettext(label, english)

    def __call__(self, label: str, /, **values) -> str:
        return fill(self.template(label), values)

    def count(self, label: str, n: int, /, **values) -> str:
        return fill(self.template(label, n), {"n": self.number(n), **values})

    def number(self, x: float, digits: int | None = None) -> str:
        """`x` as the language writes numbers ('1,5'); with `digits`, exactly that many decimals."""
        if self.locale is None:
            return f"{x:g}" if digits is None else f"{x:.{digits}f}"
        pattern = None if digits is None else "0." + "0" * digits if digits else "0"
        return format_decimal(x, format=pattern, locale=self.locale)

    def points(self, p: float) -> str:
        if float(p).is_integer():
            return self.count("points", int(p))
        return fill(self.template("points-fraction"), {"n": self.number(p)})

    def date(self, text: str) -> str:
        """An ISO date (2026-06-15) written out in the language; any other text as the teacher wrote it."""
        if self.locale is None or not ISO_DATE.match(text):
            return text
        try:
            return format_date(datetime.date.fromisoformat(text), "long", locale=self.locale)
        except ValueError:
            return text

    def heading(self, section) -> str:
        """A section's printed heading: its spec title, else the label of its item type."""
        return section.title or self(HEADINGS[section.type])


@dataclass(frozen=True)
class Message:
    """A sentence decided before the language it prints in is known (a scan's problem with a page): a label,
    its values and, for a label with plural forms, the count that chooses the form."""

    label: str
    values: tuple[tuple[str, str], ...] = ()
    n: int | None = None

    def text(self, lab: Labels) -> str:
        values = dict(self.values)
        return lab(self.label, **values) if self.n is None else lab.count(self.label, self.n, **values)


def message(label: str, n: int | None = None, **values) -> Message:
    if label not in LABELS:
        raise KeyError(label)
    return Message(label, tuple((k, str(v)) for k, v in values.items()), n)


@lru_cache(maxsize=32)
def _labels(language: str, overrides: tuple[tuple[str, str], ...]) -> Labels:
    return Labels(language, overrides)


def labels_for(spec) -> Labels:
    """The labels an exam spec prints with (its `language` and `labels:`)."""
    return _labels(getattr(spec, "language", SOURCE), tuple(getattr(spec, "labels", ())))


def item_stem(item, lab: Labels) -> str:
    """A multiple-choice stem with its lead-in in the exam's language ('¿Qué término se describe aquí? …');
    the rest of the stem is bank text and prints as written."""
    return stem_text(item.stem, item.topic, lab)


def stem_text(stem: str, topic: str, lab: Labels) -> str:
    """item_stem for a stem and its topic's name as item JSON holds them."""
    from .items.mcq import LEAD_BLANK, LEAD_DESCRIBES, LEAD_PHRASE

    for english, label in ((LEAD_BLANK, "lead-blank"), (LEAD_PHRASE, "lead-phrase")):
        if stem.startswith(english):
            return lab(label) + stem[len(english) :]
    if stem == LEAD_DESCRIBES.format(name=topic):
        return lab("lead-describes", name=topic)
    return stem


def labels_or_english(language: str) -> Labels:
    """The labels of a language that has a catalog, else English (a bank's items exported without a spec)."""
    try:
        return _labels(language, ())
    except NoCatalog:
        return _labels(SOURCE, ())


def labelled(language: str, name: str, text: str) -> str:
    """'name: text' as the language writes it ('Osmose\u00a0: …' in French), with its catalog's `field` label
    (English where the language has no catalog): an item's 'Term: definition' statement in the bank's language."""
    return labels_or_english(language)("field", label=name) + " " + text
