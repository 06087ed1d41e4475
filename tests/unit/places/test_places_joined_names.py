"""Multi-word names joined by hyphens or lower-case particles match whole."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import km, place_named, places_of


@pytest.mark.parametrize(
    ("text", "form", "country", "lat", "lon", "max_km"),
    [
        ("Schools shut in Braga and Viana do Castelo after the storm hit Portugal.",
         "Viana do Castelo", "PT", 41.69, -8.83, 25),
        ("Rescue teams reached Stratford upon Avon after the river burst its banks.",
         "Stratford upon Avon", "GB", 52.19, -1.71, 25),
        ("Heavy rain flooded Frankfurt am Main overnight, police said.",
         "Frankfurt am Main", "DE", 50.11, 8.68, 25),
        ("Emilia-Romagna declared a state of emergency after days of rain.",
         "Emilia-Romagna", "IT", 44.5, 11.0, 150),
        ("Officials in Baden-Württemberg and North Rhine-Westphalia closed schools.",
         "North Rhine-Westphalia", "DE", 51.5, 7.5, 150),
    ],
)
def test_places_joined_names_match_whole(nlp, text, form, country, lat, lon, max_km):
    places = places_of(nlp, text)
    place = place_named(places, form)
    assert place is not None, [p.name for p in places]
    assert place.country == country
    assert km(place, lat, lon) <= max_km
    # No part of the name is reported as a place of its own.
    assert all(p.name == form or p.name not in form for p in places)


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        ("Storms closed ports across Portugal. Schools shut in Viana do Castelo, and the mayor "
         "of Viana said repairs would take weeks.", "Viana do Castelo", "Viana"),
        ("Rivers in Emilia-Romagna broke their banks; farms across Emilia were flooded.",
         "Emilia-Romagna", "Emilia"),
    ],
)
def test_places_joined_names_short_form_same_place(nlp, text, full, short):
    places = places_of(nlp, text)
    place = place_named(places, full)
    assert place is not None
    assert short in place.aliases
    assert len(place.mentions) == 2


@pytest.mark.parametrize(
    ("text", "form", "country"),
    [
        ("Officials said Fargo city crews worked through the night.", "Fargo", "US"),
        ("Flooding forced evacuations in Lansing Township, the sheriff said.", "Lansing", "US"),
    ],
)
def test_places_joined_names_settlement_word_trimmed(nlp, text, form, country):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.country == country
