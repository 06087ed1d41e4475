"""Dating and ordering: clause dates, narrative dates, publication dates, undated tenses."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import words_of

from dateline.entity_timeline import date_sort_key, timex_to_date

LAUNCH = (
    "2024-03-07",
    "Northwind Air said it had signed the order after long talks. "
    "In 2019, Northwind Air launched its first route to Bergen.",
)
MONDAY = (
    "2024-03-05",
    "Northwind Air ordered twelve aircraft on Monday. "
    "Northwind Air thanked its pilots. Northwind Air will open a route to Lisbon.",
)


def test_timeline_entity_orders_rows_by_date_year_before_days(build_timeline):
    rows = build_timeline([LAUNCH, MONDAY], "Northwind Air")
    dated = [(p, d, w) for p, d, w in words_of(rows) if p > 0]
    assert dated == [
        (1, "2019-XX-XX", "launched"),
        (2, "2024-03-04", "ordered"),
        (2, "2024-03-04", "thanked"),
        (3, "2024-03-07", "said"),
    ]


def test_timeline_entity_simple_past_takes_the_narrative_date(build_timeline):
    rows = build_timeline([MONDAY], "Northwind Air")
    sources = {m.text: m.date_source for row in rows for m in row.mentions}
    assert sources["ordered"] == "clause"
    assert sources["thanked"] == "narrative"


def test_timeline_entity_future_and_past_perfect_stay_undated(build_timeline):
    rows = build_timeline([LAUNCH, MONDAY], "Northwind Air")
    undated = {w for p, d, w in words_of(rows) if p == 0}
    # nouns with no date of their own ("order", "talks") stay undated as well
    assert undated == {"signed", "open", "order", "talks"}
    assert all(row.date is None for row in rows if row.position == 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2008-03-04", "2008-03-04"),
        ("2008-03", "2008-03-XX"),
        ("2008", "2008-XX-XX"),
        ("2008-Q1", "2008-XX-XX"),
        # a week is dated by the month of its Thursday; a week the year lacks by the year
        ("2006-W13", "2006-03-XX"),
        ("2009-W53", "2009-12-XX"),
        ("2010-W53", "2010-XX-XX"),
        ("PRESENT_REF", "2024-05-01"),
        ("P3M", None),
        ("PAST_REF", None),
        (None, None),
    ],
)
def test_timeline_entity_timex_to_date(value, expected):
    assert timex_to_date(value, date(2024, 5, 1)) == expected


def test_timeline_entity_date_sort_key_puts_a_period_before_its_days():
    dates = ["2008-03-04", "2008-XX-XX", "2007-12-31", "2008-03-XX", "2008-01-02"]
    assert sorted(dates, key=date_sort_key) == [
        "2007-12-31",
        "2008-XX-XX",
        "2008-01-02",
        "2008-03-XX",
        "2008-03-04",
    ]
