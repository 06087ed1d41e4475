"""The pure normaliser: one expression, an anchor date and a tense hint -> TIMEX3 reading."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.stages._timex_rules import granularity, normalise, shift_value, weekday_date

ANCHOR = date(2024, 9, 14)  # a Saturday


@pytest.mark.parametrize(
    ("text", "kind", "value", "mod"),
    [
        ("August 7", "DATE", "2024-08-07", None),
        ("Aug. 7, 2024", "DATE", "2024-08-07", None),
        ("7 August 2024", "DATE", "2024-08-07", None),
        ("2024-08-07", "DATE", "2024-08-07", None),
        ("08/07/2024", "DATE", "2024-08-07", None),
        ("Friday, August 9", "DATE", "2024-08-09", None),
        ("August 2024", "DATE", "2024-08", None),
        ("2019", "DATE", "2019", None),
        ("last summer", "DATE", "2023-SU", None),
        ("the 1990s", "DATE", "199", None),
        ("the early 1990s", "DATE", "199", "START"),
        ("the third quarter", "DATE", "2024-Q3", None),
        ("Q2 2023", "DATE", "2023-Q2", None),
        ("the first half of 2023", "DATE", "2023-H1", None),
        ("yesterday", "DATE", "2024-09-13", None),
        ("today", "DATE", "2024-09-14", None),
        ("tomorrow", "DATE", "2024-09-15", None),
        ("last week", "DATE", "2024-W36", None),
        ("next month", "DATE", "2024-10", None),
        ("earlier this month", "DATE", "2024-09", "START"),
        ("early next year", "DATE", "2025", "START"),
        ("three years ago", "DATE", "2021", None),
        ("two days later", "DATE", "2024-09-16", None),
        ("now", "DATE", "PRESENT_REF", None),
        ("currently", "DATE", "PRESENT_REF", None),
        ("the future", "DATE", "FUTURE_REF", None),
        ("late November", "DATE", "2023-11", "END"),  # past tense: the one before
        ("mid-2020", "DATE", "2020", "MID"),
        ("last night", "TIME", "2024-09-13TNI", None),
        ("this morning", "TIME", "2024-09-14TMO", None),
        ("10:35 a.m.", "TIME", "2024-09-14T10:35", None),
        ("3 p.m. yesterday", "TIME", "2024-09-13T15:00", None),
        ("noon", "TIME", "2024-09-14T12:00", None),
        ("Thanksgiving", "DATE", "2024-11-28", None),
        ("Easter 2013", "DATE", "2013-03-31", None),
        ("last Christmas", "DATE", "2023-12-25", None),
        ("this past spring", "DATE", "2024-SP", None),
        ("the weekend", "DATE", "2024-W37-WE", None),
        ("the year", "DATE", "2024", None),
    ],
)
def test_timexes_normalise_dates(text, kind, value, mod):
    resolution = normalise(text, ANCHOR, "past")
    assert resolution is not None
    assert (resolution.type, resolution.value, resolution.mod) == (kind, value, mod)


@pytest.mark.parametrize(
    ("text", "kind", "value", "mod", "span"),
    [
        ("three years", "DURATION", "P3Y", None, None),
        ("3-4 months", "DURATION", "P3M", None, ("P3M", "P4M")),
        ("two to three weeks", "DURATION", "P2W", None, ("P2W", "P3W")),
        ("about three years", "DURATION", "P3Y", "APPROX", None),
        ("more than 10 hours", "DURATION", "PT10H", "MORE_THAN", None),
        ("the past two months", "DURATION", "P2M", None, None),
        ("two decades", "DURATION", "P20Y", None, None),
        ("several days", "DURATION", "PXD", None, None),
        ("two-year", "DURATION", "P2Y", None, None),
        ("every week", "SET", "P1W", None, None),
        ("every other day", "SET", "P2D", None, None),
        ("weekly", "SET", "P1W", None, None),
        ("daily", "SET", "P1D", None, None),
        ("every Monday", "SET", "XXXX-WXX-1", None, None),
        ("twice a week", "SET", "P1W", None, None),
    ],
)
def test_timexes_normalise_durations_and_sets(text, kind, value, mod, span):
    resolution = normalise(text, ANCHOR)
    assert resolution is not None
    assert (resolution.type, resolution.value, resolution.mod, resolution.range) == (
        kind, value, mod, span)


@pytest.mark.parametrize("text", ["may", "march", "a second", "a quarter", "fall", "42-year-old"])
def test_timexes_normalise_rejects_non_timexes(text):
    assert normalise(text, ANCHOR) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("August 7", None), ("yesterday", None), ("7 August 2024", "2024-08-07"), ("1990", "1990")],
)
def test_timexes_normalise_without_anchor(text, value):
    resolution = normalise(text, None)
    assert resolution is not None and resolution.value == value


@pytest.mark.parametrize(
    ("weekday", "relation", "tense", "expected"),
    [
        (5, None, "past", date(2024, 9, 13)),  # "on Friday" said on a Saturday: the day before
        (5, None, "future", date(2024, 9, 20)),
        (6, None, "past", date(2024, 9, 14)),  # the anchor's own weekday: that day
        (6, "last", None, date(2024, 9, 7)),
        (6, "next", None, date(2024, 9, 21)),
        (1, None, None, date(2024, 9, 9)),  # no tense: look back, as news mostly reports
    ],
)
def test_timexes_weekday_direction(weekday, relation, tense, expected):
    assert weekday_date(ANCHOR, weekday, relation, tense) == expected


@pytest.mark.parametrize(
    ("anchor", "text", "value"),
    [
        (date(2024, 1, 5), "December 28", "2023-12-28"),  # nearest year, across new year
        (date(2023, 12, 20), "January 4", "2024-01-04"),
        (date(2024, 3, 1), "last February", "2024-02"),
        (date(2024, 3, 1), "last April", "2023-04"),
        (date(2024, 3, 1), "this September", "2024-09"),
        (date(2024, 11, 1), "January", "2025-01"),
    ],
)
def test_timexes_year_less_dates_take_nearest_year(anchor, text, value):
    assert normalise(text, anchor).value == value


@pytest.mark.parametrize(
    ("reference", "amount", "unit", "expected"),
    [
        ("1989-Q3", -1, "year", "1988-Q3"),
        ("2024-08-07", 2, "day", "2024-08-09"),
        ("2024-08", 1, "month", "2024-09"),
        ("2024-08-31", 1, "month", "2024-09-30"),
        ("2024", -3, "year", "2021"),
        ("P3Y", 1, "year", None),
    ],
)
def test_timexes_shift_value_keeps_granularity(reference, amount, unit, expected):
    assert shift_value(reference, amount, unit) == expected


@pytest.mark.parametrize(
    ("value", "name"),
    [("2024-08-07", "day"), ("2024-W33", "week"), ("2024-08", "month"), ("2024-Q3", "quarter"),
     ("2024-SU", "season"), ("2024", "year"), ("PRESENT_REF", None), ("P3M", None)],
)
def test_timexes_granularity(value, name):
    found = granularity(value)
    assert (found[0] if found else None) == name
