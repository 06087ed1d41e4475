"""Fuzzing the HTTP API over a store of hostile and odd articles (issue 10).

A live server reads a store built by ``ingest`` from hostile articles (script tags,
event-handler attributes, ``javascript:`` URLs, HTML in titles and outlets) and a slice
of the fuzz corpus. Seeded and hypothesis-drawn query parameters and paths must never
cause a 5xx; every error is coded JSON; every response carries the Content-Security-
Policy; stored text comes back as JSON data, unchanged, and never inside the page. The
schema-driven checks live in ``tests/e2e/test_web_openapi.py``; these add odd values
that a schema does not generate and a store that is hostile.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [
    pytest.mark.issue(10),
    pytest.mark.filterwarnings("ignore::dateline.errors.DatelineWarning"),
]

CORPUS_INPUTS = 120
SEEDED_REQUESTS = 300
FULL_REQUESTS = 4000
WEB_SUPPORT = Path(__file__).resolve().parents[1] / "e2e" / "web_support.py"


def _web_support() -> ModuleType:
    """``tests/e2e/web_support.py`` (its live server), loaded by path under its own name."""
    if "web_support" in sys.modules:
        return sys.modules["web_support"]
    spec = importlib.util.spec_from_file_location("web_support", WEB_SUPPORT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["web_support"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def hostile_store(
    corpus: ModuleType, harness: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, list[str]]:
    """A DuckDB store of the hostile articles and a fuzz-corpus slice; its path and ids."""
    from dateline.api import ingest
    from dateline.storage import open_store

    folder = tmp_path_factory.mktemp("hostile-store")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("\n".join(harness.hostile_lines()) + "\n", encoding="utf-8")
    files = corpus.write_files(list(corpus.campaign(51, CORPUS_INPUTS)), folder)
    db = str(folder / "store.duckdb")
    report = ingest([str(hostile), *(p for p, _ in files)], db=db)
    assert report.added > len(harness.HOSTILE_ARTICLES)
    assert not [r for r in report.rejected if str(hostile) in r.message]
    with open_store(db, create=False, read_only=True) as store:
        ids = sorted({e.article_id for e in store.events(limit=1000)})
    return db, [a["id"] for a in harness.HOSTILE_ARTICLES] + ids


@pytest.fixture(scope="module")
def client(hostile_store: tuple[str, list[str]]) -> Iterator[httpx.Client]:
    db, _ = hostile_store
    with (
        _web_support().live_server(db) as base,
        httpx.Client(base_url=base, timeout=60) as http,
    ):
        before = http.get("/api/stats").json()
        yield http
        assert http.get("/api/stats").json() == before  # read-only, whatever was sent


def _assert_clean(outcome, at_least: int) -> None:
    assert outcome.inputs >= at_least
    assert outcome.server_errors == 0, outcome.violations[:5]
    assert outcome.tracebacks == 0, outcome.violations[:5]
    assert outcome.violations == []


def test_fuzz_api_stored_text_is_returned_as_data(
    harness: ModuleType, client: httpx.Client
) -> None:
    outcome = harness.ApiOutcome()
    harness.check_stored_text_is_data(client, harness.HOSTILE_ARTICLES, outcome)
    _assert_clean(outcome, len(harness.HOSTILE_ARTICLES))


def test_fuzz_api_article_id_with_a_slash_is_served(client: httpx.Client) -> None:
    """Regression: an article id holding "/" ("<b>bold-id</b>") was unreachable (a 404 from
    routing, since the server decodes %2F before matching); the id is now a path parameter."""
    response = client.get("/api/articles/%3Cb%3Ebold-id%3C%2Fb%3E")
    assert response.status_code == 200
    assert response.json()["article"]["id"] == "<b>bold-id</b>"
    assert client.get("/api/articles/..%2F..%2Fetc%2Fpasswd").json()["article"]["outlet"] == (
        "Coast % Radio _"
    )


@pytest.mark.parametrize("path", ["/api/nothing", "/api/stats/extra", "/static/none.js"])
def test_fuzz_api_unknown_path_is_a_coded_error(client: httpx.Client, path: str) -> None:
    """Regression: unknown paths answered FastAPI's uncoded {"detail": "Not Found"}."""
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "DL506"
    assert path in response.json()["message"]
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_fuzz_api_unknown_method_is_a_coded_error(client: httpx.Client) -> None:
    response = client.post("/api/stats")
    assert response.status_code == 405
    assert response.json()["code"] == "DL506"


def test_fuzz_api_seeded_requests(
    harness: ModuleType, client: httpx.Client, hostile_store: tuple[str, list[str]]
) -> None:
    requests = harness.request_campaign(61, SEEDED_REQUESTS, hostile_store[1])
    outcome = harness.run_requests(client, requests)
    _assert_clean(outcome, SEEDED_REQUESTS)
    assert outcome.statuses.get(200, 0) > 0 and outcome.codes  # both answers were exercised


def _route_params(harness: ModuleType) -> list[tuple[str, str]]:
    return [(route, name) for route, names in harness.ROUTES.items() for name in names]


ODD_TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), value=ODD_TEXT, extra=st.booleans())
def test_fuzz_api_hypothesis_parameters(
    harness: ModuleType, client: httpx.Client, data, value: str, extra: bool
) -> None:
    route, name = data.draw(st.sampled_from(_route_params(harness)))
    params = [(name, value)] + ([(name, value[::-1])] if extra else [])
    outcome = harness.ApiOutcome()
    harness.send(client, harness.Request("hypothesis", route, tuple(params)), outcome)
    _assert_clean(outcome, 1)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(segment=ODD_TEXT, under_api=st.booleans())
def test_fuzz_api_hypothesis_paths(
    harness: ModuleType, client: httpx.Client, segment: str, under_api: bool
) -> None:
    prefix = "/api/articles/" if under_api else "/"
    outcome = harness.ApiOutcome()
    path = prefix + harness.quote_path(segment)
    harness.send(client, harness.Request("hypothesis", path), outcome)
    _assert_clean(outcome, 1)


@pytest.mark.slow
def test_fuzz_api_full_campaign(
    harness: ModuleType, client: httpx.Client, hostile_store: tuple[str, list[str]]
) -> None:
    requests = harness.request_campaign(62, FULL_REQUESTS, hostile_store[1])
    _assert_clean(harness.run_requests(client, requests), FULL_REQUESTS)
