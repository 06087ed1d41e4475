"""The Store on DuckDB and on a real PostgreSQL server: writes, reads, filters, clusters."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import StoreError
from dateline.records import content_id
from dateline.storage import EventFilter, open_store

RIVERTON = "Protesters marched on the council in Riverton on Sunday."
HARBOUR = "Dock workers walked out at the harbour of Porto Alegre on Monday."
VALLEY = "Farmers blocked the valley road near Lowmoor in early May."


def _fill(url: str, extraction_factory):
    """Open the store at ``url`` and add three articles from two outlets."""
    store = open_store(url)
    store.add_extractions(
        [
            extraction_factory(RIVERTON),
            extraction_factory(
                HARBOUR,
                outlet="Harbour Daily",
                event_type="COERCE",
                event_date="2025-05-12",
                place=("Porto Alegre", -30.03, -51.23, "BR"),
                actors=("dock workers",),
                targets=("the port operator",),
                source="union",
            ),
            extraction_factory(
                VALLEY,
                event_date="2025-05",
                place=None,
                actors=("farmers",),
                targets=(),
                source=None,
            ),
        ],  # fmt: skip
        block_keys=lambda m: [f"{m.type}|{m.date}"],
    )
    return store


@pytest.fixture(scope="module")
def filled(module_store_url, extraction_factory):
    """A store with three articles, shared by the tests that only read it."""
    store = _fill(module_store_url, extraction_factory)
    yield store
    store.close()


@pytest.fixture()
def writable(store_url, extraction_factory):
    """A store with the same three articles, for one test that changes it."""
    store = _fill(store_url, extraction_factory)
    yield store
    store.close()


def test_storage_add_returns_new_mentions_and_skips_stored(store_url, extraction_factory) -> None:
    with open_store(store_url) as store:
        first = store.add_extractions([extraction_factory(RIVERTON)])
        again = store.add_extractions([extraction_factory(RIVERTON), extraction_factory(RIVERTON)])
        assert [m.mention_id for m in first] == [f"{content_id(RIVERTON)}/EV1"]
        assert again == []
        assert store.stats().articles == 1
        assert store.stats().events == 1
        assert store.has_article(content_id(RIVERTON))
        assert not store.has_article(content_id(HARBOUR))


def test_storage_article_round_trips_every_record(store_url, extraction_factory) -> None:
    original = extraction_factory(RIVERTON)
    with open_store(store_url) as store:
        store.add_extractions([original])
        assert store.article(original.article.id) == original
        assert store.article_hash(original.article.id) == content_id(RIVERTON)
        assert store.article_hash("missing") is None


def test_storage_unknown_article_is_dl404(store_url) -> None:
    with open_store(store_url) as store, pytest.raises(StoreError) as info:
        store.article("nope")
    assert info.value.code == "DL404"


def test_storage_same_id_other_text_is_dl407(store_url, extraction_factory) -> None:
    with open_store(store_url) as store:
        store.add_extractions([extraction_factory(RIVERTON, article_id="doc-1")])
        with pytest.raises(StoreError) as info:
            store.add_extractions([extraction_factory(HARBOUR, article_id="doc-1")])
        assert info.value.code == "DL407"
        assert store.stats().articles == 1


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, {RIVERTON, HARBOUR, VALLEY}),
        ({"type": "coerce"}, {HARBOUR}),
        ({"outlet": "Harbour Daily"}, {HARBOUR}),
        ({"text": "VALLEY road"}, {VALLEY}),
        ({"text": "dock workers"}, {HARBOUR}),
        ({"text": "porto alegre"}, {HARBOUR}),
        ({"date_from": date(2025, 5, 12)}, {HARBOUR, VALLEY}),
        ({"date_to": date(2025, 5, 11)}, {RIVERTON, VALLEY}),
        ({"date_from": "2025-05-20", "date_to": "2025-06-30"}, {VALLEY}),
        ({"date_from": "2025-06-01"}, set()),
        ({"block_keys": ["PROTEST|2025-05"]}, {VALLEY}),
        ({"block_keys": ["PROTEST|2025-05", "COERCE|2025-05-12"]}, {HARBOUR, VALLEY}),
        ({"article_id": content_id(RIVERTON)}, {RIVERTON}),
        ({"place": "alegre"}, {HARBOUR}),
        ({"place": "gb"}, {RIVERTON}),
        ({"actor": "FARMERS"}, {VALLEY}),
        ({"actor": "council"}, {RIVERTON}),
        ({"unlinked": True}, {RIVERTON, HARBOUR, VALLEY}),
        ({"unlinked": False}, set()),
    ],
)
def test_storage_mentions_filters(filled, fields, expected) -> None:
    assert {m.text for m in filled.mentions(**fields)} == expected
    assert {e.event.text for e in filled.events(EventFilter(**fields))} == expected
    assert filled.count_events(**fields) == len(expected)


def test_storage_mentions_carry_article_metadata(filled) -> None:
    (mention,) = filled.mentions(type="COERCE")
    assert mention.outlet == "Harbour Daily"
    assert mention.published == date(2025, 5, 12)
    assert mention.date == "2025-05-12"
    assert mention.location is not None and mention.location.country == "BR"
    assert [a.name for a in mention.actors] == ["dock workers"]


def test_storage_events_page_in_date_order(filled) -> None:
    texts = [e.event.text for e in filled.events(limit=None)]
    assert texts == [VALLEY, RIVERTON, HARBOUR]  # May 2025 starts first; undated would be last
    assert [e.event.text for e in filled.events(limit=1, offset=1)] == [RIVERTON]
    (page,) = filled.events(limit=1, offset=2)
    assert page.outlet == "Harbour Daily" and page.title == "A report" and page.cluster is None


def test_storage_set_clusters_updates_mentions_and_stats(writable) -> None:
    filled = writable
    riverton, harbour, valley = (f"{content_id(t)}/EV1" for t in (RIVERTON, HARBOUR, VALLEY))
    assert filled.set_clusters({riverton: "c-a", valley: "c-a", harbour: "c-b", "x/EV9": "c"}) == 3
    assert {m.text for m in filled.mentions(cluster="c-a")} == {RIVERTON, VALLEY}
    assert {m.cluster for m in filled.mentions()} == {"c-a", "c-b"}
    stats = filled.stats()
    assert (stats.articles, stats.outlets, stats.events) == (3, 2, 3)
    assert (stats.clusters, stats.linked_events, stats.sources) == (2, 2, 2)
    filled.set_clusters({valley: "c-b"})
    assert {m.text for m in filled.mentions(cluster="c-b")} == {HARBOUR, VALLEY}
    assert filled.stats().linked_events == 2  # c-a shrank to one mention, c-b grew to two
    summaries = {c.id: c for c in filled.clusters()}
    assert set(summaries) == {"c-a", "c-b"}
    linked = summaries["c-b"]
    assert (linked.mentions, linked.articles, linked.outlets) == (2, 2, 2)
    assert (linked.date_start, linked.date_end) == (date(2025, 5, 1), date(2025, 5, 31))
    assert linked.type == "COERCE"  # one COERCE, one PROTEST: ties break alphabetically
    assert [c.id for c in filled.clusters(min_mentions=2)] == ["c-b"]
    assert [c.id for c in filled.clusters(limit=1, offset=1)] == ["c-a"]


INJECTIONS = [
    "'; DROP TABLE events; --",
    "x' OR '1'='1",
    '" OR ""="',
    "%",
    "_",
    "\\",
    "1); DELETE FROM articles; --",
]


@pytest.mark.parametrize(
    "field",
    ["block_keys", "cluster", "article_id", "type", "outlet", "text", "place", "actor",
     "mention_ids"],
)  # fmt: skip
def test_storage_injection_strings_in_filters_are_harmless(filled, field) -> None:
    for payload in INJECTIONS:
        value = [payload] if field in ("block_keys", "mention_ids") else payload
        assert filled.mentions(**{field: value}) == [], payload
        assert filled.events(**{field: value}) == [], payload
        assert filled.count_events(**{field: value}) == 0, payload
    stats = filled.stats()
    assert (stats.articles, stats.events) == (3, 3)
    assert len(filled.mentions()) == 3


def test_storage_injection_string_as_stored_value_matches_exactly(
    store_url, extraction_factory
) -> None:
    with open_store(store_url) as store:
        store.add_extractions([extraction_factory(RIVERTON, outlet="x' OR '1'='1")])
        store.add_extractions([extraction_factory(HARBOUR, outlet="plain")])
        assert [m.text for m in store.mentions(outlet="x' OR '1'='1")] == [RIVERTON]
        assert [m.text for m in store.mentions(text="%")] == []


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"date_from": "not a date"}, "date_from"),
        ({"unlinked": "maybe"}, "unlinked"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_storage_bad_filter_is_dl406(filled, fields, name) -> None:
    with pytest.raises(StoreError) as info:
        filled.mentions(**fields)
    assert info.value.code == "DL406"
    assert name in str(info.value)


def test_storage_negative_page_is_dl406(filled) -> None:
    with pytest.raises(StoreError) as info:
        filled.events(limit=-1)
    assert info.value.code == "DL406"


def test_storage_bulk_lookups(filled) -> None:
    riverton, other = content_id(RIVERTON), content_id("never stored")
    assert filled.stored_hashes([riverton, other, riverton]) == {riverton}
    assert filled.stored_hashes([]) == set()
    assert filled.article_hashes([riverton, "missing"]) == {riverton: riverton}


def test_storage_set_clusters_none_unlinks(writable) -> None:
    riverton, harbour = (f"{content_id(t)}/EV1" for t in (RIVERTON, HARBOUR))
    writable.set_clusters({riverton: "c-a", harbour: "c-a"})
    assert writable.set_clusters({riverton: None, harbour: None}) == 2
    assert {m.text for m in writable.mentions(unlinked=True)} == {RIVERTON, HARBOUR, VALLEY}
    assert writable.stats().clusters == 0
