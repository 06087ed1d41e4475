"""Event location: clause place, sentence place, paragraph setting, with preferences."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger, entity, find, place

from dateline.api import extract


def test_clause_place_prefers_town_over_region(run_events):
    text = "The army took control of the station in Brodno, Velmar region."
    places = [place(text, "Brodno", "city"), place(text, "Velmar region", "region", n=2)]
    (event,) = run_events(text, places=places)
    assert event.location.name == "Brodno"
    assert event.location.place_id == "P1"


def test_origin_place_after_from_is_skipped(run_events):
    text = "The ministry is working on a humanitarian corridor from Brodno to Tarsk."
    places = [place(text, "Brodno"), place(text, "Tarsk", n=2)]
    (event,) = run_events(text, places=places)
    assert event.location.name == "Tarsk"


def test_paragraph_setting_when_sentence_has_no_place(run_events):
    text = "The rebels moved towards Brodno.\nThey say the army has launched an offensive there."
    places = [place(text, "Brodno")]
    event = by_trigger(run_events(text, places=places), "launched")
    assert event.location.name == "Brodno"


def test_place_inside_actor_phrase_is_not_the_location(run_events):
    text = "Atlantis's coast guard captured two boats.\nThe boats came from the open sea."
    places = [place(text, "Atlantis", "country")]
    (event,) = [e for e in run_events(text, places=places) if e.trigger == "captured"]
    assert event.location is None


def test_place_that_is_a_known_persons_name_is_skipped(run_events):
    text = "Anna Lindqvist visited the plant. Lindqvist said the army had withdrawn."
    lind = entity(text, "Anna Lindqvist", "Anna Lindqvist", type_="PERSON")
    lind = lind.model_copy(
        update={"mentions": [find(text, "Anna Lindqvist"), find(text, "Lindqvist", 2)]}
    )
    places = [place(text, "Lindqvist")]
    event = by_trigger(run_events(text, entities=[lind], places=places), "withdrawn")
    assert event.location is None


def test_location_is_the_place_record_as_the_places_stage_gave_it(run_events):
    """Joining hyphenated names is the parse's and places' job; events never rename a place."""
    text = "The cabinet imposed emergency rule across Velmar-Osta."
    places = [place(text, "Velmar", "city")]
    (event,) = run_events(text, places=places)
    assert event.location.name == "Velmar"
    assert event.location.place_id == places[0].id
    assert event.location.span == (text.index("Velmar"), text.index("Velmar") + len("Velmar"))


def test_place_where_something_was_said_sets_no_scene(run_events):
    """'said in X' locates the statement, not the events reported after it."""
    text = "The rebels moved towards Brodno.\nOfficials said in Tarsk that the army had attacked."
    places = [place(text, "Brodno"), place(text, "Tarsk", n=2)]
    event = by_trigger(run_events(text, places=places), "attacked")
    assert event.location.name == "Brodno"


def test_place_of_a_statement_locates_the_statement_itself(run_events):
    text = "The minister accused the rebels in Tarsk of corruption."
    places = [place(text, "Tarsk")]
    event = by_trigger(run_events(text, places=places), "accused")
    assert event.location.name == "Tarsk"


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "venue"),
    [
        # a named building: the gazetteer holds the region, the article names the venue
        ("Farmers protested outside the Grand Meridian Hotel in Varnia on Monday.",
         "protested", "the Grand Meridian Hotel"),
        # a place naming a building: the city, and the court as written
        ("Police arrested the former minister in a Varnia court on Friday.", "arrested",
         "a Varnia court"),
    ],
)  # fmt: skip
def test_events_location_keeps_the_named_venue_as_written(run_events, text, trigger, venue):
    places = [place(text, "Varnia")]
    event = by_trigger(run_events(text, places=places), trigger)
    assert event.location is not None and event.location.name == "Varnia"
    assert event.location.text == venue


@pytest.mark.issue(8)
def test_events_location_has_no_venue_for_dates_and_unnamed_objects(run_events) -> None:
    text = "Police arrested two men in Varnia on Monday in response to the riots."
    event = by_trigger(run_events(text, places=[place(text, "Varnia")]), "arrested")
    assert event.location is not None and event.location.name == "Varnia"
    assert event.location.text is None


def test_a_country_setting_gives_way_to_the_earlier_city_inside_it():
    text = (
        "Protesters marched through Athens on Sunday. Greece's budget cuts have angered "
        "the unions. Youths later smashed shop windows."
    )
    event = by_trigger(extract(text, published="2025-03-03").events, "smashed")
    assert event.location.name == "Athens"
