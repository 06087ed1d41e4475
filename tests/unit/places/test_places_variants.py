"""Name keys and transliteration variants find the same gazetteer place under other spellings."""

from __future__ import annotations

import pytest

from dateline.stages._gazetteer import load_gazetteer, name_key, variants


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Khar'kov", "kharkov"),
        ("U.S.", "us"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("St. Louis", "st louis"),
        ("Saint Louis", "st louis"),
        ("Kryvyi Rih", "kryvyi rih"),
        ("Dnipró", "dnipro"),
    ],
)
def test_places_variants_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("kharkov", "kharkiv"),
        ("kharkov", "harkov"),
        ("kiev", "kyiv"),
        ("artemovsk", "artemivsk"),
        ("krasnodarskiy", "krasnodarsk"),
        ("zhitomir", "zhytomyr"),
    ],
)
def test_places_variants_generated(key, expected):
    assert expected in variants(key)
    assert key not in variants(key)


@pytest.mark.parametrize(
    ("spelling", "country", "lat", "lon"),
    [
        ("Kharkov", "UA", 49.98, 36.25),
        ("Kiev", "UA", 50.45, 30.52),
        ("Odessa", "UA", 46.48, 30.74),
        ("Nikolaev", "UA", 46.97, 32.0),
        ("Dnepropetrovsk", "UA", 48.45, 35.04),
    ],
)
def test_places_variants_lookup_finds_place(spelling, country, lat, lon):
    gaz = load_gazetteer()
    hits = [gaz.entries[i] for i in gaz.lookup_fuzzy(name_key(spelling))]
    best = max(hits, key=lambda e: e.population)
    assert best.country == country
    assert abs(best.lat - lat) < 0.3 and abs(best.lon - lon) < 0.3
