"""Hand-built extractions for store tests: no spaCy, every field the store indexes set."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.records import (
    Argument,
    Article,
    Attribution,
    Entity,
    Event,
    EventDate,
    Extraction,
    Notice,
    PlaceRef,
    Quantity,
    Sentence,
    Source,
    Timex,
)


def build_extraction(
    text: str,
    *,
    outlet: str | None = "Valley Post",
    published: date | None = date(2025, 5, 12),
    event_type: str = "PROTEST",
    event_date: str | None = "2025-05-11",
    place: tuple[str, float, float, str] | None = ("Riverton", 51.25, -0.5, "GB"),
    actors: tuple[str, ...] = ("protesters",),
    targets: tuple[str, ...] = ("the council",),
    source: str | None = "police",
    article_id: str = "",
) -> Extraction:
    """One article with one sentence, a timex, an entity, a quantity, a notice and one event."""
    article = Article(
        id=article_id, text=text, outlet=outlet, published=published, title="A report"
    )
    aid = article.id
    end = len(text)
    location = None
    if place is not None:
        name, lat, lon, country = place
        location = PlaceRef(name=name, lat=lat, lon=lon, country=country, place_id="P1")
    event = Event(
        id="EV1",
        article_id=aid,
        span=(0, end),
        stage="events@test",
        text=text,
        trigger="marched",
        trigger_span=(0, min(end, 7)),
        type=event_type,
        actors=[Argument(name=a, span=(0, 1)) for a in actors],
        targets=[Argument(name=t, span=(0, 1)) for t in targets],
        location=location,
        date=EventDate(value=event_date, source="clause") if event_date else None,
        attribution=Attribution(sources=[Source(name=source, kind="named")] if source else []),
        group="EV1",
    )
    return Extraction(
        article=article,
        sentences=[Sentence(id="S1", article_id=aid, span=(0, end), stage="parse@t", paragraph=0)],
        timexes=[
            Timex(
                id="T1",
                article_id=aid,
                span=(0, 3),
                stage="timexes@t",
                text=text[:3],
                type="DATE",
                value=event_date,
            )
        ],  # fmt: skip
        quantities=[
            Quantity(
                id="Q1",
                article_id=aid,
                span=(1, 2),
                stage="quantities@t",
                text=text[1:2],
                value=3000.0,
                approx=True,
                counted="people",
            )
        ],  # fmt: skip
        entities=[
            Entity(
                id="E1",
                article_id=aid,
                span=(0, 2),
                stage="entities@t",
                name="Riverton Council",
                type="ORG",
                mentions=[(0, 2)],
            )
        ],  # fmt: skip
        events=[event],
        notices=[Notice(code="W001", message="a notice")],
    )


@pytest.fixture(scope="session")
def extraction_factory():
    """The ``build_extraction`` helper, as a fixture."""
    return build_extraction
