"""Arbitrary text in every filter of every route: a coded answer, never a server error."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_support import live_server, synthetic_store

ROUTES = {
    "/api/events": ["q", "place", "actor", "type", "outlet", "cluster", "date_from"],
    "/api/linked": ["q", "type", "outlet", "date_to"],
    "/api/timeline": ["about", "q", "type", "place", "outlet", "date_from"],
    "/api/figures": ["about", "date_to"],
}
PAIRS = [(route, name) for route, names in ROUTES.items() for name in names]
# Printable text plus the characters that break naive SQL, HTML and URL handling.
ODD = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]),
    max_size=80,
) | st.sampled_from(["%", "_", "\\", "'", '"', ";--", "\u202e", "𝕏", "</script>", "../.."])


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db = synthetic_store(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb", 30)
    with live_server(db) as base, httpx.Client(base_url=base, timeout=30) as client:
        before = client.get("/api/stats").json()
        yield client
        assert client.get("/api/stats").json() == before


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pair=st.sampled_from(PAIRS), value=ODD)
def test_web_fuzz_filters_never_break_the_server(api: httpx.Client, pair, value: str) -> None:
    route, name = pair
    response = api.get(route, params={name: value})
    assert response.status_code in (200, 400, 422), response.text
    body = response.json()
    if response.status_code != 200:
        assert body["code"].startswith("DL")
