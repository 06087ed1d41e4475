"""Grammar rules for spoken years, fractions, periods, sets and vague spans (pure, no model)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.config import TimexSettings
from dateline.records import Article
from dateline.stages._timex_rules import find_candidates, half_more, normalise, weekday_date
from dateline.stages.timexes import extract_timexes

ANCHOR = date(1989, 10, 30)  # a Monday, in the fourth quarter


def _found(text: str) -> list[tuple[str, str | None]]:
    """(extent, value) of every candidate in ``text`` resolved against ANCHOR."""
    found = []
    for candidate in find_candidates(text):
        resolution = candidate.resolve(ANCHOR)
        found.append((text[candidate.start:candidate.end], resolution.value))
    return found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nineteen ninety-six", "1996"),
        ("nineteen seventy-nine", "1979"),
        ("eighteen twelve", "1812"),
        ("nineteen hundred", "1900"),
        ("nineteen oh five", "1905"),
        ("the year two thousand", "2000"),
        ("the year two thousand and one", "2001"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the winter of nineteen ninety-four", "1994-WI"),
    ],
)
def test_timexes_spoken_years(text, value):
    resolution = normalise(text, ANCHOR)
    assert resolution is not None and (resolution.type, resolution.value) == ("DATE", value)


@pytest.mark.parametrize(
    "text", ["two thousand troops", "nineteen people", "nineteen ninety-nine hundred"]
)
def test_timexes_spoken_year_needs_its_form(text):
    assert all(value not in ("2000", "1999") for _, value in _found(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5 1/2 hours", "PT5H30M"),
        ("2 1/2 years", "P2Y6M"),
        ("two and a half years", "P2Y6M"),
        ("a minute and a half", "PT1M30S"),
        ("an hour and a half", "PT1H30M"),
        ("half an hour", "PT30M"),
        ("a half-hour", "PT30M"),
        ("half a day", "PT12H"),
        ("half a century", "P50Y"),
        ("three and a half weeks", "P24DT12H"),
        ("two thousand years", "P2000Y"),
        ("a hundred years", "P100Y"),
    ],
)
def test_timexes_fractional_durations(text, value):
    resolution = normalise(text, ANCHOR)
    assert resolution is not None and (resolution.type, resolution.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [(0, "hour", "PT30M"), (3, "month", "P3M15D"), (1, "decade", "P15Y"), (2, "day", "P2DT12H")],
)
def test_timexes_half_more(amount, unit, value):
    assert half_more(amount, unit) == value


@pytest.mark.parametrize(
    ("text", "kind", "value", "mod"),
    [
        ("the week of March 6", "DATE", "1989-W10", None),
        ("year-end", "DATE", "1989", "END"),
        ("year's end", "DATE", "1989", "END"),
        ("the end of the month", "DATE", "1989-10", "END"),
        ("the latest period", "DATE", "1989-Q3", None),
        ("the 1988 period", "DATE", "1988-Q3", None),
        ("the 1988 quarter", "DATE", "1988-Q3", None),
        ("the current fiscal year", "DATE", "1989", None),
        ("the latest fiscal year", "DATE", "1988", None),
        ("the corresponding period last year", "DATE", "1988", None),
        ("the quarter a year ago", "DATE", "1988", None),
        ("the week", "DATE", "1989-W44", None),
        ("the near term", "DATE", "FUTURE_REF", None),
        ("right now", "DATE", "PRESENT_REF", None),
        ("the next two years or so", "DURATION", "P2Y", "APPROX"),
    ],
)
def test_timexes_periods(text, kind, value, mod):
    resolution = normalise(text, ANCHOR, "past")
    assert resolution is not None
    assert (resolution.type, resolution.value, resolution.mod) == (kind, value, mod)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("each July", "XXXX-07"),
        ("every morning", "XXXX-XX-XXTMO"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
    ],
)
def test_timexes_more_sets(text, value):
    resolution = normalise(text, ANCHOR)
    assert resolution is not None and (resolution.type, resolution.value) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in the weeks before the shooting", [("weeks", "PXW")]),
        ("buried it in the days after the attack", [("days", "PXD")]),
        ("selling in the weeks ahead", [("the weeks ahead", "PXW")]),
        ("ruled from Moscow for centuries", [("centuries", "PXCE")]),
        ("the week's most active session", [("the week", "1989-W44")]),
        ("the week before the vote", []),
        ("sell programs in past years, too", [("past years", "PAST_REF")]),
        ("tax payments in future quarters", [("future quarters", "FUTURE_REF")]),
        ("a tough business in recent quarters", [("recent quarters", "PXQ")]),
        ("over the past years", [("the past years", "PXY")]),
        ("in the coming weeks", [("the coming weeks", "PXW")]),
        ('speaking on "This Week," he said', []),
        ("he told 60 Minutes on Sunday", [("Sunday", "1989-10-29")]),
        ("LAST WEEK", [("LAST WEEK", "1989-W43")]),
        ("numbers dropped through the nineties", [("the nineties", "199")]),
        ("people in their forties", []),
        ("extended for an additional year", [("an additional year", "P1Y")]),
        ("eight trading days after the crash", [("eight trading days", "P8D")]),
        ("over the next couple of years", [("the next couple of years", "P2Y")]),
        ("offerings at a later date", [("a later date", "FUTURE_REF")]),
        ("twelve members at the time of its founding", []),
    ],
)
def test_timexes_vague_spans_extents(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("anchor", "text", "tense", "value"),
    [
        (date(1989, 10, 30), "April", None, "1989-04"),  # untensed, far ahead: the past one
        (date(1989, 10, 30), "March 31", None, "1989-03-31"),
        (date(1989, 10, 30), "January", None, "1990-01"),  # close ahead stays ahead
        (date(1989, 10, 30), "April", "future", "1990-04"),
    ],
)
def test_timexes_untensed_dates_prefer_the_past(anchor, text, tense, value):
    assert normalise(text, anchor, tense).value == value


@pytest.mark.parametrize(
    ("tense", "expected"),
    [("present", date(1989, 10, 27)), ("modal", date(1989, 11, 3)), ("past", date(1989, 10, 27))],
)
def test_timexes_present_tense_weekday_looks_back(tense, expected):
    assert weekday_date(ANCHOR, 5, None, tense) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares fell on Oct. 27 after the previous Friday's rally.",
         ("the previous Friday", "1989-10-20", "narrative")),
        ("They met on Monday, Oct. 23. The following Thursday they signed.",
         ("The following Thursday", "1989-10-26", "narrative")),
        ("The previous Friday was calm.", ("The previous Friday", "1989-10-27", "publication")),
    ],
)
def test_timexes_weekdays_relative_to_the_narrative(text, expected):
    article = Article(text=text, published=ANCHOR)
    found = extract_timexes(article=article, doc=spacy.blank("en")(text), sentences=[],
                            settings=TimexSettings())
    assert (found[-1].text, found[-1].value, found[-1].anchor_source) == expected


@pytest.mark.issue(8)
def test_timexes_past_anaphor_skips_a_reference_ahead_of_publication(nlp):
    # "A day earlier" in a past-tense sentence counts from a past day, not from the vote
    # ahead the story looks forward to.
    text = (
        "Officials met on Monday, Oct. 23, before next Tuesday's vote. "
        "A day earlier, police arrested two men."
    )
    article = Article(text=text, published=ANCHOR)
    found = extract_timexes(article=article, doc=nlp(text), sentences=[],
                            settings=TimexSettings())
    assert (found[-1].text, found[-1].value) == ("A day earlier", "1989-10-22")
