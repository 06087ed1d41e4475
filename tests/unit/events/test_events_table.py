"""report.format_events_table: one aligned line per event, sorted by date."""

from __future__ import annotations

import pytest

from dateline.records import (
    Argument,
    Article,
    Attribution,
    Event,
    EventDate,
    Extraction,
    PlaceRef,
    Quantity,
    Source,
)
from dateline.report import COLUMNS, format_events_table


def _event(n: int, date: str | None, type_: str, **fields) -> Event:
    return Event(
        id=f"EV{n}",
        article_id="a",
        span=(n, n + 1),
        stage="events@1",
        text="x",
        trigger="x",
        trigger_span=(n, n + 1),
        type=type_,
        date=EventDate(value=date),
        **fields,
    )


@pytest.fixture
def table() -> list[str]:
    events = [
        _event(
            1,
            "2024-08-20",
            "DEMAND",
            actors=[Argument(name="the president", span=(0, 1))],
            targets=[Argument(name="the army", span=(2, 3))],
            deadline=EventDate(value="2024-10-01"),
            modality="ordered",
        ),
        _event(2, None, "RETREAT"),
        _event(
            3,
            "2024-08-06",
            "ASSAULT",
            alt_type="COERCE",
            location=PlaceRef(name="Brodno"),
            quantities=[
                Quantity(
                    id="Q1", article_id="a", span=(0, 1), stage="q@1", text="over 100", min=100.0
                )
            ],
            attribution=Attribution(sources=[Source(name="The Daily Star", kind="outlet")]),
            polarity="negative",
            modality="negated",
        ),
    ]
    article = Article(text="x", source="news/wire.jsonl:7")
    text = format_events_table(Extraction(article=article, events=events), width=200)
    return text.splitlines()


def test_header_and_one_line_per_event(table):
    assert table[0].split("  ")[0] == COLUMNS[0]
    assert len(table) == 2 + 3


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            2,
            [
                "wire.jsonl:7",
                "2024-08-06",
                "ASSAULT/COERCE",
                "?",
                "Brodno",
                "over 100",
                "The Daily Star",
                "negated, negative",
            ],
        ),
        (
            3,
            [
                "wire.jsonl:7",
                "2024-08-20 (by 2024-10-01)",
                "DEMAND",
                "the president -> the army",
                "-",
                "-",
                "-",
                "ordered",
            ],
        ),
        (4, ["wire.jsonl:7", "-", "RETREAT", "?", "-", "-", "-", "asserted"]),
    ],
)
def test_rows_sorted_by_date_with_cells(table, row, expected):
    cells = [c.strip() for c in table[row].split("  ") if c.strip()]
    assert cells == expected


def test_columns_are_aligned(table):
    start = table[0].index("type")
    assert all(line[start - 2 : start] == "  " for line in table[2:])


def test_no_events():
    text = format_events_table(Extraction(article=Article(text="x")))
    assert text.splitlines()[-1] == "(no events)"


@pytest.mark.issue(10)
def test_table_names_each_rows_article_and_fits_100_columns():
    events = [
        Event(
            id=f"EV{n}",
            article_id="a",
            span=(n, n + 1),
            stage="events@1",
            text="x",
            trigger="x",
            trigger_span=(n, n + 1),
            type="ASSAULT",
            date=EventDate(value="2024-08-06"),
            actors=[Argument(name="the regional governor of a very long province", span=(0, 1))],
            targets=[Argument(name="a coalition of striking dock workers", span=(2, 3))],
            location=PlaceRef(name="the industrial harbour district of Brodno"),
            attribution=Attribution(sources=[Source(name="The Daily Star", kind="outlet")]),
        )
        for n in range(3)
    ]
    article = Article(text="x", source="/data/feeds/wire.jsonl:12")
    lines = format_events_table(Extraction(article=article, events=events)).splitlines()
    assert max(len(line) for line in lines) <= 100
    assert all(line.startswith("wire.jsonl:12") for line in lines[2:])
    assert all("2024-08-06" in line and "ASSAULT" in line for line in lines[2:])


@pytest.mark.issue(10)
def test_csv_rows_name_the_article_and_defuse_formulas():
    from dateline.report import CSV_COLUMNS, events_csv_rows

    event = _event(
        1,
        "2024-08-06",
        "PROTEST",
        actors=[Argument(name='=HYPERLINK("http://x")', span=(0, 1))],
        targets=[Argument(name="-the council", span=(2, 3))],
        quantities=[Quantity(id="Q1", article_id="a", span=(0, 1), stage="q@1", text="-5")],
    )
    article = Article(text="x", source="feed.jsonl:3", title="@SUM(A1)")
    (row,) = events_csv_rows(Extraction(article=article, events=[event]))
    assert list(row) == list(CSV_COLUMNS)
    assert row["source"] == "feed.jsonl:3" and row["article_id"] == article.id
    assert row["actors"] == '\'=HYPERLINK("http://x")' and row["title"] == "'@SUM(A1)"
    assert row["targets"] == "'-the council" and row["quantities"] == "-5"
    assert row["date"] == "2024-08-06" and row["type"] == "PROTEST"
