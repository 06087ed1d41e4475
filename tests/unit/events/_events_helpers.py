"""Hand-built records of the earlier stages for the events-stage tests."""

from __future__ import annotations

from typing import Any

from dateline.records import Claim, Entity, Event, Place, Quantity, Timex


def find(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def timex(text: str, needle: str, value: str | None, role: str = "point", n: int = 1) -> Timex:
    return Timex(
        id=f"T{n}",
        article_id="a",
        span=find(text, needle),
        stage="t@1",
        text=needle,
        type="DATE",
        value=value,
        role=role,
    )  # type: ignore[arg-type]


def place(text: str, needle: str, feature: str = "city", country: str = "XX", n: int = 1) -> Place:
    spans = []
    start = text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return Place(
        id=f"P{n}",
        article_id="a",
        span=spans[0],
        stage="p@1",
        name=needle,
        country=country,
        feature=feature,
        mentions=spans,
    )  # type: ignore[arg-type]


def entity(
    text: str, needle: str, name: str, type_: str = "ORG", country: str | None = None, n: int = 1
) -> Entity:
    span = find(text, needle)
    return Entity(
        id=f"E{n}",
        article_id="a",
        span=span,
        stage="e@1",
        name=name,
        type=type_,
        country=country,
        mentions=[span],
    )  # type: ignore[arg-type]


def quantity(text: str, needle: str, **values: Any) -> Quantity:
    return Quantity(
        id="Q1", article_id="a", span=find(text, needle), stage="q@1", text=needle, **values
    )


def claim(text: str, needle: str, **fields: Any) -> Claim:
    return Claim(
        id="C1", article_id="a", span=find(text, needle), stage="c@1", text=needle, **fields
    )


def by_trigger(events: list[Event], trigger: str) -> Event:
    matches = [e for e in events if e.trigger.split()[0] == trigger]
    assert matches, f"no event with trigger {trigger!r} in {[e.trigger for e in events]}"
    return matches[0]
