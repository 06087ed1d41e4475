"""Stopping or preventing what an object names is typed by what is stopped; a protest
lodged by a state or stating its objection is a complaint; a hostile act its doer is ready
to take, or takes on a condition, is a threat."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger

from dateline.api import extract
from dateline.stages.events import _event_noun, _named_kind


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "target"),
    [
        ("Norway halted development aid to Myanmar on Monday.", "halted", "SANCTION", "Myanmar"),
        ("The government cut fuel supplies to the province.", "cut", "SANCTION", "the province"),
        (
            "The government suspended talks with the rebels.",
            "suspended",
            "SANCTION",
            "the rebels",
        ),
        (
            "Riot police prevented the demonstration organised by nurses.",
            "prevented",
            "COERCE",
            "nurses",
        ),
        (
            "Riot police prevented the students' demonstration.",
            "prevented",
            "COERCE",
            "the students",
        ),
    ],
)
def test_halting_or_preventing_an_event_or_a_supply(text, trigger, event_type, target):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert event.type == event_type
    assert target in [t.name for t in event.targets]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The union called off the strike on Friday.", "called"),
        ("The army halted its offensive in the north.", "halted"),
    ],
)
def test_halting_ones_own_protest_or_hostilities_is_a_concession(text, trigger):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert event.type == "CONCEDE"
    assert event.targets == []


def test_a_cut_to_a_figure_names_no_recipient():
    text = "The agency cut food supplies to 300 tonnes a month."
    event = by_trigger(extract(text, published="2025-03-03").events, "cut")
    assert event.type == "SANCTION"
    assert all("300" not in t.name for t in event.targets)


def test_the_recipient_is_named_once():
    text = "The agency halted aid to 300 families in the valley."
    event = by_trigger(extract(text, published="2025-03-03").events, "halted")
    assert [t.name for t in event.targets] == ["300 families"]


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        # a state's or a ministry's protest is a diplomatic complaint
        ("Peru lodged an official protest with Chile on Monday.", "lodged", "DISAPPROVE"),
        ("The Foreign Ministry protested the arrest of two diplomats.", "protested", "DISAPPROVE"),
        # a protest that states its objection
        ("The union protested that the new rules were unfair.", "protested", "DISAPPROVE"),
        # people in the street, named by a demonym or not, demonstrate
        ("Thousands of farmers protested outside parliament.", "protested", "PROTEST"),
        ("Hundreds of Peruvians protested in Lima on Sunday.", "protested", "PROTEST"),
        # a hostile act its doer is ready to take, or takes on a condition, is a threat
        (
            "The junta said on Monday that it was ready to impose a curfew.",
            "impose",
            "THREATEN",
        ),
        ("The army will shell the town if the rebels do not surrender.", "shell", "THREATEN"),
        # the act itself, and readiness for a conciliatory act, keep their type
        ("The army shelled the town on Monday.", "shelled", "ASSAULT"),
        ("The kingdom was willing to withdraw from the zone.", "withdraw", "RETREAT"),
    ],
)
def test_type_given_by_convention(text, trigger, event_type):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert event.type == event_type


def test_a_modifier_names_what_is_halted(nlp):
    doc = nlp("The bloc halted its mediation efforts.")
    efforts = next(t for t in doc if t.text == "efforts")
    assert _named_kind(efforts) == "CONSULT"


@pytest.mark.parametrize(
    ("text", "noun", "event_type"),
    [
        ("The envoy undertook a mediation mission between the two states.", "mission", "CONSULT"),
        ("The navy began a rescue operation off the coast.", "operation", "AID"),
    ],
)
def test_an_undertaking_is_typed_by_what_kind_it_is(nlp, text, noun, event_type):
    token = next(t for t in nlp(text) if t.text == noun)
    assert _event_noun(token).type == event_type


def test_a_noun_of_no_kind_names_no_event(nlp):
    token = next(t for t in nlp("The envoy undertook a long journey.") if t.text == "journey")
    assert _event_noun(token) is None
