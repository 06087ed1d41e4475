"""Property: a TIMEX3 day, month or year value's day range is ordered and holds its days."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dateline.storage import timex_bounds

days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(days)
def test_storage_day_month_year_bounds_contain_the_day(day: date) -> None:
    for value in (day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]):
        start, end = timex_bounds(value)
        assert start is not None and end is not None
        assert start <= day <= end


@given(days)
def test_storage_week_bounds_span_seven_days(day: date) -> None:
    year, week, _ = day.isocalendar()
    start, end = timex_bounds(f"{year:04d}-W{week:02d}")
    assert start is not None and end is not None
    assert (end - start).days == 6 and start <= day <= end
