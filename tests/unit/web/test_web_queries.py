"""The API's read-side helpers on hand-built timelines and mentions."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.records import (
    Contradiction,
    Corroboration,
    EventMention,
    FigurePoint,
    FigureSeries,
    PlaceRef,
    Timeline,
    TimelineDate,
    TimelineEntry,
    TimelineMention,
)
from dateline.web.queries import (
    entry_matches,
    filter_timeline,
    group_clusters,
    page_of,
    slice_timeline,
)


def _mention(entry: str, outlet: str, sentence: str) -> TimelineMention:
    return TimelineMention(
        mention_id=f"{outlet}/{entry}",
        article_id=outlet,
        outlet=outlet,
        sentence=sentence,
        span=(0, len(sentence)),
        origin=outlet,
    )


def _entry(entry_id: str, type_: str, place: str, outlets: list[str], summary: str):
    return TimelineEntry(
        id=entry_id,
        date=TimelineDate(value="2025-08-11", precision="day", basis="stated"),
        type=type_,
        summary=summary,
        actors=["Police"],
        action="arrested",
        targets=["two men"],
        place=PlaceRef(name=place),
        mentions=[_mention(entry_id, o, summary) for o in outlets],
        corroboration=Corroboration(outlets=outlets, outlet_count=len(outlets)),
    )


def _point(entry: str, value: float) -> FigurePoint:
    return FigurePoint(
        date=date(2025, 8, 11),
        text=str(value),
        value=value,
        source="s",
        mention_id=f"m/{entry}",
        entry=entry,
    )


@pytest.fixture()
def timeline() -> Timeline:
    return Timeline(
        entries=[
            _entry("a", "COERCE", "Patras", ["Patras Post", "Radio Achaia"], "Police arrested two"),
            _entry("b", "AID", "Athens", ["Aegean Daily"], "Firefighters evacuated residents"),
            _entry("c", "AID", "Patras", ["Northern Ledger"], "The city sheltered families"),
        ],
        contradictions=[
            Contradiction(
                id="C1", kind="occurrence", explanation="denied", entries=["a"], mentions=["x"]
            )
        ],
        figures=[
            FigureSeries(
                id="F1",
                label="residents evacuated",
                counted="residents",
                type="AID",
                points=[_point("b", 100), _point("c", 2000)],
            )
        ],
    )


@pytest.mark.parametrize(
    ("filters", "kept"),
    [
        ({}, ["a", "b", "c"]),
        ({"type_": "aid"}, ["b", "c"]),
        ({"place": "patr"}, ["a", "c"]),
        ({"outlet": "radio achaia"}, ["a"]),
        ({"text": "EVACUATED"}, ["b"]),
        ({"text": "two men"}, ["a", "b", "c"]),  # every entry's targets say so
        ({"type_": "AID", "place": "Patras"}, ["c"]),
        ({"text": "' OR 1=1 --"}, []),
    ],
)
def test_web_filter_timeline_keeps_matching_entries(timeline, filters, kept) -> None:
    full = {"text": None, "type_": None, "place": None, "outlet": None} | filters
    assert [e.id for e in filter_timeline(timeline, **full).entries] == kept


def test_web_filter_timeline_keeps_what_involves_kept_entries(timeline) -> None:
    shown = filter_timeline(timeline, text=None, type_="COERCE", place=None, outlet=None)
    assert [c.id for c in shown.contradictions] == ["C1"]
    assert shown.figures == []
    shown = filter_timeline(timeline, text=None, type_=None, place="Athens", outlet=None)
    assert shown.contradictions == []
    assert [len(f.points) for f in shown.figures] == [2]  # the whole series, for context


def test_web_slice_timeline_pages_entries(timeline) -> None:
    assert slice_timeline(timeline, None, 0) is timeline
    assert slice_timeline(timeline, 5, 0) is timeline
    page = slice_timeline(timeline, 1, 1)
    assert [e.id for e in page.entries] == ["b"]
    assert page.contradictions == [] and [f.id for f in page.figures] == ["F1"]
    assert slice_timeline(timeline, 2, 5).entries == []


def test_web_entry_matches_ignores_case_and_missing_place(timeline) -> None:
    placeless = timeline.entries[0].model_copy(update={"place": None})
    assert not entry_matches(placeless, place="Patras")
    assert entry_matches(placeless, outlet="PATRAS POST")


def _event_mention(mention_id: str, cluster: str | None, outlet: str, day: str | None, type_: str):
    return EventMention(
        mention_id=mention_id,
        article_id=mention_id.split("/")[0],
        event_id="EV1",
        cluster=cluster,
        outlet=outlet,
        type=type_,
        trigger="t",
        text="t",
        span=(0, 1),
        date=day,
    )


def test_web_group_clusters_orders_by_date_and_counts_outlets() -> None:
    mentions = [
        _event_mention("a/EV1", "k2", "Post", "2025-08-12", "AID"),
        _event_mention("b/EV1", "k1", "Ledger", "2025-08-11", "COERCE"),
        _event_mention("c/EV1", "k1", "Post", "2025-08-12", "COERCE"),
        _event_mention("d/EV1", "k1", "Post", None, "AID"),
        _event_mention("e/EV1", None, "Radio", "2025-08-10", "AID"),
        _event_mention("f/EV1", "k3", "Radio", None, "AID"),
    ]
    linked = group_clusters(mentions)
    assert [(c.cluster, c.type, c.date, c.outlets) for c in linked] == [
        ("k1", "COERCE", "2025-08-11", ["Ledger", "Post"]),
        ("k2", "AID", "2025-08-12", ["Post"]),
        ("k3", "AID", None, ["Radio"]),
    ]
    assert [c.cluster for c in group_clusters(mentions, min_mentions=2)] == ["k1"]


def test_web_page_of_slices_and_counts() -> None:
    page = page_of(list(range(10)), limit=3, offset=8)
    assert (page.items, page.total, page.limit, page.offset) == ([8, 9], 10, 3, 8)
