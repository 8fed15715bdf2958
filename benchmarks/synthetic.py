"""Seeded synthetic banks made with faker, for benchmarks and scale tests."""

from __future__ import annotations

import random

from faker import Faker

from quizgen.model import Bank, Category, Topic


def synthetic_bank(n_topics: int, n_categories: int, seed: int = 0) -> Bank:
    """A bank of n_topics in n_categories; each group shares a small theme vocabulary so siblings are alike."""
    fake = Faker(["en_US"])
    fake.seed_instance(seed)
    rng = random.Random(seed)
    vocab = sorted({w.lower() for w in fake.words(nb=4000, unique=False) if w.isalpha() and len(w) > 3})
    per = [n_topics // n_categories + (1 if i < n_topics % n_categories else 0) for i in range(n_categories)]
    cats, number = [], 0
    for c, size in enumerate(per):
        theme = rng.sample(vocab, 12)
        cname = f"{fake.unique.catch_phrase()} group {c}"
        topics = []
        for _ in range(size):
            number += 1
            name = f"{fake.catch_phrase()} {number}"
            words = rng.sample(theme, 4) + [w.lower().strip(".") for w in fake.sentence(nb_words=14).split()]
            rng.shuffle(words)
            definition = f"{name} is a method that " + " ".join(words) + ". " + fake.sentence(nb_words=12)
            topics.append(Topic(name, definition, cname))
        cats.append(Category(cname, tuple(topics)))
    return Bank(tuple(cats), source=f"synthetic-{n_topics}")
