"""A name taken as a place once is a place at its other capitalised occurrences."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import place_named, places_of


@pytest.mark.parametrize(
    ("text", "form", "count"),
    [
        ("Floods reached the edge of Fargo on Tuesday. Fargo raised its sandbag goal again.",
         "Fargo", 2),
        ("Snow closed roads around Boise. Boise opened two shelters overnight, and Boise "
         "schools stayed shut.", "Boise", 3),
    ],
)
def test_places_one_sense_every_occurrence(nlp, text, form, count):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert len(place.mentions) == count
    for start, end in place.mentions:
        assert text[start:end] == form


def test_places_one_sense_not_generic_words(nlp):
    text = "Winds hit the north of Scotland. North of the border, schools closed."
    places = places_of(nlp, text)
    assert place_named(places, "Scotland") is not None
    assert place_named(places, "North") is None
