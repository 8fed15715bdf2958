"""Multiple choice, both directions: definition → term and term → definition."""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter
from functools import lru_cache

from ..distractors import (
    CITED_OPENING,
    CLASS_OF,
    CLASSES,
    FINITE,
    PERSON,
    DistractorIndex,
    GenerationError,
    Pick,
    acronym_shown,
    name_words,
    opening_word,
    told_by_a_word,
)
from ..model import MCQItem, Topic, without_brackets
from ..text.describe import (
    COUNTED,
    NAMING,
    OBJECT_OPENERS,
    PARTS,
    Description,
    common_halves,
    contracted,
    cut_mid_procedure,
    descriptions,
    first_sentences,
    head_number,
    hyphenated,
    mentions,
    name_stems,
    phrase_number,
    remark,
    shares_stem,
    shown_name_stems,
    technical_compound,
    third_person,
    uncarried,
    verb_opening,
    visible_words,
    word_stems,
)
from ..text.genus import has_kind_tables
from ..text.language import English, language, stems_match
from ..text.lexicon import getAllLemmas, noun_gloss
from ..text.mask import BLANK
from ..text.people import named_person

DIRECTIONS = ("definition-to-term", "term-to-definition")
AGENTS = frozenset({PERSON, "<body>"})  # people and bodies of people
KNOWN_BY_NAME = frozenset({"<creed>", "<tongue>", "<pact>"})  # classes a term's name alone tells a student
FEWEST_OPTIONS = 3  # when fewer safe siblings exist, an item gets fewer options rather than unsafe ones


def place_key(key: Topic, wrong: tuple[Topic, ...], rng: random.Random) -> tuple[list[Topic], int]:
    """Shuffle the wrong answers and put the key at a uniformly drawn position."""
    order = list(wrong)
    rng.shuffle(order)
    answer = rng.randrange(len(order) + 1)
    order.insert(answer, key)
    return order, answer


LEAD_BLANK = "Which term fills the blank?"
LEAD_PHRASE = "Which term is described here?"
LEAD_DESCRIBES = "Which statement best describes {name}?"  # (printed through the label catalogs: i18n.item_stem)
_LEAD_STEMS = frozenset(English.stem(w) for w in re.findall(r"\b[a-z]{4,}\b", f"{LEAD_BLANK} {LEAD_PHRASE}".casefold()))


def definition_stem(desc: Description) -> str:
    """The question for a definition → term item: a description with one blank, or a defining phrase."""
    if desc.slot is not None:
        return f"{LEAD_BLANK} {desc.blanked()}"
    return f"{LEAD_PHRASE} {desc.text}"


def stem_body(stem: str) -> str:
    """The description of a definition → term stem, without the question around it."""
    for lead in (LEAD_BLANK, LEAD_PHRASE):
        if stem.startswith(lead):
            return stem[len(lead) :].lstrip()
    return stem


@lru_cache(maxsize=1 << 16)
def stem_cues(text: str, key: Topic) -> frozenset[str]:
    """Stems of words of the key's name that the text shows (a test-wise student matches them), and the
    acronyms of its name the text spells out ('Mixture-of-Experts' for the '(MoE)' of a name)."""
    words = visible_words(text.replace(BLANK, " "))  # (cached: shown_name_stems reads the same words)
    found = shown_name_stems(text, key)
    for head in (s for s in name_stems(key) if s in English.stop_words):  # a noun the word lists call a function word
        if re.search(rf"(?i)\b(?:the|a|his|her|its|their|our|free|popular|general)\s+{head}\b", text):
            found.add(head)  # 'guided by the will of the people' beside 'General will' (reading 91)
    if PARTS in name_stems(key) and COUNTED.match(text.replace(BLANK, " ").lstrip(" :")):
        found.add(PARTS)  # 'Two objectives for …' pairs with 'CTC Loss & RNN-Transducer'

    for shouted in (s for s in name_stems(key) if s.startswith("#") and s != PARTS):
        if re.search(rf"(?<!\w){shouted[1:].upper()}(?!\w)", text):
            found.add(shouted)  # 'the event A OR B' and 'Or Event'
    for acronym in _acronyms_in_name(key.name):
        if _spelled_out(acronym, text) or _listed(acronym, text):
            found.add(acronym.casefold())
    for count, letter in re.findall(r"(?<![\w.])([2-9])([A-Z])s?(?![\w])", key.name):  # '4Ps' and 'product, price,
        if _listed(letter * int(count), text):  # promotion, and place' (reading 92)
            found.add(f"{count}{letter}".casefold())
    for letter in _letters_in_name(key.name):  # 'Top-k Routing' and a text about 'the k highest-scoring experts'
        if re.search(rf"(?<![\w\-\\]){letter}(?![\w\-])", text):
            found.add(letter)
    axis = re.match(r"([A-Z])-[a-z]{3,}", key.name)  # 'Y-intercept' and '… intercepts the y-axis' (reading 108)
    if axis and re.search(rf"(?<![\w\-\\]){axis.group(1)}-[a-z]", text, re.I):
        found.add(axis.group(1).casefold())
    for letter in _greek_in_name(key.name):  # 'β-VAE' and a stem weighting its KL term by \( \beta \)
        if letter in text or _GREEK_COMMANDS[letter] in text:
            found.add(letter)
    for acronym in re.findall(r"\b[A-Z]{2,}\b", key.name):  # 'more cheaply than RLHF' beside 'RLAIF (RL from …)'
        shown = re.findall(r"\b[A-Z]{3,}\b", text)
        if any(w != acronym and (w.startswith(acronym) or acronym.startswith(w) or acronym.endswith(w)) for w in shown):
            # ('CMS that hosts …' beside 'Mobile content management system (MCMS)', reading 106)
            found.add(acronym.casefold())
    found |= {i.casefold() for i in initials_shown(text, key.name)}  # 'loopy BP' for 'Belief Propagation'
    if "self" in name_stems(key) and re.search(r"(?i)\b\w+sel(f|ves)\b", text):
        found.add("self")  # 'the model itself decides …' beside 'Self-Paced Learning'
    for blend in _blends_in_name(key.name):
        if _blended(blend, text):
            found.add(blend.casefold())  # 'pairwise sigmoid' and 'CLIP's' spell out 'SigLIP'
    if contracted(text, key.name):
        found |= name_stems(key)  # 'CoQ10' for Coenzyme Q10 (reading 101)
    found |= name_stems(key) & set(hyphenated(text))  # 'their own … in-group' beside In-group bias (reading 103)
    if key.language == "en":
        shown = {s for w in words for s in word_stems(w, "en")}
        for word, halves in _closed_compounds(key.name):  # 'view the world' spells out 'Worldview' (reading 88)
            if all(any(stems_match(h, s) for s in shown) for h in halves):
                found.add(word)
        for word in re.findall(r"[A-Za-z]{6,}", key.name):  # 'tab within a workbook' beside Worksheet: one
            mine = technical_compound(word)  # modifier, two compounds of the office (reading 107: 4 items)
            if mine and any(
                w.casefold() != word.casefold() and (technical_compound(w) or ("",))[0] == mine[0] for w in words
            ):
                found.add(English.stem(word.casefold()))
        head = _restated_head(key, frozenset(shown))
        if head and found - {head}:
            found.add(head)
    return frozenset(found)


def _restated_head(key: Topic, shown: frozenset[str]) -> str | None:
    """The stem of the head noun of a name of several words, when the text says what that everyday noun means
    (two words of WordNet's definition of it): 'the practice of dominating a foreign country economically' is
    Economic imperialism restated, one word by its form and the other by its meaning (readings 91-99: 12
    items, all flawed; a head told by its meaning alone, as every definition tells its name, is no cue)."""
    words = name_words(key)
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in _NAME_PREPOSITIONS), len(words))
    if cut < 2:
        return None
    head = words[cut - 1].casefold()
    stem = English.stem(head)
    said = {English.stem(w) for w in noun_gloss(head) if w not in English.stop_words} - {stem}
    return stem if len(said & shown) >= 2 else None


_NAME_PREPOSITIONS = frozenset("of by for in on to from with at as".split())  # 'Knowledge by acquaintance'


@lru_cache(maxsize=1 << 14)
def _closed_compounds(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Words of a name made of two common words ('worldview': world, view), with the stems of both: a text showing
    both halves spells the word out, however common the compound is."""
    words = re.findall(r"[A-Za-z]{8,}", name)
    return tuple(
        (English.stem(w.casefold()), tuple(English.stem(h) for h in halves))
        for w in words
        if (halves := common_halves(w))
    )


def echo_forms(text: str, key: Topic) -> frozenset[str]:
    """The name cues a text shows (stem_cues), each as the word the reader sees: another option neutralises
    the key's 'prefix' by showing 'prefix' too, not 'prefill'; 'directions' by 'direction', not 'directly'."""
    return _echo_forms(text, key)


@lru_cache(maxsize=4096)  # (asked of every sibling's description, for every item on the key)
def _echo_forms(text: str, key: Topic) -> frozenset[str]:
    cues = stem_cues(text, key)
    if not cues:
        return cues
    stems, words = name_stems(key), visible_words(text.replace(BLANK, " "))
    forms = {_word_form(w) for w in words if shares_stem((w,), stems, key.language)}
    return frozenset(forms | (cues - shares_stem(words, stems, key.language)))  # and acronyms, letters, '#parts'


def _word_form(word: str) -> str:
    """A word as a reader matches it: case, a plural -s and British -is- spellings set aside."""
    w = word.casefold()
    w = re.sub(r"is(e|ed|es|ing|er|ers|ation|ations)$", r"iz\1", w)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _greek_commands() -> dict[str, str]:
    from ..text.latexmath import GREEK

    return {symbol: "\\" + name for name, symbol in GREEK.items()}


_GREEK_COMMANDS = _greek_commands()


@lru_cache(maxsize=1 << 14)
def _letters_in_name(name: str) -> tuple[str, ...]:
    """Single lowercase letters joined to a word of the name by a hyphen ('Top-k', 'k-means', 'n-gram')."""
    return tuple(dict.fromkeys(a or b for a, b in re.findall(r"(?<![\w])([a-z])-\w|\w-([a-z])(?![\w])", name)))


def _greek_in_name(name: str) -> tuple[str, ...]:
    return tuple(ch for ch in dict.fromkeys(name) if ch in _GREEK_COMMANDS)


@lru_cache(maxsize=1 << 14)
def _acronyms_in_name(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*", name) if len(w) <= 6)


def initials_shown(text: str, name: str) -> frozenset[str]:
    """The initials of the name the text shows as a word in capitals ('BP' of 'Belief Propagation')."""
    return frozenset(w for w in re.findall(r"\b[A-Z]{2,5}\b", text) if w in _initials(name))


@lru_cache(maxsize=1 << 14)
def _initials(name: str) -> frozenset[str]:
    """The initials of each run of two or more capitalised words of a name ('BP' of 'Belief Propagation'), or of
    content words in a name written in sentence case ('MU' of 'Marginal utility per dollar', reading 75)."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"\([^()]*\)", " ", name))
    out = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 5) + 1):
            run = words[i:j]
            if all(w[0].isupper() for w in run) or i == 0 and not any(w.casefold() in English.stop_words for w in run):
                out.add("".join(w[0].upper() for w in run))
    return frozenset(out)


def _blends_in_name(name: str) -> tuple[str, ...]:
    """Words of the name blended from pieces of other words by their capitals ('SigLIP', 'ColBERT')."""
    return tuple(w for w in re.findall(r"[A-Za-z]+", name) if len(_pieces(w)) >= 2)


def _pieces(word: str) -> list[str]:
    return [p for p in re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+", word) if len(p) >= 3]


def _blended(word: str, text: str) -> bool:
    """Does the text show every piece of a blended name word: each the start of a word ('Sig' of 'sigmoid')
    or inside a word in capitals ('LIP' of 'CLIP')?"""
    pieces = _pieces(word)
    if len(pieces) != len(re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+", word)):
        return False  # a piece too short to recognise: 'DINOv2', 'xLSTM'
    words = re.findall(r"[A-Za-z]+", text)
    return all(
        any(w.casefold().startswith(p.casefold()) or p.isupper() and p in w and w.isupper() for w in words)
        for p in pieces
    )


_LIST_BREAK = re.compile(r"[.;:()\[\]\u2014\u2013\"\u201c\u201d]|\s-\s")


def _listed(acronym: str, text: str) -> bool:
    """Does the text list words, one item each, whose initials spell the acronym in order ('existence, relatedness,
    and growth' for ERG; 'accessible, differentiable, actionable, measurable, and substantial' for ADAMS)? Three
    letters or more: two initials are met by chance."""
    letters = "".join(c for c in acronym if c.isupper()).casefold()
    if len(letters) < 3:
        return False
    for chunk in _LIST_BREAK.split(text):
        items = [i.split() for i in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", chunk)]
        initials = "".join(i[0][0].casefold() if i and i[0][:1].isalpha() else "_" for i in items)
        if letters in initials and len(items) >= len(letters):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _spelled_out(acronym: str, text: str) -> bool:
    """Does the text hold a run of words whose initials (and inner capitals) spell the acronym?"""
    from ..model import _abbreviates

    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
    n = len([c for c in acronym if c.isupper()])
    first = acronym[0].casefold()
    starts = [i for i, w in enumerate(words) if w[0].casefold() == first]
    for size in range(max(1, n - 1), n + 3):
        for i in starts:
            if i + size > len(words):
                break
            phrase = " ".join(words[i : i + size])
            if not (phrase[0].isupper() or "-" in phrase) or phrase[0].casefold() != acronym[0].casefold():
                continue  # 'Mixture-of-Experts', 'Proximal Policy Optimization'; not 'many other experts'
            if _abbreviates(acronym, phrase):
                return True
    return False


def give_away(text: str, topic: Topic, ix: DistractorIndex) -> frozenset[str]:
    """Stems of the words of a topic's name that no sibling's name shares and that the text shows: a
    statement or description echoing them points at that topic."""

    def distinctive() -> frozenset[str]:
        siblings = [t for t in ix.bank.category(topic.category).topics if t.name != topic.name]
        return name_stems(topic) - set().union(*(name_stems(t) for t in siblings))

    stems = ix.remember(("distinctive", topic.name), distinctive)
    return frozenset(shares_stem(visible_words(text.replace(BLANK, " ")), stems, topic.language))


def echoes(text: str, topic: Topic, ix: DistractorIndex) -> frozenset[str]:
    """Like give_away, but only the words that would tell this topic's description from its siblings':
    a word most sibling definitions also use (say 'model') is echoed by right and wrong statements alike."""
    cues = give_away(text, topic, ix)
    if not cues:
        return cues

    def common() -> frozenset[str]:
        group = ix.bank.category(topic.category).topics
        counts: dict[str, int] = {}
        for t in group:
            for stem in ix._stems(t.definition):
                counts[stem] = counts.get(stem, 0) + 1
        return frozenset(st for st, c in counts.items() if c >= max(2, 0.25 * len(group)))

    return cues - ix.remember(("common", topic.category), common)


def option_text(
    ix: DistractorIndex, topic: Topic, asked: Topic, form: str | None = None, number: str | None = None
) -> str | None:
    """A description of `topic` as an answer option to 'what is `asked`?': names neither topic and (when
    given) has the form and number of the key's option. (Words of the asked term's name are judged over the
    whole set of options by _term_to_definition.)"""
    key = ("option", topic.name, asked.name, form, number)
    return ix.remember(key, lambda: _option_text(ix, topic, asked, form, number))


def _option_text(ix, topic: Topic, asked: Topic, form: str | None, number: str | None) -> str | None:
    """The first usable description; for the key, the first that shows no word of its name when one does."""
    found = None
    for desc in ix.descriptions(topic):
        d = first_sentences(desc)
        text = d.as_option()
        if form == "clause" and d.form == "np" and usable_option(desc, d, text, topic):
            text = _said_of_it(ix, topic, d, text, number)  # 'It is an RNN-Transformer hybrid whose block …'
            if text is None:
                continue
        elif not usable_option(desc, d, text, topic) or form is not None and d.form != form:
            continue
        if number is not None and d.slot is not None and d.slot.number not in (number, None):
            continue
        if mentions(text, asked):
            continue
        verb = verb_opening(text, topic.short_name) if topic.name != asked.name and asked.language == "en" else None
        if verb is not None and English.name_number(asked.short_name) not in (verb, None):
            continue  # 'stem from changes in politics …' offered as what Line of credit is (reading 167)
        text = _CITATION.sub("", text)  # '(Peng et al., 2023)': the one option citing a paper stands out (reading 67)
        if topic.name != asked.name or not stem_cues(text, asked):
            return text
        found = found or text
    return found


_CITATION = re.compile(r"\s+\([A-Z][\w'’-]+(?:\s+(?:&|and)\s+[A-Z][\w'’-]+|\s+et al\.)?,\s+\d{4}[a-z]?\)(?=[\s,;.]|$)")


_OPENING_ARTICLE = re.compile(r"(?:A|An|The)\s")
_SAYS_WHAT = re.compile(r"(?:It|They)\s+(is|are)\s+(?:a|an|the|one)\s")


def phrase_head(text: str) -> str:
    """A defining phrase up to its first relative word or clause mark: its head noun and modifiers ('A stack of
    flattened sacs' of 'A stack of flattened sacs that …')."""
    return re.split(r"\b(?:that|which|who|whose|where|when|whereby)\b|[,;:—–]", text, maxsplit=1)[0]


def _said_of_it(ix: DistractorIndex, topic: Topic, d: Description, text: str, number: str | None) -> str | None:
    """An English defining phrase ('An RNN-Transformer hybrid whose block …') as the clause 'It is an
    RNN-Transformer hybrid whose block …', so a key defined by a phrase stands among lures that say 'It is a …'
    (readings 60, 61, 66: RWKV's second sentence, 'It scales to 14B+ parameters …', the one results claim among
    descriptions of what each thing is). None for any other text, or a number that does not agree."""
    if topic.language != "en" or d.start != 0 or not _OPENING_ARTICLE.match(text) or _statement(text):
        return None
    for w in re.findall(r"[^\W\d_]+", phrase_head(text))[2:]:
        low = w.casefold()
        if low in _FINITE or low.endswith("s") and "VERB" in English.readings(low):
            return None  # 'A deeper theoretical view of RLHF treats post-training as …' has a verb of its own
    if ix.genus(topic) is None:
        return None  # (a phrase that is no definition: 'The main challenge is …')
    mine = ix.number(topic) or "sg"
    if number not in (None, mine):
        return None
    lead = "They are" if mine == "pl" else "It is"
    return f"{lead} {text[0].lower()}{text[1:]}"


def usable_option(desc: Description, cut: Description, text: str | None, topic: Topic) -> bool:
    """Can a description, cut to `cut` and shown as `text`, stand as an option: no later remark, no procedure
    cut before its steps?"""
    return text is not None and not remark(cut, text) and not cut_mid_procedure(desc, topic)


def _option_shapes(ix: DistractorIndex, topic: Topic, asked: Topic) -> list[tuple[str, str | None]]:
    """The (form, number) of each usable description, first one first."""
    shapes = []
    for desc in ix.descriptions(topic):
        d = first_sentences(desc)
        text = d.as_option()
        if usable_option(desc, d, text, topic) and not mentions(text, asked):
            shape = d.form, (d.slot.number if d.slot is not None else None)
            shapes += [shape] if shape not in shapes else []
    return shapes


def make_mcq(
    ix: DistractorIndex,
    key: Topic,
    rng: random.Random,
    direction: str,
    k: int = 4,
    difficulty: str = "medium",
    avoid: frozenset[str] = frozenset(),
    widen: bool = False,
    same_kind: bool = False,
) -> MCQItem:
    if direction == "definition-to-term":
        return _definition_to_term(ix, key, rng, k, difficulty, avoid, widen, same_kind)
    return _term_to_definition(ix, key, rng, k, difficulty, avoid, widen, same_kind)


def _askable(t: Topic) -> bool:
    """Wrong options are terms that could be asked themselves: a lure only a key could never be (a long
    compound title, a question-shaped name) would stand out the other way round."""
    return bool(descriptions(t))


def kind_stands_out(ix: DistractorIndex, key: Topic, lures, desc: Description) -> frozenset:
    """The kinds two or more lures share when the stem is the key's defining phrase ('The geographic area in
    which …') and no lure is of the key's kind: the key is then found by elimination, not by knowledge."""
    heads = {_head_word(t) for t in lures}
    if len(lures) >= 2 and len(heads) == 1 and None not in heads and _head_word(key) not in heads:
        return frozenset(heads)  # 'Triton GPU Kernel Programming' among three '… Parallelism' (reading 21)
    kind = ix.genus(key)
    if desc.start != 0:
        return frozenset()
    if desc.slot is not None:
        return _stated_kind_alone(ix, key, lures, desc)
    alone = ix.classes(key) - set().union(*(ix.classes(t) for t in lures))
    if alone:  # 'A body of 16-23 citizens who …' the one option that is people; 'the ratio of …' among charts
        return frozenset(alone)
    if kind is None:
        return frozenset()
    kinds = [marks(ix, t) for t in lures]
    shared = {m for ms in kinds for m in ms if sum(m in other for other in kinds) >= 2}
    if shared and not any(kind in ms for ms in kinds) and not marks(ix, key) & shared:
        return frozenset(shared)  # 'The geographic area …' against 'Bankruptcy judge', 'Magistrate judge', …
    return frozenset()


_STATES_KIND = re.compile(r"\s*(?:is|are|refers to|denotes)\s+(?:a|an|the|one)\s")
# '_____ means tying …', '_____ is whether …', '_____ is the degree to which …': a concept, not a method
_CONCEPT = re.compile(r"\s*(?:means|is whether|is the (?:degree|extent|property|quality|tendency)\b)")


def _stated_kind_alone(ix: DistractorIndex, key: Topic, lures, desc: Description) -> frozenset:
    """'_____ is the failure mode where …' among three methods: the stem says what kind of thing the key
    is, every lure is known to be of another class, so the key is found by its kind (reading 20: 4 of 40)."""
    tail = desc.text[desc.slot.end :]
    if not desc.slot.subject or not (_STATES_KIND.match(tail) or _CONCEPT.match(tail)):
        return frozenset()
    mine, theirs = _idea_kind(ix, key), [_idea_kind(ix, t) for t in lures if _idea_kind(ix, t)]
    if not mine or len(theirs) < max(1, len(lures) - 1) or mine & set().union(*theirs):
        return frozenset()  # (one lure of unknown kind beside the known others does not save the key)
    return frozenset(set().union(*theirs))


# kinds of idea a technical glossary names (beside the classes of distractors.CLASSES): a method is not a
# failure, a hypothesis is not a method
_IDEAS = {
    "<method>": "method technique approach algorithm procedure protocol recipe trick strategy scheme",
    "<idea>": "theory hypothesis conjecture idea claim explanation view observation finding",
    "<failure>": "failure problem phenomenon pathology mode",
}
# kinds a technical glossary holds few of: a topic of unknown kind beside them is taken for a thing or a method
# (its usual kind), so a failure mode or a theory needs a lure of its own kind (reading 30: Representation
# Collapse, Misalignment and Superposition each the one failure or phenomenon among methods)
_FEW = frozenset({"<idea>", "<failure>"})
_IDEA_OF = {English.stem(w): c for c, words in _IDEAS.items() for w in words.split()}


def _idea_kind(ix: DistractorIndex, topic: Topic) -> frozenset:
    """The topic's class, or the kind of idea its genus or the head word of its name says it is."""
    return ix.remember(("idea kind", topic.name), lambda: _find_idea_kind(ix, topic))


def _find_idea_kind(ix: DistractorIndex, topic: Topic) -> frozenset:
    head = ix.name_head(topic)
    found = {_IDEA_OF[h] for h in (ix.genus(topic), head if head in ("theori", "hypothesi") else None) if h in _IDEA_OF}
    first = next((d for d in ix.descriptions(topic) if d.start == 0 and d.slot is not None and d.slot.subject), None)
    if first is not None and ix.genus(topic) is None and _CONCEPT.match(first.text[first.slot.end :]):
        found.add("<concept>")
    return ix.classes(topic) | found


def _kind_alone(ix: DistractorIndex, key: Topic, key_text: str | None, pick) -> bool:
    """The right description says what kind of thing the term is ('It is the failure mode where …', 'A
    failure mode in which …') and the wrong ones are known to describe other kinds (reading 20: the one
    failure mode among three methods)."""
    if key.language != "en" or not key_text:
        return False
    if not (_SAYS_WHAT.match(key_text) or _surface(key_text, "en") == "phrase"):
        return False
    mine, theirs = _idea_kind(ix, key), [_idea_kind(ix, t) for t in pick.topics if _idea_kind(ix, t)]
    return bool(mine) and len(theirs) >= max(1, len(pick.topics) - 1) and not mine & set().union(*theirs)


def marks(ix: DistractorIndex, topic: Topic) -> frozenset:
    """What shows a topic's kind: the genus of its defining phrase and the head word of its name."""
    return ix.remember(
        ("marks", topic.name),
        lambda: frozenset({m for m in (ix.genus(topic), _head_word(topic)) if m is not None} | ix.classes(topic)),
    )


@lru_cache(maxsize=1 << 16)
def name_kind(topic: Topic) -> str | None:
    """The kind a name of several words shows in its head noun ('Weak acid', 'Grand jury', 'Sampling Error'):
    asked which description fits it, a student strikes every option that describes no acid, no jury, no error
    (blind reading 43: 21 of its 22 flawed term-to-definition items). English; None for one-word names and for
    names built with a preposition ('Mixture of Experts': its head is no kind a reader checks)."""
    head = _head_word(topic)
    if topic.language != "en" or head is None:
        return None  # (other languages: _kin_missing; the head leading 'Ley de Boyle' cut Química's items by half)
    written = name_words(topic)
    words = [w.casefold() for w in written]
    if any(w in English.stop_words and not re.fullmatch("[ivx]+", w) for w in words):
        return None  # ('Type I Error' is an error)
    last = words[-1]
    # a noun by the tables, or a plural WordNet knows as a noun where the tables know only a verb ('Navigation Acts':
    # lemminflect reads 'acts' as a verb alone)
    readings = English.readings(last)  # (and a noun only WordNet knows: 'Functional stakeholder', 'Excess reactant')
    # (a lower-case word of four letters or more: not 'Pro se', 'Mamba', 'Homo')
    noun = (
        "NOUN" in readings
        or not readings
        and written[-1].islower()
        and len(last) > 3
        and bool(English.noun_classes(last))
    )
    noun = noun or last.endswith("s") and bool(English.noun_classes(last[:-1]))
    return head if noun else None


def of_kind(ix: DistractorIndex, topic: Topic, kind: str) -> bool:
    """Is the topic known to be of that kind: by the head noun of its name ('Strong acid'), the genus of its
    definition ('An acid that …'), or the class of both (a histogram and a 'Box plot' are displays)?"""
    if kind in marks(ix, topic) or kind == ix.name_head(topic):
        return True
    if any(kind == _head_word(dataclasses.replace(topic, name=n, aliases=())) for n in topic.acronyms):
        return True  # 'KTO (Kahneman-Tversky Optimization)' is an optimization
    cls = CLASS_OF.get(kind) if topic.language == "en" else None
    return cls is not None and cls in ix.classes(topic)


def head_named_alone(ix: DistractorIndex, key: Topic, desc: Description, lures) -> bool:
    """Where names lead with their head noun, a definition opening with that noun ('Protéine dont la fonction
    …' for Protéine adaptatrice) points at the one option whose name leads with it too; a lure that only
    carries the word elsewhere ('Adressage des protéines') does not hide it (blind reading 18)."""
    head = _head_word(key)
    if head is None or desc.start != 0 or key.language.split("-")[0] not in HEAD_LEADS or ix.genus(key) != head:
        return False
    return not any(_head_word(t) == head for t in lures)


_PAIRED = re.compile(r"\s(?:&|and|vs\.?|versus|/)\s")


def _joins(name: str) -> frozenset[str]:
    """How a name is put together, outside its brackets: a heading with a colon, two things joined (also by a
    slash: 'Flow Matching / Rectified Flow' the one such option, reading 58)."""
    plain = without_brackets(name)
    return frozenset({"heading"} if re.search(r"\S:\s", plain) else set()) | (
        {"pair"} if _PAIRED.search(plain) else set()
    )


def joined_alone(key_name: str, lure_names) -> bool:
    """The key is the one option whose name joins two things, or the one heading ('Natural Gradient & Fisher–Rao
    Geometry' beside 'Muon Optimizer', 'Prompt Injection: Taxonomy & Defences' beside plain attack names and a
    'Model Stealing & Extraction Attacks'): a chapter heading among names stands out (readings 55-56: 6 of 65
    definition-to-term items and term blanks). So does the one plain name among joined ones ('Circuit Analysis'
    beside 'Causal Scrubbing & Mediation Analysis' and 'Representation Engineering & the Refusal Direction',
    reading 61)."""
    mine, theirs = _joins(key_name), [_joins(n) for n in lure_names]
    if any(not any(j in t for t in theirs) for j in mine):
        return True
    return len(theirs) > 1 and bool(frozenset.intersection(*theirs) - mine)


def two_things(name: str) -> bool:
    return bool(re.search(r"\s(?:&|and)\s", without_brackets(name).split(":")[0]))


def number_fit(key: Topic, desc: Description, key_shown: str):
    """English: a name joining two things before any colon is plural ('FlashAttention-2 and FlashAttention-3',
    'Causal Scrubbing & Mediation Analysis'; a heading's list is not). Such an option cannot fill '_____ is …',
    and a plural defining phrase ('Rigorous protocols for …') agrees with such a key alone among single names
    (reading 55). The test a lure must pass here, None for any lure, or False when the key itself cannot fill
    the blank. (Only these two stems: ruling joined names out of every singular stem shifted the options'
    lengths, the 'shortest' solver from -7 to -10 points.)"""
    if key.language != "en":
        return None
    if desc.slot is not None and desc.slot.subject and desc.slot.number == "sg":
        return False if two_things(key_shown) else (lambda t: not two_things(t.name))
    if desc.slot is None and two_things(key_shown) and head_number(desc) == "pl":
        return lambda t: two_things(t.name) or English.name_number(t.name) == "pl"
    return None


HEAD_LEADS = ("es", "fr", "it", "pt")  # 'Ley de Boyle', 'Traitement par aération': the head noun comes first
HEAD_ENDS = ("en", "de", "nl")  # 'Magistrate judge', 'Rechtbank' compounds: the head noun comes last


def _head_word(topic: Topic) -> str | None:
    """The head noun of a name of several words, stemmed, where the language says where it stands."""
    words = name_words(topic)
    lang = topic.language.split("-")[0]
    if len(words) < 2 or lang not in HEAD_LEADS + HEAD_ENDS:
        return None
    return language(lang).stem((words[0] if lang in HEAD_LEADS else words[-1]).casefold())


def lures_carry(cues: frozenset[str], lures) -> bool:
    """Some wrong option carries every name word the stem shows, as the key does: 'average mass of atoms'
    with 'Atomic number' and 'Mass number' as lures still points at 'Atomic mass', the one with both."""
    return len(cues) < 2 or any(not uncarried(cues, name_stems(t)) for t in lures)


# a blank after 'they are', 'are called (the)', 'is known as (a)': the name's number is the verb's
_PREDICATE = re.compile(
    rf"\b(?:(?:they|these|those|we)\s+(are|were)|(is|are|was|were)\s+(?:(?:also|often|usually|then)\s+)?{NAMING})\s+$",
    re.I,
)


# a subject blank's verb past an 'of' complement of one noun: 'The _____ of a number is …' (a statement lent the
# sentence keeps its slot's own number: 'The complex fraction of two fractions is …' reads as nonsense)
_PAST_OF = re.compile(r"\s+of\s+(?:(?:a|an|the|its|their)\s+)?[a-z]+\s+([a-z]+)\b")


def stem_number(ix: DistractorIndex, key: Topic, desc: Description) -> str | None:
    """The grammatical number the stem shows: the verb after a subject blank, or a defining phrase's head for a
    name of that number ('Written statements …' for Pleadings: only plural names beside it; 'A written
    statement …' for Complaint: no plural name beside it)."""
    slot = desc.slot
    if slot is not None:
        if key.language != "en" or slot.subject and slot.number is not None:
            return slot.number if slot.subject else None
        if slot.subject:
            past = _PAST_OF.match(desc.text[slot.end :])  # 'The _____ of a number is its distance …' (reading 187)
            return English.verb_number(past.group(1)) if past else None
        said = _PREDICATE.search(desc.text[: slot.article_start])  # 'we say they are _____' (reading 186)
        return (
            None if said is None else "pl" if (said.group(1) or said.group(2)).casefold() in ("are", "were") else "sg"
        )
    if key.language != "en":
        return None
    number, mine = head_number(desc), ix.number(key)
    if number == "sg" and mine == "pl":
        return "sg"  # 'A generative model that …' for 'Denoising Diffusion Probabilistic Models': the key disagrees
        # (reading 56; the caller leaves such a description out)
    if number == "pl" and mine == "pl" or number == "sg" and mine != "pl":
        return number  # ('A written statement …' with 'Pleadings' among the options: strict readers 49, 52 read the
        # number as a cue, 8 items; lenient ones had passed most — scored on readings 31-48, 59 fair to 29 flawed)
    return None


def pick_of_mixed_kinds(ix: DistractorIndex, key: Topic, desc: Description, n: int, rng, difficulty: str, **how):
    """`ix.pick`, drawn once more with lures of mixed kinds when the first draw leaves the key the one option
    outside a kind two lures share (see kind_stands_out); GenerationError when neither draw will do."""
    accept = how.pop("accept", None)
    few = _idea_kind(ix, key) & _FEW
    if few and key.language.split("-")[0] == "en" and "prefer" not in how:  # a theory beside a theory
        how["prefer"] = lambda t: bool(_idea_kind(ix, t) & few)
    elif field_of_study(ix, key) and "prefer" not in how:  # a field beside a field
        how["prefer"] = lambda t: field_of_study(ix, t)
    banned: frozenset = frozenset()
    for _ in range(2):

        def ok(t: Topic, banned=banned) -> bool:
            return (accept is None or accept(t)) and not marks(ix, t) & banned and not _concept_for_other(ix, key, t)

        pick = ix.pick(key, n, rng, difficulty, accept=ok, **how)
        shared = kind_stands_out(ix, key, pick.topics, desc)
        if not shared and alone_of_kind(ix, key, pick.topics):
            break  # (a lure of its kind was preferred: there is none)
        if not shared:
            if _kin_missing(ix, key, pick.topics):
                break
            return pick
        banned |= shared
    kind = ix.genus_word(key) or ix.genus(key) or ", ".join(sorted(k.strip("<>") for k in _idea_kind(ix, key)))
    raise GenerationError(f"its description names a kind ('{kind}') that no safe sibling is")


def _concept_for_other(ix: DistractorIndex, key: Topic, lure: Topic) -> bool:
    """A concept ('Faithfulness is whether …') offered for a method or a model: no one would pick it for
    '_____ represents each document as …' (readings 21, 23); in English, a failure mode or phenomenon offered for
    what is neither it nor a theory ('Representation Collapse' for '_____ learns representations …': 9 items of
    reading 57; scored on the labels of readings 55-57, 3 flawed items and no fair one fewer; theories too: 4
    flawed and 9 fair, not kept)."""
    mine, theirs = _idea_kind(ix, key), _idea_kind(ix, lure)
    if "<concept>" in theirs and "<concept>" not in mine:
        return True
    return key.language == "en" and "<failure>" in theirs and not mine & {"<failure>", "<idea>"}


def alone_of_kind(ix: DistractorIndex, key: Topic, lures) -> bool:
    """English: is the key of a kind a technical glossary holds few of (_FEW: a failure mode, a phenomenon, a
    theory) while no lure is known to share it? Topics of unknown kind are the glossary's usual things and
    methods, so the key is found by its kind (reading 30: Representation Collapse, Misalignment, Superposition).
    (Also counting keys whose lures are all known to be of other kinds, or two such lures as throwaways, lost
    one to two fair items of a law glossary for each flawed one: kinds said in different words are often close,
    'request' / 'statement'.)"""
    if key.language.split("-")[0] != "en" or not lures:
        return False
    if field_of_study(ix, key) and not any(idea_like(ix, t) for t in lures):
        return True  # ('the study of motion …' the one field among quantities and properties: readings 93-95, 10
        # items flawed and one fair; a field beside theories, models or sources was read fair: Historiography)
    few = _idea_kind(ix, key) & _FEW
    return bool(few) and not any(_idea_kind(ix, t) & few for t in lures)


_FIELDS = frozenset(English.stem(w) for w in "study science field discipline".split())
# 'the branch of economics that …', not 'branch of bronchi …' or 'a branch of Protestantism …'
_BRANCH = re.compile(r"\bbranch\s+of\s+(?:[a-z-]+\s+){0,2}[a-z-]+(?:ics|logy|graphy|nomy|sophy)\b", re.I)
_FIELD_NAME = re.compile(r"[a-z-]+(?:ics|ology|graphy|sophy)", re.I)  # 'physics that was developed …'
_NOT_FIELDS = frozenset("ideology technology terminology methodology typology chronology topology graphics".split())
_IDEA_HEADS = frozenset(English.stem(w) for w in "theory model approach perspective paradigm school".split())


def field_of_study(ix: DistractorIndex, topic: Topic) -> bool:
    """English: does the definition say the topic is a field of study ('the study of motion …', 'the science
    concerned with …', 'a field within metaphysics …', 'physics that was developed …')? Not a study that someone
    makes ('study that combines the results of several related studies', 'observational research study …')."""
    if topic.language != "en":
        return False
    word = ix.genus_word(topic)
    if word is None:  # (the definition opens with its name's head: 'Classical physics: physics that was …')
        word = opening_word(topic) if opens_with_name_kind(topic) else None
        return word is not None and bool(_FIELD_NAME.fullmatch(word)) and word.casefold() not in _NOT_FIELDS
    stem = English.stem(word)
    if stem == "branch":
        return bool(_BRANCH.search(topic.definition))
    if stem == "studi":
        return re.search(r"\bstudy\s+of\b", topic.definition, re.I) is not None
    return stem in _FIELDS


def idea_like(ix: DistractorIndex, topic: Topic) -> bool:
    """A lure a reader weighs beside a field of study: a field, or an idea, theory, model or method."""
    if field_of_study(ix, topic) or _idea_kind(ix, topic) & {"<idea>", "<method>"}:
        return True
    return ix.name_head(topic) in _IDEA_HEADS or ix.genus(topic) in _IDEA_HEADS


def _kin_missing(ix: DistractorIndex, key: Topic, lures) -> bool:
    """In a language with tables of kinds other than English, is the key the one option of its kind (no lure
    shares its genus or class)? Blind reading 16 (FranceTerme): 5 of 24 such items were fair, 13 of 21 with
    a lure of the key's kind."""
    if key.language == "en" or not has_kind_tables(key.language):
        return False
    kinds = ix.kinds(key)
    return bool(kinds) and not any(ix.kinds(t) & kinds for t in lures)


def _definition_to_term(ix, key, rng, k, difficulty, avoid, widen, same_kind=False) -> MCQItem:
    if key.language == "en" and name_stems(key) & _LEAD_STEMS:
        raise GenerationError(f"the question's own words ('{LEAD_PHRASE}') name '{key.name}'")  # (Term, reading 107)
    why = "its definition names it in every sentence"
    for desc in ix.descriptions(key):
        if remark(desc):
            continue
        stem = definition_stem(desc)
        body = desc.blanked()  # what the safety tests read: the description, not the question around it
        number = stem_number(ix, key, desc)
        if number is not None and ix.number(key) not in (number, None):
            why = "the verb after the blank does not agree with its name"
            continue  # 'Consistency Models collapses …'
        fits = number_fit(key, desc, key.name)
        if fits is False:
            why = "its name joins two things, which the verb after the blank does not take"
            continue
        cues = stem_cues(body, key)
        how = dict(stem=body, number=number, avoid=avoid, prefer_stems=cues, widen=widen, names=True)
        how.update(size=lambda t: len(t.name), shown=lambda t: t.name)  # (shown: other languages, see _arrange)
        try:
            pick = pick_by_kind(
                ix, key, desc, k, rng, difficulty, how, _askable, FEWEST_OPTIONS - 1, same_kind=same_kind
            )
        except GenerationError as e:
            why = e.message
            continue
        shown = [as_shown(t, n) for t, n in zip(pick.topics, _shown_names(pick.topics + (key,)))]
        carriers = [as_shown(t, without_brackets(t.name)) for t in shown]
        if uncarried(cues, set().union(*(name_stems(t) for t in carriers))) or not lures_carry(cues, carriers):
            why = "words of its name stay in every usable description"
            continue  # (the names outside their brackets: 'scales roughly linearly' still points at 'Linear Attention'
            # beside 'ALiBi (Attention with Linear Biases)', readings 17 and 55)
        if head_named_alone(ix, key, desc, pick.topics):
            why = "its definition opens with the head noun of its name, which no other option's name leads with"
            continue
        if key.language == "en" and joined_alone(key.name, [t.name for t in shown]):
            why = "its name is the one option that joins two things or heads a list"
            continue
        if fits is not None and not all(fits(t) for t in pick.topics):
            why = "an option joining two things does not agree with the stem's number"
            continue  # (checked on the options drawn: drawn with it, the lures' lengths moved the 'shortest' solver
            # to -8.6 points; term blanks' word banks, which no solver reads, are drawn with it)
        options, answer = place_key(key, pick.topics, rng)
        return _item(key, "definition-to-term", stem, _shown_names(options), options, answer, difficulty, pick)
    raise GenerationError(f"no definition-to-term item for '{key.name}': {why}")


def pick_by_kind(
    ix: DistractorIndex,
    key: Topic,
    desc: Description,
    k: int,
    rng,
    difficulty,
    how,
    accept,
    fewest,
    fits=None,
    same_kind=False,
):
    """Lures of the kind the stem states (of_stated_kind); else lures of mixed kinds, none of them no thing at all
    beside a material key (of_near_kind), each passing `accept` — or, with `same_kind`, no item where a stated kind
    has too few lures (GenerationError)."""
    pick = of_stated_kind(ix, key, desc, k, rng, difficulty, how, fits, strict=same_kind)
    if pick is not None:
        return pick
    near = of_near_kind(ix, key, desc)
    return pick_of_mixed_kinds(
        ix, key, desc, k - 1, rng, difficulty, accept=lambda t: near(t) and accept(t), fewest=fewest, **how
    )


def of_stated_kind(
    ix: DistractorIndex, key: Topic, desc: Description, k: int, rng, difficulty: str, how: dict, fits=None, strict=False
):
    """Where the stem opens by saying what the key is ('A subatomic particle …', 'An offense …', 'The judge who
    …'), lures known to be that kind too, when the group has two or more (three options with two); else None,
    and the usual pick. A strict reader strikes an option the stem's own noun rules out ('Atomic mass' for a
    particle, 'Exclusionary rule' for evidence: reading 49 judged 25 of 34 other-field definition-to-term items
    flawed, most of them for such an option). Every option then is of the stated kind, so a key whose name does
    not say it ('Lanthanide' beside 'Alkali metal') is no odd one out (kind_stands_out is not asked). `strict` (a
    section's `same_kind: true`): where the group has too few of the kind, GenerationError instead of None — on four
    glossaries from fields the rules had never seen (readings 71-77), items with a lure of another kind than the stem
    states were 27 fair to 35 flawed among definition-to-term items and 30 to 26 among term blanks, against 36 to 3
    where every lure was of it; but the topics left out halve such banks' definition-to-term coverage."""
    kind = ix.genus(key) if desc.start == 0 and key.language == "en" else None
    if kind is None and desc.start == 0 and key.language == "en" and opens_with_name_kind(key):
        kind = name_kind(key)  # 'a stakeholder whose …' for Functional stakeholder: the stem says what its name does
    tests = []
    if kind is not None and of_kind(ix, key, kind):
        tests.append(lambda t: of_kind(ix, t, kind))
    if key.language == "en" and PERSON in ix.classes(key):
        tests.append(lambda t: PERSON in ix.classes(t))  # ('A(n) _____ retains the judicial office …': no Venue
        # beside judges and clerks, readings 55 and 58; and people where too few share the genus word: 'a member of
        # the genus Homo …' among ancestors, not beside 'the period of time …', readings 89-90)
    if key.language == "en" and desc.start == 0 and situation(key):
        tests.append(situation)  # 'when workers or firms focus on particular tasks': a situation, among situations
        # (not 'Economics', a field, or 'Circular flow diagram': reading 80, economics, 10 items)
    if not tests:
        return None
    state = rng.getstate()
    for i, alike in enumerate(tests):
        try:
            return ix.pick(
                key,
                k - 1,
                rng,
                difficulty,
                fewest=FEWEST_OPTIONS - 1,
                **how,
                accept=lambda t, alike=alike: (
                    _askable(t) and alike(t) and not _concept_for_other(ix, key, t) and (fits is None or fits(t))
                ),
            )
        except GenerationError:
            if strict and i == len(tests) - 1:
                ix.kind_refused.add(key.name)
                hint = "" if how.get("widen") else "; 'widen: true' in the section would look in the nearest groups"
                person = "person" if PERSON in ix.classes(key) else None
                said = ix.genus_word(key) or person or kind or "a situation: 'when …'"
                raise GenerationError(
                    f"its description says what it is ('{said}'), and fewer than two safe siblings are of that "
                    f"kind{hint}"
                ) from None
            rng.setstate(state)  # (the next test, or the usual pick, draws as it did before)
    return None


def opens_with_name_kind(topic: Topic) -> bool:
    """English: the definition opens with the head noun of the name ('Functional stakeholder: a stakeholder whose
    …'), which the genus leaves out (it names the topic): a stem that states a kind all the same (reading 87:
    'Exigency' offered for 'a stakeholder whose relationships …')."""
    kind, first = name_kind(topic), opening_word(topic)
    return kind is not None and first is not None and English.stem(first) == kind


def situation(topic: Topic) -> bool:
    """English: a definition that says when something is the case ('when human wants exceed the available supply'):
    the term names a situation, whatever its name looks like."""
    return topic.language.split("-")[0] == "en" and topic.definition.lstrip().casefold().startswith("when ")


CONCRETE = frozenset("substance body object artifact food plant animal Tops".split())  # WordNet classes of things


def material(ix: DistractorIndex, topic: Topic) -> bool | None:
    """English: does the topic's defining phrase say it is a material thing (every WordNet class of its head word
    one of things: 'protein', 'tissue', 'cell'; True), no thing at all (none of them: 'movement', 'function',
    'ability'; False), or neither clearly (a head of several readings, 'organ', 'layer', 'system'; or none; None)?"""
    word = ix.genus_word(topic) if topic.language == "en" else None
    classes = set(English.noun_classes(word)) if word else set()
    if classes - {"Tops"} and classes <= CONCRETE:
        return True  # ('entity', class Tops alone, is a thing only in name)
    return False if classes and not classes & CONCRETE else None


def of_near_kind(ix: DistractorIndex, key: Topic, desc: Description):
    """The test a lure must pass where the stem opens by saying the key is a material thing ('protein that has …',
    'liquid connective tissue …'): a lure whose own definition says it is no thing at all ('movement of a substance
    …' for Diffusion, 'nervous system function …' for Integration) is struck at a glance. Anatomy, a field read
    after the rules (readings 71-72): such items were the most frequent flaw. Heads of several readings ('organ',
    'layer', 'system', 'release') are left alone, as abstract kinds are: their classes part where readers do not."""
    agent = key.language == "en" and bool(ix.classes(key) & AGENTS)
    if key.language == "en" and PERSON in ix.classes(key):
        return lambda t: bool(ix.classes(t) & AGENTS)  # people for people: no 'Paleolithic Age' for 'a member of the
        # genus Homo …', no place or law for a serf or the Hessians (readings 85, 89, 90: 17 items struck; not for
        # bodies, whose genus words read many ways: 'a small body of icy and dusty matter …')
    no_agent = (lambda t: True) if agent or key.language != "en" else (lambda t: not agent_named(ix, t))
    # (nor, for a key that is no one, a name of a person or a body of people: 'American Psychological Association'
    # offered for a school of thought or an area of psychology, reading 86)
    if desc.start != 0 or not (material(ix, key) or material(ix, key) is None and named_thing(ix, key)):
        return no_agent
    return lambda t: material(ix, t) is not False and PERSON not in ix.classes(t) and no_agent(t)
    # (nor people for a thing: 'Neanderthals' offered for 'stone tools made …', readings 89-90, 6 items)


_BODY_NAMES = frozenset(English.stem(w) for w in CLASSES["<body>"].split() + ["association", "court"])


def agent_named(ix: DistractorIndex, topic: Topic) -> bool:
    """English: a topic that is people or a body of people, and whose name says so (its last word someone, or a
    body: 'Appellant', 'Grand jury', 'American Psychological Association'; not 'Category', defined as 'people
    who …')."""
    words = name_words(topic)
    if not words or not ix.classes(topic) & AGENTS:
        return False
    if named_person(topic):
        return True  # a person's own name ('Adam Smith' offered for 'a major leap of knowledge …', reading 119)
    last = words[-1].casefold()
    # ('Archaeobotanist', a word WordNet lacks, by its ending: offered for a kind of context, reading 88)
    if English.names_someone(last) or English.stem(last) in _BODY_NAMES or last.endswith("ist"):
        return True
    # a body named by its initials ('G20', 'NATO'): offered for an ability, a cost or sending work abroad, struck in
    # 6 of the 9 labelled items where it was (readings 96-99)
    return "<body>" in ix.classes(topic) and _INITIALS.fullmatch(without_brackets(topic.short_name).strip()) is not None


_INITIALS = re.compile(r"[A-Z][A-Z0-9&-]*[A-Z0-9]")


def named_thing(ix: DistractorIndex, topic: Topic) -> bool:
    """English: a topic whose stem names a kind of several readings ('a stony or metallic object …': an object is also
    a thing of thought) under a name whose last word WordNet knows only as a thing ('Asteroid', 'Telescope'):
    reading 83 struck 'Radioactivity' offered for Asteroid."""
    words = re.findall(r"[^\W\d_]+", without_brackets(topic.short_name))
    if topic.language != "en" or not words or ix.genus_word(topic) is None:
        return False
    classes = set(English.noun_classes(words[-1].casefold()))
    return bool(classes - {"Tops"}) and classes <= CONCRETE


def as_shown(topic: Topic, name: str) -> Topic:
    """The topic under the name an option prints (for the words a reader sees in it)."""
    return topic if name == topic.name else dataclasses.replace(topic, name=name, aliases=())


def carried(topic: Topic) -> frozenset[str]:
    """The name words a term carries where a reader sees them: outside its brackets ('scales roughly linearly' still
    points at Linear Attention beside 'ALiBi (Attention with Linear Biases)', readings 17, 55 and 100; 'Waist-to-hip
    ratio (WHR): the ratio of waist-to-hip circumferences' restates its name, reading 209)."""
    return name_stems(as_shown(topic, without_brackets(topic.name) or topic.name))


_LETTER_SYMBOL = re.compile(r"\s*\(\s*[A-Za-z]\s*\)")


def without_letter_symbols(names: list[str]) -> list[str]:
    """Names as a lettered list prints them: a bracketed one-letter symbol reads as an option's letter ('C) Mass
    number (A)', '4. Mass number (A)' beside definitions A-E), so it is left out where the rest stays distinct."""
    out = list(names)
    for i, name in enumerate(out):
        plain = _LETTER_SYMBOL.sub("", name).strip()
        if plain != name and plain and all(plain.casefold() != n.casefold() for n in out):
            out[i] = plain
    return out


def _shown_names(options) -> tuple[str, ...]:
    """The options' names as printed (see as_printed)."""
    return as_printed([t.name for t in options])


def as_printed(names: list[str]) -> tuple[str, ...]:
    """Names as a list of options or a word bank prints them: the one name with a bracketed aside ('Molarity (M)'
    among Solute, Solvent, Osmosis; 'Non-Contrastive SSL (BYOL, SimSiam, …)' in a word bank, reading 57) without
    it, so the bracket does not single it out, and the others without theirs beside the one name that has none;
    no one-letter symbol beside option letters."""
    names = without_letter_symbols(list(names))
    bracketed = [i for i, n in enumerate(names) if "(" in n]
    if len(bracketed) == 1:
        i = bracketed[0]
        short = without_brackets(names[i])
        if short and short != names[i] and all(short.casefold() != n.casefold() for n in names):
            names[i] = short
    elif len(names) >= 3 and len(bracketed) == len(names) - 1:  # the one name without an acronym ('Autonomy'
        plain = [without_brackets(n) or n for n in names]  # beside 'Protected health information (PHI)' and
        if len({n.casefold() for n in plain}) == len(names):  # 'Adverse drug reaction (ADR)', reading 100)
            names = plain
    return tuple(names)


def _term_to_definition(ix, key, rng, k, difficulty, avoid, widen, same_kind=False) -> MCQItem:
    shapes = _option_shapes(ix, key, key)
    if not shapes:
        raise GenerationError(f"no sentence of '{key.name}' describes it without naming it")
    for shape in shapes[:-1]:  # a later description of another form when the first one's options won't do
        try:
            return _term_to_definition_as(ix, key, rng, k, difficulty, avoid, widen, *shape, same_kind)
        except GenerationError:
            pass
    return _term_to_definition_as(ix, key, rng, k, difficulty, avoid, widen, *shapes[-1], same_kind)


def _term_to_definition_as(ix, key, rng, k, difficulty, avoid, widen, form, number, same_kind=False) -> MCQItem:
    stem = LEAD_DESCRIBES.format(name=key.name)

    key_text = option_text(ix, key, key, form, number)
    echoed = echo_forms(key_text, key)  # words of the name the right description shows: a lure must show them too

    kind = name_kind(key)
    said = ix.genus(key) if key.language == "en" else None

    def accept(c: Topic, loose: bool = False) -> bool:  # (the same for every item on the key: remembered)
        return ix.remember(("t2d accept", key.name, c.name, form, number, loose), lambda: fits(c, loose))

    def fits(c: Topic, loose: bool = False) -> bool:  # (a wrong description naming the asked term rules itself
        text = option_text(ix, c, key, form, number)  # out: '… usually tighter than VC' for VC Dimension, reading 31)
        if kind is not None and not of_kind(ix, c, kind) and not (loose and says_kind(ix, c, said)):
            return False
        if kind is not None and said == kind and not says_kind(ix, c, kind):
            return False  # the right description says it is a theory: so does every wrong one, not only the name a
            # student does not see ('the ascribing of a deviant behavior …' offered for Conflict theory, reading 86)
        if text is None or told_by_a_word(key, c, key_text):
            return False  # 'Law of demand' and the one relationship saying 'demanded' (reading 75; a twin whose own
            # option shows its word, 'numbers' for Numerical Variable, stays: without it the key is the centre of its
            # options, 'odd one out' -10 points among statistics' term-to-definition items)
        return not ix.describes(text, key) and not acronym_shown(text, key, c)

    def prefer(c: Topic) -> bool:
        return ix.remember(
            ("t2d echoes", key.name, c.name, form, number),
            lambda: bool(echoed & echo_forms(option_text(ix, c, key, form, number) or "", key)),
        )

    def size(t: Topic, form) -> int:
        return len(option_text(ix, t, key, form, number) or "")

    surface = _surface(key_text, key.language)

    def alike(c: Topic, form=form) -> bool:  # a lure that opens the way the key does ('It …', 'Vincent (2011) …')
        return accept(c) and _surface(option_text(ix, c, key, form, number), key.language) == surface

    # options that read alike (all 'It …', or all defining phrases) when possible
    attempts = [(form, alike), (form, accept), (None, accept)] if form is not None else [(None, accept)]
    if kind is not None and said not in (None, kind):  # last, descriptions of the kind the right one says it is:
        attempts.append((None, lambda c: accept(c, True)))  # a marrow is connective tissue, and so is cartilage
    why = None
    for form, test in attempts:
        shown = lambda t, form=form: option_text(ix, t, key, form, number) or ""  # noqa: E731
        try:
            pick = ix.pick(
                key,
                k - 1,
                rng,
                difficulty,
                stem=key.name,
                accept=test,
                avoid=avoid,
                prefer=prefer if echoed else None,
                fewest=FEWEST_OPTIONS - 1,
                widen=widen,
                size=lambda t, form=form: size(t, form),
                shown=shown,
            )
        except GenerationError as e:
            why = e
            continue
        tries = [pick.topics]  # (and with one lure fewer: the lures of a kind a name shows are few)
        if key.language == "en" and len(pick.topics) > FEWEST_OPTIONS - 1:
            tries += [pick.topics[:i] + pick.topics[i + 1 :] for i in range(len(pick.topics) - 1, -1, -1)]
        fair = [t for t in tries if _t2d_flaw(ix, key, form, number, key_text, surface, t) is None]
        # lures all of the key's kind where such a set leaves the key off the centre of its options, or in the share
        # of items where a random option would be the centre (always drawn from these fewer sets, the key was the
        # centre in 34 % of statistics' items against 28 % by chance)
        kin = _of_one_kind(ix, key, fair)
        if (
            any(ix.word_place(key, list(t), shown)[0] < 1.0 for t in kin)
            or kin
            and rng.random() < 1 / (len(kin[0]) + 1)
        ):
            fair = kin
        if fair:
            pick = dataclasses.replace(pick, topics=_standing(ix, key, fair, shown, lambda t, f=form: size(t, f), rng))
            break
        why = _t2d_flaw(ix, key, form, number, key_text, surface, pick.topics)
    else:
        raise why
    genus = ix.genus(key) if same_kind and key.language == "en" else None
    if genus is not None and not any(ix.genus(t) == genus for t in pick.topics):
        ix.kind_refused.add(key.name)  # (no item in the first draw; a later one takes it with any safe lures)
        raise GenerationError(
            f"none of the wrong descriptions of '{key.name}' is of its kind ('{ix.genus_word(key)}'), which leaves the "
            "right one the only such thing"
        )
    options, answer = place_key(key, pick.topics, rng)
    texts = same_opening(same_ending(tuple(option_text(ix, t, key, form, number) for t in options)), key.language)
    if len(set(texts)) < len(texts):
        raise GenerationError(f"the description of '{key.name}' reads like a sibling's")
    # a word of the asked term's name in the right option only would point at it: some wrong option must show it too
    shown_elsewhere = set().union(*(echo_forms(t, key) for i, t in enumerate(texts) if i != answer))
    if echo_forms(texts[answer], key) - shown_elsewhere:
        raise GenerationError(f"only the right description of '{key.name}' repeats a word of its name")
    return _item(key, "term-to-definition", stem, texts, options, answer, difficulty, pick)


def _standing(ix: DistractorIndex, key: Topic, sets: list, shown, size, rng: random.Random):
    """Of fair sets of lures (the drawn one first), one that leaves the key where a random option would stand.
    Lures drawn by closeness make a cluster around it: the key the option sharing the most words with the others
    in ~40 % of items (chance 25-33 %), the odd one out almost never ('odd one out' -15 points on the law
    glossary's term-to-definition items), seldom the longest. So: off the centre where a set allows, but a
    random option's share of the time; the odd one out 70 % of the times a set allows (most cannot: at half of them
    chemistry's key was the odd one out 7-8 points less often than chance), and so the longest."""
    off_centre = [t for t in sets if ix.word_place(key, list(t), shown)[0] < 1.0] or sets
    if rng.random() < 1 / (len(sets[0]) + 1):
        off_centre = sets
    odd = [t for t in off_centre if ix.word_place(key, list(t), shown)[1] >= 1.0]
    wanted = odd if odd and rng.random() < 0.7 else off_centre
    longest = [t for t in wanted if size(key) > max(size(c) for c in t)]
    if longest and rng.random() < 0.5:
        wanted = longest
    return wanted[0]


# a right description this many times as long as the longest wrong one, or as short as the shortest, stands out
# (readings 43 and 46 flagged keys
# 1.6-1.9 times as long; 2 and 0.4 before reading 46: a key that may be far shorter but not far longer is seldom
# the longest option, and check's "longest" solver finds it)
LONGEST_KEY = 1.6


def _t2d_flaw(ix, key, form, number, key_text, surface, lures) -> GenerationError | None:
    """Why these wrong descriptions would single out the right one; None when they do not."""
    shapes = [_surface(option_text(ix, t, key, form, number), key.language) for t in lures]
    lengths = [len((option_text(ix, t, key, form, number) or "").rstrip(".")) for t in lures]  # (as printed:
    mine_text = key_text if form is not None else option_text(ix, key, key, None, number)  # see same_ending)
    if lengths and not min(lengths) / LONGEST_KEY < len((mine_text or "").rstrip(".")) < LONGEST_KEY * max(lengths):
        return GenerationError(f"the description of '{key.name}' is far longer or shorter than every other")
    if _opens_alone(surface, shapes) or surface == "phrases" and "phrases" not in shapes:
        # ('Written statements …' the one plural phrase for Pleadings, beside a phrase and a clause: reading 46)
        return GenerationError(f"the description of '{key.name}' is the one option that opens its way")
    if _kind_alone(ix, key, mine_text, Pick(lures, ())) or alone_of_kind(ix, key, lures):
        return GenerationError(f"the description of '{key.name}' is the one option of its kind")
    if key.language == "en" and unit_of_measure(ix, key) and not any(unit_of_measure(ix, t) for t in lures):
        # (reading 96: 'SI unit of work and energy' for Joule beside a force and a work, 'unit of angle measurement'
        # for Radians beside a rate and a radius; 'a unit of soldiers' for Legion was read fair)
        return GenerationError(f"the description of '{key.name}' is the one unit of measure among the options")
    known = ix.classes(key) & KNOWN_BY_NAME if key.language == "en" else frozenset()
    if known and not all(ix.classes(t) & known for t in lures):
        # a faith, a language or a treaty a student knows the term to be, and a wrong description of something
        # else: Sikhism beside a ship, Swahili beside a coast, clay statues for Confucianism (readings 89-94: 8
        # items flawed, 2 fair; among all classes 35 fair items to 16 flawed, so not for quantities or charts)
        said = ix.genus_word(key) or "/".join(sorted(c.strip("<>") for c in known))
        return GenerationError(
            f"the description of '{key.name}' says what it is ('{said}'), and a wrong one is of another kind"
        )
    if key.language == "en" and _people_but_key(ix, key, lures):
        return GenerationError(f"the description of '{key.name}' is the one option that describes no one")
    if key.language == "en" and ix.classes(key) & AGENTS and not any(ix.classes(t) & AGENTS for t in lures):
        # (a body of people too: 'colonial extralegal shadow governments …' for Committees of Correspondence among an
        # event, a boycott and a line: reading 85)
        return GenerationError(f"the description of '{key.name}' is the one option that describes someone")
    if key.language == "en" and PERSON in ix.classes(key) and not all(ix.classes(t) & AGENTS for t in lures):
        # any lure that is no one is struck for a person at a glance: 'the period of time beginning …' offered for a
        # member of the genus Homo (readings 89-90, 17 items; not for bodies, whose genus words read many ways: 'a
        # small body of icy and dusty matter …')
        return GenerationError(f"the description of '{key.name}' describes someone, and a wrong one no one")
    if key.language == "en" and _genus_apart(ix, key, lures):
        return GenerationError(
            f"the description of '{key.name}' is the one option that does not say what the others are"
        )
    if _mirrored_pair(ix, key, lures):
        return GenerationError(f"two wrong descriptions of '{key.name}' mirror each other, which rules both out")
    forms = Counter([_surface(mine_text, key.language), *shapes])
    if key.language == "en" and len(forms) > 1 and min(forms.values()) == 1:
        # any option, not only the key, opening its own way beside others alike: a noun phrase beside two 'They
        # are …' sentences is struck on sight (readings 50, 51 judged 10 of 34 bundled items flawed for it)
        return GenerationError(f"the wrong descriptions of '{key.name}' cannot all open the way the right one does")
    return None


_UNIT_OF_MEASURE = re.compile(r"\b(?:SI units?|units? of (?:[a-z-]+ )?(?:measure|measurement))\b", re.I)


def unit_of_measure(ix: DistractorIndex, topic: Topic) -> bool:
    """English: does the definition say the topic is a unit of measure ('SI unit of work and energy', 'unit of
    angle measurement'; not 'a unit of soldiers' or 'a unit of electromagnetic energy')?"""
    return ix.genus_word(topic) in ("unit", "units") and bool(_UNIT_OF_MEASURE.search(topic.definition))


def says_kind(ix: DistractorIndex, topic: Topic, kind: str) -> bool:
    """Does the topic's description itself say it is of that kind (its genus, or a genus of the same class)?"""
    genus = ix.genus(topic)
    return (
        genus == kind
        or genus is not None
        and CLASS_OF.get(genus) is not None
        and CLASS_OF.get(genus) == CLASS_OF.get(kind)
    )


def _genus_apart(ix: DistractorIndex, key: Topic, lures) -> bool:
    """Every wrong description says the kind the name shows ('a theory that …') and the right one another or none
    ('the ascribing of a deviant behavior …' for Labeling theory, reading 86): a student strikes the key. (Not for
    any kind the lures share: then the key is seldom the odd one out, and check's solver finds that on chemistry.)"""
    kinds = {ix.genus(t) for t in lures}
    return len(lures) >= 2 and kinds == {name_kind(key)} and None not in kinds and ix.genus(key) not in kinds


def _mirrored_pair(ix: DistractorIndex, key: Topic, lures) -> bool:
    """Two lures the glossary sets against each other ('… change that absorbs heat' / '… releases heat', 'did
    commit' / 'did not commit') while the key is neither's twin: nothing in the term picks between them, so a
    student strikes both and keeps the odd one out (reading 69: 3 of its 8 flawed term-to-definition items)."""
    return any(
        ix.twins(a, b) and not ix.twins(key, a) and not ix.twins(key, b)
        for i, a in enumerate(lures)
        for b in lures[i + 1 :]
    )


def _of_one_kind(ix: DistractorIndex, key: Topic, sets: list) -> list:
    """English: of the fair sets of lures, those whose every lure is of the kind the right description says the
    term is ('the field of anthropology that …' among fields, without 'the contemporary period …' for Archaeology:
    reading 83 struck that option as one nobody would pick); empty when none is, or the key's kind is not known."""
    genus = ix.genus(key) if key.language == "en" else None
    if genus is None:
        return []
    return [t for t in sets if len(t) >= FEWEST_OPTIONS - 1 and all(of_kind(ix, c, genus) for c in t)]


def _people_but_key(ix: DistractorIndex, key: Topic, lures) -> bool:
    """A lure describes people or a body of people and the key neither: asked which statement describes 'Venue',
    a student strikes the court officers and the policy-making body (readings 39, 41, 42, 44: 4 items, all flawed;
    the same test for quantities or displays flagged as many fair items as flawed); 'someone who rejects the
    possibility of knowledge' among kinds of knowledge (reading 84); a professional organization among fields and
    schools of thought (reading 86)."""
    if ix.classes(key) & AGENTS:
        return False
    return any(ix.classes(t) & AGENTS for t in lures)


_FULL_STOP = re.compile(r"\.(?=[\"”’']?$)")  # (and inside a closing quote: '… to “avoid pain.”', reading 93)
_ABBREVIATION = re.compile(r"(?:\b\w\.){2,}$|\b(?:etc|al|vs|cf|approx)\.$", re.I)  # 'U.S.', 'et al.': not a stop


def same_ending(texts: tuple) -> tuple:
    """Options end alike: where some end on a full stop and others do not, none does (reading 44: the key the
    one option ending on a full stop)."""
    stops = [bool(t and _FULL_STOP.search(t)) and not _ABBREVIATION.search(t) for t in texts]
    if all(stops) or not any(stops):
        return texts
    return tuple(_FULL_STOP.sub("", t) if stop else t for t, stop in zip(texts, stops))


_OPENING_ARTICLE_OF = re.compile(r"(the|an?)\s+(?=[^\W\d_])", re.I)


def same_opening(texts: tuple, lang: str) -> tuple:
    """English: options open alike — where fewer than half open on an article ('the large organ of …' among
    'single process of the neuron …', 'localized collection of …'), theirs is left out (reading 76: the key the one
    option beginning with 'the'). Phrases only ('The complement of event A consists of …' keeps its subject's
    article); an option in capitals keeps its capital."""
    if lang.split("-")[0] != "en":
        return texts
    marked = [bool(t and _OPENING_ARTICLE_OF.match(t)) and _surface(t, lang) == "phrase" for t in texts]
    if not any(marked) or 2 * sum(marked) >= len(texts):
        return texts
    out = []
    for t, m in zip(texts, marked):
        if m:
            rest = t[_OPENING_ARTICLE_OF.match(t).end() :]
            t = rest[:1].upper() + rest[1:] if t[0].isupper() else rest
        out.append(t)
    return tuple(out)


_DETERMINERS = OBJECT_OPENERS | {"all", "some"}


def opening_pronoun(text: str, lang: str) -> str | None:
    """The subject pronoun an option opens on ('it', 'they'), lower-cased; None for any other opening."""
    first = re.match(r"[^\W\d_]+", text)
    word = first.group(0).casefold() if first else ""
    return word if word in language(lang).subject_pronouns else None


def _surface(text: str | None, lang: str) -> str:
    """How an option opens, as a test-wise student sees it at a glance: 'it'/'they' (a pronoun clause; 'it is'/
    'they are' when it says what the thing is, 'It is a … method', beside what it does, 'It produces …'),
    'cited' ('Vincent (2011) showed …'), 'imperative' ('Share the KV cache …'), in English 'sentence' (a
    statement with a subject of its own: 'An outcome is in the event A OR B if …') and 'phrases' (a defining
    phrase with a plural head: 'atoms that contain …' among '… charged atom or molecule'), or 'phrase'."""
    text = text or ""
    pronoun = opening_pronoun(text, lang)
    if pronoun is not None:
        if lang == "en" and (says := _SAYS_WHAT.match(text)):
            return f"{pronoun} {says.group(1)}"  # what it is ('It is a simplified LSTM variant …'), not what it does
        return pronoun
    first = re.match(r"[^\W\d_]+", text)
    word = first.group(0) if first else ""
    if CITED_OPENING.match(text):
        return "cited"
    if lang == "en" and word[:1].isupper() and word.casefold() not in English.stop_words:
        low = word.casefold()
        readings = English.readings(low)
        after = re.match(r"\s+(\w+)", text[len(word) :])
        determined = after is not None and after.group(1).casefold() in _DETERMINERS
        if "ADJ" not in readings and low in _verb_lemmas(low):
            if "NOUN" not in readings or determined:  # 'Share the KV cache …', not 'Court authorization …'
                return "imperative"
    following = re.match(r"\s+([^\W\d_]+(?:['’]s\b)?)", text[len(word) :])
    if lang == "en" and word and third_person(word, following.group(1) if following else ""):
        return "predicate"  # 'transmits impulses …' (Afferent) among defining phrases: the one option that says
        # what something does, not what a thing is (reading 101)
    if lang == "en" and _statement(text):
        return "sentence"
    return "phrases" if lang == "en" and phrase_number(text) == "pl" else "phrase"


_FINITE = FINITE | frozenset("had cannot shall does do did".split())
_CLAUSE_OPENERS = frozenset("if when once because although since unless whenever".split())
_BEFORE_A_VERB = frozenset("that which who whom whose what where whereby when while to".split())


def _statement(text: str) -> bool:
    """A sentence with a subject of its own: a finite verb ('is', 'must', 'consists') before any relative
    word or infinitive, or a conditional opening ('If two events are …'); 'the likelihood that an event will
    occur …' and 'a committee tasked with …' are phrases (reading 39: the one phrase among sentences, and the
    other way round, pointed at the key)."""
    opening = re.sub(r"\([^()]*\)", " ", text).split(";")[0]  # '… atom or molecule (contains …)' is a phrase, and so
    words = re.findall(r"[A-Za-z]+", opening)  # is 'long chain of monosaccharides; may be branched …'
    if not words or words[0].casefold() in _CLAUSE_OPENERS:
        return bool(words)
    plural = phrase_number(text) == "pl"
    for i, word in enumerate(words[:14]):
        low = word.casefold()
        if low == "to" and plural and i + 1 < len(words) and words[i + 1].casefold() in _DETERMINERS:
            continue  # 'Parties to a lawsuit …': a preposition, not an infinitive
        if low in _BEFORE_A_VERB:
            return False
        if low in _FINITE:
            return not _inner_subject(opening, word)
        readings = English.readings(low)
        if low.endswith("s") and "VERB" in readings and "NOUN" not in readings:
            return not _inner_subject(opening, word)  # 'consists', 'refers'
        if plural and i and low not in English.stop_words and "VERB" in readings and low in _verb_lemmas(low):
            before, after = words[i - 1].casefold(), words[i + 1].casefold() if i + 1 < len(words) else ""
            if before not in English.stop_words and "NOUN" in English.readings(before) and after in _DETERMINERS:
                return True  # 'Parties to a lawsuit resolve their dispute …' (readings 67-68: no plural phrase)
    return False


def _inner_subject(opening: str, verb: str) -> bool:
    """Before the finite verb, a noun followed by an article, with nothing between: the subject of a relative
    clause without its 'that' ('The money a company receives …', 'the price the market sets'), so a phrase, not
    a sentence ('The complement of event A consists …' and 'at the existing price, the quantity …' are sentences)."""
    before = opening[: re.search(rf"\b{re.escape(verb)}\b", opening).start()]
    return any(
        m.group(1).casefold() not in English.stop_words and "NOUN" in English.readings(m.group(1).casefold())
        for m in re.finditer(r"([A-Za-z]+) (?:a|an|the) ", before)
    )


def _verb_lemmas(word: str) -> tuple:
    return getAllLemmas(word, "VERB").get("VERB", ())


def _opens_alone(key: str, lures: list[str]) -> bool:
    """Is the key the one option that opens its way while two lures open alike (the only 'It …' among
    defining phrases, the only uncited line among citations)?"""
    return key not in lures and any(lures.count(s) >= 2 for s in lures)


def _item(key, direction, stem, texts, options, answer, difficulty, pick) -> MCQItem:
    return MCQItem(
        key.name,
        key.category,
        direction=direction,
        stem=stem,
        options=texts,
        option_topics=tuple(t.name for t in options),
        answer=answer,
        difficulty=difficulty,
        notes=tuple(f"distractors widened to group '{c}'" for c in pick.widened),
    )
