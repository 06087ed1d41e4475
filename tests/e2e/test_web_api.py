"""The HTTP API over a store built from the bundled story: values, filters, errors, headers,
and injection strings in every filter."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from web_support import live_server, story_store

from dateline.api import timeline as api_timeline
from dateline.web.app import CONTENT_SECURITY_POLICY

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "%' OR 1=1 --",
    "\\'; SELECT pg_sleep(1); --",
    "1) UNION SELECT mention_id, record FROM events --",
    "<script>alert(1)</script>",
    "_%",
]
TEXT_FILTERS = {
    "/api/events": ["q", "place", "actor", "type", "outlet", "cluster"],
    "/api/linked": ["q", "type", "outlet"],
    "/api/timeline": ["about", "q", "type", "place", "outlet"],
    "/api/figures": ["about"],
}


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return story_store(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def api(story_db: str) -> Iterator[httpx.Client]:
    with live_server(story_db) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def test_web_api_stats_counts_the_story(api: httpx.Client) -> None:
    stats = api.get("/api/stats").json()
    assert stats["articles"] == 4
    assert stats["outlets"] == 4
    assert stats["events"] >= 10
    assert "url" not in stats  # the store's location is not the API's business


def test_web_api_timeline_is_the_cli_json(api: httpx.Client, story_db: str) -> None:
    served = api.get("/api/timeline").json()
    expected = json.loads(api_timeline(story_db).model_dump_json())
    assert served == expected


@pytest.mark.parametrize(
    "params",
    [{"outlet": "Radio Achaia"}, {"type": "AID"}, {"place": "patras"}, {"q": "evacuated"}],
)
def test_web_api_timeline_filters_keep_whole_entries(api: httpx.Client, params: dict) -> None:
    full = {e["id"]: e for e in api.get("/api/timeline").json()["entries"]}
    response = api.get("/api/timeline", params=params)
    shown = response.json()
    kept = [e["id"] for e in shown["entries"]]
    expected = [i for i, e in full.items() if _matches(e, params)]
    assert kept == expected and kept
    assert response.headers["X-Total-Count"] == str(len(kept))
    for entry in shown["entries"]:
        assert entry == full[entry["id"]]  # every report kept, not only the matching one
    ids = set(kept)
    assert all(ids & set(c["entries"]) for c in shown["contradictions"])


def _matches(entry: dict, params: dict) -> bool:
    """The filter rules, written out independently for the test."""
    if "outlet" in params:
        return params["outlet"] in {m["outlet"] for m in entry["mentions"]}
    if "type" in params:
        return entry["type"] == params["type"]
    if "place" in params:
        return params["place"] in (entry["place"] or {}).get("name", "").lower()
    texts = [entry["summary"], entry["action"], *entry["actors"], *entry["targets"]]
    for mention in entry["mentions"]:
        texts += [mention["sentence"], mention["title"] or "", mention["outlet"] or ""]
    return any(params["q"] in t.lower() for t in texts)


def test_web_api_timeline_marks_the_denied_arrests(api: httpx.Client) -> None:
    timeline = api.get("/api/timeline").json()
    [denial] = [c for c in timeline["contradictions"] if c["kind"] == "occurrence"]
    assert "denied by Radio Achaia citing Citizen Protection Ministry" in denial["explanation"]
    [entry] = [e for e in timeline["entries"] if denial["id"] in e["contradictions"]]
    relays = {r["source"]: r["outlets"] for r in entry["corroboration"]["relays"]}
    assert relays["Meridian News Agency"] == ["Northern Ledger", "Patras Post"]


def test_web_api_timeline_pages_entries(api: httpx.Client) -> None:
    full = api.get("/api/timeline").json()["entries"]
    page = api.get("/api/timeline", params={"limit": 2, "offset": 1})
    assert [e["id"] for e in page.json()["entries"]] == [e["id"] for e in full[1:3]]
    assert page.headers["X-Total-Count"] == str(len(full))


def test_web_api_figures_give_the_evacuation_series(api: httpx.Client) -> None:
    series = {s["label"]: s for s in api.get("/api/figures").json()}
    points = series["residents evacuated"]["points"]
    assert [(p["date"], p["text"]) for p in points][0] == ("2025-08-11", "over 100")
    assert {p["outlet"] for p in points} == {
        "Aegean Daily",
        "Northern Ledger",
        "Patras Post",
        "Radio Achaia",
    }


def test_web_api_events_filter_by_place_actor_type_outlet_and_date(api: httpx.Client) -> None:
    arrests = api.get("/api/events", params={"actor": "police", "type": "coerce"}).json()
    assert arrests["total"] == len(arrests["items"]) >= 2
    assert all(e["event"]["type"] == "COERCE" for e in arrests["items"])
    in_patras = api.get("/api/events", params={"place": "patras"}).json()
    assert in_patras["total"] >= 5
    assert all("Patras" in e["event"]["location"]["name"] for e in in_patras["items"])
    one_day = api.get(
        "/api/events",
        params={"date_from": "2025-08-13", "date_to": "2025-08-13", "outlet": "Radio Achaia"},
    ).json()
    assert one_day["total"] >= 1
    assert {e["outlet"] for e in one_day["items"]} == {"Radio Achaia"}
    paged = api.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert (paged["limit"], paged["offset"], len(paged["items"])) == (2, 2, 2)


def test_web_api_linked_events_carry_their_mentions(api: httpx.Client) -> None:
    linked = api.get("/api/linked").json()
    events = api.get("/api/events", params={"limit": 1000}).json()["items"]
    sizes: dict[str, int] = {}
    for event in events:
        sizes[event["cluster"]] = sizes.get(event["cluster"], 0) + 1
    assert linked["total"] == sum(1 for n in sizes.values() if n >= 2)
    for cluster in linked["items"]:
        assert len(cluster["mentions"]) == sizes[cluster["cluster"]]
        assert all(m["cluster"] == cluster["cluster"] for m in cluster["mentions"])
    evacuated = [c for c in linked["items"] if any("evacuated" in m["text"] for m in c["mentions"])]
    outlets = ["Aegean Daily", "Northern Ledger", "Patras Post", "Radio Achaia"]
    assert evacuated[0]["outlets"] == outlets


def test_web_api_article_has_text_and_spans(api: httpx.Client) -> None:
    events = api.get("/api/events", params={"outlet": "Patras Post"}).json()["items"]
    article_id = events[0]["article_id"]
    extraction = api.get(f"/api/articles/{article_id}").json()
    text = extraction["article"]["text"]
    assert extraction["article"]["outlet"] == "Patras Post"
    assert extraction["sentences"] and extraction["events"]
    for event in extraction["events"]:
        start, end = event["span"]
        assert text[start:end] == event["text"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/articles/no-such-article", 404, "DL404"),
        ("/api/events?date_from=2025-02-30", 422, "DL504"),
        ("/api/events?limit=0", 422, "DL504"),
        ("/api/events?offset=18446744073709551616", 422, "DL504"),
        ("/api/linked?offset=9223372036854775807", 422, "DL504"),
        ("/api/timeline?date_from=2025-08-13&date_to=2025-08-11", 400, "DL240"),
    ],
)
def test_web_api_errors_are_coded_json(api: httpx.Client, path: str, status: int, code: str):
    response = api.get(path)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and body["message"].startswith(f"[{code}]")


def test_web_api_sends_security_headers(api: httpx.Client) -> None:
    for path in ("/", "/api/stats", "/static/app.js"):
        headers = api.get(path).headers
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY


def test_web_api_has_no_write_route(api: httpx.Client) -> None:
    schema = api.get("/openapi.json").json()
    methods = {m for item in schema["paths"].values() for m in item}
    assert methods == {"get"}
    assert api.head("/").status_code == 200
    assert api.post("/api/events").status_code == 405
    assert api.delete("/api/articles/x").status_code == 405


@pytest.mark.parametrize("injection", INJECTIONS)
def test_web_api_injection_strings_in_every_filter_are_plain_text(
    api: httpx.Client, injection: str
) -> None:
    before = api.get("/api/stats").json()
    for path, names in TEXT_FILTERS.items():
        for name in names:
            response = api.get(path, params={name: injection})
            if response.status_code == 422:  # longer than the parameter allows
                assert response.json()["code"] == "DL504"
                continue
            assert response.status_code == 200, (path, name, response.text)
            assert _results(response.json()) == [], (path, name)
    response = api.get(f"/api/articles/{quote(injection, safe='')}")
    assert response.status_code == 404
    assert api.get("/api/stats").json() == before


def _results(body: dict | list) -> list:
    """The result list of any filtered route: page items, timeline entries, figure series."""
    if isinstance(body, list):
        return body
    return body["items"] if "items" in body else body["entries"]
