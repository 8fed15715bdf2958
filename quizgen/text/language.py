"""What item rules need to know about a bank's language, behind one small interface: word stems (for cues),
parts of speech and inflections (for blanks and agreement), general-language word frequency (for key
phrases), stop words, articles and subject pronouns. English is backed by snowballstemmer, lemminflect's
lemma tables and wordfreq's frequency lists; es, fr, de, it, pt, nl and pl by their Snowball stemmers, wordfreq,
function-word lists and the words that agree with a noun, with the rules they have no data for switched off
(`off_rules`) — all data ships inside the wheels, nothing is downloaded."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from .function_words import FUNCTION_WORDS

_EN_STOP = frozenset(
    """a about above after again against all almost along also although always am among an and another any are
    around as at be because been before being below between both but by can cannot could did do does doing done
    down during each either else enough etc even ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just least less many may me might more
    most much must my myself neither no nor not now of off often on once one only onto or other others otherwise
    our ours ourselves out over own per rather same several shall she should since so some such than that the
    their theirs them themselves then there these they this those though through thus to too toward towards under
    until up upon us usually very via was we well were what whatever when where whereas whether which while who
    whom whose why will with within without would yet you your yours yourself""".split()
)


class English:
    code = "en"
    # the item rules and modes this language has the data for; `quizgen check` names the ones that are off
    supports = frozenset({"pronoun slots", "a/an", "number agreement", "keyphrase cloze"})
    agreeing = frozenset()  # words before a blank that would tell the answer's gender or number
    stop_words = _EN_STOP
    articles = frozenset({"a", "an", "the"})
    # a sentence opening with one of these (followed by a verb) speaks of the topic being defined
    subject_pronouns = {"it": "sg", "they": "pl", "these": "pl", "this": "sg"}
    coordinators = frozenset({"and", "or", "nor", "vs", "versus", "plus"})
    verb_openers = frozenset(
        {
            "to",
            "can",
            "could",
            "may",
            "might",
            "must",
            "shall",
            "should",
            "will",
            "would",
            "it",
            "they",
            "which",
            "that",
            "who",
            "often",
            "also",
            "not",
            "does",
            "do",
            "did",
        }
    )
    noun_openers = frozenset(
        {
            "the",
            "a",
            "an",
            "of",
            "in",
            "on",
            "for",
            "with",
            "by",
            "from",
            "into",
            "its",
            "their",
            "this",
            "these",
            "those",
            "each",
            "every",
            "any",
            "no",
            "some",
            "between",
            "over",
            "under",
            "about",
            "as",
            "per",
            "via",
        }
    )
    # words after which a name can become 'it' and still read: prepositions and common verbs
    pronoun_hosts = frozenset(
        {
            "with",
            "by",
            "of",
            "for",
            "to",
            "from",
            "on",
            "in",
            "into",
            "than",
            "like",
            "using",
            "uses",
            "use",
            "makes",
            "make",
            "call",
            "calls",
            "called",
            "apply",
            "applies",
            "applying",
            "train",
            "trains",
            "training",
            "via",
        }
    )
    idiom_openers = frozenset({"in", "on", "by", "at", "for", "with", "under"})
    # a noun right after one of these is a bare quantified noun phrase, whose slot many nouns of the right count fill
    quantifiers = frozenset("most few many several further more less fewer much some any all both".split())
    # a word after one of these must be one the bank also writes after it ('during inference', not 'during bias')
    prepositions = frozenset(
        "about across after against among at before between by during for from in into on over per through toward"
        " towards under via with within without".split()
    )
    contrasts = (("rather", "than"), ("instead", "of"), ("as", "opposed", "to"), ("unlike",), ("than",))
    plural_pronoun, singular_pronoun = "They", "It"
    # stems of head nouns that name a statement about the world rather than a thing or a method
    claim_heads = frozenset(
        "law theorem hypothesi lemma inequ conjectur paradox principl bound phenomenon effect tradeoff dilemma".split()
    )

    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def stem(word: str) -> str:

        return _stemmer("english").stemWord(word.casefold())

    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def readings(word: str) -> frozenset[str]:
        """Parts of speech the word can have ('NOUN', 'VERB', 'ADJ', 'ADV', …); empty when unknown."""
        from .lexicon import lemma_categories

        return lemma_categories(word.casefold()) or lemma_categories(word)

    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def zipf(word: str) -> float:
        """How common the word is in general English, 0 (unknown) to about 8 ('the')."""
        from .lexicon import zipf_frequency

        return zipf_frequency(word, "en")

    @classmethod
    @lru_cache(maxsize=1 << 14)
    def is_plural_noun(cls, word: str) -> bool | None:
        """True for a plural noun ('attacks', 'models'), False for a singular one, None when unclear."""
        from .lexicon import getAllLemmas, getAllLemmasOOV

        w = word.casefold()
        if w.endswith("ics"):
            return None  # 'statistics', 'physics': singular as a field, plural as facts
        lemmas = getAllLemmas(w).get("NOUN")
        if not lemmas and w.isalpha():
            if not w.endswith("s"):
                return False  # a word the noun table lacks is plural only by its '-s' ('computing': singular)
            lemmas = getAllLemmasOOV(w, "NOUN").get("NOUN")
        if not lemmas:
            return None
        if w in lemmas:  # the table lists some plurals as lemmas of their own ('representations')
            return any(w in (lemma + "s", lemma + "es", lemma[:-1] + "ies") for lemma in lemmas if lemma != w)
        return True

    @staticmethod
    @lru_cache(maxsize=1 << 12)
    def names_someone(word: str) -> bool:
        """A noun whose first WordNet sense is someone, read from its singular when it has one ('mercenaries'; not
        'fields', which the lower-cased table also lists as W. C. Fields) and not also an adjective ('ancient')."""
        from .lexicon import noun_classes

        forms = _noun_forms(word)
        singular = [f for f in forms[1:] if f != forms[0]] or forms[:1]
        classes = next(filter(None, map(noun_classes, singular)), ())
        return classes[:1] == ("person",) and "ADJ" not in English.readings(word)

    @staticmethod
    @lru_cache(maxsize=1 << 12)
    def noun_classes(word: str) -> tuple[str, ...]:
        """WordNet's classes of a noun's first senses ('router': person, artifact), read from its singular
        ('routers') and, for a hyphenated word, its head ('self-supervision': act); empty when unknown."""
        from .lexicon import noun_classes

        return next(filter(None, map(noun_classes, _noun_forms(word.split("-")[-1]))), ())

    @staticmethod
    def mostly_verb(word: str) -> bool:
        """A word that is a noun too but mostly used as a verb ('remand', 'reverse'), by WordNet's counts."""
        from .lexicon import mostly_verb

        return mostly_verb(word.casefold())

    @staticmethod
    def antonyms(word: str) -> frozenset[str]:
        """WordNet's antonyms of a noun, read from its singular ('presences': absence)."""
        from .lexicon import noun_antonyms

        return frozenset().union(*map(noun_antonyms, _noun_forms(word)))

    @classmethod
    def verb_number(cls, word: str) -> str | None:
        """'sg' for a verb form that agrees only with a singular subject ('is', 'shares'), 'pl' for one that
        agrees only with a plural subject ('are', 'share'), None otherwise (past tense, modals, not a verb)."""
        w = word.casefold()
        if w in ("is", "was", "has", "does"):
            return "sg"
        if w in ("are", "were", "have", "do"):
            return "pl"
        from .lexicon import getAllLemmas

        lemmas = getAllLemmas(w)
        if not lemmas and w.isalpha() and len(w) > 3 and w.endswith(("ise", "ize", "ises", "izes")):
            return "sg" if w.endswith("s") else "pl"  # spellings the tables lack: 'tokenise', 'tokenizes'
        verb = lemmas.get("VERB")
        if not verb or "NOUN" in lemmas and len(lemmas) > 1 and not w.endswith("s"):
            return None
        if w in verb:
            return "pl"  # the bare form after a subject: 'they share'
        if w.endswith("s") and any(w in (v + "s", v + "es", v[:-1] + "ies") for v in verb):
            return "sg"
        return None

    @classmethod
    def name_number(cls, name: str) -> str | None:
        """Grammatical number of a term: the head word is the last word before a preposition ('of', 'for',
        'beyond'), a slash, '&', 'vs', a dash or a colon; a bracket is an aside ('Vision Transformer (ViT)
        Variants': plural)."""
        words = re.sub(r"\([^()]*\)", " ", name).replace("(", " ( ").split()
        head = []
        stops = {"of", "for", "in", "with", "on", "/", "&", "vs", "vs.", "beyond", "(", "—", "–", "-"}
        for w in words:
            if w.casefold() in stops or w.casefold() in cls.prepositions:
                break
            head.append(w)
            if w.endswith(":"):
                break
        if not head:
            return None
        last = head[-1].strip(",:;")
        if not last.isalpha() or last.isupper():
            return "sg"  # acronyms and names with digits behave as singular
        plural = cls.is_plural_noun(last)
        return None if plural is None else ("pl" if plural else "sg")

    @staticmethod
    def article_for(word: str) -> str:
        """'a' or 'an' before a word, by its first sound (letters of an acronym are said one by one)."""
        w = word.lstrip("\"'“‘(")
        if not w:
            return "a"
        if w[:2].isupper() and w.isalnum():  # an acronym: 'an MLP', 'a GAN'
            return "an" if w[0] in "AEFHILMNORSX" else "a"
        low = w.casefold()
        if low.startswith(("uni", "use", "usu", "uti", "eu", "one", "once")):
            return "a"
        if low.startswith(("hour", "honest", "honor", "honour", "heir")):
            return "an"
        return "an" if low[0] in "aeiou" else "a"


def _noun_forms(word: str) -> tuple[str, ...]:
    """A word as WordNet may list it: itself, case-folded, then its singular lemmas ('routers': router)."""
    from .lexicon import getAllLemmas

    w = word.casefold()
    return (w, *getAllLemmas(w).get("NOUN", ()))


class Snowball:
    """A language with a Snowball stemmer, a stop-word list and wordfreq frequencies but no part-of-speech
    tables: blanks only (no pronoun or article rewriting), no key-phrase cloze, no number agreement."""

    code = ""
    snowball = ""
    supports: frozenset[str] = frozenset()
    agreeing: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    articles = agreeing
    subject_pronouns: dict[str, str] = {}
    verb_openers = noun_openers = pronoun_hosts = idiom_openers = prepositions = quantifiers = frozenset()
    noun_classes = staticmethod(lambda word: ())  # (no WordNet here: key-phrase cloze is off)
    antonyms = staticmethod(lambda word: frozenset())
    contrasts: tuple = ()
    plural_pronoun = singular_pronoun = None
    claim_words: frozenset[str] = frozenset()  # head nouns of laws, principles, theorems …

    @classmethod
    def stem(cls, word: str) -> str:
        return _stem(cls.snowball, word.casefold())

    @staticmethod
    def readings(word: str) -> frozenset[str]:
        return frozenset()

    @classmethod
    def zipf(cls, word: str) -> float:
        return _zipf(cls.code, word)

    @staticmethod
    def is_plural_noun(word: str) -> None:
        return None

    @staticmethod
    def verb_number(word: str) -> None:
        return None

    @staticmethod
    def name_number(name: str) -> None:
        return None


def _language(code: str, snowball: str, agreeing: str, coordinators: str) -> type[Snowball]:
    """Elided forms ('l'', 'dell'') are listed with their apostrophe."""
    words = frozenset(agreeing.split())
    cls = type(code.title(), (Snowball,), {"code": code, "snowball": snowball, "agreeing": words, "articles": words})
    cls.coordinators = frozenset(coordinators.split())
    cls.stop_words = frozenset(FUNCTION_WORDS[code].split()) | words
    return cls


@lru_cache(maxsize=1 << 17)
def _stem(snowball: str, word: str) -> str:
    return _stemmer(snowball).stemWord(word)


@lru_cache(maxsize=1 << 16)
def _zipf(code: str, word: str) -> float:
    from .lexicon import zipf_frequency

    return zipf_frequency(word, code)


_stemmers: dict = {}


def _stemmer(name: str):
    import snowballstemmer

    if name not in _stemmers:
        _stemmers[name] = snowballstemmer.stemmer(name)
    return _stemmers[name]


# Determiners that agree with the noun after them (gender, number, or the initial sound for elided forms).
# Polish has no articles; its demonstratives agree, and a blank is only made where the term stands in its
# dictionary form (the same rule for every language: an inflected occurrence is never blanked).
_OTHERS = (
    (
        "es",
        "spanish",
        "el la los las un una unos unas del al este esta estos estas ese esa esos esas aquel "
        "aquella aquellos aquellas su sus",
        "y e o u ni",
    ),
    ("fr", "french", "le la les l' un une des du au aux d' ce cet cette ces son sa ses leur leurs", "et ou ni"),
    (
        "de",
        "german",
        "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
        "keines im am zum zur vom beim ins dieser diese dieses diesen diesem sein seine ihr ihre",
        "und oder",
    ),
    (
        "it",
        "italian",
        "il lo la i gli le l' un uno una un' del dello della dei degli delle dell' al allo alla ai "
        "agli alle all' nel nello nella nei negli nelle nell' dal dallo dalla dai dagli dalle dall' sul sullo sulla "
        "sui sugli sulle sull' questo questa questi queste quel quello quella quei quegli quelle",
        "e ed o od",
    ),
    (
        "pt",
        "portuguese",
        "o a os as um uma uns umas do da dos das no na nos nas ao à aos às pelo pela pelos pelas "
        "num numa dum duma este esta estes estas esse essa esses essas",
        "e ou nem",
    ),
    ("nl", "dutch", "de het een deze dit die dat", "en of"),
    ("pl", "polish", "ten ta to ci te tego tej temu tym tę tych tymi ów owa owo", "i oraz lub albo"),
)
# The head nouns of names that state something about the world (a law, principle, theorem …), as English's
# claim_heads: 'Ley de Hess' offered among things and methods is a lure nobody picks, or picked as the one law.
_CLAIM_WORDS = {
    "es": "ley principio teorema hipótesis postulado lema paradoja conjetura efecto",
    "fr": "loi principe théorème hypothèse postulat lemme paradoxe conjecture effet",
    "de": "gesetz satz prinzip theorem hypothese postulat lemma paradoxon vermutung effekt",
    "it": "legge principio teorema ipotesi postulato lemma paradosso congettura effetto",
    "pt": "lei princípio teorema hipótese postulado lema paradoxo conjetura efeito",
    "nl": "wet principe stelling hypothese postulaat lemma paradox vermoeden effect",
    "pl": "prawo zasada twierdzenie hipoteza postulat lemat paradoks efekt",
}
LANGUAGES: dict[str, type] = {"en": English}
for _code, _snowball, _agreeing, _coord in _OTHERS:
    LANGUAGES[_code] = _language(_code, _snowball, _agreeing, _coord)
    LANGUAGES[_code].claim_words = frozenset(_CLAIM_WORDS[_code].split())


def language(code: str = "en"):
    """The item rules for a BCP 47 tag ('es-MX' -> Spanish); English rules' safe subset for unknown languages."""
    return LANGUAGES.get(code.split("-")[0].casefold()) or _unsupported(code.split("-")[0].casefold())


@lru_cache(maxsize=64)
def _unsupported(code: str) -> type[Snowball]:
    """A language without a stemmer here: exact spellings only, no frequency data, every optional rule off."""
    return type(
        code.title() or "Unknown",
        (Snowball,),
        {
            "code": code,
            "stem": classmethod(lambda c, w: w.casefold()),
            "zipf": classmethod(lambda c, w: 0.0),
            "stop_words": frozenset(),
        },
    )


def off_rules(code: str) -> list[str]:
    """The item rules and modes that are off for a language (`quizgen check` reports them)."""
    return sorted(English.supports - language(code).supports)


def same_stem(a: str, b: str, lang=English) -> bool:
    """Words that share a stem, or one stem that extends the other by a few letters ('plea'/'pleading')."""
    return stems_match(lang.stem(a), lang.stem(b))


@lru_cache(maxsize=1 << 18)
def word_family(sa: str, sb: str) -> bool:
    """Stems of one word family in a language whose compounds and derivations the stemmer does not undo:
    'connex'/'connexon', 'popul'/'metapopul', 'geothermi'/'thalassothermi', 'houl'/'houlomotric' (accents
    ignored) — a shared start of five letters or end of six, a stem of four letters or more starting the other,
    or the first five letters of one inside the other ('plastiqu'/'microplast')."""
    a, b = _fold(sa), _fold(sb)
    if stems_match(a, b) or a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and (long_.startswith(short) or len(short) >= 5 and short[:5] in long_):
        return True
    return len(os.path.commonprefix([a, b])) >= 5 or len(os.path.commonprefix([a[::-1], b[::-1]])) >= 6


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.casefold()) if not unicodedata.combining(c))


# English words of one family whose spellings part early ('prove' / Burden of proof: readings 30-35, 39, 40), a
# reader joins them at a glance; the stemmer and the letter rules of stems_match cannot
_IRREGULAR = (
    "proof prove, belief believe, choice choose, loss lose, death die, life live, speech speak, thought think, "
    "gift give, sale sell, song sing, bond bind, breadth broad, depth deep, length long, width wide, strength "
    "strong, height high, defence defend, defense defend, offence offend, offense offend, pursuit pursue, "
    "analysis analyse, analysis analyze, hypothesis hypothesize, synthesis synthesize, emphasis emphasize, "
    "seizure seize, failure fail, pleasure please, descent descend, ascent ascend, consent consensus, "
    "knowledge know, sight see, flight fly, weight weigh, growth grow, birth bear, truth true, warmth warm, "
    "youth young, response respond, decision decide, division divide, collision collide, conclusion conclude, "
    "inclusion include, exclusion exclude, permission permit, admission admit, omission omit, submission "
    "submit, transmission transmit, extension extend, suspension suspend, comprehension comprehend, "
    "description describe, prescription prescribe, subscription subscribe, reception receive, deception "
    "deceive, perception perceive, conception conceive, assumption assume, consumption consume, "
    "presumption presume, resumption resume, absorption absorb, solution solve, resolution resolve, "
    "revolution revolve, evolution evolve, acquisition acquire, requisition require, repetition repeat, "
    "competition compete, opposition oppose, composition compose, exposition expose, disposition dispose, "
    "society social, deity deism, deity deist, rite ritual, law legal"
)


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    for pair in _IRREGULAR.split(","):
        a, b = (English.stem(w) for w in pair.split())
        if a != b:
            pairs.setdefault(a, set()).add(b)
            pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


def irregular_family(stem: str) -> frozenset[str]:
    """English stems of words of the same family spelt apart ('prove' for 'proof')."""
    return _irregular().get(stem, frozenset())


def stems_match(sa: str, sb: str) -> bool:
    """One stem is the other, or extends it by a few letters at either end ('plea'/'plead', 'hear'/'hearsay',
    'trial'/'mistrial'), or shares all but its last letter ('appeals'/'appellant', 'strata'/'stratified'), or
    lacks one letter of it ('numbers'/'numerical'); 'state'/'statement' are different words."""
    if sa == sb:
        return True
    if len(sa) > len(sb):
        sa, sb = sb, sa
    if len(sa) >= 4 and len(sb) - len(sa) <= 3 and (sb.startswith(sa) or sb.endswith(sa)):
        return True
    # one letter off at the end of the shorter ('appeal'/'appel' of appellant, 'strata'/'stratifi')
    common = len(os.path.commonprefix((sa, sb)))
    if common >= 4 and common >= len(sa) - 1 and len(sb) - common <= 3:
        return True
    # one letter dropped inside a root of five letters or more ('number'/'numer' of numerical: readings 25-34)
    return len(sa) >= 5 and len(sb) == len(sa) + 1 and sb[:common] + sb[common + 1 :] == sa
