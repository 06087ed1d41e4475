"""One clause, one event: complements of trigger verbs, relative clauses, conditions."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("The minister threatened to impose a tariff on steel.", ["threatened"]),
        ("The two sides agreed to hold talks in Oslo.", ["agreed"]),
        ("The mayor called on the council to lift the ban.", ["called"]),
        ("The general ordered the troops to withdraw.", ["ordered"]),
        # A governing verb that is not a trigger leaves the complement its own event.
        ("The council decided to lift the ban.", ["lift"]),
        ("The neighbours offered to send rescue teams.", ["send"]),
    ],
)
def test_complement_of_a_trigger_verb_joins_its_event(run_events, text, triggers):
    assert [e.trigger.split()[0] for e in run_events(text)] == triggers


def test_complement_joins_with_its_quantities(run_events):
    from _events_helpers import quantity

    text = "The minister threatened to impose a 20 percent tariff on steel."
    (event,) = run_events(text, quantities=[quantity(text, "20 percent", value=20.0)])
    assert [q.value for q in event.quantities] == [20.0]


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "modality"),
    [
        (
            "Police arrested three youths who had allegedly looted a kiosk.",
            "looted",
            "three youths",
            "alleged",
        ),
        ("Guards detained a man who broke into the depot.", "broke", "a man", "asserted"),
    ],
)
def test_relative_clause_with_relative_subject_is_an_event(
    run_events, text, trigger, actor, modality
):
    events = run_events(text)
    (event,) = [e for e in events if e.trigger.split()[0] == trigger]
    assert event.actors[0].name == actor
    assert event.modality == modality
    assert len(events) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The shops that were looted stayed closed.",  # a passive description of a participant
        "Police praised the men who are fighting the fires.",  # present tense: a description
        "The town will hold a vote if the rebels withdraw.",  # a condition, not an event
    ],
)
def test_descriptions_and_conditions_are_not_events(run_events, text):
    triggers = ("looted", "withdraw", "fighting")
    assert [e.trigger for e in run_events(text) if e.trigger in triggers] == []
