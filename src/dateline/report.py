"""Readable reports of an extraction, printed beside the JSON.

``format_events_table`` renders one line per event, sorted by date, in aligned
columns: date, type, actor -> target, where, how many, according to whom, modality.
Restatements of one event (the same ``Event.group``: headline, lede, recap) are shown
once. It is what ``dateline extract --format table`` prints.
"""

from __future__ import annotations

from dateline.records import Event, Extraction, Quantity

COLUMNS: tuple[str, ...] = (
    "date",
    "type",
    "who -> whom",
    "where",
    "how many",
    "according to",
    "modality",
)
MAX_CELL = 40
_UNDATED = "9999"  # sorts undated events last


def _clip(text: str, width: int = MAX_CELL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _quantity(q: Quantity) -> str:
    return q.text or next((f"{v:g}" for v in (q.value, q.min, q.max) if v is not None), "?")


def _date(event: Event) -> str:
    value = event.date.value if event.date is not None else None
    text = value or "-"
    if event.deadline is not None and event.deadline.value:
        text += f" (by {event.deadline.value})"
    return text


def _row(event: Event) -> tuple[str, ...]:
    actors = ", ".join(a.name for a in event.actors) or "?"
    targets = ", ".join(a.name for a in event.targets)
    who = f"{_clip(actors, 28)} -> {_clip(targets, 28)}" if targets else _clip(actors, 28)
    where = event.location.name if event.location is not None else "-"
    many = "; ".join(_quantity(q) for q in event.quantities) or "-"
    sources = " < ".join(s.name for s in event.attribution.sources) or "-"
    modality = event.modality if event.polarity == "positive" else f"{event.modality}, negative"
    kind = event.type if event.alt_type is None else f"{event.type}/{event.alt_type}"
    return (_date(event), kind, who, _clip(where), _clip(many), _clip(sources), modality)


def _filled(event: Event) -> int:
    """How many of the table's cells an event fills (its date, place, parties, figures)."""
    return sum(
        (
            bool(event.date is not None and event.date.value),
            event.location is not None,
            bool(event.actors),
            bool(event.targets),
            bool(event.quantities),
        )
    )


def distinct_events(events: list[Event]) -> list[Event]:
    """One event per restatement group: the member that fills most cells, else the first.

    Events without a group stand for themselves.
    """
    groups: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: (e.span[0], e.id)):
        groups.setdefault(event.group or event.id, []).append(event)
    return [max(members, key=_filled) for members in groups.values()]


def format_events_table(extraction: Extraction) -> str:
    """Render the events of one extraction as an aligned text table.

    Args:
        extraction: one article's extraction.

    Returns:
        A header line, a rule, and one line per event (one per restatement group) sorted by
        date then position (undated events last); "(no events)" under the header when
        there are none.
    """
    events = sorted(
        distinct_events(extraction.events),
        key=lambda e: (
            (e.date.value if e.date is not None and e.date.value else _UNDATED),
            e.span[0],
        ),
    )
    rows = [COLUMNS] + [_row(e) for e in events]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()

    out = [line(rows[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in rows[1:]] or ["(no events)"]
    return "\n".join(out)
