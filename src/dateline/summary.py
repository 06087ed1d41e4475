"""A readable plain-text digest of one Extraction (``--format summary``)."""

from __future__ import annotations

import textwrap

from dateline.records import Extraction
from dateline.report import distinct_events

_WIDTH = 100


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _heading(title: str, count: int) -> str:
    return f"\n{title} ({count})"


def format_summary(result: Extraction) -> str:
    """Return a multi-line digest: article header, then dates, entities, places, quotes, events."""
    art = result.article
    first_line = art.title or art.text.strip().splitlines()[0]
    lines = [
        f"{_clip(first_line, _WIDTH)}",
        f"  id {art.id}  published {art.published or 'unknown'}"
        + (f"  outlet {art.outlet}" if art.outlet else "")
        + f"  {len(art.text.split())} words, {len(result.sentences)} sentences",
    ]
    lines.append(_heading("Dates", len(result.timexes)))
    for t in result.timexes:
        extra = f" [{t.role}]" if t.role != "point" else ""
        lines.append(f"  {t.value or '?':<14} {t.type:<8} {_clip(t.text, 40)}{extra}")
    lines.append(_heading("Entities", len(result.entities)))
    for e in result.entities:
        roles = "; ".join(r.text + (f" ({r.org})" if r.org else "") for r in e.roles)
        aka = f" aka {', '.join(e.aliases)}" if e.aliases else ""
        lines.append(f"  {e.type:<6} {_clip(e.name + aka, 60)}" + (f" — {roles}" if roles else ""))
    lines.append(_heading("Places", len(result.places)))
    for p in result.places:
        where = (
            f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved"
        )
        lines.append(f"  {_clip(p.name, 30):<30} {p.country or '--':<3} {where}  {p.feature}")
    lines.append(_heading("Quantities", len(result.quantities)))
    for q in result.quantities:
        lines.append(f"  {_clip(q.text, 60)}")
    lines.append(_heading("Quotes", len(result.quotes)))
    for q in result.quotes:
        who = q.speaker.name if q.speaker else "unknown speaker"
        lines.append(f"  {who} ({q.kind}): “{_clip(q.text, 70)}”")
    shown = distinct_events(result.events)
    restated: dict[str, int] = {}
    for ev in result.events:
        restated[ev.group or ev.id] = restated.get(ev.group or ev.id, 0) + 1
    lines.append(_heading("Events", len(shown)))
    for ev in sorted(shown, key=lambda e: (e.date.value or "") if e.date else ""):
        when = (ev.date.value if ev.date else None) or "undated"
        actors = ", ".join(a.name for a in ev.actors) or "?"
        targets = ", ".join(a.name for a in ev.targets)
        who = actors + (f" → {targets}" if targets else "")
        where = f" in {ev.location.name}" if ev.location else ""
        sources = (
            " ← " + " → ".join(s.name for s in ev.attribution.sources)
            if ev.attribution.sources
            else ""
        )
        times = restated[ev.group or ev.id]
        told = f" (told {times} times)" if times > 1 else ""
        lines.append(
            textwrap.shorten(
                f"  {when:<10} {ev.type:<10} {who}: {ev.trigger}{where} [{ev.modality}]{told}"
                f"{sources}",
                width=_WIDTH + 20,
                placeholder="…",
            )
        )
    return "\n".join(lines)
