"""Readable forms of a Timeline: an aligned text report and CSV rows.

``format_timeline_table`` is what ``dateline timeline`` prints by default: one block per
entry (date and how sure, type, what happened, where, who reported it, corroboration with the
relays named, contradictions), then the contradictions and the figure series, every line at
most ``WIDTH`` columns. ``timeline_csv_rows`` flattens each entry to one CSV row.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from dateline.records import (
    Contradiction,
    FigurePoint,
    FigureSeries,
    Timeline,
    TimelineDate,
    TimelineEntry,
    TimelineMention,
)

WIDTH = 100
INDENT = "    "
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "precision",
    "basis",
    "type",
    "summary",
    "actors",
    "action",
    "targets",
    "place",
    "modality",
    "lat",
    "lon",
    "outlets",
    "outlet_count",
    "independent_count",
    "independent_sources",
    "relays",
    "corroborated",
    "contradictions",
    "figures",
    "mentions",
)


def format_timeline_table(timeline: Timeline) -> str:
    """Render a timeline as readable text at most ``WIDTH`` columns wide.

    Args:
        timeline: the timeline to show.

    Returns:
        A heading line, one block per entry, then the contradictions and the figure series.
    """
    lines = [_heading(timeline)]
    if not timeline.entries:
        lines.append("(no events)")
    contradictions = {c.id: c for c in timeline.contradictions}
    for entry in timeline.entries:
        lines.append("")
        lines += _entry_block(entry, contradictions)
    if timeline.contradictions:
        lines += ["", "Contradictions"]
        for contradiction in timeline.contradictions:
            lines += _wrap(f"{contradiction.id} {contradiction.kind}: {contradiction.explanation}")
    if timeline.figures:
        lines += ["", "Figure series"]
        for series in timeline.figures:
            lines += _series_block(series)
    return "\n".join(line.rstrip() for line in lines)


def _heading(timeline: Timeline) -> str:
    scope = []
    if timeline.about:
        scope.append(f"about {timeline.about!r}")
    if timeline.date_from or timeline.date_to:
        start = timeline.date_from.isoformat() if timeline.date_from else "..."
        end = timeline.date_to.isoformat() if timeline.date_to else "..."
        scope.append(f"from {start} to {end}")
    counts = (
        f"{_count(len(timeline.entries), 'event')}, "
        f"{_count(len(timeline.contradictions), 'contradiction')}, "
        f"{len(timeline.figures)} figure series"
    )
    return "Timeline" + (" " + ", ".join(scope) if scope else "") + f": {counts}"


def describe_date(when: TimelineDate) -> str:
    """'2025-08-11', '2025-08-11..2025-08-12 (range)', '2025-08 (month)', 'undated'; a date
    taken from publication is marked 'published'."""
    if when.start is None or when.end is None:
        return "undated"
    if when.precision == "day":
        text = when.start.isoformat()
    elif when.precision in ("month", "year"):
        text = f"{when.value} ({when.precision})"
    else:
        text = f"{when.start.isoformat()}..{when.end.isoformat()} (range)"
    return text + (", published" if when.basis == "publication" else "")


REPORTED_AS_FACT = frozenset({"asserted", "reported"})


def _entry_block(entry: TimelineEntry, contradictions: dict[str, Contradiction]) -> list[str]:
    kind = entry.type if entry.modality in REPORTED_AS_FACT else f"{entry.type} ({entry.modality})"
    lines = _wrap(f"{describe_date(entry.date)}  {kind}  {entry.summary}", indent="")
    who = ", ".join(entry.actors) or "?"
    whom = ", ".join(entry.targets) or "-"
    lines += _wrap(f"who -> whom: {who} -> {whom}")
    if entry.place is not None:
        lines += _wrap(f"where: {entry.place.name}")
    reports = [m for m in entry.mentions if not m.denies]
    denials = [m for m in entry.mentions if m.denies]
    if reports:
        lines += _wrap("reported by: " + "; ".join(_distinct_reports(reports)))
    if denials:
        lines += _wrap("denied by: " + "; ".join(_distinct_reports(denials)))
    lines += _wrap(_corroboration_line(entry))
    for relay in entry.corroboration.relays:
        lines += _wrap(f"relay: {relay.note}", indent=INDENT * 2)
    for cid in entry.contradictions:
        contradiction = contradictions[cid]
        lines += _wrap(f"contradiction {cid} ({contradiction.kind})")
    return lines


def _distinct_reports(mentions: list[TimelineMention]) -> list[str]:
    """One phrase per outlet, day and source: restatements in one article show once."""
    return list(dict.fromkeys(_report(m) for m in mentions))


def _report(mention: TimelineMention) -> str:
    outlet = mention.outlet or f"article {mention.article_id}"
    when = mention.published.isoformat() if mention.published else "undated"
    own = mention.origin == outlet
    return f"{outlet} {when}" + ("" if own else f" citing {mention.origin}")


def _corroboration_line(entry: TimelineEntry) -> str:
    c = entry.corroboration
    names = f" ({', '.join(s.name for s in c.sources)})" if c.sources else ""
    verdict = "corroborated" if c.corroborated else "not corroborated"
    return (
        f"corroboration: {_count(c.outlet_count, 'outlet')}, "
        f"{_count(c.independent_count, 'independent source')}{names}; {verdict}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _series_block(series: FigureSeries) -> list[str]:
    lines = _wrap(f"{series.id} {series.label} ({series.type})", indent="  ")
    for point in series.points:
        lines += _wrap(_point_line(point), indent=INDENT)
    return lines


def _point_line(point: FigurePoint) -> str:
    when = point.date.isoformat() if point.date else "undated"
    outlet = point.outlet or "?"
    source = "" if point.source == outlet else f", citing {point.source}"
    return f"{when}  {point.text:<14} {outlet}{source}"


def _wrap(text: str, indent: str = INDENT) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
    ) or [indent]


def timeline_csv_rows(timeline: Timeline) -> Iterator[dict[str, object]]:
    """Yield one row per timeline entry, keyed by ``CSV_COLUMNS``; lists are joined with '; '.

    Args:
        timeline: the timeline to flatten.

    Yields:
        A dict per entry, in timeline order.
    """
    for entry in timeline.entries:
        c = entry.corroboration
        place = entry.place
        yield {
            "id": entry.id,
            "date": entry.date.value or "",
            "precision": entry.date.precision,
            "basis": entry.date.basis,
            "type": entry.type,
            "summary": entry.summary,
            "actors": "; ".join(entry.actors),
            "action": entry.action,
            "targets": "; ".join(entry.targets),
            "place": place.name if place else "",
            "modality": entry.modality,
            "lat": place.lat if place and place.lat is not None else "",
            "lon": place.lon if place and place.lon is not None else "",
            "outlets": "; ".join(c.outlets),
            "outlet_count": c.outlet_count,
            "independent_count": c.independent_count,
            "independent_sources": "; ".join(s.name for s in c.sources),
            "relays": "; ".join(r.note for r in c.relays),
            "corroborated": c.corroborated,
            "contradictions": "; ".join(entry.contradictions),
            "figures": "; ".join(entry.figures),
            "mentions": "; ".join(m.mention_id for m in entry.mentions),
        }
