"""The events table and the summary show each restatement group once."""

from __future__ import annotations

from dateline.records import Argument, Article, Event, EventDate, Extraction, PlaceRef
from dateline.report import distinct_events, format_events_table
from dateline.summary import format_summary


def _event(n: int, group: str, **fields) -> Event:
    return Event(
        id=f"EV{n}",
        article_id="a",
        span=(10 * n, 10 * n + 5),
        stage="events@1",
        text="x",
        trigger="shelled",
        trigger_span=(10 * n, 10 * n + 5),
        type="ASSAULT",
        group=group,
        **fields,
    )


def _extraction() -> Extraction:
    headline = _event(1, "EV1", actors=[Argument(name="Rebels", span=(0, 6))])
    lede = _event(
        2,
        "EV1",
        actors=[Argument(name="Rebel forces", span=(0, 6))],
        location=PlaceRef(name="Marlow"),
        date=EventDate(value="2025-03-11"),
    )
    other = Event(
        id="EV3",
        article_id="a",
        span=(40, 45),
        stage="events@1",
        text="x",
        trigger="met",
        trigger_span=(40, 43),
        type="CONSULT",
        group="EV3",
    )
    recap = _event(4, "EV1", date=EventDate(value="2025-03-11"))
    text = "Rebels shell Marlow. " * 4
    return Extraction(article=Article(text=text, id="a"), events=[headline, lede, other, recap])


def test_linking_distinct_events_keeps_the_most_complete_member() -> None:
    assert [e.id for e in distinct_events(_extraction().events)] == ["EV2", "EV3"]


def test_linking_events_table_shows_each_group_once() -> None:
    lines = format_events_table(_extraction()).splitlines()
    assert len(lines) == 4  # header, rule, two events
    assert lines[2].split()[:2] == ["a", "2025-03-11"] and "Rebel forces" in lines[2]
    assert "CONSULT" in lines[3]


def test_linking_summary_counts_restatements() -> None:
    summary = format_summary(_extraction())
    assert "\nEvents (2)" in summary
    assert "(told 3 times)" in summary
