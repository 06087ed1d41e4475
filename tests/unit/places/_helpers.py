"""Helpers for the places tests (not stable API)."""

from __future__ import annotations

from dateline.config import PlaceSettings
from dateline.records import Article, Place
from dateline.stages._gazetteer import distance_km
from dateline.stages.places import extract_places


def places_of(nlp, text: str, **settings) -> list[Place]:
    return extract_places(article=Article(text=text), doc=nlp(text), entities=[],
                          settings=PlaceSettings(**settings))


def place_named(places: list[Place], form: str) -> Place | None:
    for place in places:
        if form in [place.name, *place.aliases]:
            return place
    return None


def km(place: Place, lat: float, lon: float) -> float:
    return distance_km(place.lat, place.lon, lat, lon)
