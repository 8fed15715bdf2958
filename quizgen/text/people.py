"""People a glossary names by their own names ('Adam Smith', 'Max Weber'): nothing in such a definition says
'a person who …', so the genus rules miss them and a period or a theory is offered among them ('Italian
Renaissance' beside Adam Smith and Henri Fayol, reading 119)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Topic
from .language import English

_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+|[A-Z]\.|and|de|von|van|da|di")
_PAST = frozenset("wrote led taught began made gave saw built became won rose fought drew held took thought".split())


@lru_cache(maxsize=1 << 16)
def named_person(topic: Topic) -> bool:
    """English: a name of capitalised words whose definition opens on that name (a given name first, or life dates)
    or on its surname, and goes on as a life is told: a past deed ('Adam Smith proposed …', 'Weber
    developed …'), 'is known as', or 'was a <someone>' ('Nebuchadnezzar (605 BC–c. 562 BC) was a pioneer …',
    'Carl G. Barth (1860–1939), mathematician, developed …')."""
    words = topic.short_name.split()
    if topic.language.split("-")[0] != "en" or not 1 <= len(words) <= 4:
        return False
    if not all(_NAME_WORD.fullmatch(w) for w in words) or not words[0][0].isupper():
        return False
    names = [topic.short_name, *surnames(topic)]
    if _after_name(topic.definition, names[1:], _POSSESSIVE):
        return True  # 'Fayol’s administrative theory was …': the theory of someone called by a surname
    m = _after_name(topic.definition, names, _TOLD)
    if m is None or len(words) < 2 and m.group(1) is None:
        return False
    apposition, verb, after = m.group(2), m.group(3), m.group(4).casefold()
    if apposition is not None and not English.names_someone(apposition.casefold()):
        return False
    if verb in ("is", "was") and after == "known":
        told = True
    elif verb == "was" and after in ("a", "an", "the"):
        nouns = re.findall(r"[^\W\d_]+", topic.definition[m.end() :])[:2]  # ('a pioneer', 'a Prussian general')
        told = any(English.names_someone(n.casefold()) for n in nouns)
    else:
        told = "VERB" in English.readings(verb) and (verb.endswith("ed") or verb in _PAST)
    surname = not topic.definition.lstrip().startswith(topic.short_name)  # ('Weber developed …')
    # a name told without dates or surname needs a given name first ('Monetary Policy involved …' is a thing in title
    # case); asked last, as Faker's list costs a tenth of a second to load and most names tell no life
    return told and (m.group(1) is not None or surname or words[0] in _given_names())


_POSSESSIVE = re.compile(r"['’]s\s")
_TOLD = re.compile(r"(?:['’]s)?\s*(\([^()]*\d{3,4}[^()]*\))?,?\s*(?:(\w+),\s*)?([a-z]+)\s+(\w+)")


def _after_name(text: str, names, tail: re.Pattern) -> re.Match | None:
    """`tail` matched right after the first of `names` the text opens with (after white space) that it follows —
    what one pattern alternating the names would match, without compiling a pattern a topic."""
    start = len(text) - len(text.lstrip())
    for name in names:
        if text.startswith(name, start):
            m = tail.match(text, start + len(name))
            if m is not None:
                return m
    return None


def surnames(topic: Topic) -> tuple[str, ...]:
    """The capitalised words after the first of a name, of three letters or more: what a text may call it by
    alone ('Weber' of Max Weber, 'Barth' of Carl G. Barth)."""
    return tuple(w for w in topic.short_name.split()[1:] if len(w) > 2 and w[0].isupper())


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """English given names (Faker's list of the United States' most frequent: 'Adam', 'Henry', 'Max')."""
    from faker.providers.person.en_US import Provider

    return frozenset(Provider.first_names)
