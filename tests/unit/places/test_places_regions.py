"""Region, oblast, direction, "near X" and "X-based" mentions resolve to the right places."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import km, place_named, places_of


@pytest.mark.parametrize(
    ("text", "form", "country", "lat", "lon", "max_km"),
    [
        ("Shelling continued overnight in the Kharkiv region, officials said.",
         "Kharkiv region", "UA", 49.6, 36.5, 150),
        ("Drones struck an oil depot in Russia's Belgorod oblast on Monday.",
         "Belgorod oblast", "RU", 50.7, 37.2, 150),
        ("Heavy fighting was reported in the Donetsk Oblast, the ministry said.",
         "Donetsk Oblast", "UA", 48.0, 37.8, 150),
        # A region is located at the mean of its towns: for a large, unevenly settled
        # state that is far from its geographic centre, hence the loose bound.
        ("Floods hit Queensland again, the state premier said.", "Queensland", "AU", -22.5, 144.5,
         1000),
    ],
)
def test_places_regions_resolve(nlp, text, form, country, lat, lon, max_km):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.country == country
    assert place.feature == "region"
    assert km(place, lat, lon) <= max_km


@pytest.mark.parametrize(
    ("text", "form", "country", "lat", "lon"),
    [
        ("Russian troops keep attacking in the Bakhmut direction, the general staff said.",
         "Bakhmut", "UA", 48.6, 38.0),
        ("Artillery fire was heard near Vuhledar on Tuesday.", "Vuhledar", "UA", 47.78, 37.25),
        ("A Kharkiv-based volunteer group delivered the aid.", "Kharkiv", "UA", 49.98, 36.25),
        ("He flew from Kharkov to Lviv last week.", "Kharkov", "UA", 49.98, 36.25),
    ],
)
def test_places_regions_patterns(nlp, text, form, country, lat, lon):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.country == country
    assert km(place, lat, lon) <= 40


def test_places_regions_mentions_merge(nlp):
    text = ("Officials in the Kharkiv region reported new attacks. Later the Kharkiv region "
            "governor said power was restored in Kharkiv.")
    places = places_of(nlp, text)
    region = place_named(places, "Kharkiv region")
    city = place_named(places, "Kharkiv")
    assert region is not None and city is not None and region.id != city.id
    assert len(region.mentions) == 2
    assert region.span == region.mentions[0]
    assert text[slice(*region.span)] == "Kharkiv region"
    assert [p.id for p in places] == [f"P{i}" for i in range(1, len(places) + 1)]


@pytest.mark.parametrize(
    ("text", "form", "country", "lat", "lon", "max_km"),
    [
        ("Wildfires forced evacuations across Manitoba this week.", "Manitoba", "CA", 55.0,
         -97.0, 160),
        ("Mining resumed in Nunavut after the thaw.", "Nunavut", "CA", 70.0, -90.0, 400),
        ("Drought hit farmers in Tuscany and Sicily this summer.", "Tuscany", "IT", 43.4, 11.0,
         100),
        ("Voters in Bavaria and Lower Saxony went to the polls.", "Lower Saxony", "DE", 52.7,
         9.3, 100),
        ("Police in Catalonia and Andalusia arrested six people.", "Andalusia", "ES", 37.4, -4.6,
         150),
    ],
)
def test_places_regions_named_by_hand(nlp, text, form, country, lat, lon, max_km):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.country == country
    assert place.feature == "region"
    assert km(place, lat, lon) <= max_km
