"""A key-phrase word bank offers no word the bank itself uses in the blank's frame: 'A court _____ in an
earlier case' with 'decision' blanked must not offer 'opinion' (a court opinion), nor 'review the _____'
offer 'proceedings' beside 'decision'."""

from __future__ import annotations

import random
import re
from pathlib import Path

from quizgen import load_bank
from quizgen.distractors import GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.text.mask import BLANK

LAW = Path(__file__).parent / "data" / "banks" / "law"


def test_word_bank_lures_never_fit_the_blank_frame_as_the_bank_uses_them():
    bank = load_bank(LAW)
    gen = ItemGenerator(bank)
    picker = gen.keyphrases
    checked = 0
    for topic in bank.topics:
        for seed in range(3):
            try:
                item = gen.item("cloze", topic, random.Random(seed), ItemOptions(mode="keyphrase"))
            except GenerationError:
                continue
            answers = {a for alts in item.answer for a in alts}
            for m in re.finditer(re.escape(BLANK), item.text):
                for word in set(item.word_bank) - answers:
                    assert not picker.fits_frame(word, item.text, m.start(), m.end()), (item.text, word)
                    assert not any(picker.related(word, a) for a in answers), (item.text, word)
                checked += 1
    assert checked > 10  # key phrases are rarer since reading 9 (never a head after its modifiers) and
    # session 7 (a word bank offers only words of the blank's WordNet class: law keeps 15 of 3 x 31 tries)


def test_frames_and_near_synonyms():
    picker = ItemGenerator(load_bank(LAW)).keyphrases
    text = f"the majority {BLANK} of the judges"
    at = text.index(BLANK)
    fits = {w: picker.fits_frame(w, text, at, at + len(BLANK)) for w in ("opinion", "misdemeanor")}
    assert fits == {"opinion": True, "misdemeanor": False}
    # the term 'Opinion' is defined through 'decision': neither is a lure for the other's blank
    assert picker.related("opinion", "decision") and picker.related("decision", "opinion")
    assert not picker.related("misdemeanor", "decision")
