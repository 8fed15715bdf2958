"""Arrange imported topics into categories: one named group, or sibling groups found by clustering."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

from ..text.math import plain_text
from .importers import ImportedTopic
from .write import DraftCategory, DraftTopic

DOUBTFUL = 0.9  # splits of glued lines below this confidence are marked for the user to check


def _draft(t: ImportedTopic) -> DraftTopic:
    comment = ""
    if t.confidence is not None and t.confidence < DOUBTFUL:
        comment = f"check: title/definition split guessed with confidence {t.confidence:.2f} (input line {t.line})"
    return DraftTopic(t.name, t.definition, comment=comment)


def draft_categories(topics: tuple[ImportedTopic, ...], name: str, group: bool, seed: int = 0) -> list[DraftCategory]:
    """The groups the file named, in the order they first appear; topics outside any group go to `name`
    (or, with `group`, into clusters)."""
    named: dict[str, list[ImportedTopic]] = {}
    rest = []
    for t in topics:
        if t.category:
            named.setdefault(" ".join(t.category.split()), []).append(t)
        else:
            rest.append(t)
    cats = [DraftCategory(title, tuple(_draft(t) for t in members)) for title, members in named.items()]
    if rest and group and len(rest) >= 6:
        cats += _clusters(tuple(rest), seed)
    elif rest:
        title = name
        while title.casefold() in {c.name.casefold() for c in cats}:
            title += " (more)"
        cats.append(DraftCategory(title, tuple(_draft(t) for t in rest)))
    return cats


def _clusters(topics: tuple[ImportedTopic, ...], seed: int) -> list[DraftCategory]:
    texts = [plain_text(f"{t.name}. {t.name}. {t.definition}") for t in topics]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
    matrix = vectorizer.fit_transform(texts)
    k = int(min(25, max(2, round(len(topics) / 12)), len(topics) // 3))
    km = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(matrix)
    labels = km.labels_.copy()
    # a group of one or two cannot supply distractors: move its members to their next-closest group
    distances = km.transform(matrix)
    for _ in range(k):
        sizes = np.bincount(labels, minlength=k)
        small = [c for c in range(k) if 0 < sizes[c] < 3]
        if not small:
            break
        c = small[0]
        for i in np.where(labels == c)[0]:
            order = np.argsort(distances[i])
            labels[i] = (
                next(o for o in order if o != c and sizes[o] >= 3)
                if any(sizes[o] >= 3 for o in order if o != c)
                else labels[i]
            )
    terms = np.array(vectorizer.get_feature_names_out())
    cats = []
    used_names: set[str] = set()
    for c in sorted(set(labels), key=lambda c: min(np.where(labels == c)[0])):
        members = [topics[i] for i in np.where(labels == c)[0]]
        top = terms[np.argsort(-km.cluster_centers_[c])[:3]]
        name = "Group: " + ", ".join(top)
        while name in used_names:
            name += " (2)"
        used_names.add(name)
        cats.append(
            DraftCategory(
                name,
                tuple(_draft(t) for t in members),
                comment="grouped automatically by similarity; rename the category and move topics "
                "that belong elsewhere",
            )
        )
    return cats
