"""Modality and polarity from the cue lexicon and the attribution."""

from __future__ import annotations

import pytest
from _claims_support import innermost, run

from dateline.records import MODALITIES
from dateline.stages.claims import modality_lexicon


@pytest.mark.parametrize(
    ("text", "words", "modality", "polarity", "cue"),
    [
        ("Rebels allegedly burned the depot.", "burned", "alleged", "positive", "allegedly"),
        ("The council said that rebels reportedly burned the depot.", "burned", "alleged",
         "positive", "reportedly"),
        ("The rebels claimed that the army had burned the depot.", "the army had burned",
         "alleged", "positive", "claimed"),
        ("The army did not burn the depot.", "burn", "negated", "negative", "not"),
        ("The army never entered the town.", "entered", "negated", "negative", "never"),
        ("The mayor refused to sign the order.", "sign", "negated", "negative", "refused"),
        ("The army plans to enter the town.", "enter", "intended", "positive", "plans to"),
        ("The rebels are seeking to seize the port.", "seize", "intended", "positive",
         "seeking to"),
        ("The general ordered the troops to leave the town.", "leave", "ordered", "positive",
         "ordered"),
        ("The army could enter the town.", "enter", "hypothetical", "positive", "could"),
        ("The army will enter the town next week.", "enter", "predicted", "positive", "will"),
        ("The council is expected to approve the budget.", "approve", "predicted", "positive",
         "expected to"),
        ("Helen Dorsey said that the army entered the town.", "the army entered", "reported",
         "positive", "said"),
        ("The army entered the town on Monday.", "entered", "asserted", "positive", None),
        ("The vote was held in May.", "held", "asserted", "positive", None),
    ],
)
def test_claims_modality_cues(nlp, text: str, words: str, modality: str, polarity: str,
                              cue: str | None) -> None:
    claim = innermost(run(nlp, text), text, words)
    assert claim.modality == modality
    assert claim.polarity == polarity
    if cue is None:
        assert claim.cues == []
    else:
        assert cue in claim.cues


def test_claims_modality_precedence_is_complete() -> None:
    lexicon = modality_lexicon()
    assert sorted(lexicon.precedence) == sorted(MODALITIES)
    assert set(lexicon.cues) <= set(MODALITIES)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The army entered the town.", 1),
        ("The army entered the town and the mayor fled.", 2),
        ("Helen Dorsey said that the army entered the town.", 2),
    ],
)
def test_claims_modality_one_claim_per_clause(nlp, text: str, count: int) -> None:
    assert len(run(nlp, text)) == count
