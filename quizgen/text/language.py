"""What item rules need to know about a bank's language, behind one small interface: word stems (for cues),
parts of speech and inflections (for blanks and agreement), general-language word frequency (for key
phrases), stop words, articles and subject pronouns. English is backed by snowballstemmer, lemminflect's
lemma tables and wordfreq's frequency lists — all data ships inside the wheels, nothing is downloaded."""

from __future__ import annotations

from functools import lru_cache

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
        from lemminflect import getAllLemmas

        found = getAllLemmas(word.casefold()) or getAllLemmas(word)
        return frozenset(found)

    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def zipf(word: str) -> float:
        """How common the word is in general English, 0 (unknown) to about 8 ('the')."""
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")

    @classmethod
    def is_plural_noun(cls, word: str) -> bool | None:
        """True for a plural noun ('attacks', 'models'), False for a singular one, None when unclear."""
        from lemminflect import getAllLemmas, getAllLemmasOOV

        w = word.casefold()
        lemmas = getAllLemmas(w).get("NOUN") or (getAllLemmasOOV(w, "NOUN").get("NOUN") if w.isalpha() else None)
        if not lemmas:
            return None
        if w in lemmas:
            return False
        return True

    @classmethod
    def verb_number(cls, word: str) -> str | None:
        """'sg' for a verb form that agrees only with a singular subject ('is', 'shares'), 'pl' for one that
        agrees only with a plural subject ('are', 'share'), None otherwise (past tense, modals, not a verb)."""
        w = word.casefold()
        if w in ("is", "was", "has", "does"):
            return "sg"
        if w in ("are", "were", "have", "do"):
            return "pl"
        from lemminflect import getAllLemmas

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
        """Grammatical number of a term: the head word is the last word before 'of'/'for'/a bracket."""
        words = [w for w in name.replace("(", " ( ").split() if w]
        head = []
        for w in words:
            if w == "(" or w.casefold() in ("of", "for", "in", "with", "on", "/", "&", "vs", "vs."):
                break
            head.append(w)
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


_stemmers: dict = {}


def _stemmer(name: str):
    import snowballstemmer

    if name not in _stemmers:
        _stemmers[name] = snowballstemmer.stemmer(name)
    return _stemmers[name]


LANGUAGES = {"en": English}


def language(code: str = "en") -> type[English]:
    return LANGUAGES.get(code.split("-")[0].casefold(), English)


def same_stem(a: str, b: str, lang=English) -> bool:
    """Words that share a stem, or one stem that extends the other by a few letters ('plea'/'pleading')."""
    return stems_match(lang.stem(a), lang.stem(b))


def stems_match(sa: str, sb: str) -> bool:
    """One stem is the other, or extends it by a few letters at either end ('plea'/'plead', 'hear'/'hearsay',
    'trial'/'mistrial'); 'state'/'statement' are different words."""
    if sa == sb:
        return True
    if len(sa) > len(sb):
        sa, sb = sb, sa
    return len(sa) >= 4 and len(sb) - len(sa) <= 3 and (sb.startswith(sa) or sb.endswith(sa))
