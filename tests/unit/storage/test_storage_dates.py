"""TIMEX3 date values to the day range a store filters on."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.storage import timex_bounds


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2024-08-07", date(2024, 8, 7), date(2024, 8, 7)),
        ("2024-08-07T10:30", date(2024, 8, 7), date(2024, 8, 7)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-W01", date(2024, 1, 1), date(2024, 1, 7)),
        ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-SU", None, None),
        ("P3M", None, None),
        ("PRESENT_REF", None, None),
        ("2024-02-31", None, None),
        (None, None, None),
    ],
)
def test_storage_timex_bounds(value, start, end) -> None:
    assert timex_bounds(value) == (start, end)
