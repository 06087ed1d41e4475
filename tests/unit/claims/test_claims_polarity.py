"""Modality and polarity agree: a negated claim is negative; a verb of opposition is not
negation."""

from __future__ import annotations

import pytest
from _claims_support import run


@pytest.mark.parametrize(
    ("text", "modality", "polarity"),
    [
        ("Helen Dorsey rejected the proposal for a new bridge and called on the council to "
         "wait.", "asserted", "positive"),
        ("The board rejects the offer.", "asserted", "positive"),
        ("The board did not accept the offer.", "negated", "negative"),
        ("The board denied the request.", "negated", "negative"),
    ],
)
def test_claims_polarity_main_clause(nlp, text: str, modality: str, polarity: str) -> None:
    main = max(run(nlp, text), key=lambda c: c.span[1] - c.span[0])
    assert (main.modality, main.polarity) == (modality, polarity)


@pytest.mark.parametrize(
    "text",
    [
        "Helen Dorsey rejected the plan and the council did not meet.",
        "The army never entered the town, and the mayor rejected the report.",
        "Paul Okafor refused to sign the order.",
    ],
)
def test_claims_polarity_consistent(nlp, text: str) -> None:
    for claim in run(nlp, text):
        assert (claim.modality == "negated") == (claim.polarity == "negative")
