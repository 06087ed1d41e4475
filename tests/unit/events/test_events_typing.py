"""Trigger typing from the lexicon: verbs, particles, object patterns, alt types."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "alt_type"),
    [
        ("The rebels captured the airport.", "captured", "ASSAULT", "COERCE"),
        ("The army took control of the bridge.", "took", "ASSAULT", "COERCE"),
        ("The minister called on the allies to send more weapons.", "called", "REQUEST", "DEMAND"),
        (
            "A state of emergency was introduced in the province.",
            "introduced",
            "COERCE",
            "MOBILIZE",
        ),
        ("The troops withdrew from the valley.", "withdrew", "RETREAT", "MOBILIZE"),
        ("The president convened the security council.", "convened", "CONSULT", None),
        ("The militia retreated to the hills.", "retreated", "RETREAT", None),
        ("The guerrillas were pushed back by the army.", "pushed", "ASSAULT", "RETREAT"),
        ("The government refused to comment on the report.", "refused", "REJECT", None),
        ("The general launched an offensive in the north.", "launched", "ASSAULT", None),
        ("The ministry submitted three appeals to the court.", "submitted", "REQUEST", "DEMAND"),
        ("The army occupied two villages.", "occupied", "ASSAULT", "COERCE"),
    ],
)
def test_trigger_type(run_events, text, trigger, type_, alt_type):
    event = by_trigger(run_events(text), trigger)
    assert (event.type, event.alt_type) == (type_, alt_type)


@pytest.mark.parametrize(
    ("text", "trigger_text"),
    [
        ("The army took control of the bridge.", "took control"),
        ("The guerrillas were pushed back by the army.", "pushed back"),
    ],
)
def test_trigger_span_covers_phrasal_words(run_events, text, trigger_text):
    (event,) = run_events(text)
    assert event.trigger == trigger_text
    assert text[event.trigger_span[0] : event.trigger_span[1]] == trigger_text


@pytest.mark.parametrize(
    "text",
    [
        "The army took a photograph of the bridge.",  # "take" only with "control"
        "The minister called the report a provocation.",  # "call" only with "on"/"for"
        "The town has a new mayor and seems quiet.",
    ],
)
def test_pattern_entries_need_their_pattern(run_events, text):
    assert run_events(text) == []


def test_event_span_runs_from_trigger_to_end_of_complement(run_events):
    text = "On Monday, the rebels captured the airport near the city, officials said."
    (event,) = run_events(text)
    assert event.text == "captured the airport near the city"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers will meet in Geneva next week.", ["meet"]),
        ("Most applicants must meet strict education requirements.", []),
        ("The film captured the essence of the city.", []),
        ("The rate would decline by four percent.", []),
        ("The ministry declined to comment.", ["declined"]),
        ("The regime forced the universities to close.", ["forced"]),
    ],
)
def test_negated_and_complement_conditions(run_events, text, expected):
    assert [e.trigger for e in run_events(text)] == expected


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        # The benchmark guide: expelling diplomats or from a body is a sanction, expelling
        # people is coercion; closing a mission is a sanction, closing a border coercion; an
        # order by an authority is coercion.
        ("Norway expelled two Russian diplomats on Friday.", "expelled", "SANCTION"),
        ("The party was expelled from the alliance in 2019.", "expelled", "SANCTION"),
        ("Kenya expelled three foreign students on Friday.", "expelled", "COERCE"),
        ("Peru will close the Chilean embassy in Lima.", "close", "SANCTION"),
        ("Hungary will close the border with Serbia.", "close", "COERCE"),
        ("A court ordered the suspect detained for a month.", "ordered", "COERCE"),
        # Pleading guilty admits (CONCEDE), pleading innocent denies (REJECT); seizing
        # property is coercion; setting fire to a building an attack; a call for an
        # outcome a demand ("call on" someone stays a request).
        ("The driver pleaded guilty to fraud.", "pleaded", "CONCEDE"),
        ("The mayor pleaded not guilty to bribery.", "pleaded", "REJECT"),
        ("Police seized a truck bomb at the border.", "seized", "COERCE"),
        ("Rioters set fire to a bank.", "set", "ASSAULT"),
        ("The protesters called for the ban of the party.", "called", "DEMAND"),
    ],
)
def test_trigger_type_follows_the_guide(run_events, text, trigger, type_):
    assert by_trigger(run_events(text), trigger).type == type_
