"""'Label: text' true/false statements take a defining phrase, never a sentence with a subject of its own
('Peebles & Xie (2022) replace …' is true of its own subject whatever label stands before it)."""

from __future__ import annotations

import pytest

from quizgen.items.truefalse import _own_subject


@pytest.mark.parametrize(
    "text",
    [
        "Dosovitskiy et al. (2020) showed that a pure Transformer applied to image patches matches CNNs",
        "Peebles & Xie (2022) replace the U-Net backbone of latent diffusion with a Transformer",
    ],
)
def test_a_sentence_with_its_own_subject(text):
    assert _own_subject(text)


@pytest.mark.parametrize(
    "text",
    [
        "A generative model that learns to reverse a fixed Gaussian corruption process",
        "A stack of flattened sacs that modifies, sorts and packages proteins",
        "The combination of gene versions an organism carries.",
        "Evidence presented orally by witnesses during trials",
        "Procedures used to obtain disclosure of evidence before trial.",
        "Invertible neural networks with tractable Jacobian determinant.",
        "element in group 17",
    ],
)
def test_a_defining_phrase(text):
    assert not _own_subject(text)
