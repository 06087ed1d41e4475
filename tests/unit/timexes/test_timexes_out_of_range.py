"""Dates outside years 1-9999: value null and out_of_range, never a crash (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.config import TimexSettings
from dateline.records import Article
from dateline.stages._timex_rules import normalise, shift_value
from dateline.stages.timexes import extract_timexes

pytestmark = pytest.mark.issue(10)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _run(blank, text: str, published: date):
    article = Article(text=text, published=published)
    return extract_timexes(article=article, doc=blank(text), sentences=[], settings=TimexSettings())


@pytest.mark.parametrize(
    "expression", ["1,000,000 days ago", "110,000 weeks ago", "25,000 months ago"]
)
def test_timexes_huge_offset_is_out_of_range(blank, expression: str) -> None:
    (timex,) = _run(blank, f"It happened {expression}.", date(2024, 1, 1))
    assert timex.text == expression
    assert timex.value is None and timex.out_of_range
    assert timex.anchor == "2024-01-01"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("They meet tomorrow.", date(9999, 12, 31)),
        ("They met yesterday.", date(1, 1, 1)),
        ("On 31 December 9999 they met. The next day they left.", date(9999, 12, 31)),
        ("On 1 January 0001 they met. Two days earlier it rained.", date(1, 1, 1)),
    ],
)
def test_timexes_relative_date_past_the_calendar_edge(blank, text: str, published: date) -> None:
    timexes = _run(blank, text, published)
    last = timexes[-1]
    assert last.value is None and last.out_of_range


def test_timexes_inside_the_calendar_are_untouched(blank) -> None:
    (timex,) = _run(blank, "They meet tomorrow.", date(1, 1, 1))
    assert timex.value == "0001-01-02" and not timex.out_of_range


def test_timexes_impossible_calendar_day_is_not_out_of_range() -> None:
    resolution = normalise("2024-02-30", date(2024, 1, 1))
    assert resolution is None or not resolution.out_of_range


@pytest.mark.parametrize(
    ("reference", "amount", "unit"),
    [("9999-12-31", 1, "day"), ("0001-01", -1, "month"), ("9999-Q4", 1, "quarter")],
)
def test_timexes_shift_value_past_the_edge_is_none(reference: str, amount: int, unit: str) -> None:
    assert shift_value(reference, amount, unit) is None
