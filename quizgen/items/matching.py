"""Matching: n terms of one sibling group against n + spare descriptions."""

from __future__ import annotations

import random
import re

from ..distractors import NEGATING_PREFIXES, DistractorIndex, GenerationError, same_words
from ..model import MatchingItem, Topic
from ..text.describe import COMPOUND, first_sentences, mentions, name_stems, phrase_number, too_thin
from ..text.language import English
from .mcq import (
    carried,
    echoes,
    opening_pronoun,
    same_ending,
    stem_cues,
    usable_option,
    without_letter_symbols,
)


def response(ix: DistractorIndex, topic: Topic) -> tuple[str, str, str | None] | None:
    return ix.remember(("response", topic.name), lambda: _response(ix, topic))


def _response(ix: DistractorIndex, topic: Topic) -> tuple[str, str, str | None] | None:
    """(text, form, number) of the description a matching set shows for a topic: names nothing, is no later
    sentence's remark and leaves no step of a procedure out (mcq.usable_option), and is not too thin (too_thin:
    five or six terms compete for it; as an MCQ option it would cost a tenth of chemistry's term-to-definition
    items, 'element in group 2'); one that shows no word of its own term's name is preferred
    (a set may still show one — see _echo_covered)."""
    usable = []
    for desc in ix.descriptions(topic):
        d = first_sentences(desc)
        text = d.as_option()
        if usable_option(desc, d, text, topic) and not too_thin(text):
            usable.append((bool(stem_cues(text, topic)), text, d.form, d.slot.number if d.slot is not None else None))
    if not usable:
        return None
    return min(usable, key=lambda u: u[0])[1:]


def _echo_covered(ix: DistractorIndex, members: list[Topic], premises: list[Topic]) -> bool:
    """A description that shows a word of its own term's name is fair only when another term of the set
    carries the same word, so the word does not single its term out."""
    for m in members:
        echoed = stem_cues(response(ix, m)[0], m)
        others = set().union(*(carried(p) for p in premises if p.name != m.name))
        if echoed - others:
            return False
    return True


def _fits(ix: DistractorIndex, chosen: list[Topic], cand: Topic, shape) -> bool:
    """A new member must agree in number with the others, and no description may fit, name or overlap
    another member — so every description has exactly one term."""
    mine = response(ix, cand)
    if mine is None or mine[2] is not None and shape[2] is not None and mine[2] != shape[2]:
        return False  # 'They …' among 'It …' descriptions would point at the one plural term
    lang = cand.language
    if (opening_pronoun(mine[0], lang) is None) != (opening_pronoun(shape[0], lang) is None):
        return False  # one 'It …' among defining phrases, pointing at nothing (Senior judge, readings 43-47)
    return all(_pair_ok(ix, c, cand) for c in chosen)


def _pair_ok(ix: DistractorIndex, a: Topic, b: Topic) -> bool:
    return ix.remember(("pair", *sorted((a.name, b.name))), lambda: _pair_fits(ix, a, b))


def _pair_fits(ix: DistractorIndex, a: Topic, b: Topic) -> bool:
    ra, rb = response(ix, a)[0], response(ix, b)[0]
    return not (
        _negated(a.short_name, b.short_name)
        or _claim(ix, a) != _claim(ix, b)  # a law's description, the one stated as a rule ("Hess's law", 62-63)
        or ix.overlapping(a, b)
        or ix.names_clash(a, b)
        or same_words(a, b)  # one thing under two names: either definition fits both (reading 93)
        or _named_within(a, b)  # 'Mission' / 'Mission statement': the statement's definition fits the mission
        or ix.part_of_speech(a) != ix.part_of_speech(b)  # (a definition naming another term elsewhere is
        or mentions(ra, b)  # fine: only what is shown counts)
        or mentions(rb, a)
        or echoes(ra, b, ix)
        or echoes(rb, a, ix)
        or ix.describes(ra, b)
        or ix.describes(rb, a)
    )


def _named_within(a: Topic, b: Topic) -> bool:
    """English: is one name the other's opening words ('Mission' / 'Mission statement', 'Equilibrium' /
    'Equilibrium price', brackets aside)? Beside each other in a set, the longer one's description may fit the
    shorter name (readings 96-98: the mission statement's description matched to Mission, 3 sets of 3; as wrong
    options of a multiple-choice item such pairs were read fair, 7 of 8). Not a name closing another: 'Heat
    capacity' / 'Specific heat capacity' is a kind and its special case, a contrast a set asks well."""
    if a.language != "en" or b.language != "en":
        return False
    x, y = (_plain_words(t.name) for t in (a, b))
    short, long_ = sorted((x, y), key=len)
    return 0 < len(short) < len(long_) and long_[: len(short)] == short


def _plain_words(name: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"[^\W_]+", re.sub(r"\([^()]*\)", " ", name))]


def _claim(ix: DistractorIndex, t: Topic) -> bool:
    """A law or the like (DistractorIndex.claim), also by the head before 'of' ('First law of thermodynamics')."""
    return ix.claim(t) or t.language.split("-")[0] == "en" and ix.name_head(t) in English.claim_heads


def _negated(x: str, y: str) -> bool:
    """Names one of which negates the other ('Nonelectrolyte' and 'Electrolyte', 'Independent events' and
    'Dependent events'): in one set, the description that says 'does not …' goes to the prefixed name on sight
    (reading 62). Such pairs are lures in multiple choice, where only one of them is shown as the answer."""
    a, b = sorted((re.sub(r"[\s-]", "", x.casefold()), re.sub(r"[\s-]", "", y.casefold())), key=len)
    return len(a) >= 4 and b.endswith(a) and b[: -len(a)] in NEGATING_PREFIXES


ATTEMPTS = 6


def straight(answer) -> bool:
    """Do a set's answers run straight down, 1-A 2-B 3-C? A reader takes that for a key left unshuffled
    (reading 38), and a student for a pattern."""
    return tuple(answer) == tuple(range(len(answer)))


def shuffle_unstraight(rng: random.Random, responses: list, answer) -> tuple:
    """Shuffle `responses` in place until `answer()` (the set's answers for the order they are in) no longer
    runs straight down, at most eight draws (a 3-term set runs straight one time in six); that answer."""
    for _ in range(8):
        rng.shuffle(responses)
        got = tuple(answer())
        if not straight(got):
            break
    return got


def _greedy(ix, key, pools, size, shape) -> tuple[list[Topic], list[str]]:
    """Members one at a time; a member whose description repeats a word of its own name goes in only when
    another member's name carries that word, so the set is searched for such partners first."""
    chosen, widened = [key], []
    for i, pool in enumerate(pools):
        before = len(chosen)
        pool = list(pool)
        while len(chosen) < size:
            wanted = set().union(*(stem_cues(response(ix, m)[0], m) for m in chosen)) - set().union(
                *(carried(m) for m in chosen)
            )
            pool.sort(key=lambda t: not (carried(t) & wanted))
            cand = next(
                (
                    c
                    for c in pool
                    if c not in chosen and _fits(ix, chosen, c, shape) and _echo_covered(ix, [c], [*chosen, c])
                ),
                None,
            )
            if cand is None:
                break
            chosen.append(cand)
            pool.remove(cand)
        if i and len(chosen) > before:
            widened.append(pool[0].category if pool else "")
        if len(chosen) == size:
            break
    return chosen, widened


SEARCH_BUDGET = 400  # sets tried per matching item: groups are small, and a found set ends the search


def _arrange(ix, members: list[Topic], spare: int, allowed: set[str] | None) -> list[Topic] | None:
    """The members in print order — the asked terms first (only terms the exam may still ask, when
    `allowed`), the spare last — with every echoed word of a printed term shared by another printed term and
    no circular spare (_circular); None when no member can be the spare that way."""
    n = len(members) - spare
    if n < 1 or allowed is not None and sum(t.name in allowed for t in members) < n:
        return None
    if allowed is not None:
        members = sorted(members, key=lambda t: t.name not in allowed)  # stable: terms that may be asked first
    spares = [i for i in range(len(members) - 1, 0, -1) if allowed is None or members[i].name not in allowed]
    spares += [i for i in range(len(members) - 1, 0, -1) if i not in spares]
    for i in spares:
        order = members[:i] + members[i + 1 :] + [members[i]]
        if (allowed is None or all(t.name in allowed for t in order[:n])) and _echo_covered(ix, order[:n], order[:n]):
            if not any(_circular(ix, t, order[:n]) for t in order[n:]) and not _lone_plural(ix, order[:n], order):
                return order
    return None


def _lone_plural(ix: DistractorIndex, printed: list[Topic], members: list[Topic]) -> bool:
    """English: the one plural term and the one plural description ('Isotopes' and 'atoms that contain …' among
    singular ones, 'Quartiles' and 'the numbers that …': reading 62, three sets) pair up on sight; a plural
    description where every term is singular is struck on sight (the spare 'atoms that contain …', reading 64)."""
    if printed[0].language.split("-")[0] != "en":
        return False
    terms = sum(English.name_number(t.short_name) == "pl" for t in printed)
    texts = sum(description_number(ix, t) == "pl" for t in members)
    return terms == 1 and texts == 1 or terms == 0 and texts > 0


def description_number(ix: DistractorIndex, topic: Topic) -> str | None:
    """The grammatical number of the description a set shows for the topic: its subject's ('They are …'), else
    its defining phrase's head ('atoms that contain …')."""
    text, _, number = response(ix, topic)
    return number or phrase_number(text)


def _circular(ix: DistractorIndex, spare: Topic, printed: list[Topic]) -> bool:
    """Does a spare description show every word of its own term's name, none of them carried by a printed term
    ('If two events are NOT independent, then we say that they are dependent.')? It defines a term the set does
    not list by that term's own words: no one would match it (reading 37: twice the one spare of a set)."""
    # (a compound's words count, not how it is spelled)
    own = {s for s in name_stems(spare) if not s.startswith(COMPOUND)}
    echoed = stem_cues(response(ix, spare)[0], spare)
    return bool(own) and echoed >= own and not echoed & set().union(*(name_stems(p) for p in printed))


def _search(ix, key, pool, size, shape, spare: int = 1, allowed: set[str] | None = None) -> list[Topic]:
    """The largest set (up to `size`) of `key` and pool members that all fit each other and can be arranged
    (see _arrange), searched depth-first in pool order — a greedy pick can block a set that exists."""
    best: list[Topic] = [key]
    budget = [SEARCH_BUDGET]

    def grow(chosen: list[Topic], cands: list[Topic]) -> bool:
        nonlocal best
        budget[0] -= 1
        if len(chosen) > len(best) and _arrange(ix, chosen, spare, allowed) is not None:
            best = list(chosen)
        if len(best) == size or budget[0] <= 0:
            return True
        if len(chosen) == size:
            return False  # a full set that cannot be arranged: never grow past the size asked for
        for i, c in enumerate(cands):
            if len(chosen) + len(cands) - i <= len(best):
                break  # too few left to beat the best set
            rest = [d for d in cands[i + 1 :] if _fits(ix, [c], d, shape)]
            if grow([*chosen, c], rest):
                return True
        return False

    grow([key], [c for c in pool if c.name != key.name and _fits(ix, [key], c, shape)])
    return best


def make_matching(
    ix: DistractorIndex,
    key: Topic,
    rng: random.Random,
    n: int = 5,
    spare: int = 1,
    allowed: set[str] | None = None,
    avoid: frozenset[str] = frozenset(),
    widen: bool = False,
) -> MatchingItem:
    """`allowed`: names the terms may come from (an exam's unused pool); the spare description may be any
    sibling. `avoid`: topics shown or asked elsewhere in the exam, used only when nothing else fits."""
    shape = response(ix, key)
    if shape is None:
        raise GenerationError(f"no sentence of '{key.name}' describes it without naming it")
    # one subject: a set from a grab bag of a group (drift monitoring, do-calculus, logit adjustment …) is matched
    # by surface words alone (readings 58, 60, 61: flawed in all three)
    group = ix.subject_mates(key, [t for t in ix.bank.category(key.category).topics if t.name != key.name], True)
    pools_after = [list(ix.bank.category(o).topics) for o in ix.nearest_categories(key)] if widen else []
    chosen, widened = [key], []
    rng.shuffle(group)
    group.sort(key=lambda t: t.name in avoid)
    if allowed is not None:  # terms the exam may ask first, so the spare is the one from outside
        group.sort(key=lambda t: t.name not in allowed)
    chosen, _ = _greedy(ix, key, [group], n + spare, shape)  # usually enough, and cheap
    valid = _arrange(ix, chosen, spare, allowed) is not None
    if len(chosen) < n + spare or not valid:  # a greedy pick can block a set that exists
        found = _search(ix, key, group, n + spare, shape, spare, allowed)
        if len(found) > 1 and (len(found) > len(chosen) or not valid):
            chosen = found
    for _ in range(ATTEMPTS if len(chosen) < n + spare and pools_after else 0):
        found, grew = _greedy(ix, key, [group, *pools_after], n + spare, shape)
        if len(found) > len(chosen):
            chosen, widened = found, grew
        if len(chosen) == n + spare:
            break
        rng.shuffle(group)
    notes = []
    if len(chosen) < n + spare and len(chosen) >= min(n, 3) + spare:
        notes.append(f"{len(chosen) - spare} terms: the group has no {n} whose descriptions fit only their own term")
        n = len(chosen) - spare  # one term fewer rather than a set where a description fits two terms
    if len(chosen) < n + spare:
        raise GenerationError(
            f"group '{key.category}' cannot supply {n} terms and {spare} spare description(s) that look alike "
            f"and do not fit, name or overlap each other (found {len(chosen)})"
        )
    if allowed is not None and sum(t.name in allowed for t in chosen) < n:
        raise GenerationError(f"group '{key.category}' has fewer than {n} terms left to ask that fit together")
    order = _arrange(ix, chosen, spare, allowed)
    if order is None:
        raise GenerationError(f"a description in the set for '{key.name}' repeats a word only its own term carries")
    chosen = order
    premises = chosen[:n]
    rng.shuffle(premises)
    responses = list(chosen)
    answer = shuffle_unstraight(rng, responses, lambda: (responses.index(p) for p in premises))
    return MatchingItem(
        key.name,
        key.category,
        premises=tuple(without_letter_symbols([p.name for p in premises])),
        premise_topics=tuple(p.name for p in premises),
        responses=same_ending(tuple(response(ix, r)[0] for r in responses)),  # (no one response ending on a stop)
        response_topics=tuple(r.name for r in responses),
        answer=answer,
        notes=(*notes, *(f"matching widened to group '{c}'" for c in widened)),
    )
