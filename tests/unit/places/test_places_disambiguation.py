"""Ambiguous names follow the article's country, explicit qualifiers and population."""

from __future__ import annotations

import pytest

from tests.unit.places._helpers import km, place_named, places_of


@pytest.mark.parametrize(
    ("text", "form", "country", "lat", "lon"),
    [
        ("Paris, Texas, held its annual rodeo on Saturday.", "Paris", "US", 33.66, -95.56),
        ("Protesters marched through Paris on Saturday.", "Paris", "FR", 48.85, 2.35),
        ("Ukraine's navy said a drone hit the port of Odessa overnight. Ukraine asked for more "
         "air defence.", "Odessa", "UA", 46.48, 30.74),
        ("Odessa, Texas, saw record oil output. Texas regulators welcomed the figures.",
         "Odessa", "US", 31.85, -102.37),
        ("The storm hit London on Tuesday.", "London", "GB", 51.51, -0.13),
        ("The storm hit London, Ontario, on Tuesday.", "London", "CA", 42.98, -81.23),
        ("Lawmakers in Washington passed the budget on Friday.", "Washington", "US", 38.9,
         -77.04),
    ],
)
def test_places_disambiguation_by_context(nlp, text, form, country, lat, lon):
    place = place_named(places_of(nlp, text), form)
    assert place is not None
    assert place.country == country
    assert km(place, lat, lon) <= 50


@pytest.mark.parametrize(
    ("text", "country", "feature"),
    [
        ("Storms hit Atlanta and Savannah. Georgia officials in Texas and Alabama offered help.",
         "US", "region"),
        ("Russia and Armenia talked about Georgia and Azerbaijan in Moscow.", "GE", "country"),
    ],
)
def test_places_disambiguation_country_or_state(nlp, text, country, feature):
    place = place_named(places_of(nlp, text), "Georgia")
    assert place is not None
    assert (place.country, place.feature) == (country, feature)
@pytest.mark.parametrize(
    "text",
    [
        "Paris, Texas, held its annual rodeo on Saturday.",
        "Officials in Springfield said the bridge would reopen.",
    ],
)
def test_places_disambiguation_candidates_ordered(nlp, text):
    places = places_of(nlp, text, max_candidates=3)
    ambiguous = [p for p in places if len(p.candidates) > 1]
    assert ambiguous
    for place in places:
        scores = [c.score for c in place.candidates]
        assert scores == sorted(scores, reverse=True)
        assert len(place.candidates) <= 3
        assert place.gazetteer_id == place.candidates[0].gazetteer_id


@pytest.mark.parametrize(
    "text",
    [
        "She took a bath and checked her mobile phone before reading the paper.",
        "the troops moved on to victoria street at the end of may.",
        "In August the council met in the hall to discuss trade and industry.",
    ],
)
def test_places_disambiguation_no_common_words(nlp, text):
    assert places_of(nlp, text) == []


def test_places_disambiguation_demonyms_optional(nlp):
    text = "Ukrainian officials met Polish diplomats."
    assert places_of(nlp, text) == []
    with_demonyms = places_of(nlp, text, demonyms=True)
    assert {p.country for p in with_demonyms} == {"UA", "PL"}
