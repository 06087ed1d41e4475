"""A reported duty put on another party ("X said Y must ...") is X's DEMAND on Y."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger

from dateline.api import extract


@pytest.mark.parametrize(
    ("text", "trigger", "speaker", "asked", "act"),
    [
        (
            '"The ministry must withdraw its troops from the border," the opposition leader said.',
            "withdraw",
            "the opposition leader",
            "The ministry",
            "RETREAT",
        ),
        (
            "The envoy said that the army must be ready to pull out of the valley.",
            "pull",
            "The envoy",
            "the army",
            "RETREAT",
        ),
    ],
)
def test_reported_obligation_is_the_speakers_demand(text, trigger, speaker, asked, act):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert event.type == "DEMAND"
    assert event.alt_type == act
    assert [a.name for a in event.actors] == [speaker]
    assert [t.name for t in event.targets] == [asked]
    assert event.modality == "reported"


def test_the_speaker_keeps_the_title_the_article_gives():
    text = "Foreign Minister Ana Berg said on Friday that the two militias should reach a truce."
    event = by_trigger(extract(text, published="2025-03-03").events, "reach")
    assert event.type == "DEMAND"
    assert "Foreign Minister Ana Berg" in (event.actors[0].text or event.actors[0].name)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # The speaker's own duty is a pledge, not a demand.
        ('"We must defend the harbour," the mayor said.', "defend"),
        # A duty in the outlet's own voice has no one making the demand.
        ("The deal must be approved by shareholders.", "approved"),
        # The governing verb is the act: an agreement, not a demand.
        ("The two governments agreed that their navies should hold joint drills.", "hold"),
        # Past duties are judgements, not demands.
        ("The committee said the minister should have resigned last year.", "resigned"),
    ],
)
def test_other_duties_keep_their_type(text, trigger):
    events = [
        e for e in extract(text, published="2025-03-03").events if e.trigger.split()[0] == trigger
    ]
    assert all(e.type != "DEMAND" for e in events)
