"""Shared by the web tests: stores built from the bundled story, hostile articles and a
synthetic corpus, a live server on a free loopback port, and Debian's Chromium."""

from __future__ import annotations

import functools
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import pytest

from dateline.records import (
    Argument,
    Article,
    Attribution,
    Event,
    EventDate,
    Extraction,
    PlaceRef,
    Quantity,
    Sentence,
    Source,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
STAGE = "synthetic@1"


def story_file() -> Path:
    """The bundled multi-article story (JSONL)."""
    return Path(str(resources.files("dateline").joinpath("sample", "story", "patras-fire.jsonl")))


@functools.cache
def story_store(folder: Path) -> str:
    """Ingest the bundled story once per session into ``folder``; return the store path."""
    from dateline.api import ingest

    path = folder / "story.duckdb"
    report = ingest([story_file()], db=str(path))
    assert report.added == 4 and report.rejected == []
    return str(path)


def ingest_articles(path: Path, articles: list[dict]) -> str:
    """Write ``articles`` as JSONL beside ``path`` and ingest them into a store there."""
    import json

    from dateline.api import ingest

    source = path.with_suffix(".jsonl")
    source.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    report = ingest([source], db=str(path))
    assert report.added == len(articles), report.rejected
    return str(path)


def synthetic_store(path: Path | str, events: int) -> str:
    """A store of ``events`` linked events, each reported by two outlets, built from records
    made here (no NLP): the size the page must paint fast. ``path`` is a DuckDB file or a
    PostgreSQL URL."""
    from dateline.linker import block_keys
    from dateline.storage import open_store

    outlets = ["North Star", "Harbour Times", "Valley Courier", "Coast Radio", "City Wire"]
    places = [
        ("Patras", 38.2466, 21.7346, "GR"),
        ("Porto", 41.1496, -8.611, "PT"),
        ("Lyon", 45.764, 4.8357, "FR"),
        ("Graz", 47.0707, 15.4395, "AT"),
    ]
    batch: list[Extraction] = []
    clusters: dict[str, str] = {}
    start = date(2025, 1, 1)
    for n in range(events):
        when = (start + timedelta(days=n % 300)).isoformat()
        place = places[n % len(places)]
        for k in range(2):
            outlet = outlets[(n + k) % len(outlets)]
            article_id = f"syn-{n}-{k}"
            text = f"Workers at depot {n} went on strike in {place[0]} on {when}, {outlet} said."
            batch.append(_synthetic_extraction(article_id, outlet, when, text, place, n))
            clusters[f"{article_id}/EV1"] = f"syn-cluster-{n}"
    with open_store(str(path)) as store:
        for i in range(0, len(batch), 500):
            store.add_extractions(batch[i : i + 500], block_keys=block_keys)
        store.set_clusters(clusters)
    return str(path)


def _synthetic_extraction(
    article_id: str, outlet: str, when: str, text: str, place: tuple, n: int
) -> Extraction:
    name, lat, lon, country = place
    where = text.index(name)
    count = Quantity(
        id="Q1",
        article_id=article_id,
        span=(0, 7),
        stage=STAGE,
        text=f"{100 + n}",
        value=float(100 + n),
        counted="workers",
    )
    event = Event(
        id="EV1",
        article_id=article_id,
        span=(0, len(text)),
        stage=STAGE,
        text=text,
        trigger="went on strike",
        trigger_span=(text.index("went"), text.index(" in ")),
        type="PROTEST",
        actors=[Argument(name=f"Workers at depot {n}", span=(0, 19))],
        location=PlaceRef(
            name=name, span=(where, where + len(name)), lat=lat, lon=lon, country=country
        ),
        date=EventDate(value=when, text=when, source="clause"),
        quantities=[count],
        attribution=Attribution(sources=[Source(name=outlet, kind="outlet")]),
    )
    return Extraction(
        article=Article(
            id=article_id,
            title=f"Strike at depot {n}",
            outlet=outlet,
            published=date.fromisoformat(when),
            text=text,
        ),
        sentences=[
            Sentence(id="S1", article_id=article_id, span=(0, len(text)), stage=STAGE, paragraph=0)
        ],
        events=[event],
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def live_server(db: str) -> Iterator[str]:
    """Serve the app over the store at ``db`` on a free loopback port; yield its base URL."""
    import uvicorn

    from dateline.storage import open_store
    from dateline.web.app import create_app

    port = free_port()
    with open_store(db, create=False, read_only=True) as store:
        config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def require_assets() -> None:
    """Skip (a failure under CI=true) when the page's vendor assets are not built."""
    from dateline.web.assets import VENDOR_DIR, missing_assets

    missing = missing_assets()
    if missing:
        pytest.skip(f"web assets not built in {VENDOR_DIR} (`dateline serve --setup`): {missing}")


@contextmanager
def chromium_browser():
    """Debian's Chromium driven by Playwright; skips (fails under CI=true) when absent."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot (the whole page, or the window) under test-artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
