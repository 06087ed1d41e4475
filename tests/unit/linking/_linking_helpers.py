"""Hand-built event mentions for the linking tests (our own writing)."""

from __future__ import annotations

from datetime import date

from dateline.records import Argument, EventMention, PlaceRef

MARLOW = PlaceRef(name="Marlow", country="XM", lat=44.10, lon=21.50)
DUNMORE = PlaceRef(name="Dunmore", country="XD", lat=51.20, lon=3.90)


def mention(
    article: str,
    event: str,
    *,
    trigger: str = "shelled",
    text: str = "Rebel forces shelled the port city of Marlow, killing four civilians.",
    type_: str = "ASSAULT",
    on: str | None = "2025-03-11",
    published: date | None = date(2025, 3, 12),
    place: PlaceRef | None = MARLOW,
    actors: tuple[str, ...] = ("Rebel forces",),
    targets: tuple[str, ...] = ("Marlow",),
    group: str | None = None,
    title: str | None = None,
    alt_type: str | None = None,
    cluster: str | None = None,
) -> EventMention:
    """One mention with sensible defaults: the shelling of Marlow on 11 March 2025."""
    return EventMention(
        mention_id=f"{article}/{event}",
        article_id=article,
        event_id=event,
        group=group,
        cluster=cluster,
        published=published,
        title=title,
        type=type_,
        alt_type=alt_type,
        trigger=trigger,
        text=text,
        span=(0, len(text)),
        date=on,
        location=place,
        actors=[Argument(name=name, span=(0, 1)) for name in actors],
        targets=[Argument(name=name, span=(0, 1)) for name in targets],
    )


def trade_talks(article: str, event: str, **changes: object) -> EventMention:
    """A different event: trade talks in Dunmore a week earlier."""
    fields: dict[str, object] = dict(
        trigger="met",
        text="Trade ministers met in Dunmore to discuss tariffs on steel.",
        type_="CONSULT",
        on="2025-03-04",
        place=DUNMORE,
        actors=("Trade ministers",),
        targets=(),
    )
    fields.update(changes)
    return mention(article, event, **fields)  # type: ignore[arg-type]
