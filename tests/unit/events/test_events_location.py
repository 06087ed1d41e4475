"""Event location: clause place, sentence place, paragraph setting, with preferences."""

from __future__ import annotations

from _events_helpers import by_trigger, place


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
