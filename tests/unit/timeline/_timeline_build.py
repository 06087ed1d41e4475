"""Hand-built event mentions for the timeline tests: only the fields a test is about."""

from __future__ import annotations

from datetime import date

from dateline.records import (
    Argument,
    Attribution,
    EventMention,
    PlaceRef,
    Quantity,
    Source,
)


def source(name: str, kind: str = "named") -> Source:
    return Source(name=name, kind=kind)


def figure(text: str, counted: str | None, **values: float | bool) -> Quantity:
    return Quantity(
        id="Q1", article_id="a", span=(0, 1), stage="quantities@test", text=text,
        counted=counted, **values,
    )  # fmt: skip


def mention(
    article: str,
    event: str = "EV1",
    *,
    cluster: str | None = "c1",
    outlet: str | None = None,
    published: str | None = "2025-08-12",
    type: str = "COERCE",
    alt_type: str | None = None,
    trigger: str = "arrested",
    text: str = "arrested two men",
    when: str | None = None,
    when_source: str = "clause",
    actors: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    place: str | None = None,
    sources: tuple[Source, ...] = (),
    quantities: tuple[Quantity, ...] = (),
    modality: str = "asserted",
    polarity: str = "positive",
    group: str | None = None,
    start: int = 0,
) -> EventMention:
    return EventMention(
        mention_id=f"{article}/{event}",
        article_id=article,
        event_id=event,
        group=group,
        cluster=cluster,
        outlet=outlet if outlet is not None else article.title(),
        published=date.fromisoformat(published) if published else None,
        title=f"Report by {article}",
        type=type,
        alt_type=alt_type,
        trigger=trigger,
        text=text,
        span=(start, start + len(text)),
        date=when,
        date_source=when_source if when else "none",
        actors=[Argument(name=n, span=(0, 1)) for n in actors],
        targets=[Argument(name=n, span=(0, 1)) for n in targets],
        location=PlaceRef(name=place, span=(0, 6), place_id="P1") if place else None,
        quantities=list(quantities),
        attribution=Attribution(sources=list(sources)),
        modality=modality,
        polarity=polarity,
    )
