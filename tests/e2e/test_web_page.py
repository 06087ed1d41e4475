"""The timeline page in Debian's Chromium (Playwright): the bundled story, filters in the URL,
sources one click or one key away, contradictions and figure charts, phone width, hostile
articles that must stay inert text, and first paint on 1,000 linked events.

Screenshots land in test-artifacts/ (gitignored)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import expect
from web_support import (
    ARTIFACTS,
    chromium_browser,
    ingest_articles,
    live_server,
    require_assets,
    screenshot,
    story_store,
    synthetic_store,
)

PWNED = "window.__pwned = (window.__pwned || 0) + 1"
HOSTILE = [
    {
        "id": "hostile-1",
        "outlet": '<b onmouseover="window.__pwned=1">Evil Outlet</b>',
        "title": '<img src=x onerror="window.__pwned=1">Strike <script>alert(1)</script>',
        "url": "javascript:window.__pwned=1",
        "published": "2025-08-12",
        "text": (
            "Police arrested two protesters in Patras on Monday, the ministry said. "
            f"<script>{PWNED}</script> The protesters denied the charges.\n"
            f'Workers at the <img src=x onerror="{PWNED}"> port went on strike on Tuesday.'
        ),
    },
    {
        "id": "hostile-2",
        "outlet": "Quote Wire\"'><svg onload=alert(1)>",
        "title": '<a href="javascript:alert(1)">click</a> Farmers protest',
        "url": "data:text/html,<script>alert(1)</script>",
        "published": "2025-08-13",
        "text": (
            "Farmers protested in Patras on Tuesday against new water rules, "
            '<iframe src="javascript:alert(1)"></iframe> the union said.\n'
            "The ministry rejected the farmers' demands on Wednesday."
        ),
    },
]


@pytest.fixture(scope="module")
def browser():
    require_assets()
    with chromium_browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def story_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(story_store(tmp_path_factory.getbasetemp())) as base:
        yield base


class Watched:
    """A page with its console errors, uncaught exceptions and dialogs recorded."""

    def __init__(self, browser, width: int = 1280, height: int = 800) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"pageerror: {exc}"))
        self.page.on("dialog", self._dialog)

    def _console(self, msg) -> None:
        if msg.type == "error":
            self.problems.append(msg.text)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str, ready: str = "all"):
        self.page.goto(url)
        self.page.wait_for_selector(f"body[data-ready={ready}]", timeout=30_000)
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.close()


def test_web_page_shows_the_story(watched: Watched, story_url: str) -> None:
    page = watched.open(story_url)
    timeline = httpx.get(f"{story_url}/api/timeline").json()
    assert page.locator("li.entry").count() == len(timeline["entries"])
    assert "4 articles from 4 outlets" in page.inner_text("#stats")
    [denial] = [c for c in timeline["contradictions"] if c["kind"] == "occurrence"]
    [data] = [e for e in timeline["entries"] if denial["id"] in e["contradictions"]]
    entry = page.locator(f"li.entry[data-entry='{data['id']}']")
    assert "contradicted" in (entry.get_attribute("class") or "")
    marked = entry.locator(f".contradiction[data-contradiction='{denial['id']}']")
    assert "occurrence contradiction" in marked.inner_text().lower()
    assert "denied by Radio Achaia citing Citizen Protection Ministry" in marked.inner_text()
    c = data["corroboration"]
    assert (
        f"{c['outlet_count']} outlets · {c['independent_count']} independent source"
        in entry.locator(".corroboration").inner_text()
    )
    relays = entry.locator(".relay").all_inner_texts()
    assert any("relay Meridian News Agency" in r for r in relays)
    denier = entry.locator("button.source", has_text="Radio Achaia").filter(has_text="denies")
    assert denier.count() == 1
    screenshot(page, "web-story-1280x800")
    assert watched.problems == [] and watched.dialogs == []


def test_web_page_charts_each_figure_series(watched: Watched, story_url: str) -> None:
    page = watched.open(story_url)
    figure = page.locator("figure.figure", has_text="residents evacuated")
    chart = figure.locator(".chart[data-rendered=true] svg")
    assert chart.count() == 1
    points = figure.locator("tbody tr")
    assert points.count() == 4
    assert points.first.inner_text().split("\t")[:3] == ["11 Aug 2025", "over 100", "Aegean Daily"]
    # one plotted symbol per point with a date, the source in each row
    assert chart.locator("g.mark-symbol.role-mark path").count() == 4
    assert "the fire service" in figure.locator("tbody").inner_text()
    chart.locator("g.mark-symbol.role-mark path").nth(1).hover()
    tooltip = page.locator("#vg-tooltip-element")
    expect(tooltip).to_be_visible()
    assert "Source" in tooltip.inner_text() and "Outlet" in tooltip.inner_text()
    figure.scroll_into_view_if_needed()
    screenshot(page, "web-figures")
    assert watched.problems == []


def test_web_page_map_marks_event_places(watched: Watched, story_url: str) -> None:
    page = watched.open(story_url)
    # The fire's places: Patras, and Saravali where it started. Athens is only where the
    # ministry spoke, so no event of the story happens there.
    assert page.get_attribute("#map", "data-markers") == "2"
    assert page.locator("#map path.leaflet-interactive").count() == 2  # one marker per place
    assert page.locator("#map svg path").count() > 50  # country and region outlines
    places = page.inner_text("#places")
    assert "Patras:" in places and "Saravali:" in places and "Athens" not in places
    assert watched.problems == []


def test_web_page_filters_change_the_url_and_reload_from_it(watched: Watched, story_url: str):
    entries = httpx.get(f"{story_url}/api/timeline").json()["entries"]
    # a type that some but not all entries have, so the filter visibly narrows the list
    kind = next(
        e["type"] for e in entries if sum(x["type"] == e["type"] for x in entries) < len(entries)
    )
    expected = int(
        httpx.get(f"{story_url}/api/timeline", params={"q": "patras", "type": kind}).headers[
            "X-Total-Count"
        ]
    )
    assert 0 < expected < len(entries)
    page = watched.open(story_url)
    page.fill("input[name=q]", "patras")
    page.select_option("select[name=type]", kind)
    page.click("button[type=submit]")
    expect(page.locator("li.entry")).to_have_count(expected)
    assert page.url.endswith(f"?q=patras&type={kind}")
    shared = page.url
    page.goto(story_url)
    page.wait_for_selector("body[data-ready=all]")
    assert page.locator("li.entry").count() == len(entries)
    page.goto(shared)
    page.wait_for_selector("body[data-ready=all]")
    assert page.locator("li.entry").count() == expected
    assert all(
        t == kind
        for t in page.eval_on_selector_all("li.entry", "els => els.map(e => e.dataset.type)")
    )
    assert page.input_value("input[name=q]") == "patras"
    assert page.input_value("select[name=type]") == kind
    page.go_back()
    expect(page.locator("li.entry")).to_have_count(len(entries))
    assert watched.problems == []


def test_web_page_opens_a_source_with_its_sentence_highlighted(watched: Watched, story_url: str):
    page = watched.open(story_url)
    page.click("button.source:has-text('Patras Post'):has-text('arrested two men')")
    page.wait_for_selector("#article mark.sentence")
    assert page.is_visible("#article")
    assert page.inner_text("#article-title") == "Patras Post"[:0] + page.inner_text(
        "#article-title"
    )
    assert page.inner_text("#article-meta").startswith("Patras Post, 12 Aug 2025")
    mark = page.inner_text("#article mark.sentence")
    assert "arrested two men on Monday" in mark
    assert mark.strip().endswith(".")  # the whole sentence, not only the clause
    screenshot(page, "web-source-highlighted")
    assert watched.problems == []


def test_web_page_keyboard_reaches_sources(watched: Watched, story_url: str) -> None:
    page = watched.open(story_url)
    page.locator("li.entry").first.focus()
    page.keyboard.press("j")
    page.keyboard.press("j")
    focused = page.evaluate("document.activeElement.dataset.entry")
    entries = page.eval_on_selector_all("li.entry", "els => els.map(e => e.dataset.entry)")
    assert focused == entries[2]
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.dataset.entry") == entries[1]
    page.keyboard.press("Enter")
    page.wait_for_selector("#article mark.sentence")
    page.keyboard.press("Escape")
    assert page.is_hidden("#article")
    assert page.evaluate("document.activeElement.dataset.entry") == entries[1]
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"


def test_web_page_fits_a_phone(browser, story_url: str) -> None:
    phone = Watched(browser, width=390, height=844)
    try:
        page = phone.open(story_url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("li.entry").first.bounding_box()
        assert box is not None and box["width"] > 300
        screenshot(page, "web-story-phone-390")
        assert phone.problems == []
    finally:
        phone.close()


def test_web_page_hostile_articles_stay_text(browser, tmp_path_factory) -> None:
    db = ingest_articles(tmp_path_factory.mktemp("hostile") / "hostile.duckdb", HOSTILE)
    with live_server(db) as base:
        watched = Watched(browser)
        try:
            page = watched.open(base)
            assert page.locator("li.entry").count() >= 2
            for button in page.locator("button.source").all():
                button.click()
                page.wait_for_selector("#article mark.sentence")
                meta = page.inner_text("#article-meta")
                assert "<b onmouseover" in meta or "svg onload" in meta
                title = page.inner_text("#article-title")
                assert "<img src=x onerror" in title or "<a href=" in title
                page.hover("#article-meta")
            page.fill("input[name=q]", '"><img src=x onerror=alert(2)>')
            page.click("button[type=submit]")
            page.wait_for_selector("body[data-ready=all]")
            assert page.inner_text("#timeline-status") == "No event matches these filters."
            screenshot(page, "web-hostile")
            assert page.evaluate("window.__pwned") is None
            assert watched.dialogs == []
            scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src)")
            assert all(re.match(rf"{re.escape(base)}/static/", src) for src in scripts), scripts
            handlers = page.evaluate(
                "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                ".some(a => a.name.startsWith('on'))).length"
            )
            assert handlers == 0
            assert (
                page.locator("a[href^='javascript:'], a[href^='data:'], iframe, img").count() == 0
            )
            assert watched.problems == []
        finally:
            watched.close()


def test_web_page_first_paint_on_1000_events(browser, tmp_path_factory) -> None:
    db = synthetic_store(tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb", 1000)
    with live_server(db) as base:
        assert httpx.get(f"{base}/api/stats").json()["clusters"] == 1000
        # The server builds the timeline at start and caches it until the store changes;
        # this waits for that build, as a visitor a second after start would.
        httpx.get(f"{base}/api/timeline", params={"limit": 1}, timeout=60)
        watched = Watched(browser)
        try:
            page = watched.open(base, ready="timeline")
            timeline_ms = int(page.get_attribute("body", "data-timeline-ms"))
            paint_ms = page.evaluate(
                "performance.getEntriesByName('first-contentful-paint')[0].startTime"
            )
            assert "1000 events" in page.inner_text("#timeline-status")
            assert page.locator("li.entry").count() == 200
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / "web-first-paint.json").write_text(
                json.dumps(
                    {
                        "events": 1000,
                        "first_contentful_paint_ms": paint_ms,
                        "timeline_rendered_ms": timeline_ms,
                    }
                )
                + "\n"
            )
            assert paint_ms < 1000, paint_ms
            assert timeline_ms < 1000, timeline_ms
            page.wait_for_selector("body[data-ready=all]", timeout=30_000)
            screenshot(page, "web-synthetic-1000", full_page=False)
            assert watched.problems == []
        finally:
            watched.close()
