"""Glossaries built to make an importer slow or crash (issue 10, items 7 and 8), about 100 KB each:
(file name, text). Used by tests/test_hostile_import.py and benchmarks/import_hostile.py."""

from __future__ import annotations

LONG = 9_000  # characters a line, under the 10,000 limit: these lines reach the parsers


def _many(line: str) -> str:
    return "\n".join([line] * (100_000 // len(line) + 1)) + "\n"


CASES = {
    "markdown-heading-spaces.md": "# a" + " " * 3000 + "x\n" + _many("# a" + " " * LONG + "x"),
    "word-spaces-b.txt": "word" + " " * 120_000 + "b\n",
    "word-spaces-b-lines.txt": _many("word" + " " * LONG + "b"),
    "colon-after-spaces.txt": _many("a" + " " * LONG + ":"),
    "dash-after-spaces.txt": _many("a" + " " * LONG + "-"),
    "spaces-before-bullet.txt": _many(" " * LONG + "-x"),
    "seed-one-long-word.txt": _many("- " + "Word" * (LONG // 4)),
    "seed-camel-case.txt": _many("- " + "".join(chr(65 + i % 26) + "b" for i in range(LONG // 2))),
    "markdown-unclosed-bold.md": _many("**" + "a " * (LONG // 2)),
    "markdown-definition-colons.md": "T\n: " + ": " * 4000 + "\n",
    "delete-character.txt": "Term: a definition with \x7f inside\nOther: a fine definition\n",
    "noncharacter.txt": "Term: a definition with \ufffe inside\nOther: a fine definition\n",
    "csv-huge-cell.csv": 'term,definition\na,"' + "x" * 140_000 + '"\nb,fine\n',
    "csv-huge-multiline-cell.csv": 'term,definition\na,"' + ("x" * 5000 + "\n") * 30 + '"\nb,fine\n',
}
