"""Event filters and TIMEX date bounds for store queries (not stable API beyond EventFilter)."""

from __future__ import annotations

import calendar
import re
from datetime import date

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, ValidationError

from dateline.errors import StoreError
from dateline.storage import schema

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class EventFilter(BaseModel):
    """Which stored events or mentions a query returns; every field left None matches all.

    Attributes:
        block_keys: mentions stored under any of these linking block keys.
        cluster: mentions of this cross-article cluster.
        article_id: mentions from this article.
        date_from, date_to: mentions whose event date (a day, month, week, quarter or year)
            overlaps this inclusive range; undated mentions never match a date filter.
        type: PLOVER type (case-insensitive).
        outlet: the article's outlet, exactly.
        text: case-insensitive substring of the clause, an actor, a target or the place.
        place: case-insensitive substring of the place name, or its ISO country code exactly.
        actor: case-insensitive substring of an actor's or a target's name.
        unlinked: True for mentions without a cluster yet, False for linked ones.
        mention_ids: these mentions ('article_id/event_id').
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    block_keys: list[str] | None = None
    cluster: str | None = None
    article_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    type: str | None = None
    outlet: str | None = None
    text: str | None = None
    place: str | None = None
    actor: str | None = None
    unlinked: bool | None = None
    mention_ids: list[str] | None = None


def make_filter(filters: EventFilter | None, fields: dict[str, object]) -> EventFilter:
    """Merge an EventFilter with keyword fields into one validated filter.

    Raises:
        StoreError: DL406 naming the first invalid field.
    """
    base = filters.model_dump(exclude_none=True) if filters is not None else {}
    base.update({k: v for k, v in fields.items() if v is not None})
    try:
        return EventFilter.model_validate(base)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = ".".join(str(part) for part in error["loc"]) or "filter"
        raise StoreError(
            "DL406", name=name, value=error.get("input"), reason=error["msg"]
        ) from None


def check_page(limit: int | None, offset: int) -> None:
    """Refuse a negative limit or offset with DL406."""
    if limit is not None and limit < 0:
        raise StoreError("DL406", name="limit", value=limit, reason="must be 0 or more")
    if offset < 0:
        raise StoreError("DL406", name="offset", value=offset, reason="must be 0 or more")


def conditions(flt: EventFilter) -> list[sa.ColumnElement[bool]]:
    """Translate a filter into bound-parameter SQL conditions on the events table."""
    ev = schema.events
    found: list[sa.ColumnElement[bool]] = []
    if flt.block_keys is not None:
        keyed = sa.select(schema.block_keys.c.mention_id).where(
            schema.block_keys.c.key.in_(flt.block_keys)
        )
        found.append(ev.c.mention_id.in_(keyed))
    if flt.mention_ids is not None:
        found.append(ev.c.mention_id.in_(flt.mention_ids))
    if flt.cluster is not None:
        found.append(ev.c.cluster == flt.cluster)
    if flt.article_id is not None:
        found.append(ev.c.article_id == flt.article_id)
    if flt.date_from is not None:
        found.append(ev.c.date_end >= flt.date_from)
    if flt.date_to is not None:
        found.append(ev.c.date_start <= flt.date_to)
    if flt.type is not None:
        found.append(ev.c.type == flt.type.upper())
    if flt.outlet is not None:
        found.append(ev.c.outlet == flt.outlet)
    if flt.text is not None:
        found.append(
            sa.or_(
                *(
                    column.icontains(flt.text, autoescape=True)
                    for column in (ev.c.text, ev.c.actors, ev.c.targets, ev.c.place)
                )
            )
        )
    if flt.place is not None:
        found.append(
            sa.or_(
                ev.c.place.icontains(flt.place, autoescape=True),
                ev.c.country == flt.place.upper(),
            )
        )
    if flt.actor is not None:
        found.append(
            sa.or_(
                ev.c.actors.icontains(flt.actor, autoescape=True),
                ev.c.targets.icontains(flt.actor, autoescape=True),
            )
        )
    if flt.unlinked is not None:
        found.append(ev.c.cluster.is_(None) if flt.unlinked else ev.c.cluster.is_not(None))
    return found


def timex_bounds(value: str | None) -> tuple[date | None, date | None]:
    """Return the first and last day a TIMEX3 date value covers, or (None, None).

    Handles days (``2024-08-07``, with or without a time), months, ISO weeks, quarters and
    years; seasons, durations and ``PRESENT_REF`` have no day bounds.
    """
    if not value:
        return None, None
    try:
        return _bounds(value)
    except ValueError:  # a well-shaped but impossible date such as 2024-02-31
        return None, None


def _bounds(value: str) -> tuple[date | None, date | None]:
    if match := _DAY.match(value):
        day = date(*(int(g) for g in match.groups()))
        return day, day
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match := _WEEK.match(value):
        year, week = int(match[1]), int(match[2])
        return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
    if match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        last = quarter * 3
        return (
            date(year, last - 2, 1),
            date(year, last, calendar.monthrange(year, last)[1]),
        )
    if match := _YEAR.match(value):
        year = int(match[1])
        return date(year, 1, 1), date(year, 12, 31)
    return None, None
