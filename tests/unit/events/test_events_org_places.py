"""A place inside an organisation's or outlet's name is not where an event happened."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger, entity, place


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("org", "inner"),
    [("Columbia University", "Columbia"), ("Agence France-Presse", "France")],
)
def test_place_inside_organisation_name_is_not_the_location(run_events, org, inner):
    text = f"Students protested on Monday, {org} said."
    places = [place(text, inner, "country")]
    entities = [entity(text, org, org, type_="ORG")]
    event = by_trigger(run_events(text, places=places, entities=entities), "protested")
    assert event.location is None


@pytest.mark.issue(8)
def test_place_beside_organisation_name_is_still_the_location(run_events):
    text = "Students protested in Bogota on Monday, Columbia University said."
    places = [place(text, "Bogota", "city", n=1), place(text, "Columbia", "country", n=2)]
    entities = [entity(text, "Columbia University", "Columbia University", type_="ORG")]
    event = by_trigger(run_events(text, places=places, entities=entities), "protested")
    assert event.location.name == "Bogota"
