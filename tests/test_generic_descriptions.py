"""A text that opens several definitions word for word cannot single one topic out: it is not used to
describe any of them."""

from __future__ import annotations

from quizgen.distractors import DistractorIndex
from quizgen.model import Bank, Category, Topic


def bank(*defs: tuple[str, str]) -> Bank:
    return Bank((Category("c", tuple(Topic(name=n, definition=d, category="c") for n, d in defs)),))


def test_a_shared_opening_describes_no_one():
    ix = DistractorIndex(
        bank(
            ("Data", "a set of observations gathered in a study"),
            ("Qualitative Data", "a set of observations gathered in a study; its values are labels"),
            ("Sample", "a subset of the population studied"),
            ("Alkali metal", "element in group 1 of the table"),
            ("Halogen", "element in group 17 of the table"),
        )
    )
    texts = {t.name: [d.text for d in ix.descriptions(t)] for t in ix.bank.topics}
    assert "a set of observations gathered in a study" not in texts["Data"]
    # what follows the shared opening tells this one apart
    assert texts["Qualitative Data"] == ["a set of observations gathered in a study; its values are labels"]
    assert texts["Sample"] == ["a subset of the population studied"]
    assert texts["Alkali metal"] == ["element in group 1 of the table"]  # 'group 1' does not open 'group 17'
