"""Helpers for the places tests (not stable API)."""

from __future__ import annotations

from dateline.config import EntitySettings, PlaceSettings
from dateline.records import Article, Place
from dateline.stages._gazetteer import distance_km
from dateline.stages.entities import extract_entities
from dateline.stages.places import extract_places


def places_of(nlp, text: str, **settings) -> list[Place]:
    """The places of ``text``, after the entities stage as in the pipeline."""
    article, doc = Article(text=text), nlp(text)
    entities = extract_entities(article=article, doc=doc, settings=EntitySettings())
    return extract_places(
        article=article, doc=doc, entities=entities, settings=PlaceSettings(**settings)
    )


def place_named(places: list[Place], form: str) -> Place | None:
    for place in places:
        if form in [place.name, *place.aliases]:
            return place
    return None


def km(place: Place, lat: float, lon: float) -> float:
    return distance_km(place.lat, place.lon, lat, lon)
