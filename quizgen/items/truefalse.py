"""True/false: a statement that says of a term what its own definition says, or what a sibling's says."""

from __future__ import annotations

import random
import re
from functools import cache, lru_cache

from ..distractors import ARTICLES, FINITE, PERSON, DistractorIndex, GenerationError
from ..i18n import labelled
from ..model import Topic, TrueFalseItem, without_brackets
from ..text.describe import (
    NAMING,
    Description,
    first_sentences,
    is_compound,
    mentions,
    name_stems,
    parts,
    phrase_number,
    shares_stem,
    shown_name_stems,
    verb_opening,
    visible_words,
)
from ..text.language import English, language
from ..text.mask import BLANK
from ..text.mentions import is_acronym
from ..text.people import named_person, surnames
from .mcq import _idea_kind, _surface, carried, echoes, initials_shown, material, phrase_head


def _subject(term: Topic, desc: Description, part: str | None, label: str | None = None) -> str:
    """The name a statement is about. A compound term ('Toolformer & Learned Tool Use') is several things:
    its own sentence about one part speaks of that part; a borrowed sentence speaks of one part, so the
    statement is false for every part, not true of one and false of the other."""
    own = desc.topic == term.name
    if own and desc.slot is not None and not desc.slot.part.whole:
        return desc.slot.part.label
    if not own and part is not None:
        return part
    return label or term.name


def _without_echoed_aside(subject: str, text: str) -> str:
    """The subject without its bracketed aside where the sentence says the same after it: 'Reasoning Models (o1 /
    R1-style Long-CoT) in the o1 or R1 style are …' (reading 56) reads as the name pasted in twice."""
    aside = " ".join(re.findall(r"\(([^()]*)\)", subject))
    words = {w.casefold() for w in re.findall(r"[^\W_]{2,}", aside)}
    if not words or not words & {w.casefold() for w in re.findall(r"[^\W_]{2,}", text)}:
        return subject
    return without_brackets(subject)


def _own_article(term: Topic, subject: str, text: str, desc: Description) -> str:
    """A lent clause keeps its article before the term only where the term's own definition writes one:
    'The Grokking is the kernel …' (reading 23) reads as a swapped-in name."""
    m = re.match(r"(The|A|An|A\(n\)) (?=\S)", text)
    if desc.topic == term.name or m is None or not text[m.end() :].startswith(subject):
        return text
    if re.search(rf"\b(?:the|a|an)\s+{re.escape(subject)}", term.definition, re.I):
        return text
    return text[m.end() :]


def statement(term: Topic, desc: Description, part: str | None = None, label: str | None = None) -> str | None:
    """'<term> <does what the description says>' for a clause, '<term>: <defining phrase>' otherwise;
    `part`: the part of a compound term a borrowed description is said of."""
    subject = _subject(term, desc, part, label)
    if desc.slot is not None and ": " in subject:
        return None  # 'NCCL Collectives: All-Reduce, … implements …': a title with a list is no subject
    if desc.form == "clause":
        if term.language == "en" and desc.topic != term.name and desc.slot.number is None:
            return None  # 'Reasoning models in the o1 style are …' lent to a singular name: agreement unknown
        number = language(term.language).name_number(subject)
        if desc.slot.number is not None and number is not None and number != desc.slot.number:
            return None  # 'Model stealing attacks is …' would read wrong and give the answer away
        return _capitalised(_own_article(term, subject, desc.filled(_without_echoed_aside(subject, desc.text)), desc))
    if desc.slot is not None:
        if not desc.slot.subject:
            return None  # 'a closed curve … from any point on the Orbit to two points …': Ellipse's phrase with
            # another name pasted inside, arguable (orbits are ellipses) and no statement about a label (reading 79);
            # nor its own ('A broad term that covers … organic organizational structures.': no statement, and only
            # ever true, reading 120)
        return _capitalised(desc.filled(subject))
    if is_compound(term) and desc.topic == term.name:
        return None  # one part's phrase presented as the whole compound
    if ": " in subject:
        return None  # 'Prompt Injection: Taxonomy & Defences: Adversarial instructions …' reads as a broken label
    if term.language == "en" and _POSSESSIVE.match(desc.text):
        return None  # 'Italian Renaissance: Their major contribution was motion studies.' (the Gilbreths', reading 132)
    if term.language == "en" and own_subject(desc.text):
        return None  # 'DSM: Peebles & Xie (2022) replace the U-Net …' is true of its own subject, whatever the label
    if term.language == "en" and _surface(desc.text, "en") == "imperative":
        return None  # 'Latent Diffusion: Run the diffusion process …' is an instruction, neither true nor false
    if term.language == "en" and _verb_disagrees(subject, desc.text):
        return None  # 'Content motivation theories: Occurs when …' gives a lent phrase away (reading 118); the
        # same for a name's own phrase, so the mismatch never tells which way the statement goes
    return labelled(term.language, subject, desc.text)


_CALLS = re.compile(rf"\b{NAMING}\s+(?:(?:the|an?|its|their)\s+)?([^\W\d_]+)", re.I)


def _calls_its_owner(text: str, owner: Topic) -> bool:
    """Does a sentence say what it is called, with a word of its owner's name ('… is called its circumference' of
    Circumference of a circle, whose name it gives only in part, so the description counts as clean)?"""
    return any(shares_stem((m.group(1),), name_stems(owner), owner.language) for m in _CALLS.finditer(text))


def _capitalised(text: str | None) -> str | None:
    """A statement that is a sentence opens with a capital: 'alternative medicine refers to …' (a glossary's
    lower-case part name, reading 195); not a name written in lower case on purpose ('xLSTM', 'word2vec')."""
    first = re.match(r"[a-z]+\b", text or "")
    if first is None or not English.readings(first.group()) or text[first.end() : first.end() + 1] in "-_0123456789":
        return text
    return text[:1].upper() + text[1:]


_POSSESSIVE = re.compile(r"\s*(?:their|his|her|its)\s", re.I)  # a sentence about its owner, whoever is named before it


def _verb_disagrees(subject: str, text: str) -> bool:
    """Does the text open with a verb whose number the subject's name does not have ('Occurs when …', 'Refers to
    …' after a plural name)?"""
    first = re.match(r"\s*([^\W\d_]+)", text)
    if first is None or not (readings := English.readings(first.group(1))) or not readings <= {"VERB", "AUX"}:
        return False
    verb, name = English.verb_number(first.group(1)), English.name_number(subject)
    return verb is not None and name is not None and verb != name


def own_subject(text: str) -> bool:
    """Is the text a sentence with a subject of its own rather than a defining phrase? It opens on a name,
    not an article, and a word that can only be a verb follows within a few words ('Dosovitskiy et al.
    (2020) showed …', 'Peebles & Xie (2022) replace …'), where a defining phrase has its head noun and
    modifiers ('A stack of flattened sacs that …', 'The combination of gene versions an organism carries')."""
    head = phrase_head(text)
    words = re.findall(r"[^\W\d_]+", head)
    if words and words[0].casefold() in ARTICLES:
        return _verb_after_noun(words[1:7])  # 'An algorithm is uniformly β-stable if …' (reading 35)
    if words and words[0].islower() and any(w.casefold() in FINITE for w in words[1:7]):
        return True  # 'conclusions are drawn from observations' (Inductive reasoning): lent to 'Theory', arguable
        # (reading 73); 'not all members … are equally likely to be selected'
    if not words or not words[0][0].isupper() or words[0].casefold() in English.stop_words:
        return False
    cited = re.search(r"\(\d{4}\)|\bet al\.", head)  # 'Evidence presented orally …' is a phrase; '… (2020) showed'
    for w in words[1:4]:
        if w.casefold() == "to" or w.endswith("ed") and not cited or w.islower() and w.endswith("ing"):
            return False  # 'Procedures used to obtain …', 'Index tracking the flow of …': a participle or an
            # infinitive opens a modifier (an -ing form is never a verb alone)
        if (r := English.readings(w)) and r <= {"VERB", "AUX"}:
            return True
        if cited and "VERB" in r and w.islower():
            return True  # 'Song et al. (2023) train a network …' (reading 35)
    return False


def _verb_after_noun(words: list[str]) -> bool:
    """After an article: a finite verb before the next article ('An algorithm is …', 'A neural architecture
    generalises …') makes a sentence; 'The combination of gene versions an organism carries' stays a phrase."""
    for i, w in enumerate(words):
        low = w.casefold()
        if low in ARTICLES:
            return False
        if low in FINITE and i:
            return True
        if i and English.verb_number(low) == "sg" and English.readings(low) <= {"VERB", "AUX"}:
            return True  # (a word that is only a verb: 'generalises', not 'inputs' or 'rules')
    return False


def _usable(ix, term: Topic, owner: Topic, part=None, label=None, echo=False) -> tuple[Description, str] | None:
    """The first description of `owner` that makes a clean statement about `term` (called `label`, when
    given, an acronym of it): no spelling of the term, and (unless `echo`) no word of the name the statement shows."""
    return ix.remember(
        ("statement", term.name, owner.name, part, label, echo),
        lambda: _first_usable(ix, term, owner, part, label, echo),
    )


def _first_usable(ix, term: Topic, owner: Topic, part, label, echo) -> tuple[Description, str] | None:
    for desc in ix.descriptions(owner):
        d = first_sentences(desc)
        if mentions(d.blanked(), term) or label is None and not echo and echoes(d.blanked(), term, ix):
            continue
        if (echo or label is not None) and owner.name == term.name and _restates(d, term):
            continue  # 'Monarchy: a form of government with a monarch at its head': true by its words alone (under its
            # acronym too: 'WHR: the ratio of waist-to-hip circumferences', reading 209)
        if owner.name != term.name and _proper_name_of(owner, term, d.blanked()):
            continue  # 'Sun Tzu: Weber developed the idea …' (Max Weber's phrase) names someone else (reading 119)
        text = statement(term, d, part, label)
        if text is not None:
            return d, text
    return None


def _number_tells(term: Topic, own: Description, lent: Description, part=None, label=None) -> bool:
    """Does a lent defining phrase differ in number from the term's name where the term's own phrase does not
    ('Separatists: the first English colony in Virginia', 'Secondary groups: a group function that …', reading 131)?"""
    if term.language.split("-")[0] != "en" or lent.form != "np":
        return False
    name = English.name_number(_subject(term, lent, part, label))
    verb = verb_opening(lent.text, lent.topic)
    if verb is not None and name is not None:
        return verb != name  # a verb disagreeing with the name before it ('Copyright: stem from …')
    theirs = phrase_number(lent.text)
    if name is None or theirs is None or name == theirs:
        return False
    return (phrase_number(own.text) if own.form == "np" else None) != theirs


def _restates(desc: Description, term: Topic) -> bool:
    """Does the description show every word of the term's name and little more ('Encystment: the process of forming
    a cyst', 'Line-and-staff organization: an organizational structure that includes both line and staff
    positions'): true by its words alone (reading 125)?"""
    stems = name_stems(term)
    words = {s for s in carried(term) if not s.endswith("-") and not s.startswith(("~", "#"))}  # (not its '(WHR)')
    if not words or not words <= shown_name_stems(desc.blanked(), term):
        return False
    stem = language(term.language).stem
    phrase = re.split(r"\s+(?:of|for|in|on|to)\s+", without_brackets(term.name), maxsplit=1)[0]  # 'Solution of an …'
    head = [stem(w.casefold()) for w in re.findall(r"[^\W\d_]+", phrase)[-1:]]
    if (
        len(words) > 1
        and head
        and head[0] in {stem(w.casefold()) for w in re.findall(r"[^\W\d_]+", desc.blanked())[:3]}
    ):
        return True  # every word of a name of several, opening on its head: 'Geographic departmentalization:
        # Departmentalization that is based on the geographic segmentation of …' is true by its words, however many
        # more it has (reading 185)
    text = visible_words(desc.blanked().replace(BLANK, " "))
    return sum(not shares_stem((w,), stems, term.language) for w in text) <= RESTATED


def _proper_name_of(owner: Topic, term: Topic, text: str) -> bool:
    """Does the text open on a later word of its owner's name, as a surname ('Weber developed …', 'Fayol’s
    administrative theory …' of Max Weber, Henri Fayol)? Lent to another term, it names someone else."""
    first = re.match(r"\s*([^\W\d_]+)(?:['’]s)?\b", text)
    mine = {w.casefold() for w in re.findall(r"[^\W\d_]+", term.name)}
    return first is not None and first.group(1) in surnames(owner) and first.group(1).casefold() not in mine


CLOSE_LENDER = 0.3  # relatedness from which a sibling's phrase lent to a term is often arguable (readings 9-14)
# the closest a sibling may be whose phrase, showing a word of the name, is lent for that reason: above it readings
# 126-127 found such statements arguable ('Pituitary gland: a critical gland found in the brain …', Hypothalamus's,
# 0.79; 'Enveloped virus: virus composed of a nucleic acid core …', Naked virus's, 0.97; Political power's, 0.71)
CLOSE_CAP = 0.7
RESTATED = 3  # the most words besides the name's that a statement restating the name may add and still say nothing
_LISTED = re.compile(r"\([^()]*,[^()]*\)|:[^:]*,")  # 'Alignment Techniques (RLHF, DPO, …)', 'GAN Family: WGAN, …'
_FAMILY = re.compile(r"\b(?:techniques|methods|approaches|famil(?:y|ies)|variants|taxonomy)\b", re.I)


def kinds_named(ix: DistractorIndex, topic: Topic) -> frozenset[str]:
    """English: the topics of the group whose name opens the topic's definition as what it is, and theirs in turn
    ('corporation taxed …' for C corporation: Corporation, 'complex business structure …': Business structure).
    Lent to the topic, such a kind's definition is true of it (reading 169: 'C corporation: legal organization of
    a business', keyed False). (Not DistractorIndex.includes, which keeps the direct kinds out of every pick: it
    reads the kind from the parsed genus, and 'corporation taxed the corporate level …', the source's slip, parses
    to 'level'; the plain opening words, followed transitively, find Corporation and then Business structure.)"""
    if topic.language.split("-")[0] != "en":
        return frozenset()

    def find() -> frozenset[str]:
        group = [t for t in ix.bank.category(topic.category).topics if t.name != topic.name]
        found: set[str] = set()
        todo = [topic]
        while todo:
            text = todo.pop().definition.casefold()
            for t in group:
                if t.name not in found and _opens_as_kind(text, t):
                    found.add(t.name)
                    todo.append(t)
        return frozenset(found)

    return ix.remember(("kinds named", topic.name), find)


def _opens_as_kind(definition: str, kind: Topic) -> bool:
    """Does the (case-folded) definition open by calling its thing a `kind`, after at most two describing words
    ('complex business structure created …'; not 'lending of funds …', no kind of funds)?"""
    name = _kind_words(kind)
    words = _opening_words(definition)
    if not name:
        return False
    for skip in range(3):
        said = words[skip : skip + len(name)]
        if len(said) < len(name) or set(words[:skip]) & English.stop_words:
            return False
        if said[:-1] == name[:-1] and said[-1] in (name[-1], name[-1] + "s", name[-1] + "es"):
            return True
    return False


_WORD = re.compile(r"[\w'’-]+")


@lru_cache(maxsize=1 << 16)
def _kind_words(topic: Topic) -> tuple[str, ...]:
    return tuple(_WORD.findall(without_brackets(topic.short_name).casefold()))


@lru_cache(maxsize=1 << 16)
def _opening_words(definition: str) -> tuple[str, ...]:
    """The definition's first words, case-folded, past an opening article."""
    words = _WORD.findall(definition[:200])[:12]
    return tuple(words[1:] if words and words[0] in ("a", "an", "the") else words)


def _umbrella(term: Topic) -> bool:
    """A name for a family of methods: it lists members, or its head says so ('… Techniques', '… Variants').
    'Alignment Techniques: <SPIN's description>' is keyed False yet arguable (reading 28: SPIN is one)."""
    return bool(_LISTED.search(term.name) or term.language.startswith("en") and _FAMILY.search(term.name))


def make_truefalse(
    ix: DistractorIndex,
    key: Topic,
    rng: random.Random,
    difficulty: str = "medium",
    avoid: frozenset[str] = frozenset(),
    widen: bool = False,
    truth: bool | None = None,
) -> TrueFalseItem:
    """`truth`: the answer an exam wants here (it balances True and False within a section); None draws it."""
    # checked either way, so true and false statements cover the same topics. A sentence that shows no word of the
    # name first; then one that does (not restating it); then the term called by its acronym alone, which shows no
    # such word but leaves a reader guessing which term is meant ('CL: …' for Confidence Level, reading 126)
    if _umbrella(key):
        raise GenerationError(
            f"'{key.name}' names a family of methods: a sibling's description lent to it may describe a member"
        )
    tries = [(None, False), (None, True), *((n, False) for n in key.names if is_acronym(n) and not is_compound(key))]
    for label, echo in tries:  # (echo: every sentence shows a word of the name)
        found = _usable(ix, key, key, label=label, echo=echo)
        if found is not None:
            break
    if found is None:
        raise GenerationError(f"no sentence of '{key.name}' makes a clean statement about it")
    own = found[0]
    drawn = rng.random() < 0.5
    truth = drawn if truth is None else truth
    part = rng.choice(parts(key)[1:]).label if is_compound(key) else None

    def accept(c: Topic) -> bool:
        found = _usable(ix, key, c, part, label, echo)
        if found is None or ix.describes(found[0].text, key) or found[0].start != 0:
            return False  # (a later sentence leans on the ones before it: 'replaces the sum …', reading 22)
        if initials_shown(found[1], c.name) or _calls_its_owner(found[0].text, c):
            return False  # '… (loopy BP)': the lent text names where it comes from (reading 21); 'Diameter of a circle:
            # The distance around a circle is called its circumference.' is a true sentence about its owner
        if {material(ix, key), material(ix, c)} == {True, False}:
            return False  # 'Cardiac muscle: ability to lengthen', 'Integration: the large organ …': false by kind
            # alone, a statement nobody would believe (readings 71 and 76, anatomy)
        if (named_person(key) or named_person(c)) and (PERSON in ix.classes(key)) != (PERSON in ix.classes(c)):
            return False  # 'Adam Smith was a major leap of knowledge …': no one is an era (reading 119; not for
            # people a genus tells, 'Chambers: The judge who …', which cost history banks a fifth of their statements)
        if _number_tells(key, own, found[0], part, label):
            return False  # 'Separatists: the first English colony …' is false by its grammar (reading 131)
        if c.name in kinds_named(ix, key):
            return False  # 'C corporation: legal organization of a business' (Business structure's) is true of it
        mine, theirs = _idea_kind(ix, key), _idea_kind(ix, c)
        return not (mine and theirs and not mine & theirs)  # 'Faithfulness: the … ANN algorithm' (reading 21)

    # the false statement is drawn either way: a topic that cannot have one has no true one either, so a
    # pool of topics never leans towards 'True'
    # a statement lent by the closest siblings is often arguable: in blind readings 9-14, 9 of 33 false statements
    # from siblings at relatedness >= 0.3 were, 1 of 23 below 0.1; so only 'hard' draws from the closest band
    band = "hard" if difficulty == "hard" else "easy"

    # a statement showing a word of the name reads as true: where the true one shows one, the false one is drawn
    # from siblings whose phrase shows one too, when there are any ('Cell wall: … outside the cell membrane')
    def repeating(c: Topic) -> bool:
        lent = _usable(ix, key, c, part, label, echo)
        return lent is not None and bool(shown_name_stems(lent[0].blanked(), key))

    @cache
    def preferred() -> frozenset[str]:
        """Siblings whose lent phrase shows a word of the name: those far from the key (CLOSE_LENDER) or, when none
        is, those not too close (CLOSE_CAP); any of them when 'hard' is asked. The word they share ties them to the
        key's subject, so no subject floor is asked (management's solver read 58.4 % with them; reading 133: 35/36)."""
        mine = [c for c in ix.bank.category(key.category).topics if c.name != key.name]
        closeness = ix.relatedness(key, mine).tolist() if mine else []  # (the cheap test first)
        mine = [(c, x) for c, x in zip(mine, closeness) if band == "hard" or x < CLOSE_CAP]
        mine = [(c, x) for c, x in mine if repeating(c) and accept(c) and ix.unsafe(key, c, key.name) is None]
        far = [c for c, x in mine if band == "hard" or x < CLOSE_LENDER]
        return frozenset(c.name for c in far or [c for c, _ in mine])

    prefer = (lambda c: c.name in preferred()) if shown_name_stems(own.blanked(), key) else None
    # from any corner of a grab-bag chapter (subject_mates keeps MCQ lures to one): a statement lent from another
    # corner is false all the same, and plainly about the chapter's field (reading 129: 86/89 fair, none struck for it)
    how = dict(stem=key.name, accept=accept, avoid=avoid, widen=widen, prefer=prefer, mates=False)
    try:
        pick = ix.pick(key, 1, rng, band, **how)
    except GenerationError:
        if ix.can_broaden(key):
            raise  # (the broadened try comes first)
        pick = ix.pick(key, 1, rng, band, floor=False, **how)  # last, a sibling below the subject floors: the
        # statement stays in the key's chapter, and every test of a lender but closeness still holds
    if truth:
        return TrueFalseItem(key.name, key.category, statement=found[1], shown_topic=key.name, answer=True)
    shown = pick.topics[0]
    _, text = _usable(ix, key, shown, part, label, echo)
    notes = tuple(f"false statement widened to group '{c}'" for c in pick.widened)
    return TrueFalseItem(key.name, key.category, statement=text, shown_topic=shown.name, answer=False, notes=notes)
