"""Invariants of every event: spans inside the text, trigger inside the event span, ids."""

from __future__ import annotations

import pytest

from dateline.records import PLOVER_TYPES

TEXTS = [
    "On Monday, the rebels captured the airport near the city, officials said.",
    "A state of emergency was introduced in the province after the army withdrew.",
    "The president ordered the army to push the rebels out of the city by June 1.",
    "Residents feared a possible attack by the rebels, and the mayor called on the army to help.",
    "The rebels tried to break through the border but were pushed back.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_event_invariants(run_events, text):
    events = run_events(text)
    assert events
    assert len({e.id for e in events}) == len(events)
    for event in events:
        start, end = event.span
        t_start, t_end = event.trigger_span
        assert 0 <= start <= t_start < t_end <= end <= len(text)
        assert event.text == text[start:end]
        assert event.trigger == text[t_start:t_end]
        assert event.type in PLOVER_TYPES
        assert event.alt_type is None or event.alt_type in PLOVER_TYPES
        assert event.stage == "events@1"
