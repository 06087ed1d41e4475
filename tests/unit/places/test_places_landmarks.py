"""Landmarks news names as places resolve to the landmark, not to a namesake town."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import km, place_named, places_of


@pytest.mark.parametrize(
    ("text", "form", "country", "lat", "lon"),
    [
        (
            "Thousands of students gathered in Tahrir Square on Friday.",
            "Tahrir Square",
            "EG",
            30.04,
            31.24,
        ),
        ("Envoys met at the Kremlin before flying home to Paris.", "Kremlin", "RU", 55.75, 37.62),
        (
            "Voters will decide who lives in the White House for the next four years.",
            "White House",
            "US",
            38.90,
            -77.04,
        ),
    ],
)
def test_places_landmarks_resolve_to_the_landmark(nlp, text, form, country, lat, lon):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.feature == "landmark"
    assert place.country == country
    assert km(place, lat, lon) <= 5


def test_places_landmarks_namesake_town_keeps_its_sense(nlp):
    place = place_named(
        places_of(nlp, "Firefighters in Whitehall, Ohio, put out the fire."), "Whitehall"
    )
    assert place is not None
    assert (place.country, place.feature) == ("US", "city")
