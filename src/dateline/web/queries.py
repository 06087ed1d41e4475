"""Read-side helpers of the HTTP API: filters the store cannot express, paging, grouping.

Pure functions over records (not stable API); ``app.py`` calls them between the store and
the response.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from dateline.records import EventMention, Timeline, TimelineEntry

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results: ``items`` from ``offset``, and how many match in all."""

    model_config = ConfigDict(frozen=True)

    items: list[T]
    total: int = Field(description="How many items match the filters, over all pages")
    limit: int
    offset: int


class LinkedEvent(BaseModel):
    """One cross-article cluster: the mentions that report the same real-world event."""

    model_config = ConfigDict(frozen=True)

    cluster: str
    type: str = Field(description="The most common PLOVER type among its mentions")
    date: str | None = Field(description="The earliest date its mentions give (TIMEX3)")
    outlets: list[str] = Field(description="Distinct outlets reporting it, sorted")
    mentions: list[EventMention]


def contains(haystack: str | None, needle: str) -> bool:
    """Case-insensitive substring test that treats a missing haystack as no match."""
    return haystack is not None and needle.casefold() in haystack.casefold()


def page_of(items: Sequence[T], limit: int, offset: int) -> Page[T]:
    """Slice ``items`` into one page, keeping the total."""
    return Page[T](
        items=list(items[offset : offset + limit]), total=len(items), limit=limit, offset=offset
    )


def group_clusters(mentions: Iterable[EventMention], min_mentions: int = 1) -> list[LinkedEvent]:
    """Group linked mentions by cluster, earliest date first, then by cluster id.

    Args:
        mentions: mentions with ``cluster`` set (others are ignored).
        min_mentions: leave out clusters with fewer mentions (2 keeps only linked events).
    """
    groups: dict[str, list[EventMention]] = {}
    for mention in mentions:
        if mention.cluster is not None:
            groups.setdefault(mention.cluster, []).append(mention)
    linked = [
        _linked_event(cluster, members)
        for cluster, members in groups.items()
        if len(members) >= min_mentions
    ]
    return sorted(linked, key=lambda ev: (ev.date is None, ev.date or "", ev.cluster))


def _linked_event(cluster: str, members: list[EventMention]) -> LinkedEvent:
    types = [m.type for m in members]
    dates = sorted(m.date for m in members if m.date)
    return LinkedEvent(
        cluster=cluster,
        type=max(sorted(set(types)), key=types.count),
        date=dates[0] if dates else None,
        outlets=sorted({m.outlet for m in members if m.outlet}),
        mentions=members,
    )


def entry_matches(
    entry: TimelineEntry,
    text: str | None = None,
    type_: str | None = None,
    place: str | None = None,
    outlet: str | None = None,
) -> bool:
    """Whether a timeline entry passes the page's filters (None = any).

    ``text`` looks in the summary, actors, targets, place and every mention's sentence and
    title; ``place`` in the place name; ``outlet`` must be one of the reporting outlets.
    """
    if type_ is not None and entry.type.casefold() != type_.casefold():
        return False
    if place is not None and not (entry.place and contains(entry.place.name, place)):
        return False
    if outlet is not None and not any(
        (m.outlet or "").casefold() == outlet.casefold() for m in entry.mentions
    ):
        return False
    return text is None or any(contains(field, text) for field in _entry_texts(entry))


def _entry_texts(entry: TimelineEntry) -> Iterable[str | None]:
    yield entry.summary
    yield entry.action
    yield from entry.actors
    yield from entry.targets
    yield entry.place.name if entry.place else None
    for mention in entry.mentions:
        yield mention.sentence
        yield mention.title
        yield mention.outlet


def filter_timeline(timeline: Timeline, **filters: str | None) -> Timeline:
    """Keep the entries that match ``filters`` (see ``entry_matches``), and the contradictions
    and figure series that involve a kept entry."""
    if not any(value is not None for value in filters.values()):
        return timeline
    return _keep_entries(timeline, [e for e in timeline.entries if entry_matches(e, **filters)])


def slice_timeline(timeline: Timeline, limit: int | None, offset: int) -> Timeline:
    """Keep ``limit`` entries from ``offset`` (all when limit is None or the page holds all),
    with the contradictions and figure series that involve them."""
    end = None if limit is None else offset + limit
    if offset == 0 and (end is None or end >= len(timeline.entries)):
        return timeline
    return _keep_entries(timeline, timeline.entries[offset:end])


def _keep_entries(timeline: Timeline, entries: list[TimelineEntry]) -> Timeline:
    kept = {e.id for e in entries}
    return timeline.model_copy(
        update={
            "entries": entries,
            "contradictions": [c for c in timeline.contradictions if kept & set(c.entries)],
            "figures": [f for f in timeline.figures if kept & {p.entry for p in f.points}],
        }
    )
