"""Nominal triggers: they need a stated participant and are absorbed by a verbal event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "actor"),
    [
        ("Residents feared a possible attack by the rebels.", "attack", "ASSAULT", "the rebels"),
        ("The withdrawal of the troops began on Monday.", "withdrawal", "RETREAT", "the troops"),
        ("Villagers described the army's attack on the school.", "attack", "ASSAULT", "army"),
    ],
)
def test_nominal_with_participant_is_an_event(run_events, text, trigger, type_, actor):
    events = [e for e in run_events(text) if e.trigger == trigger]
    assert len(events) == 1
    assert events[0].type == type_
    assert actor in events[0].actors[0].name


@pytest.mark.parametrize(
    "text",
    [
        "The invasion changed everything for the region.",  # no participant
        "Ukraine's cross-border incursion in the region",  # a heading, no verb
        "Starting negotiations is difficult.",  # bare plural, no partner
    ],
)
def test_nominal_without_participant_or_clause_is_not_an_event(run_events, text):
    assert run_events(text) == []


def test_nominal_inside_verbal_event_lends_its_agent_to_a_passive(run_events):
    text = "About 200 soldiers were captured during an operation by the border guard."
    events = run_events(text)
    assert [e.trigger for e in events] == ["captured"]
    assert events[0].actors[0].name == "the border guard"


def test_hypothetical_nominal_modality(run_events):
    (event,) = run_events("Residents feared a possible attack by the rebels.")
    assert event.modality == "hypothetical"


def test_nominal_inside_verbal_event_is_not_a_separate_event(run_events):
    events = run_events("Officials condemned the army's attack on the village.")
    assert [(e.trigger, e.type) for e in events] == [("condemned", "DISAPPROVE")]


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "date"),
    [
        ("Officials said the talks would begin on June 3.", "talks", "CONSULT", "2023-06-03"),
        ("The evacuation of the island continued on June 3.", "evacuation", "AID", "2023-06-03"),
    ],
)
def test_nominal_subject_of_an_aspectual_verb_is_an_event(run_events, text, trigger, type_, date):
    from _events_helpers import timex

    (event,) = [
        e for e in run_events(text, timexes=[timex(text, "June 3", date)]) if e.trigger == trigger
    ]
    assert event.type == type_
    assert event.date.value == date
    assert "June 3" in event.text


def test_generic_nominal_subject_is_not_an_event(run_events):
    assert run_events("Talks often fail in the first week.") == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The talks are expected to resume on Friday.", "talks"),
        ("Negotiations with the landlords broke down on Friday.", "Negotiations"),
    ],
)
def test_scheduled_or_partnered_nominal_is_an_event(run_events, text, trigger):
    assert [e.trigger for e in run_events(text)] == [trigger]


@pytest.mark.parametrize(
    "text",
    [
        "Negotiations on the budget will begin soon.",  # a topic is not a participant
        "The talks broke the silence.",  # "break" places an event only with down/off
    ],
)
def test_unplaced_nominal_is_not_an_event(run_events, text):
    assert run_events(text) == []
