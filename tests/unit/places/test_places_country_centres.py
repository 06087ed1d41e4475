"""Countries are located on their main territory, not pulled out by outlying islands."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import km, place_named, places_of


@pytest.mark.parametrize(
    ("text", "form", "lat", "lon", "max_km"),
    [
        ("Storms battered the north of Portugal on Thursday.", "Portugal", 39.6, -8.0, 150),
        ("Unemployment fell in Spain last year.", "Spain", 40.2, -3.7, 200),
        ("Wildfires burned across Greece this week.", "Greece", 39.0, 22.0, 250),
    ],
)
def test_places_country_centres_on_land(nlp, text, form, lat, lon, max_km):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.feature == "country"
    assert km(place, lat, lon) <= max_km


@pytest.mark.parametrize(
    ("text", "form", "country"),
    [
        # The rest of the article is about the United States and names Texas.
        ("Police in Texas said the storm hit Tyler and Palestine on Friday, and the "
         "United States weather service warned of more rain.", "Palestine", "US"),
    ],
)
def test_places_country_context_local_town(nlp, text, form, country):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.country == country


@pytest.mark.parametrize(
    ("text", "form", "lat", "lon"),
    [
        # Without the county the Alexandria of Virginia wins on size.
        ("Douglas County deputies said the fire near Alexandria was contained.", "Alexandria",
         45.9, -95.4),
    ],
)
def test_places_country_context_county_state(nlp, text, form, lat, lon):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert km(place, lat, lon) <= 40
