"""Property tests: generated dates in many surface forms, and relative-date arithmetic.

They call the pure normaliser on short strings (no model), so they run in seconds.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.stages._timex_rules import find_candidates, normalise

MONTHS = list(calendar.month_name)[1:]
ABBREVIATIONS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
                 "Oct.", "Nov.", "Dec."]
WEEKDAYS = list(calendar.day_name)
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
anchors = st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31))
FAST = settings(max_examples=60, deadline=None)


def _forms(day: date) -> list[str]:
    month = MONTHS[day.month - 1]
    weekday = WEEKDAYS[day.weekday()]
    return [
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{ABBREVIATIONS[day.month - 1]} {day.day}, {day.year}",
        day.isoformat(),
        f"{weekday}, {month} {day.day}, {day.year}",
        f"{month} {day.day} {day.year}",
        f"the {day.day}th of {month} {day.year}" if day.day in range(4, 21) else
        f"{day.day} {month}, {day.year}",
    ]


@FAST
@given(day=dates, anchor=st.one_of(st.none(), anchors))
def test_absolute_dates_round_trip(day, anchor):
    for text in _forms(day):
        resolution = normalise(text, anchor)
        assert resolution is not None, text
        assert (resolution.type, resolution.value) == ("DATE", day.isoformat()), text
        assert not resolution.used_anchor


@FAST
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_us_numeric_dates_round_trip(day):
    resolution = normalise(f"{day.month:02d}/{day.day:02d}/{day.year}", None)
    assert resolution.value == day.isoformat()


@FAST
@given(day=dates, delta=st.integers(min_value=-120, max_value=150))
def test_year_less_dates_take_the_nearest_year(day, delta):
    anchor = day + timedelta(days=delta)
    resolution = normalise(f"{MONTHS[day.month - 1]} {day.day}", anchor)
    if (day.month, day.day) == (2, 29):
        return  # no Feb 29 in most neighbouring years: any valid nearest choice is fine
    assert resolution.value == day.isoformat()


@FAST
@given(day=dates, ahead=st.integers(min_value=130, max_value=180))
def test_untensed_year_less_dates_far_ahead_read_as_past(day, ahead):
    anchor = day - timedelta(days=ahead)
    if (day.month, day.day) == (2, 29):
        return
    resolution = normalise(f"{MONTHS[day.month - 1]} {day.day}", anchor)
    assert resolution.value == day.replace(year=day.year - 1).isoformat()


@FAST
@given(anchor=anchors)
def test_day_words(anchor):
    assert normalise("yesterday", anchor).value == (anchor - timedelta(days=1)).isoformat()
    assert normalise("today", anchor).value == anchor.isoformat()
    assert normalise("tomorrow", anchor).value == (anchor + timedelta(days=1)).isoformat()


@FAST
@given(anchor=anchors, amount=st.integers(min_value=1, max_value=10))
def test_days_later_and_ago(anchor, amount):
    word = NUMBER_WORDS[amount - 1]
    assert normalise(f"{word} days later", anchor).value == \
        (anchor + timedelta(days=amount)).isoformat()
    assert normalise(f"{amount} days ago", anchor).value == \
        (anchor - timedelta(days=amount)).isoformat()
    assert normalise(f"{word} years ago", anchor).value == f"{anchor.year - amount:04d}"


@FAST
@given(anchor=anchors)
def test_last_and_next_week_month_year(anchor):
    year, week, _ = (anchor - timedelta(weeks=1)).isocalendar()
    assert normalise("last week", anchor).value == f"{year:04d}-W{week:02d}"
    year, week, _ = (anchor + timedelta(weeks=1)).isocalendar()
    assert normalise("next week", anchor).value == f"{year:04d}-W{week:02d}"
    following = date(anchor.year + (anchor.month == 12), anchor.month % 12 + 1, 1)
    assert normalise("next month", anchor).value == following.strftime("%Y-%m")
    previous = date(anchor.year - (anchor.month == 1), (anchor.month - 2) % 12 + 1, 1)
    assert normalise("last month", anchor).value == previous.strftime("%Y-%m")
    assert normalise("last year", anchor).value == f"{anchor.year - 1:04d}"
    assert normalise("this year", anchor).value == f"{anchor.year:04d}"


@FAST
@given(anchor=anchors, weekday=st.integers(min_value=0, max_value=6),
       tense=st.sampled_from(["past", "future", None]))
def test_weekday_names(anchor, weekday, tense):
    name = WEEKDAYS[weekday]
    value = date.fromisoformat(normalise(name, anchor, tense).value)
    assert value.weekday() == weekday
    if tense == "future":
        assert 0 <= (value - anchor).days <= 6
    else:
        assert 0 <= (anchor - value).days <= 6
    last = date.fromisoformat(normalise(f"last {name}", anchor, tense).value)
    assert last.weekday() == weekday and 1 <= (anchor - last).days <= 7
    following = date.fromisoformat(normalise(f"next {name}", anchor, tense).value)
    assert following.weekday() == weekday and 1 <= (following - anchor).days <= 7


@FAST
@given(low=st.integers(min_value=1, max_value=30), extra=st.integers(min_value=1, max_value=9),
       unit=st.sampled_from([("days", "D"), ("weeks", "W"), ("months", "M"), ("years", "Y")]))
def test_duration_ranges(low, extra, unit):
    word, letter = unit
    resolution = normalise(f"{low}-{low + extra} {word}", None)
    assert resolution.type == "DURATION"
    assert resolution.value == f"P{low}{letter}"
    assert resolution.range == (f"P{low}{letter}", f"P{low + extra}{letter}")


PHRASE_WORDS = [*MONTHS, *WEEKDAYS, *NUMBER_WORDS, "Jan.", "Sept.", "last", "next", "the", "of",
                "ago", "later", "days", "weeks", "YEARS", "Morning", "p.m.", "AM", "noon",
                "early", "mid-", "2024", "1999", "12", "3rd", "Q3", "T10:00", "2024-05-06",
                ",", "and", "Christmas", "Eve", "week", "earlier", "TODAY", "Tomorrow"]


def _spans(text: str, shift: int = 0) -> list[tuple[int, int, str, dict]]:
    return [(c.start - shift, c.end - shift, c.rule.name, c.groups) for c in find_candidates(text)]


@FAST
@given(words=st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=12))
def test_lower_cased_scan_finds_what_the_case_blind_scan_finds(words):
    """The scan runs on the lower-cased text; a dotted capital I ("İ" lower-cases to two
    characters) makes it fall back to the case-blind patterns on the text as written."""
    text = " ".join(words)
    assert _spans(text) == _spans("\u0130 " + text, shift=2)
