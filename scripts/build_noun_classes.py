"""Write quizgen/text/noun-classes.tsv.gz from WordNet 3.0 (Debian's wordnet-base: /usr/share/wordnet): for each
one-word English noun, the lexicographer classes ("supersenses": person, artifact, act, cognition, …) of its
first three senses, most frequent sense first, and "verb" where the word's tagged uses as a verb outnumber its
uses as a noun three to one (SemCor counts, cntlist.rev: 'combine', 'exploit'). Key-phrase cloze offers only lures
of the blanked word's class, and no word mostly used as a verb; it blanks no word whose antonym ('input' /
'output') the sentence shows. Columns: lemma, classes, "verb" or "-", antonyms, and for a noun common in general
English the words of its first two senses' definitions (WordNet's glosses, examples left out), with which a
description restating a name's head noun by its meaning ('dominating a foreign country' for imperialism) is a cue.
Usage: python scripts/build_noun_classes.py [WORDNET_DIR]. WordNet's licence: quizgen/text/LICENSE-WordNet.txt."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

CLASSES = (
    "Tops act animal artifact attribute body cognition communication event feeling food group location motive "
    "object person phenomenon plant possession process quantity relation shape state substance time"
).split()  # lexicographer files 03-28 (noun.Tops … noun.time)
SENSES = 3
GLOSSED = 2  # senses whose definitions (WordNet's glosses, without their examples) are kept, for meaning cues
EVERYDAY = 3.0  # a noun this common in general English (wordfreq's Zipf scale) is one a student knows the meaning of
GLOSS_STOP = frozenset(
    "the and that for with which from its are who has have not one any other into than such this used being".split()
)
OUT = Path(__file__).resolve().parent.parent / "quizgen" / "text" / "noun-classes.tsv.gz"


def _uses(wordnet: Path) -> dict[tuple[str, str], int]:
    """Tagged uses of each lemma as a noun ('1') and as a verb ('2')."""
    uses: dict[tuple[str, str], int] = {}
    for line in (wordnet / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, _, count = line.split()
        lemma, _, rest = key.partition("%")
        uses[lemma, rest[:1]] = uses.get((lemma, rest[:1]), 0) + int(count)
    return uses


def build(wordnet: Path) -> list[str]:
    uses = _uses(wordnet)
    lexfile, words, opposites, glosses = {}, {}, [], {}
    for line in (wordnet / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        offset, count = f[0], int(f[3], 16)
        lexfile[offset] = CLASSES[int(f[1]) - 3]
        glosses[offset] = re.findall(r"[a-z]{3,}", line.partition(" | ")[2].split(";")[0].casefold())
        words[offset] = [f[4 + 2 * i].casefold() for i in range(count)]
        at = 4 + 2 * count
        for i in range(int(f[at])):
            symbol, target, _, ends = f[at + 1 + 4 * i : at + 5 + 4 * i]
            if symbol == "!":  # an antonym: word `ends[:2]` of this synset against word `ends[2:]` of the target
                opposites.append((offset, int(ends[:2], 16), target, int(ends[2:], 16)))
    antonyms: dict[str, set[str]] = {}
    for offset, source, target, other in opposites:
        antonyms.setdefault(words[offset][source - 1], set()).add(words[target][other - 1])
    rows = []
    for line in (wordnet / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, senses, pointers = f[0], int(f[2]), int(f[3])
        if "_" in lemma or not any(c.isalpha() for c in lemma):
            continue  # key phrases are single words (a hyphenated one is looked up by its head)
        classes = []
        for offset in f[6 + pointers : 6 + pointers + senses][:SENSES]:
            if lexfile[offset] not in classes:
                classes.append(lexfile[offset])
        verb = uses.get((lemma, "2"), 0) >= 3 * max(uses.get((lemma, "1"), 0), 1)
        opposite = " ".join(sorted(w for w in antonyms.get(lemma, ()) if "_" not in w))
        said, everyday = [], zipf_frequency(lemma, "en") >= EVERYDAY
        for offset in f[6 + pointers : 6 + pointers + senses][:GLOSSED] if everyday else ():
            said += [w for w in glosses[offset] if w not in said and w not in GLOSS_STOP]
        rows.append(f"{lemma}\t{' '.join(classes)}\t{'verb' if verb else '-'}\t{opposite}\t{' '.join(said)}")
    return sorted(rows)


def main() -> None:
    rows = build(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"))
    OUT.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode(), mtime=0))
    print(f"{len(rows)} nouns -> {OUT} ({OUT.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
