"""The pure string parser behind the quantities stage."""

from __future__ import annotations

import pytest

from dateline.stages._numbers import find_quantities, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "approx", "unit"),
    [
        ("over 100 soldiers", 100, 100, None, True, None),
        ("up to 10 km deep", 10, None, 10, True, "km"),
        ("up to 10 hours of training", 10, None, 10, True, "hours"),
        ("about 2,000 servicemen", 2000, None, None, True, None),
        ("92 settlements", 92, None, None, False, None),
        ("60,000-70,000 troops", None, 60000, 70000, False, None),
        ("dozens of people", None, 24, None, True, None),
        ("hundreds of drones", None, 200, None, True, None),
        ("tens of thousands of people", None, 20000, None, True, None),
        ("a thousand men", 1000, None, None, False, None),
        ("1.5 million people", 1_500_000, None, None, False, None),
        ("between 10 and 15 villages", None, 10, 15, False, None),
        ("from 5 to 7 days", None, 5, 7, False, "days"),
        ("3-4 months", None, 3, 4, False, "months"),
        ("two hundred and five", 205, None, None, False, None),
        ("nearly three", 3, None, 3, True, None),
        ("at least 12", 12, 12, None, True, None),
        ("fewer than 40 tanks", 40, None, 40, True, None),
        ("5% of voters", 5, None, None, False, "%"),
        ("12 percent", 12, None, None, False, "%"),
        ("$1.5 billion", 1_500_000_000, None, None, False, "USD"),
        ("€300 million", 300_000_000, None, None, False, "EUR"),
        ("1-2 million", None, 1_000_000, 2_000_000, False, None),
        ("some 20 people", 20, None, None, True, None),
    ],
)
def test_quantities_parse_values(text, value, low, high, approx, unit):
    parsed = parse_quantity(text)
    assert parsed is not None
    assert (parsed.value, parsed.min, parsed.max, parsed.approx, parsed.unit) == (
        value,
        low,
        high,
        approx,
        unit,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 10:00 local time", []),
        ("the F-16 and MH17", []),
        ("on 2024-08-07", []),
        ("the first day", []),
        ("the 1st brigade", []),
        ("from 5 people", ["5"]),
        ("from 58 percent in May to 55 percent", ["58 percent", "55 percent"]),
        ("three and four", ["three", "four"]),
    ],
)
def test_quantities_parse_spans(text, expected):
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text", ["about 2,000 men", "over 100 km", "60,000-70,000 troops"])
def test_quantities_parse_offsets(text):
    parsed = parse_quantity(text)
    assert parsed is not None
    assert text[parsed.start : parsed.end] == parsed.text


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("one to twelve thousand five hundred soldiers", 1, 12_500),
        ("two to three hundred thousand people", 200_000, 300_000),
    ],
)
def test_quantities_range_shares_only_a_closing_scale(text: str, low: int, high: int) -> None:
    """A scale word is shared by both ends only when it closes the second number."""
    parsed = parse_quantity(text)
    assert parsed is not None and (parsed.min, parsed.max) == (low, high)
