"""The API over both store backends, DuckDB and a real PostgreSQL 15 server: injection strings
and characters a database may refuse, in every filter, answer with data or a coded error."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from web_support import live_server, synthetic_store

ODD_VALUES = [
    "' OR '1'='1",
    "'); DELETE FROM articles; --",
    "%_\\",
    "\x00",
    "a\x00b",
    "\u202e\U0001d54f",
    "2025-01-01' OR 'x'='x",
]
FILTERS = {
    "/api/events": ["q", "place", "actor", "type", "outlet", "cluster"],
    "/api/linked": ["q", "type", "outlet"],
    "/api/timeline": ["about", "q", "type", "place", "outlet"],
    "/api/figures": ["about"],
}


@pytest.fixture(scope="module")
def api(module_store_url: str) -> Iterator[httpx.Client]:
    synthetic_store(module_store_url, 12)
    with live_server(module_store_url) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


@pytest.mark.parametrize("value", ODD_VALUES)
def test_web_api_backends_refuse_or_answer_every_odd_filter(api: httpx.Client, value: str):
    before = api.get("/api/stats").json()
    assert before["articles"] == 24 and before["clusters"] == 12
    for route, names in FILTERS.items():
        for name in names:
            response = api.get(route, params={name: value})
            if "\x00" in value:
                assert response.status_code == 422, (route, name)
                assert response.json()["code"] == "DL504"
                continue
            assert response.status_code == 200, (route, name, response.text)
            body = response.json()
            found = body if isinstance(body, list) else body.get("items", body.get("entries"))
            assert found == [], (route, name)
    article = api.get(f"/api/articles/{quote(value, safe='')}")
    assert article.status_code == (422 if "\x00" in value else 404)
    assert api.get("/api/stats").json() == before


def test_web_api_backends_serve_the_same_records(api: httpx.Client) -> None:
    page = api.get("/api/events", params={"place": "porto", "limit": 2}).json()
    assert page["total"] == 6  # every fourth of 12 events, two reports each
    assert [e["event"]["location"]["name"] for e in page["items"]] == ["Porto", "Porto"]
    timeline = api.get("/api/timeline").json()
    assert len(timeline["entries"]) == 12
    assert all(e["corroboration"]["outlet_count"] == 2 for e in timeline["entries"])
    extraction = api.get("/api/articles/syn-1-0").json()
    start, end = extraction["events"][0]["location"]["span"]
    assert extraction["article"]["text"][start:end] == "Porto"
