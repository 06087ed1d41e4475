"""What a figure counts (dateline.timeline_figures): one key for differently worded reports of
one count, and units converted so figures in other units compare."""

from __future__ import annotations

import pytest
from _timeline_build import mention

from dateline.records import Quantity
from dateline.timeline_figures import FigureKey, read_figure


def _read(text: str, number: str, *, counted: str | None = None, unit: str | None = None,
          trigger: str = "said", **values: float):  # fmt: skip
    start = text.index(number)
    quantity = Quantity(
        id="Q1", article_id="a", span=(start, start + len(number)), stage="quantities@test",
        text=number, counted=counted, unit=unit, **values,
    )  # fmt: skip
    return read_figure(quantity, mention("a", text=text, trigger=trigger))


@pytest.mark.parametrize(
    ("text", "number", "counted", "expected"),
    [
        ("Seven people were killed when the dam failed", "Seven", "people", "killed"),
        ("put the toll at twelve dead, saying", "twelve", None, "killed"),
        ("The number of people killed has risen to 15", "15", None, "killed"),
        ("killing two civilians and wounding five", "two", "civilians", "killed"),
        ("killing two civilians and wounding five", "five", None, "injured"),
        ("revised the number of wounded in the village to nine", "nine", None, "injured"),
        ("About 600 people were evacuated to schools", "About 600", "people", "evacuated"),
        ("Some 1,800 dockworkers took part in the strike", "Some 1,800", "dockworkers",
         "on strike"),
    ],
)  # fmt: skip
def test_timeline_figure_reading_finds_people_and_what_happened_to_them(
    text: str, number: str, counted: str | None, expected: str
) -> None:
    reading = _read(text, number, counted=counted, value=1.0)
    assert reading is not None
    assert reading.key == FigureKey(counted="people", outcome=expected, unit=None)


def test_timeline_figure_reading_takes_the_clause_after_a_subject_figure() -> None:
    # "About 3,000 workers joined the stoppage": the clause starts at its verb.
    quantity = Quantity(
        id="Q1", article_id="a", span=(0, 11), stage="quantities@test", text="About 3,000",
        counted="workers", value=3000, approx=True,
    )  # fmt: skip
    clause = mention("a", text="joined the stoppage", trigger="joined", start=20)
    reading = read_figure(quantity, clause)
    assert reading is not None and reading.key.outcome == "on strike"
    assert (reading.noun, reading.value) == ("workers", 3000)


def test_timeline_figure_reading_keeps_other_things_by_their_stem() -> None:
    reading = _read("31 ships were waiting at anchor", "31", counted="ships", value=31)
    assert reading is not None and reading.key == FigureKey("ship", None, None)


def test_timeline_figure_reading_needs_a_counted_thing() -> None:
    assert _read("the ministry said 5 million euros", "5 million euros", unit="EUR") is None
    assert _read("officials said 40 on Monday", "40", value=40) is None


@pytest.mark.parametrize(
    ("number", "unit", "value", "base", "expected"),
    [
        ("3 km", "km", 3, "m", 3000),
        ("3,000 metres", "m", 3000, "m", 3000),
        ("2 miles", "miles", 2, "m", 3218.688),
        ("40 hectares", "hectares", 40, "m ** 2", 400_000),
        ("0.4 km2", "km2", 0.4, "m ** 2", 400_000),
        ("5 tons", "tons", 5, "kg", 5000),
        ("40 million euros", "EUR", 40e6, "EUR", 40e6),
        ("6 percent", "%", 6, "%", 6),
    ],
)
def test_timeline_figure_reading_converts_units_but_not_currencies(
    number: str, unit: str, value: float, base: str, expected: float
) -> None:
    reading = _read(f"the flood covered {number} of road", number, counted="road", unit=unit,
                    value=value)  # fmt: skip
    assert reading is not None
    assert reading.key.unit == base
    assert reading.value == pytest.approx(expected)
