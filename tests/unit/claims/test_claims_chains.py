"""Attribution chains, outermost source first (real model, invented sentences)."""

from __future__ import annotations

import pytest
from _claims_support import innermost, run


@pytest.mark.parametrize(
    ("text", "words", "chain"),
    [
        ("The Harbour Gazette, citing its own source in the port police, wrote that the "
         "ferry had been seized.", "the ferry had been seized",
         [("Harbour Gazette", "named"), ("source in the port police", "anonymous")]),
        ("The Daily Ledger, citing its own sources, reported that the mill will close.",
         "the mill will close", [("Daily Ledger", "named"), ("sources", "anonymous")]),
        ("According to Paul Okafor, the talks have stalled.", "the talks have stalled",
         [("Paul Okafor", "named")]),
        ("Helen Dorsey said that the Harbour Authority reported that the pier was unsafe.",
         "the pier was unsafe", [("Helen Dorsey", "named"), ("Harbour Authority", "named")]),
        ("It was reported that the pier was unsafe.", "the pier was unsafe",
         [("unnamed source", "anonymous")]),
        ("On Monday it became known that the pier was unsafe.", "the pier was unsafe",
         [("unnamed source", "anonymous")]),
        ("Officials said that the pier was unsafe.", "the pier was unsafe",
         [("Officials", "anonymous")]),
    ],
)
def test_claims_chains_shape(nlp, text: str, words: str, chain: list[tuple[str, str]]) -> None:
    claim = innermost(run(nlp, text), text, words)
    got = [(s.name, s.kind) for s in claim.attribution.sources]
    assert len(got) == len(chain), got
    for (name, kind), (want_name, want_kind) in zip(got, chain, strict=True):
        assert want_name in name
        assert kind == want_kind


@pytest.mark.parametrize(
    ("text", "outlet", "expected"),
    [
        ("The pier was closed on Monday.", "Harbour Gazette", "Harbour Gazette"),
        ("The pier was closed on Monday.", None, "the article"),
        ('The film "Harbour Lights" was shown at the festival.', None, "the article"),
        ("The ministry building was repainted last year.", None, "the article"),
        ("Helen Dorsey said that the pier was unsafe.", None, "the article"),
    ],
)
def test_claims_chains_no_source(nlp, text: str, outlet: str | None, expected: str) -> None:
    claims = run(nlp, text, outlet)
    main = max(claims, key=lambda c: c.span[1] - c.span[0])
    assert [(s.name, s.kind) for s in main.attribution.sources] == [(expected, "outlet")]


def test_claims_chains_direct_quote_speaker(nlp) -> None:
    text = '"The pier will close next week," Helen Dorsey said.'
    claim = innermost(run(nlp, text), text, "The pier will close")
    assert [s.name for s in claim.attribution.sources] == ["Helen Dorsey"]


def test_claims_chains_pronoun_resolved(nlp) -> None:
    text = "Helen Dorsey visited the pier. According to her, the railings are broken."
    claim = innermost(run(nlp, text), text, "the railings are broken")
    (source,) = claim.attribution.sources
    assert source.name == "Helen Dorsey"
    assert source.kind == "named"
