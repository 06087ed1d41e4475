"""The seed article's gold places resolve within their max_km, as the scorer checks them."""

from __future__ import annotations

from dateline.config import PlaceSettings
from dateline.records import Article
from dateline.stages._gazetteer import distance_km
from dateline.stages.places import extract_places


def test_places_seed_gold_places_resolved(nlp, seed_example):
    text = seed_example["text"]
    places = extract_places(article=Article(text=text), doc=nlp(text), entities=[],
                            settings=PlaceSettings())
    missing = []
    for gold in seed_example["gold"]["places"]:
        if gold.get("optional"):
            continue
        ok = any(
            gold["mention"].lower() in [f.lower() for f in [p.name, *p.aliases]]
            and p.lat is not None
            and distance_km(gold["lat"], gold["lon"], p.lat, p.lon) <= gold["max_km"]
            for p in places
        )
        if not ok:
            missing.append(gold["mention"])
    assert missing == []
    for place in places:
        for start, end in place.mentions:
            assert text[start:end] in [place.name, *place.aliases]
