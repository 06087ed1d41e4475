"""Labour and protest actions, offers, second clauses, quoted wishes, tense and dates."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger, quantity, timex


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "alt_type"),
    [
        (
            "The nurses' union called a strike after talks broke down.",
            "called",
            "PROTEST",
            "MOBILIZE",
        ),
        ("Dock workers staged a walkout at the port.", "staged", "PROTEST", "MOBILIZE"),
        ("Teachers went on strike in three provinces.", "went", "PROTEST", "MOBILIZE"),
        ("About 3,000 miners stayed away from work.", "stayed", "PROTEST", None),
        ("Bus drivers walked out in the northern city.", "walked", "PROTEST", None),
        ("Farmers blocked roads near the capital.", "blocked", "PROTEST", "COERCE"),
        ("Students blocked a bridge over the river.", "blocked", "PROTEST", "COERCE"),
        ("Hundreds rallied outside parliament.", "rallied", "PROTEST", None),
        ("Workers picketed the factory gates.", "picketed", "PROTEST", None),
        ("The strike began at midnight and halted all trains.", "strike", "PROTEST", "MOBILIZE"),
        ("The company offered a pay rise of 3 percent.", "offered", "AGREE", "CONCEDE"),
        ("The ministry proposed a 4 percent increase.", "proposed", "AGREE", "CONCEDE"),
        ("The employer raised its offer to 5 percent.", "raised", "CONCEDE", "AGREE"),
        ("The union plans to hold a day of action next week.", "hold", "PROTEST", "MOBILIZE"),
        (
            "The police arrested two men who had allegedly thrown stones at officers.",
            "thrown",
            "ASSAULT",
            "PROTEST",
        ),
    ],
)
def test_labour_vocabulary_type(run_events, text, trigger, type_, alt_type):
    event = by_trigger(run_events(text), trigger)
    assert (event.type, event.alt_type) == (type_, alt_type)


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        ("The air strike by the coalition began at dawn.", "strike", "ASSAULT"),
        ("The drone strike by the army continued overnight.", "strike", "ASSAULT"),
        ("The strike by dock workers ended after a week.", "strike", "PROTEST"),
    ],
)
def test_nominal_strike_is_labour_unless_military(run_events, text, trigger, type_):
    assert by_trigger(run_events(text), trigger).type == type_


def test_second_clause_after_while_is_found(run_events):
    text = "Doctors protested in the capital, while nurses blocked the main road."
    events = run_events(text)
    assert [e.type for e in events] == ["PROTEST", "PROTEST"]
    assert by_trigger(events, "blocked").actors[0].name == "nurses"


def test_hedged_relative_clause_is_its_own_event(run_events):
    text = "The police arrested two men who had allegedly thrown stones at officers."
    events = run_events(text)
    assert [e.trigger.split()[0] for e in events] == ["arrested", "thrown"]
    assert by_trigger(events, "thrown").modality == "alleged"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        (
            "The minister said the government could impose fines if the blockade continued.",
            "impose",
            "hypothetical",
        ),
        (
            "The union said it would suspend the stoppage only if the firm improved its offer.",
            "suspend",
            "hypothetical",
        ),
        ("The company plans to raise wages next year.", "raise", "intended"),
        ("The union plans to hold a day of action next week.", "hold", "intended"),
    ],
)
def test_modal_and_planned_events_are_kept(run_events, text, trigger, modality):
    assert by_trigger(run_events(text), trigger).modality == modality


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('"We are not asking for luxuries," the union leader said.', False),
        ('"I demand an apology," the mayor said.', False),
        ('"They asked for more time," the mayor said.', True),
        ("We asked the council for more time.", True),
    ],
)
def test_first_person_quoted_wish_is_not_a_request(run_events, text, kept):
    events = run_events(text)
    assert any(e.type in ("REQUEST", "DEMAND") for e in events) is kept


@pytest.mark.parametrize(
    ("second", "trigger", "value", "source"),
    [
        ("The union is demanding a pay rise.", "demanding", None, "none"),
        ("The union demands a pay rise.", "demands", None, "none"),
        ("The union demanded a pay rise.", "demanded", "2024-03-04", "narrative"),
    ],
)
def test_present_tense_takes_no_narrative_date(run_events, second, trigger, value, source):
    text = f"On March 4, the drivers walked out.\n\n{second}"
    event = by_trigger(run_events(text, timexes=[timex(text, "March 4", "2024-03-04")]), trigger)
    assert (event.date.value, event.date.source) == (value, source)


def test_range_quantity_in_actor_phrase_is_attached(run_events):
    text = "Between 200 and 300 farmers blocked the motorway."
    q = quantity(text, "Between 200 and 300", min=200.0, max=300.0, counted="farmers")
    (event,) = run_events(text, quantities=[q])
    assert [x.text for x in event.quantities] == ["Between 200 and 300"]


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        ("On Monday, the teachers' union called a strike.", "called", "PROTEST"),
        ("The minister called on the union to end the strike.", "called", "REQUEST"),
        ("The council imposed new parking rules.", "imposed", "COERCE"),
    ],
)
def test_dated_call_and_imposed_rules(run_events, text, trigger, type_):
    assert by_trigger(run_events(text), trigger).type == type_


def test_nominal_event_in_condition_is_a_premise(run_events):
    text = "The mayor said the city could close schools if the strike continued."
    assert not any(e.trigger == "strike" for e in run_events(text))


def test_present_perfect_takes_no_narrative_date(run_events):
    text = "On March 4, the drivers walked out.\n\nThe company has offered a pay rise."
    event = by_trigger(run_events(text, timexes=[timex(text, "March 4", "2024-03-04")]), "offered")
    assert (event.date.value, event.date.source) == (None, "none")


def test_range_quantity_overlapping_actor_is_attached(run_events):
    text = "Between 200 and 300 people marched through the town."
    q = quantity(text, "Between 200 and 300", min=200.0, max=300.0, counted="people")
    event = by_trigger(run_events(text, quantities=[q]), "marched")
    assert [(x.min, x.max) for x in event.quantities] == [(200.0, 300.0)]
