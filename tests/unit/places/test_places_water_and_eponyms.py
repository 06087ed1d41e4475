"""Water bodies are places of their own; a name modifying an organisation is none (acronyms
and eponyms named like towns: ``test_places_not_places.py``)."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import km, place_named, places_of


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "form", "lat", "lon"),
    [
        ("A frigate on patrol in the Gulf of Aden seized a skiff.", "Gulf of Aden", 12.5, 48.0),
        ("Two tankers collided in the Strait of Hormuz on Monday.", "Strait of Hormuz", 26.6, 56.3),
        ("A drone fell into the Black Sea near the coast.", "Black Sea", 43.0, 35.0),
    ],
)
def test_places_water_body_is_the_place_not_its_namesake_town(nlp, text, form, lat, lon):
    places = places_of(nlp, text)
    water = place_named(places, form)
    assert water is not None
    assert (water.feature, water.country) == ("water", None)
    assert km(water, lat, lon) <= 50
    # The town the water is named after is not a mention of its own.
    assert [p.name for p in places] == [form]


@pytest.mark.issue(8)
def test_places_a_name_modifying_an_organisation_is_no_place(nlp):
    places = places_of(nlp, "Aides in the Clinton administration met reporters in Boston.")
    assert [p.name for p in places] == ["Boston"]
