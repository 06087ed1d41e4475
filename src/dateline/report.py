"""Readable reports of an extraction, printed beside the JSON.

``format_events_table`` renders one line per event, sorted by date, in aligned
columns: article, date, type, actor -> target, where, how many, according to whom,
modality, fitted to 100 characters. It is what ``dateline extract --format table``
prints; restatements of one event (the same ``Event.group``: headline, lede, recap)
are shown once. ``events_csv_rows`` gives the same events as flat CSV rows
(``--format csv``), one per event, each naming its article.
"""

from __future__ import annotations

from pathlib import PurePath

from dateline.records import Article, Event, Extraction, Quantity

COLUMNS: tuple[str, ...] = (
    "article",
    "date",
    "type",
    "who -> whom",
    "where",
    "how many",
    "according to",
    "modality",
)
CSV_COLUMNS: tuple[str, ...] = (
    "article_id",
    "source",
    "title",
    "event_id",
    "group",
    "date",
    "deadline",
    "type",
    "alt_type",
    "trigger",
    "actors",
    "targets",
    "location",
    "country",
    "quantities",
    "according_to",
    "modality",
    "polarity",
    "start",
    "end",
)
MAX_CELL = 40
TABLE_WIDTH = 100
_GAP = "  "
_MIN_CELL = 6
_MIN_TEXT = 8
_FREE_TEXT = (0, 3, 4, 5, 6)  # article, who -> whom, where, how many, according to
_ID_CHARS = 8  # a content-hash id is unique enough in one table at 8 hex digits
_UNDATED = "9999"  # sorts undated events last
_FORMULA_STARTS = frozenset("=+@\t\r")


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


def article_label(article: Article) -> str:
    """A short name for an article: its file name (and line), else its id."""
    if article.source:
        path, _, line = article.source.rpartition(":") if ":" in article.source else ("", "", "")
        if path and line.isdigit():
            return f"{PurePath(path).name}:{line}"
        return PurePath(article.source).name or article.source
    return article.id[:_ID_CHARS]


def _row(label: str, event: Event) -> tuple[str, ...]:
    actors = ", ".join(a.name for a in event.actors) or "?"
    targets = ", ".join(a.name for a in event.targets)
    who = f"{_clip(actors, 28)} -> {_clip(targets, 28)}" if targets else _clip(actors, 28)
    where = event.location.name if event.location is not None else "-"
    many = "; ".join(_quantity(q) for q in event.quantities) or "-"
    sources = " < ".join(s.name for s in event.attribution.sources) or "-"
    modality = event.modality if event.polarity == "positive" else f"{event.modality}, negative"
    kind = event.type if event.alt_type is None else f"{event.type}/{event.alt_type}"
    return (
        _clip(label),
        _date(event),
        kind,
        who,
        _clip(where),
        _clip(many),
        _clip(sources),
        modality,
    )


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


def _sorted_events(events: list[Event]) -> list[Event]:
    return sorted(
        events,
        key=lambda e: (
            (e.date.value if e.date is not None and e.date.value else _UNDATED),
            e.span[0],
        ),
    )


def fit_widths(widths: list[int], total: int, gap: int = len(_GAP)) -> list[int]:
    """Narrow columns, widest first, one character at a time, until the row fits ``total``.

    Free-text columns (article, who, where, how many, according to) give way first,
    down to ``_MIN_TEXT`` characters; then every column, down to ``_MIN_CELL``.
    """
    fitted = list(widths)
    budget = total - gap * (len(widths) - 1)
    for columns, floor in ((_FREE_TEXT, _MIN_TEXT), (range(len(widths)), _MIN_CELL)):
        while sum(fitted) > budget:
            widest = max(columns, key=lambda i: fitted[i])
            if fitted[widest] <= floor:
                break
            fitted[widest] -= 1
    return fitted


def format_events_table(extraction: Extraction, width: int = TABLE_WIDTH) -> str:
    """Render the events of one extraction as an aligned text table.

    Args:
        extraction: one article's extraction.
        width: the widest line allowed; cells are clipped (with "…") to fit.

    Returns:
        A header line, a rule, and one line per event (one per restatement group) sorted
        by date then position (undated events last), each naming its article;
        "(no events)" under the header when there are none.
    """
    label = article_label(extraction.article)
    rows = [COLUMNS] + [_row(label, e) for e in _sorted_events(distinct_events(extraction.events))]
    natural = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    widths = fit_widths(natural, width)

    def line(row: tuple[str, ...]) -> str:
        cells = (_clip(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True))
        return _GAP.join(cells).rstrip()

    out = [line(rows[0]), _GAP.join("-" * w for w in widths)]
    out += [line(row) for row in rows[1:]] or ["(no events)"]
    return "\n".join(out)


def _csv_safe(cell: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "@SUM").

    Article text is untrusted; a leading apostrophe makes spreadsheets show the cell as
    text. Negative numbers ("-5") are left alone.
    """
    if cell[:1] in _FORMULA_STARTS or (cell[:1] == "-" and not cell[1:2].isdigit() and cell[1:]):
        return "'" + cell
    return cell


def events_csv_rows(extraction: Extraction) -> list[dict[str, str | int]]:
    """One flat row per event (columns ``CSV_COLUMNS``), sorted like the table.

    Text cells are defused against spreadsheet formula injection (see ``_csv_safe``).
    """
    return [
        {key: _csv_safe(value) if isinstance(value, str) else value for key, value in row.items()}
        for row in _csv_rows(extraction)
    ]


def _csv_rows(extraction: Extraction) -> list[dict[str, str | int]]:
    art = extraction.article
    rows = []
    for event in _sorted_events(extraction.events):
        location = event.location
        rows.append(
            {
                "article_id": art.id,
                "source": art.source or "",
                "title": art.title or "",
                "event_id": event.id,
                "group": event.group or "",
                "date": (event.date.value if event.date else None) or "",
                "deadline": (event.deadline.value if event.deadline else None) or "",
                "type": event.type,
                "alt_type": event.alt_type or "",
                "trigger": event.trigger,
                "actors": "; ".join(a.name for a in event.actors),
                "targets": "; ".join(a.name for a in event.targets),
                "location": location.name if location is not None else "",
                "country": (location.country or "") if location is not None else "",
                "quantities": "; ".join(_quantity(q) for q in event.quantities),
                "according_to": "; ".join(s.name for s in event.attribution.sources),
                "modality": event.modality,
                "polarity": event.polarity,
                "start": event.span[0],
                "end": event.span[1],
            }
        )
    return rows
