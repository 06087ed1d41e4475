"""Water bodies are places of their own; acronyms and eponyms named like towns are not."""

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
@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # an eponym modifying a plural noun, even after a locative cue
        ("The crowd in Athens answered in Molotov cocktails on Wednesday.", "Molotov", "Athens"),
        # an untagged acronym modifying another word: an organisation's, not a town's
        ("A bomb went off near the IRA-linked group's office in Belfast.", "IRA", "Belfast"),
        # an acronym the model calls an organisation stays one after a cue
        ("Critics angry at the IRA's ceasefire met in Belfast.", "IRA", "Belfast"),
    ],
)
def test_places_eponyms_and_acronyms_are_not_towns(nlp, text, absent, present):
    places = places_of(nlp, text)
    assert place_named(places, absent) is None
    assert place_named(places, present) is not None


@pytest.mark.issue(8)
def test_places_a_name_modifying_an_organisation_is_no_place(nlp):
    places = places_of(nlp, "Aides in the Clinton administration met reporters in Boston.")
    assert [p.name for p in places] == ["Boston"]
