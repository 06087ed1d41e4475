"""The readable table and CSV rows of a timeline, on hand-built mentions."""

from __future__ import annotations

from datetime import date

import pytest
from _timeline_build import figure, mention, source

from dateline.records import TimelineDate
from dateline.timeline import build_timeline
from dateline.timeline_format import (
    CSV_COLUMNS,
    WIDTH,
    describe_date,
    format_timeline_table,
    timeline_csv_rows,
)


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (TimelineDate(value="2025-08-11", start=date(2025, 8, 11), end=date(2025, 8, 11),
                      precision="day", basis="stated"), "2025-08-11"),
        (TimelineDate(value="2025-08", start=date(2025, 8, 1), end=date(2025, 8, 31),
                      precision="month", basis="stated"), "2025-08 (month)"),
        (TimelineDate(value="2025-08-11/2025-08-12", start=date(2025, 8, 11),
                      end=date(2025, 8, 12), precision="range", basis="stated"),
         "2025-08-11..2025-08-12 (range)"),
        (TimelineDate(value="2025-08-12", start=date(2025, 8, 12), end=date(2025, 8, 12),
                      precision="day", basis="publication"), "2025-08-12, published"),
        (TimelineDate(value=None), "undated"),
    ],
)  # fmt: skip
def test_timeline_describe_date(when: TimelineDate, text: str) -> None:
    assert describe_date(when) == text


def _story():
    agency = (source("Meridian News Agency"),)
    return build_timeline(
        [
            mention(
                "post",
                outlet="Patras Post",
                actors=("Police",),
                targets=("two men",),
                text="arrested two men on Monday",
                when="2025-08-11",
                sources=agency,
                modality="reported",
                quantities=(figure("two", "men", value=2),),
            ),
            mention(
                "ledger",
                outlet="Northern Ledger",
                text="arrested two men on Tuesday",
                when="2025-08-12",
                sources=agency,
                modality="reported",
                quantities=(figure("two", "men", value=2),),
            ),
            mention(
                "radio",
                outlet="Radio Achaia",
                published="2025-08-13",
                text="did not arrest anyone",
                polarity="negative",
                modality="negated",
                sources=(source("the " + "very long named " * 6 + "ministry"),),
            ),
        ]  # fmt: skip
    )


def test_timeline_table_lines() -> None:
    table = format_timeline_table(_story())
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= WIDTH
    assert lines[:6] == [
        "Timeline: 1 event, 2 contradictions, 1 figure series",
        "",
        "2025-08-11..2025-08-12 (range)  COERCE  Police arrested two men on Monday",
        "    who -> whom: Police -> two men",
        "    reported by: Northern Ledger 2025-08-12 citing Meridian News Agency; Patras Post "
        "2025-08-12",
        "      citing Meridian News Agency",
    ]
    assert (
        "        relay: Northern Ledger and Patras Post both relay Meridian News Agency: 2 "
        "outlets, 1 source" in lines
    )
    assert lines[-3:] == [
        "  F1 men arrested (COERCE)",
        "    2025-08-11  two            Patras Post, citing Meridian News Agency",
        "    2025-08-12  two            Northern Ledger, citing Meridian News Agency",
    ]


def test_timeline_table_of_nothing() -> None:
    assert format_timeline_table(build_timeline([])) == (
        "Timeline: 0 events, 0 contradictions, 0 figure series\n(no events)"
    )


def test_timeline_table_heading_names_the_filters() -> None:
    timeline = build_timeline([], about="arrest", date_from=date(2025, 8, 12))
    assert format_timeline_table(timeline).splitlines()[0] == (
        "Timeline about 'arrest', from 2025-08-12 to ...: 0 events, 0 contradictions, "
        "0 figure series"
    )


def test_timeline_csv_rows() -> None:
    (row,) = timeline_csv_rows(_story())
    assert tuple(row) == CSV_COLUMNS
    assert row["date"] == "2025-08-11/2025-08-12"
    assert (row["outlets"], row["outlet_count"], row["independent_count"]) == (
        "Northern Ledger; Patras Post", 2, 1,
    )  # fmt: skip
    assert row["relays"] == (
        "Northern Ledger and Patras Post both relay Meridian News Agency: 2 outlets, 1 source"
    )
    assert (row["contradictions"], row["figures"]) == ("C1; C2", "F1")
    assert row["mentions"] == "ledger/EV1; post/EV1; radio/EV1"
    assert (row["place"], row["lat"], row["corroborated"]) == ("", "", False)


def test_timeline_table_of_an_event_known_only_from_its_denial() -> None:
    timeline = build_timeline(
        [
            mention(
                "a",
                outlet="A",
                actors=("Police",),
                polarity="negative",
                modality="negated",
                text="did not arrest anyone",
                when="2025-08-12",
            )
        ]  # fmt: skip
    )
    assert format_timeline_table(timeline).splitlines()[2:] == [
        "2025-08-12  COERCE (negated)  Police did not arrest anyone",
        "    who -> whom: Police -> -",
        "    denied by: A 2025-08-12",
        "    corroboration: 0 outlets, 0 independent sources; not corroborated",
    ]
