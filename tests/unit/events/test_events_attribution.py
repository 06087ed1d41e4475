"""Attribution, modality and polarity copied from the covering claim, else local cues."""

from __future__ import annotations

import pytest
from _events_helpers import claim

from dateline.records import Attribution, Source


def test_claim_covering_trigger_gives_attribution_and_modality(run_events):
    text = "The Daily Star reported that the rebels had occupied two villages."
    source = Source(name="The Daily Star", kind="outlet")
    claims = [
        claim(
            text,
            "the rebels had occupied two villages",
            attribution=Attribution(sources=[source]),
            modality="reported",
        )
    ]
    (event,) = run_events(text, claims=claims)
    assert event.attribution.sources[0].name == "The Daily Star"
    assert (event.modality, event.polarity) == ("reported", "positive")


@pytest.mark.parametrize(
    ("text", "modality", "polarity"),
    [
        ("The rebels captured the airport.", "asserted", "positive"),
        ("The rebels allegedly captured the airport.", "alleged", "positive"),
        ("The rebels did not capture the airport.", "negated", "negative"),
        ("The rebels intend to capture the airport.", "intended", "positive"),
        ("The general told the rebels to capture the airport.", "ordered", "positive"),
    ],
)
def test_local_modality_without_claim(run_events, text, modality, polarity):
    event = [e for e in run_events(text) if e.trigger.startswith("capture")][0]
    assert (event.modality, event.polarity) == (modality, polarity)
    assert event.attribution.sources == []
