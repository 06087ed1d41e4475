"""Reporting verbs are attribution, not events; a meeting or interview is CONSULT."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said that the situation was calm.",
        "Local media reported that the bridge was closed.",
        "The institute noted that the front line was stable.",
        "The spokesman stated that the talks were useful.",
        "The governor is tired and has a cold.",
    ],
)
def test_reporting_and_trivial_verbs_are_not_events(run_events, text):
    assert run_events(text) == []


def test_reported_event_is_found_without_the_reporting_verb(run_events):
    events = run_events("The ministry reported that the rebels retreated to the border.")
    assert [(e.trigger, e.type) for e in events] == [("retreated", "RETREAT")]


def test_interview_is_consult_with_the_speaker_as_actor(run_events):
    text = "Maria Ivanova said this in an interview with a local radio station."
    (event,) = run_events(text)
    assert (event.type, event.trigger, event.actors[0].name) == (
        "CONSULT",
        "interview",
        "Maria Ivanova",
    )
