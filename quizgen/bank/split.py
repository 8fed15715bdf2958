"""Split 'TitleDefinition' lines that lost their separator, by general evidence, with a confidence.

The evidence is what glossaries do: a definition usually restates its title or the title's acronym
('PagedAttentionPagedAttention stores…', '…(HMC) & NUTSHMC augments…'), starts a sentence ('…)Two
proposed…'), and the two sides of the glue point are words the rest of the text also uses.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

SENTENCE_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "for",
        "to",
        "by",
        "with",
        "two",
        "three",
        "one",
        "each",
        "any",
        "given",
        "when",
        "if",
        "as",
        "unlike",
        "instead",
        "rather",
        "most",
        "many",
        "some",
        "both",
    ]
)
TRAILING_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with", "by", "vs", "from", "as", "at"]
)


@dataclass(frozen=True)
class Split:
    title: str
    definition: str
    confidence: float  # 0..1, the share of evidence for this split against the next best


def vocabulary(texts: list[str]) -> Counter:
    """Lower-cased whole-word counts over a whole input, used to tell real words from word fragments."""
    counts: Counter = Counter()
    for t in texts:
        counts.update(_bare_word(w) for w in t.split())
    return counts


def split_glued(text: str, vocab: Counter | None = None) -> Split | None:
    """Best title/definition split of a glued line; None when the line has no plausible split."""
    vocab = vocab if vocab is not None else vocabulary([text])
    scored = sorted(((_score(text, i, vocab), i) for i in _candidates(text)), reverse=True)
    if not scored:
        return None
    best_score, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else best_score - 10
    confidence = 1 / (1 + math.exp(-(best_score - runner_up)))
    return Split(text[:best].strip(), text[best:].strip(), round(confidence, 3))


MAX_TITLE = 200  # a bank name's length limit: no glue point lies further in (keeps a long line linear)


def _candidates(text: str):
    """Glue points: inside a whitespace-free token among the first words, never at a space."""
    words = 0
    for i in range(1, min(len(text), MAX_TITLE + 1)):
        if text[i - 1] == " ":
            words += 1
            if words > 16:
                return
        if text[i] != " " and text[i - 1] != " ":
            yield i


def _title_variants(title: str) -> list[str]:
    t = title.lower()
    bare = re.sub(r"\s*\([^()]*\)", "", t).strip()
    variants = {t, bare}
    variants.update(inner.strip() for inner in re.findall(r"\(([^()]*)\)", t))
    variants.update(part.strip() for part in re.split(r"\s+(?:&|and|vs\.?|/)\s+|:\s*", bare))
    return [_norm(v) for v in variants if len(v) >= 2]


def _norm(s: str) -> str:
    return re.sub(r"[\s-]+", " ", s.lower()).strip()


def _bare_word(token: str) -> str:
    return token.strip(".,;:!?()[]{}'\"‘’“”").lower()


def _restatement(title: str, definition: str) -> float:
    """How strongly the definition opens by restating the title, a part of it or its acronym."""
    opening = _norm(re.sub(r"^(?:a|an|the)\s+", "", definition, flags=re.IGNORECASE))
    best = 0.0
    for v in _title_variants(title):
        if opening.startswith(v) and (len(opening) == len(v) or not opening[len(v)].isalnum()):
            best = max(best, 3 + min(len(v), 30) / 5)
    first = _bare_word(title.split(" ")[0])
    if not best and len(first) >= 3 and _bare_word(opening.split(" ")[0]) == first:
        best = 2.5
    return best


def _score(text: str, i: int, vocab: Counter) -> float:
    title, definition = text[:i], text[i:]
    left, right = text[i - 1], text[i]
    score = 0.0
    if title.count("(") != title.count(")"):
        score -= 8  # a title never ends inside its own parenthesis
    last_title_word = title.rstrip().split()[-1]
    if last_title_word.lower() in TRAILING_FUNCTION_WORDS or left in "-/&:'’":
        score -= 6
    if "\\(" in title:
        score -= 3  # titles rarely hold math; definitions often do
    if len(title.strip()) < 3:
        score -= 4
    if not (right.isalnum() or right in "\\("):
        score -= 4
    restated = _restatement(title, definition)
    score += restated
    # case evidence at the glue point (a restated camel-case title may glue lower to lower: 'minLSTMminLSTM')
    if left in ")+]" and (right.isupper() or right.isdigit()):
        score += 4
    elif (left.islower() or left.isdigit()) and right.isupper():
        score += 2
    elif left.islower() and right.islower() and not restated:
        score -= 3
    elif left.isupper() and right.islower() and not restated:
        score -= 1
    first_word = definition.split(" ", 1)[0]
    if (
        first_word.lower() in SENTENCE_STARTERS
        and first_word[:1].isupper()
        and first_word[1:].islower() | (len(first_word) == 1)
    ):
        score += 3
    # each side of the glue should be a word, not a fragment: seen elsewhere in this line or the input
    line_words = Counter(_bare_word(w) for w in (title + " " + definition).split())
    for frag in (_bare_word(last_title_word), _bare_word(first_word)):
        if len(frag) >= 2:
            if line_words[frag] >= 2:
                score += 1.5
            score += min(math.log1p(vocab.get(frag, 0)), 2.5) - 0.8
    # never cut through a word the text uses whole elsewhere ('StyleGAN' in '…WGAN, StyleGAN, BigGANThree…')
    start, end = title.rfind(" ") + 1, text.find(" ", i)
    glued = _bare_word(text[start : end if end != -1 else len(text)])
    if sum(1 for w in text.split() if _bare_word(w) == glued) >= 2:
        score -= 4
    if " is " in definition[:200] or " are " in definition[:200]:
        score += 0.5
    score -= max(0, len(title.split()) - 10) * 0.5
    return score
