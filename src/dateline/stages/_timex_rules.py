"""Timex grammar and normaliser (not stable API).

The grammar is a list of rules, each a compiled regular expression built from named
sub-patterns (month, weekday, day, year, number, unit...) and a handler that turns the
match groups into a TIMEX3 type and value. ``find_candidates`` runs every rule over the
whole text (the regex engine does the scanning, not a Python loop over tokens) and keeps
the longest non-overlapping matches; ``normalise`` resolves one expression against an
anchor date and a tense hint. Both are pure functions of their arguments.

Each rule says what its value is relative to (``Rule.relative``):

- ``"none"``: absolute or anchor-free ("7 August 2024", "three years", "every week");
- ``"publication"``: deictic, relative to the time of writing ("yesterday", "last week");
- ``"narrative"``: anaphoric, relative to the date the narrative last set ("the next day",
  "that evening", "two days later").

The caller picks the anchor accordingly; the handler reports whether it used it.
"""

from __future__ import annotations

import calendar
import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources
from typing import Any

Tense = str | None  # "past", "present", "future", "modal" or None (unknown)


@dataclass(frozen=True)
class Resolution:
    """The normalised reading of one temporal expression."""

    type: str
    value: str | None
    mod: str | None = None
    range: tuple[str, str] | None = None
    used_anchor: bool = False
    # The expression moved its anchor outside years 1-9999 ("1,000,000 days ago",
    # "tomorrow" from 9999-12-31): a date, but one no calendar value can name.
    out_of_range: bool = False


@dataclass(frozen=True)
class Rule:
    """One grammar rule: a pattern, what it is relative to, and its handler."""

    name: str
    pattern: re.Pattern[str]
    relative: str
    handler: Callable[[dict[str, Any], date | None, Tense], Resolution | None]
    # Lower-case strings one of which every match contains: a text without any of them
    # skips the rule (a cheap prefilter; the regex scan costs far more).
    needs: tuple[str, ...] = ()
    # The same pattern, case-sensitive, for lower-cased text: scanning without
    # IGNORECASE takes about 40% less time.
    folded: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Candidate:
    """A match of a rule in a text: [start, end) offsets and the match groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, Any]

    def resolve(self, anchor: date | None, tense: Tense = None) -> Resolution | None:
        return apply_handler(self.rule, self.groups, anchor, tense)


OUT_OF_RANGE = Resolution("DATE", None, used_anchor=True, out_of_range=True)
_BAD_YEAR = re.compile(r"-|\d{5}")


def apply_handler(
    rule: Rule, groups: dict[str, Any], anchor: date | None, tense: Tense
) -> Resolution | None:
    """Run ``rule``'s handler, turning date arithmetic outside years 1-9999 into OUT_OF_RANGE.

    Python's ``date`` stops at 0001-01-01 and 9999-12-31 (OverflowError, ValueError),
    and year arithmetic done on integers can go past them silently ("-997976"); both
    are the same finding, checked here once for every rule.
    """
    try:
        resolution = rule.handler(groups, anchor, tense)
    except OverflowError:
        return OUT_OF_RANGE
    except ValueError as exc:
        # "year -83 is out of range" is the calendar's edge; "day is out of range for
        # month" ("February 30") is no date at all.
        return OUT_OF_RANGE if "year" in str(exc) else None
    if resolution is not None and resolution.value and _BAD_YEAR.match(resolution.value):
        return OUT_OF_RANGE
    return resolution


# --------------------------------------------------------------------------- lexicon


@functools.cache
def lexicon() -> dict[str, Any]:
    """The timex lexicon (``data/timexes/lexicon.toml``), loaded once per process."""
    text = resources.files("dateline").joinpath("data/timexes/lexicon.toml").read_text("utf-8")
    return tomllib.loads(text)


@functools.cache
def holidays() -> dict[str, Any]:
    """Named days (``data/timexes/holidays.toml``), loaded once per process."""
    text = resources.files("dateline").joinpath("data/timexes/holidays.toml").read_text("utf-8")
    return tomllib.loads(text)


def _easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(name: str, year: int) -> date | None:
    """The date of a named day in a year: ("thanksgiving", 2024) -> 2024-11-28."""
    table = holidays()
    key = re.sub(r"\s+", " ", name.lower()).replace("\u2019", "'")
    if key in table["fixed"]:
        month, day = (int(part) for part in table["fixed"][key].split("-"))
        return date(year, month, day)
    if key in table["nth_weekday"]:
        month, weekday, nth, extra = table["nth_weekday"][key]
        if nth > 0:
            first = date(year, month, 1)
            day = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
        else:
            last = date(year, month, calendar.monthrange(year, month)[1])
            day = last - timedelta(days=(last.isoweekday() - weekday) % 7)
        return day + timedelta(days=extra)
    if key in table["easter"]:
        return _easter(year) + timedelta(days=table["easter"][key])
    return None


def _alt(words: list[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _number(text: str | None) -> int | str | None:
    """Parse '3', 'three', 'twenty-five', 'a few' -> 3, 3, 25, 'X'."""
    if text is None:
        return None
    words = lexicon()["numbers"]
    low = re.sub(r"\s+", " ", text.lower().strip())
    if low.replace(",", "").isdigit():
        return int(low.replace(",", ""))
    if low in words:
        return words[low]
    total = 0
    for part in re.split(r"[-\s]+", low):
        value = words.get(part)
        if not isinstance(value, int):
            return None
        total = total * value if value in (100, 1000) and total else total + value
    return total


def _unit(text: str) -> str:
    """Singular lower-case unit: 'Centuries' -> 'century', 'weeks' -> 'week'."""
    low = text.lower()
    if low == "centuries":
        return "century"
    return low[:-1] if low.endswith("s") else low


# --------------------------------------------------------------------------- calendar


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, by: int) -> str:
    index = year * 4 + quarter - 1 + by
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def shift(anchor: date, amount: int, unit: str) -> str:
    """The value ``amount`` units from ``anchor`` at that unit's granularity.

    >>> shift(date(2024, 8, 7), -3, "year")
    '2021'
    """
    if unit in ("day", "night"):
        return (anchor + timedelta(days=amount)).isoformat()
    if unit in ("week", "weekend"):
        value = _week(anchor + timedelta(weeks=amount))
        return value + "-WE" if unit == "weekend" else value
    if unit == "fortnight":
        return (anchor + timedelta(weeks=2 * amount)).isoformat()
    if unit == "month":
        return _add_months(anchor, amount).strftime("%Y-%m")
    if unit == "quarter":
        return _shift_quarter(*_quarter(anchor), amount)
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + amount:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + amount:02d}"
    # Hours, minutes, seconds: no clock time in the anchor, so the day is the best value.
    return anchor.isoformat()


_GRANULARITY = (
    ("day", re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")),
    ("week", re.compile(r"^(\d{4})-W(\d\d)$")),
    ("month", re.compile(r"^(\d{4})-(\d\d)$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("half", re.compile(r"^(\d{4})-H([12])$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("year", re.compile(r"^(\d{4})$")),
)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
# Which granularities of a reference value a unit of that size can be counted from.
_FINE_ENOUGH = {
    "day": ("day",),
    "night": ("day",),
    "week": ("day", "week"),
    "weekend": ("day", "week"),
    "fortnight": ("day", "week"),
    "month": ("day", "month"),
    "quarter": ("day", "month", "quarter"),
}


def granularity(value: str | None) -> tuple[str, date] | None:
    """The granularity of a calendar value and the first day of its period.

    >>> granularity("1989-Q3")
    ('quarter', datetime.date(1989, 7, 1))
    """
    if not value:
        return None
    for name, pattern in _GRANULARITY:
        match = pattern.match(value)
        if match is None:
            continue
        year = int(match.group(1))
        try:
            if name == "day":
                return name, date(year, int(match.group(2)), int(match.group(3)))
            if name == "week":
                return name, date.fromisocalendar(year, int(match.group(2)), 1)
            if name == "month":
                return name, date(year, int(match.group(2)), 1)
            if name == "quarter":
                return name, date(year, 3 * int(match.group(2)) - 2, 1)
            if name == "half":
                return name, date(year, 6 * int(match.group(2)) - 5, 1)
            if name == "season":
                return name, date(year, _SEASON_MONTH[match.group(2)], 1)
        except ValueError:
            return None
        return name, date(year, 1, 1)
    return None


def fine_enough(reference: str, unit: str) -> bool:
    """True when ``reference`` is precise enough to count ``unit`` from it."""
    found = granularity(reference)
    if found is None:
        return False
    allowed = _FINE_ENOUGH.get(unit)
    return allowed is None or found[0] in allowed


def shift_value(reference: str, amount: int, unit: str) -> str | None:
    """Move a calendar value by ``amount`` units, keeping its own granularity.

    >>> shift_value("1989-Q3", -1, "year")
    '1988-Q3'
    >>> shift_value("2024-08-07", 2, "day")
    '2024-08-09'
    """
    return shift_checked(reference, amount, unit)[0]


def shift_checked(reference: str, amount: int, unit: str) -> tuple[str | None, bool]:
    """``shift_value`` plus whether a missing value is due to leaving years 1-9999."""
    try:
        moved = _shift_calendar_value(reference, amount, unit)
    except (OverflowError, ValueError):
        return None, True
    if moved is not None and _BAD_YEAR.match(moved):
        return None, True
    return moved, False


def _shift_calendar_value(reference: str, amount: int, unit: str) -> str | None:
    found = granularity(reference)
    if found is None:
        return None
    name, start = found
    if unit in _UNIT_MONTHS:
        moved = _add_months(start, amount * _UNIT_MONTHS[unit])
    elif unit in ("day", "night", "week", "weekend", "fortnight"):
        days = {"day": 1, "night": 1, "week": 7, "weekend": 7, "fortnight": 14}[unit]
        moved = start + timedelta(days=amount * days)
    else:
        return None
    if name == "day":
        return moved.isoformat()
    if name == "week":
        return _week(moved)
    if name == "month":
        return moved.strftime("%Y-%m")
    if name == "quarter":
        return "{:04d}-Q{}".format(*_quarter(moved))
    if name == "half":
        return f"{moved.year:04d}-H{1 if moved.month <= 6 else 2}"
    if name == "season":
        return f"{moved.year:04d}{reference[4:]}"
    return f"{moved.year:04d}"


def offset_of(groups: dict[str, Any]) -> tuple[int, str] | None:
    """Signed amount and unit of an "N units ago/earlier/later" match, or None if vague."""
    amount = _number(groups.get("num"))
    if not isinstance(amount, int):
        return None
    direction = (groups.get("dir") or groups.get("dir2")).lower()
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    return sign * amount, _unit(groups["unit"])


def duration(amount: int | str, unit: str) -> str:
    """TIMEX3 duration value: (3, 'year') -> 'P3Y'; ('X', 'day') -> 'PXD'; (2, 'hour') -> 'PT2H'."""
    letter, is_time, _ = lexicon()["units"][unit]
    if unit == "decade":
        return f"P{amount * 10}Y" if isinstance(amount, int) else "PXDE"
    if unit == "century":
        return f"P{amount * 100}Y" if isinstance(amount, int) else "PXCE"
    if unit == "weekend":
        return f"P{amount * 2}D" if isinstance(amount, int) else "PXD"
    if unit == "fortnight":
        return f"P{amount * 2}W" if isinstance(amount, int) else "PXW"
    return f"P{'T' if is_time else ''}{amount}{letter}"


def half_more(amount: int, unit: str) -> str:
    """Duration of ``amount`` and a half units: (5, 'hour') -> 'PT5H30M'; (0, 'hour') -> 'PT30M'.

    The half is written in the next smaller unit, as TIMEX3 values have no fractions
    in practice ("2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S).
    """
    if unit in ("hour", "minute"):
        letter, tail = ("H", "30M") if unit == "hour" else ("M", "30S")
        return f"PT{amount}{letter}{tail}" if amount else f"PT{tail}"
    if unit in ("day", "night"):
        return f"P{amount}DT12H" if amount else "PT12H"
    if unit in ("year", "month"):
        letter, tail = ("Y", "6M") if unit == "year" else ("M", "15D")
        return f"P{amount}{letter}{tail}" if amount else f"P{tail}"
    in_days = {"week": 7, "fortnight": 14, "weekend": 2}
    if unit in in_days:
        days = amount * in_days[unit] + in_days[unit] // 2
        return f"P{days}D" + ("T12H" if in_days[unit] % 2 else "")
    in_years = {"decade": 10, "century": 100}
    if unit in in_years:
        return f"P{amount * in_years[unit] + in_years[unit] // 2}Y"
    if unit == "quarter":
        return f"P{amount * 3 + 1}M15D"
    return f"PT{amount}.5S"  # seconds


_TENSE_SLACK_DAYS = 60
_TENSE_SLACK_MONTHS = 1
# Without a tense, a date more than about four months ahead is more likely the past
# one: news mostly reports ("sales in April" read in late October is the April before).
_UNTENSED_AHEAD_DAYS = 125


def _nearest_year(anchor: date, month: int, day: int, tense: Tense) -> date | None:
    """The date with this month and day nearest the anchor (the earlier one on a tie).

    A past (future) tense picks the latest date before (the first after) the anchor,
    unless the other side is within ``_TENSE_SLACK_DAYS``: news often states a close
    future date in a past-tense reporting clause ("said it would vote Nov. 16").
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if tense in ("past", "future"):
        side = [d for d in options if (d <= anchor if tense == "past" else d >= anchor)]
        close = [d for d in options if abs((d - anchor).days) <= _TENSE_SLACK_DAYS]
        options = close or side or options
    found = min(options, key=lambda d: (abs((d - anchor).days), -d.toordinal()))
    if tense is None and (found - anchor).days > _UNTENSED_AHEAD_DAYS:
        earlier = [d for d in options if d <= anchor]
        return max(earlier) if earlier else found
    return found


def _nearest_month(anchor: date, month: int, tense: Tense) -> str:
    """The year-month with this month nearest the anchor month (the earlier on a tie).

    Tense steers it as for days, with a slack of ``_TENSE_SLACK_MONTHS``.
    """
    options = [(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]

    def gap(option: tuple[int, int]) -> int:
        return (option[0] * 12 + option[1]) - (anchor.year * 12 + anchor.month)

    if tense in ("past", "future"):
        side = [o for o in options if (gap(o) <= 0 if tense == "past" else gap(o) >= 0)]
        close = [o for o in options if abs(gap(o)) <= _TENSE_SLACK_MONTHS]
        options = close or side

    year, month = min(options, key=lambda o: (abs(gap(o)), -gap(o)))
    if tense is None and gap((year, month)) > _UNTENSED_AHEAD_DAYS // 30:
        year -= 1
    return f"{year:04d}-{month:02d}"


def weekday_date(anchor: date, weekday: int, relation: str | None, tense: Tense) -> date:
    """Resolve a weekday name (1 = Monday) against the anchor, HeidelTime style.

    "last Friday" is the latest Friday strictly before the anchor, "next Friday" the first
    strictly after; a bare "Friday" looks forward for future or modal tense and back
    otherwise, the anchor's own day included. A present tense looks back too: in news it
    is mostly a headline-style report ("the talks that open Tuesday" is rarer than "says
    ... on Tuesday", which reports the day just past).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if relation in ("last", "past", "this past"):
        return anchor - timedelta(days=back or 7)
    if relation in ("next", "coming", "this coming"):
        return anchor + timedelta(days=ahead or 7)
    if tense in ("future", "modal"):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


# --------------------------------------------------------------------------- sub-patterns


@functools.cache
def _grammar() -> dict[str, str]:
    lex = lexicon()
    full = [m for m in lex["months"] if len(m) > 4 or m in ("may", "june", "july")]
    short = [m for m in lex["months"] if m not in full]
    # Only abbreviations take a period: "Sept." is one token, "September." ends a sentence.
    months = f"(?:{_alt(full)}|{_alt(short)}(?![a-z])\\.?)"
    number_words = [w for w in lex["numbers"] if w not in ("a couple",)]
    tens = _alt(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    ones = _alt(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    units = []
    for unit in lex["units"]:
        units += [unit, "centuries" if unit == "century" else unit + "s"]
    g = {
        "MONTH": rf"(?P<mon>{months})(?![a-z])",
        "DOW": _alt(list(lex["weekdays"])),
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "YEAR": rf"(?P<year>1[6-9]\d\d|20\d\d|{_spoken_year(tens, ones)})(?![\d,.]\d)",
        "NUM": rf"(?:\d+(?:,\d{{3}})*|(?:{ones}|a)\s+(?:hundred|thousand)|{tens}[-\s]{ones}|"
        rf"{_alt(number_words)})",
        "UNIT": _alt(units),
        "SEASON": _alt(list(lex["seasons"])),
        "PART": _alt(["morning", "afternoon", "evening", "night"]),
        "MODS": _alt(list(lex["mods"])),
        "PRE": r"(?:(?P<pm>early|late|mid|the\s+(?:start|beginning|end|middle)\s+of)[-\s]+)",
    }
    return g


_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)


def _spoken_year(tens: str, ones: str) -> str:
    """Years read out in words: "nineteen ninety-six", "eighteen twelve", "two thousand one".

    "two thousand ..." only right after "year" ("the year two thousand"): alone it is
    far more often a count.
    """
    teens = _alt(list(_TEENS))
    rest = rf"(?:{tens}(?:[-\s]{ones})?|{teens}|hundred|oh[-\s]{ones})"
    millennium = rf"(?<=year\s)two\s+thousand(?:\s+(?:and\s+)?(?:{teens}|{ones}))?"
    centuries = rf"(?:seventeen|eighteen|nineteen)[-\s]+{rest}(?![-\s]+(?:{ones}|hundred)\b)"
    return rf"(?:{centuries}|{millennium})"


def _year_of(text: str) -> int:
    """The number of a year group: '1996' or 'nineteen ninety-six' -> 1996."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[-\s]+", text.lower())
    if words[0] == "two":  # "two thousand [and] one"
        tail = [w for w in words[2:] if w != "and"]
        return 2000 + (_number(" ".join(tail)) if tail else 0)
    century = _number(words[0])
    rest = [w for w in words[1:] if w != "oh"]
    if rest == ["hundred"]:
        return century * 100
    return century * 100 + _number(" ".join(rest))


def _p(template: str) -> re.Pattern[str]:
    """Compile a rule template: {NAME} are sub-patterns; matches start and end on word edges."""
    body = template.format(**_grammar())
    return re.compile(rf"(?<![\w$£€.,/-])(?:{body})(?![\w]|[-/]\d)", re.IGNORECASE)


# --------------------------------------------------------------------------- handlers


def _mod(pm: str | None) -> str | None:
    if pm is None:
        return None
    return lexicon()["mods"].get(re.sub(r"\s+", " ", pm.lower()))


def _month(g: dict[str, Any]) -> int | None:
    """Month number of the 'mon' group; None for a lower-case ambiguous word ('may')."""
    word = g["mon"].rstrip(".")
    if word.lower() in lexicon()["ambiguous"]["words"] and not word[0].isupper():
        return None
    if word.isupper() and len(word) > 3:
        return None
    return lexicon()["months"][word.lower()]


def _weekday(word: str) -> int:
    return lexicon()["weekdays"][word.lower()]


def _year2(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 50 else 2000
    return year


def _h_iso(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    try:
        day = date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    if g.get("hh"):
        return Resolution("TIME", f"{day.isoformat()}T{g['hh']}:{g['mm']}")
    return Resolution("DATE", day.isoformat())


def _h_slash(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    first, second = int(g["a"]), int(g["b"])
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return Resolution("DATE", date(_year2(g["y"]), month, day).isoformat())
    except ValueError:
        return None


def _day_value(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    month = _month(g)
    if month is None:
        return None
    day = int(g["day"])
    mod = _mod(g.get("pm"))
    if g.get("year"):
        try:
            return Resolution("DATE", date(_year_of(g["year"]), month, day).isoformat(), mod)
        except ValueError:
            return None
    if day > calendar.monthrange(2024, month)[1]:
        return None
    if anchor is None:
        return Resolution("DATE", None, mod)
    found = _nearest_year(anchor, month, day, tense)
    return Resolution("DATE", found.isoformat() if found else None, mod, used_anchor=True)


def _h_month(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    month = _month(g)
    if month is None:
        return None
    mod = _mod(g.get("pm"))
    rel = (g.get("rel") or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    if g.get("year"):
        return Resolution("DATE", f"{_year_of(g['year']):04d}-{month:02d}", mod)
    if rel == "" and not g["mon"][0].isupper():
        return None
    if (
        not g["mon"].endswith(".")
        and len(g["mon"]) <= 4
        and g["mon"].lower() not in ("may", "june", "july")
    ):
        return None  # "Jan", "Mar" alone are names or words; "Jan." alone is rare
    if anchor is None:
        return Resolution("DATE", None, mod)
    rel = rel or re.sub(r"\s+", " ", (g.get("rel2") or "").lower())
    if rel in ("last", "this past", "past"):
        year = anchor.year - 1 if month >= anchor.month else anchor.year
        value = f"{year:04d}-{month:02d}"
    elif rel == "this":
        value = f"{anchor.year:04d}-{month:02d}"
    elif rel in ("next", "this coming", "coming"):
        year = anchor.year + 1 if month <= anchor.month else anchor.year
        value = f"{year:04d}-{month:02d}"
    else:
        value = _nearest_month(anchor, month, tense)
    return Resolution("DATE", value, mod, used_anchor=True)


def _h_year(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    return Resolution("DATE", f"{_year_of(g['year']):04d}", _mod(g.get("pm")))


def _h_decade(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    if g.get("dec"):
        value = g["dec"][:3]
    elif g.get("dword"):  # "the nineties": the decade of the twentieth century
        if not g.get("the"):
            return None  # "in their forties": an age
        tens = (
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ).index(g["dword"].lower()) + 2
        value = f"19{tens}"
    else:
        two = int(g["d2"])
        value = f"{19 if two >= 3 else 20}{two // 10}"
    return Resolution("DATE", value, _mod(g.get("pm")))


_ORDINAL_WORDS = {
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "eighteenth": 18,
    "seventeenth": 17,
    "sixteenth": 16,
}


def _h_century(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    word = g["ord"].lower()
    number = _ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not number:
        return None
    return Resolution("DATE", f"{number - 1:02d}", _mod(g.get("pm")))


_RELATIVE_STEP = {
    "last": -1,
    "past": -1,
    "this past": -1,
    "the past": -1,
    "the last": -1,
    "previous": -1,
    "the previous": -1,
    "the preceding": -1,
    "this": 0,
    "the current": 0,
    "current": 0,
    "the same": 0,
    "that": 0,
    "that same": 0,
    "next": 1,
    "the next": 1,
    "the following": 1,
    "the coming": 1,
    "coming": 1,
    "this coming": 1,
}


def _step(rel: str | None) -> int | None:
    if rel is None:
        return 0
    return _RELATIVE_STEP.get(re.sub(r"\s+", " ", rel.lower()))


def _h_season(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    code = lexicon()["seasons"][g["season"].lower()]
    mod = _mod(g.get("pm"))
    rel = g.get("rel")
    if g.get("year"):
        return Resolution("DATE", f"{_year_of(g['year']):04d}-{code}", mod)
    if rel is None and g.get("pm") is None and g["season"].lower() in ("fall", "spring"):
        return None
    step = _step(rel) if rel and rel.lower() != "the" else 0
    if step is None:
        return None
    if anchor is None:
        return Resolution("DATE", None, mod)
    if rel and re.sub(r"\s+", " ", rel.lower()) == "this past":
        # The latest such season that has begun: spring 1989 seen from October 1989.
        started = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code] <= anchor.month
        step = 0 if started else -1
    return Resolution("DATE", f"{anchor.year + step:04d}-{code}", mod, used_anchor=True)


def _h_quarter(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    ordinal = g.get("ord") or g.get("qn")
    words = re.sub(r"\s+", " ", (g.get("rel") or "").lower()).strip()
    number = None
    if ordinal:
        number = (
            4
            if ordinal.lower() == "final"
            else lexicon()["ordinals"].get(
                ordinal.lower(), int(ordinal) if ordinal.isdigit() else None
            )
        )
    year = g.get("year") or g.get("year2") or g.get("year3")
    if number and year:
        return Resolution("DATE", f"{_year_of(year):04d}-Q{number}")
    if not number and not words and not g.get("the"):
        return None
    if anchor is None:
        return Resolution("DATE", None)
    this_year, this_quarter = _quarter(anchor)
    ago = -4 if re.search(r"year-(?:ago|earlier)|year\s+ago|last\s+year's", words) else 0
    if year:  # "the 1988 quarter", "the 1988 period": the quarter in question, that year
        step = (
            1
            if re.search(r"\bnext\b", words)
            else 0
            if re.search(r"\b(?:this|current)\b", words)
            else -1
        )
        quarter = _shift_quarter(this_year, this_quarter, step)
        return Resolution("DATE", f"{_year_of(year):04d}{quarter[4:]}", used_anchor=True)
    if number:
        base_year = this_year - 1 if number > this_quarter else this_year
        if "next year" in words:
            base_year = this_year + 1
        return Resolution("DATE", _shift_quarter(base_year, number, ago), used_anchor=True)
    if re.search(r"\b(?:this|current)\b", words):
        step = 0
    elif re.search(r"\bnext\b", words):
        step = 1
    elif re.search(r"\b(?:last|previous|past)\b", words) and not re.search(r"latest", words):
        step = -1
    else:  # "the quarter", "the latest quarter": the last one reported, i.e. completed
        step = -1
    return Resolution("DATE", _shift_quarter(this_year, this_quarter, step + ago), used_anchor=True)


def _h_half(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    half = 1 if g["half"].lower() == "first" else 2  # second, last, latter
    if g.get("year"):
        return Resolution("DATE", f"{_year_of(g['year']):04d}-H{half}")
    step = _step(g.get("rel"))
    if step is None or anchor is None:
        return Resolution("DATE", None)
    return Resolution("DATE", f"{anchor.year + step:04d}-H{half}", used_anchor=True)


def _h_reference(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    refs = lexicon()["references"]
    return Resolution("DATE", refs[re.sub(r"\s+", " ", g["ref"].lower())])


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _part_code(word: str | None) -> str:
    return lexicon()["parts_of_day"][word.lower()] if word else ""


def _h_dayword(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    word = g["w"].lower()
    offset = _DAY_WORDS[word]
    if g.get("before"):
        offset -= 1
    if g.get("after"):
        offset += 1
    part = "NI" if word == "tonight" else _part_code(g.get("part"))
    mod = _mod(g.get("pm"))
    kind = "TIME" if part else "DATE"
    if anchor is None:
        return Resolution(kind, None, mod)
    value = (anchor + timedelta(days=offset)).isoformat()
    return Resolution(kind, value + (f"T{part}" if part else ""), mod, used_anchor=True)


def _h_part(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    det = re.sub(r"\s+", " ", (g.get("det") or "").lower())
    part = _part_code(g["part"])
    if anchor is None:
        return Resolution("TIME", None, _mod(g.get("pm")))
    if g.get("dow"):
        day = weekday_date(anchor, _weekday(g["dow"]), None, tense)
        kind = "DATE"
    else:
        offset = {
            "last": -1,
            "yesterday": -1,
            "tomorrow": 1,
            "the next": 1,
            "the following": 1,
            "the previous": -1,
        }.get(det, 0)
        if det == "last" and part != "NI":
            offset = -1
        day = anchor + timedelta(days=offset)
        kind = "TIME"
    return Resolution(kind, f"{day.isoformat()}T{part}", _mod(g.get("pm")), used_anchor=True)


def _h_weekday(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower()) or None
    # "the previous Friday" counts from the narrative's day as "last Friday" does from today.
    rel = {"the previous": "last", "the preceding": "last", "the following": "next"}.get(rel, rel)
    mod = _mod(rel) if rel in ("early", "late", "earlier", "later") else None
    if mod:
        rel = None
    part = _part_code(g.get("part"))
    if anchor is None:
        return Resolution("DATE", None, mod)
    day = weekday_date(anchor, _weekday(g["dow"]), rel, tense)
    return Resolution("DATE", day.isoformat() + (f"T{part}" if part else ""), mod, used_anchor=True)


def _h_relunit(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    if g["unit"].istitle():
        return None  # "This Week", a programme's title (a unit word never starts these)
    unit = _unit(g["unit"])
    if g["rel"].lower() == "the":
        if unit != "weekend":
            return None
        if anchor is None:
            return Resolution("DATE", None)
        # "the weekend": the coming one for future tense, else the latest one begun.
        ahead = tense == "future" and anchor.isoweekday() < 6
        step = 0 if ahead or anchor.isoweekday() >= 6 else -1
        return Resolution("DATE", shift(anchor, step, "weekend"), used_anchor=True)
    step = _step(g["rel"])
    if step is None:
        return None
    mod = _mod(g.get("pm"))
    if anchor is None:
        return Resolution("DATE", None, mod)
    return Resolution("DATE", shift(anchor, step, unit), mod, used_anchor=True)


def _h_ago(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    amount = _number(g["num"])
    unit = _unit(g["unit"])
    if amount is None:
        return None
    direction = (g["dir"] or g["dir2"]).lower()
    sign = -1 if direction in ("ago", "earlier", "before", "previously") else 1
    mod = lexicon()["mods"].get(re.sub(r"\s+", " ", g["mod"].lower())) if g.get("mod") else None
    if amount == "X":
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if anchor is None:
        return Resolution("DATE", None, mod)
    return Resolution("DATE", shift(anchor, sign * amount, unit), mod, used_anchor=True)


def _h_year_ago(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    if anchor is None:
        return Resolution("DATE", None)
    return Resolution("DATE", f"{anchor.year - 1:04d}", used_anchor=True)


def _h_holiday(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    name = g["hol"]
    if not name[0].isupper():
        return None  # "may day", "halloween party" in lower case: not the named day
    if g.get("year"):
        day = holiday_date(name, _year_of(g["year"]))
        return Resolution("DATE", day.isoformat() if day else None)
    if anchor is None:
        return Resolution("DATE", None)
    options = [
        d
        for d in (holiday_date(name, y) for y in range(anchor.year - 1, anchor.year + 2))
        if d is not None
    ]
    rel = (g.get("rel") or "").lower()
    if rel == "last":
        options = [d for d in options if d < anchor]
    elif rel == "next":
        options = [d for d in options if d > anchor]
    elif rel == "this":
        options = [d for d in options if d.year == anchor.year]
    if not options:
        return None
    day = min(options, key=lambda d: (abs((d - anchor).days), d))
    return Resolution("DATE", day.isoformat(), used_anchor=True)


def _h_duration(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    if g["unit"].istitle():
        return None  # "60 Minutes": a title-case unit after a number names a work
    unit = _unit(g["unit"])
    amount = _number(g["num"]) if g.get("num") else "X"
    if amount is None:
        return None
    if unit in ("second", "quarter") and g["num"].lower() in ("a", "an"):
        return None  # "a second attack", "a quarter of the vote"
    if isinstance(amount, int) and amount >= 1000 and not g["unit"].lower().endswith("s"):
        return None  # "the 1988 second quarter": a year, not a count
    if g["unit"].lower() == "quarters" and "-" in g["sep"] and not g["num"].isdigit():
        return None  # "three-quarters of its food": a fraction
    mod = lexicon()["mods"].get(re.sub(r"\s+", " ", g["mod"].lower())) if g.get("mod") else None
    if g.get("orso") and mod is None:
        mod = "APPROX"  # "the next two years or so"
    if g.get("frac") or g.get("half"):
        if not isinstance(amount, int) or g.get("num2"):
            return None
        return Resolution("DURATION", half_more(amount, unit), mod)
    value = duration(amount, unit)
    span = None
    if g.get("num2"):
        upper = _number(g["num2"])
        if upper is None:
            return None
        span = (value, duration(upper, unit))
    return Resolution("DURATION", value, mod, span)


def _h_half_unit(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "half an hour", "a half-day", "half a century": half of one unit."""
    unit = _unit(g["unit"])
    if unit in ("second", "quarter") or g["unit"].lower().endswith("s") and unit != "hour":
        return None  # "half a second" is rhetoric; "half-quarters", plural units are not halves
    mod = lexicon()["mods"].get(re.sub(r"\s+", " ", g["mod"].lower())) if g.get("mod") else None
    return Resolution("DURATION", half_more(0, unit), mod)


def _h_vague_duration(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    unit = _unit(g["unit"])
    if g.get("recent") and unit == "year":
        return Resolution("DATE", "PAST_REF")
    if g.get("ref"):  # "in past years", "future quarters": the past or future at large
        return Resolution("DATE", "PAST_REF" if g["ref"].lower() == "past" else "FUTURE_REF")
    return Resolution("DURATION", duration("X", unit))


def _h_set(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    if g.get("freq"):
        return Resolution("SET", lexicon()["frequencies"][g["freq"].lower()])
    if g.get("sdow"):
        return Resolution("SET", f"XXXX-WXX-{_weekday(g['sdow'])}")
    if g.get("pdow"):
        return Resolution("SET", f"XXXX-WXX-{_weekday(g['pdow'][:-1])}")
    if g.get("pdow2"):  # "Tuesday nights"
        part = _part_code(g["ppart"][:-1])
        return Resolution("SET", f"XXXX-WXX-{_weekday(g['pdow2'])}T{part}")
    if g.get("spart"):  # "every morning"
        return Resolution("SET", f"XXXX-XX-XXT{_part_code(g['spart'])}")
    if g.get("mon"):  # "each July"
        month = _month(g)
        return None if month is None else Resolution("SET", f"XXXX-{month:02d}")
    unit = _unit(g["unit"])
    amount = _number(g["num"]) if g.get("num") else 1
    if amount is None:
        return None
    if g.get("other") and isinstance(amount, int):
        amount *= 2
    return Resolution("SET", duration(amount, unit))


def _h_set_times(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    return Resolution("SET", duration(1, _unit(g["unit"])))


def _clock(g: dict[str, Any]) -> str | None:
    if g.get("noon"):
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["noon"].lower()]
    hour = int(g["h"])
    minute = int(g["mi"] or 0)
    ampm = (g.get("ap") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _h_clock(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    clock = _clock(g)
    if clock is None:
        return None
    mod = _mod(g.get("mod")) if g.get("mod") else None
    if anchor is None:
        return Resolution("TIME", None, mod)
    if g.get("mon"):
        month = _month(g)
        if month is None:
            return None
        day = _nearest_year(anchor, month, int(g["day"]), tense) or anchor
    elif g.get("cdow"):
        day = weekday_date(anchor, _weekday(g["cdow"]), None, tense)
    else:
        day = anchor + timedelta(days=_DAY_WORDS.get((g.get("cday") or "today").lower(), 0))
    return Resolution("TIME", f"{day.isoformat()}T{clock}", mod, used_anchor=True)


_NARRATIVE_OFFSETS = {
    "the same day": 0,
    "that day": 0,
    "that same day": 0,
    "later that day": 0,
    "earlier that day": 0,
    "the next day": 1,
    "the following day": 1,
    "the day after": 1,
    "the previous day": -1,
    "the day before": -1,
    "the preceding day": -1,
    "the time": 0,
    "the same time": 0,
}


def _h_narrative(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    phrase = re.sub(r"\s+", " ", g["n"].lower())
    offset = _NARRATIVE_OFFSETS[phrase]
    if anchor is None:
        return Resolution("DATE", None)
    return Resolution("DATE", (anchor + timedelta(days=offset)).isoformat(), used_anchor=True)


# --------------------------------------------------------------------------- rules

_REL_UNIT = (
    r"the|last|this|next|this\s+past|this\s+coming|the\s+past|the\s+last|the\s+coming|"
    r"the\s+current|the\s+previous|the\s+preceding|the\s+following|the\s+same|"
    r"the\s+next|that|that\s+same|past|coming"
)
_NARRATIVE_REL = re.compile(
    r"^(?:the\s+(?:previous|preceding|following|same|next)|that)", re.IGNORECASE
)


_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "slash": ("/",),
    "decade": ("0s", "ties"),
    "century": ("century",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "quarter": ("quarter",),
    "quarter_q": ("q",),
    "half": ("half",),
    "the_year": ("year",),
    "ago": ("ago", "from now", "hence"),
    "later": ("earlier", "later", "before", "after"),
    "year_ago": ("year",),
    "set_times": ("once", "twice", "thrice", "times"),
    "half_unit": ("half",),
    "week_of": ("week of",),
    "the_week": ("the week",),
    "unit_end": ("end",),
    "latest_period": ("period",),
    "clock": ("a.m", "p.m", "am", "pm", "noon", "midnight", "midday"),
    "clock24": (":",),
    "narrative": ("day", "time"),
    "part": ("morning", "afternoon", "evening", "night"),
    "part_narrative": ("morning", "afternoon", "evening", "night"),
    "dayword": ("yesterday", "today", "tomorrow", "tonight"),
}


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The grammar, most specific first (earlier rules win ties between equal spans)."""
    return tuple(
        replace(rule, needs=_NEEDS.get(rule.name, ()), folded=_case_folded(rule.pattern))
        for rule in _rules()
    )


_PATTERN_PIECE = re.compile(r"\\.|\(\?P[<=]\w+[>)]?|.", re.DOTALL)


def _case_folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without IGNORECASE, its literal letters lower-cased (escapes and
    group names kept), so that it matches lower-cased text as the original matches any."""
    pieces = _PATTERN_PIECE.findall(pattern.pattern)
    source = "".join(p if p.startswith(("\\", "(?P")) else p.lower() for p in pieces)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def _rules() -> tuple[Rule, ...]:
    lex = lexicon()
    freq = _alt(list(lex["frequencies"]))
    refs = _alt(list(lex["references"]))
    dur_det = (
        r"the\s+(?:past|last|next|first|previous|following|coming|latest|remaining|"
        r"final|same|initial|last\s+few)|the|another|(?:past|last|next|first)"
    )
    return (
        *_date_rules(),
        *_period_rules(),
        *_week_rules(),
        *_day_rules(refs),
        *_relative_rules(),
        *_duration_rules(dur_det, freq),
        *_clock_rules(),
    )


def _date_rules() -> tuple[Rule, ...]:
    """Calendar dates: ISO and slashed dates, month and day, month, year."""
    return (
        Rule(
            "iso",
            _p(
                r"(?P<y>\d{{4}})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d)?)?"
            ),
            "none",
            _h_iso,
        ),
        Rule(
            "slash",
            _p(r"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})"),
            "none",
            _h_slash,
        ),
        Rule(
            "month_day",
            _p(
                r"{PRE}?(?:(?:last|this|next)\s+)?(?:(?P<dow>{DOW}),?\s+)?{MONTH}"
                r"\s+{DAY}(?:,?\s+{YEAR})?"
            ),
            "publication",
            _day_value,
        ),
        Rule(
            "day_month",
            _p(
                r"(?:(?P<dow>{DOW}),?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"
                r"(?:,?\s+{YEAR})?"
            ),
            "publication",
            _day_value,
        ),
        Rule(
            "month",
            _p(
                r"(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?)\s+)?{PRE}?{MONTH}"
                r"(?:(?:\s+of)?,?\s+{YEAR}|\s+(?P<rel2>this|last|next)\s+year)?"
            ),
            "publication",
            _h_month,
        ),
        Rule(
            "year",
            _p(r"(?:{PRE}|(?:fiscal|calendar)(?:\s+year)?\s+|the\s+year\s+)?{YEAR}"),
            "none",
            _h_year,
        ),
    )


def _period_rules() -> tuple[Rule, ...]:
    """Periods named by the calendar: decades, centuries, seasons, quarters."""
    return (
        Rule(
            "decade",
            _p(
                r"(?P<the>the\s+)?{PRE}?(?:(?:(?P<dec>(?:1[6-9]|20)\d0)|'(?P<d2>\d0))'?s|"
                r"(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
                r"nineties))"
            ),
            "none",
            _h_decade,
        ),
        Rule(
            "century",
            _p(
                r"(?:the\s+)?{PRE}?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|nineteenth|"
                r"twentieth|twenty[-\s]first|eighteenth|seventeenth|sixteenth)"
                r"[-\s]century"
            ),
            "none",
            _h_century,
        ),
        Rule(
            "season",
            _p(
                r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+past|"
                r"the\s+coming|the|that|past|coming)\s+)?{PRE}?(?P<season>{SEASON})"
                r"(?:\s+(?:of\s+)?{YEAR})?"
            ),
            "publication",
            _h_season,
        ),
        Rule(
            "quarter",
            _p(
                r"(?P<the>the\s+)?(?:(?P<year3>(?:19|20)\d\d)\s+)?(?P<rel>(?:(?:last|"
                r"this|next|current|latest|previous|"
                r"same|past|year-ago|year-earlier|comparable|fiscal|year\s+ago|"
                r"(?:this|last|next)\s+year's)\s+)*)(?:(?P<ord>first|second|third|"
                r"fourth|final|1st|2nd|3rd|4th)[-\s]+)?(?:fiscal\s+)?quarter"
                r"(?:\s+of\s+(?:fiscal\s+)?{YEAR}|,?\s+(?P<year2>(?:19|20)\d\d))?"
            ),
            "publication",
            _h_quarter,
        ),
        Rule("quarter_q", _p(r"Q(?P<qn>[1-4])\s+{YEAR}"), "none", _h_quarter),
    )


def _week_rules() -> tuple[Rule, ...]:
    """Halves, holidays, weeks, the end of a unit, the latest period, the year."""
    return (
        Rule(
            "half",
            _p(
                r"(?:the\s+)?(?P<half>first|second|last|latter)\s+half\s+of\s+(?:{YEAR}|"
                r"(?P<rel>this|next|last)\s+year)"
            ),
            "publication",
            _h_half,
        ),
        Rule(
            "holiday",
            _p(
                r"(?:(?P<rel>last|next|this)\s+)?(?P<hol>" + _holiday_names() + r")(?:,?\s+{YEAR})?"
            ),
            "publication",
            _h_holiday,
        ),
        Rule(
            "the_week",
            _p(r"the\s+week(?!\s+(?:of|before|after|earlier|ago|later|\d))(?!-\w)"),
            "publication",
            _h_the_week,
        ),
        Rule(
            "week_of",
            _p(r"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"),
            "publication",
            _h_week_of,
        ),
        Rule(
            "unit_end",
            _p(
                r"(?P<pm>the\s+end)\s+of\s+the\s+(?P<unit>year|month|week)|"
                r"(?P<unit2>year|month)(?:[-\s]|['\u2019]s\s+)end"
            ),
            "publication",
            _h_unit_end,
        ),
        Rule(
            "latest_period",
            _p(r"(?P<the>the\s+)(?:(?P<rel>latest)\s+|(?P<year3>(?:19|20)\d\d)\s+)period"),
            "publication",
            _h_quarter,
        ),
        Rule(
            "the_year",
            _p(
                r"(?P<span_of>(?<=for\s)|(?<=during\s))?the\s+(?:(?P<which>current|latest|"
                r"previous|last|next|coming)\s+(?=fiscal\s))?(?:(?P<fiscal>fiscal|"
                r"full|calendar|current)\s+)?year"
                r"(?!\s+(?:before|after|earlier|ago|later|\d))(?![-'\u2019])"
            ),
            "publication",
            _h_the_year,
        ),
    )


def _day_rules(refs: str) -> tuple[Rule, ...]:
    """Reference words, today and yesterday, parts of the day, weekdays."""
    return (
        Rule("reference", _p(r"(?P<ref>{refs})".replace("{refs}", refs)), "none", _h_reference),
        Rule(
            "dayword",
            _p(
                r"(?:(?P<pm>early|late|earlier|later)\s+)?(?P<before>the\s+day\s+"
                r"before\s+)?(?P<after>the\s+day\s+after\s+)?(?P<w>yesterday|today|"
                r"tomorrow|tonight)(?:\s+(?P<part>{PART}))?"
            ),
            "publication",
            _h_dayword,
        ),
        Rule(
            "part",
            _p(
                r"{PRE}?(?:(?P<det>this|last|yesterday|tomorrow|(?P<dow>{DOW}))\s+)"
                r"(?P<part>{PART})"
            ),
            "publication",
            _h_part,
        ),
        Rule(
            "part_narrative",
            _p(
                r"{PRE}?(?:(?P<det>that|the\s+next|the\s+following|the\s+same|"
                r"the\s+previous|later\s+that|earlier\s+that)\s+)"
                r"(?P<part>{PART})"
            ),
            "narrative",
            _h_part,
        ),
        # TimeML extents leave out "early"/"later" and a possessive "'s" around a weekday.
        Rule(
            "weekday",
            _p(
                r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|"
                r"the\s+(?:previous|preceding|following))\s+)?(?P<dow>{DOW})(?=\W|$)"
                r"(?:\s+(?P<part>{PART}))?"
            ),
            "publication",
            _h_weekday,
        ),
    )


def _relative_rules() -> tuple[Rule, ...]:
    """Dates counted from the anchor: relative units, ago, later, a year ago."""
    return (
        Rule(
            "relunit",
            _p(
                r"{PRE}?(?:(?P<pm2>earlier|later)\s+)?(?P<rel>"
                + _REL_UNIT
                + r")\s+(?P<unit>week|weekend|month|year|decade|century)"
            ),
            "publication",
            _h_relunit_pm,
        ),
        Rule(
            "ago",
            _p(
                r"(?:(?P<mod>{MODS})\s+)?(?P<num>{NUM})[-\s]+(?P<unit>{UNIT})(?:\s+or\s+so)?"
                r"\s+(?P<dir>ago|from\s+now|hence)"
            ),
            "publication",
            _h_ago,
        ),
        Rule(
            "later",
            _p(
                r"(?:(?P<mod>{MODS})\s+)?(?P<num>{NUM})[-\s]+(?P<unit>{UNIT})"
                r"\s+(?:(?P<dir>earlier|later)|(?P<dir2>before|after)(?=\s*[.,;:)\"']|"
                r"\s*$))"
            ),
            "narrative",
            _h_ago,
        ),
        Rule(
            "year_ago",
            _p(
                r"the\s+(?:comparable\s+)?year-(?:earlier|ago)\s+period|"
                r"year-(?:earlier|ago)(?:\s+period)?|"
                r"the\s+(?:(?:same|corresponding|comparable)\s+period|quarter)\s+(?:of\s+)?"
                r"(?:last\s+year|a\s+year\s+(?:ago|earlier))"
            ),
            "narrative",
            _h_year_ago,
        ),
    )


def _duration_rules(dur_det: str, freq: str) -> tuple[Rule, ...]:
    """Durations and sets: spans of time, "for" periods, frequencies."""
    return (
        Rule(
            "duration",
            _p(
                r"(?:(?!over\s+the\s)(?P<mod>{MODS})\s+)?(?:(?:" + dur_det + r")\s+)?(?P<num>{NUM})"
                r"(?P<frac>\s+1/2|\s*\u00bd|[-\s]+and[-\s]+a[-\s]+half)?"
                r"(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUM}))?(?:\s+(?:more|straight|"
                r"consecutive|additional|extra|further|trading|business|working))?(?P<sep>[-\s]+)(?P<unit>{UNIT})(?:-long)?"
                r"(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?"
                r"(?!-(?:old|earlier|ago)|\s+old)"
            ),
            "none",
            _h_duration,
        ),
        Rule(
            "half_unit",
            _p(
                r"(?:(?P<mod>{MODS})\s+)?(?:an?\s+)?half[-\s]+(?:an?\s+)?(?P<unit>{UNIT})(?:-long)?"
            ),
            "none",
            _h_half_unit,
        ),
        Rule(
            "vague_duration",
            _p(
                r"(?:(?P<recent>recent)|several|many|(?:a\s+)?few|"
                r"the\s+(?:past|last|next|coming)(?:\s+(?:few|several))?|coming|"
                r"(?<!the\s)(?P<ref>past|future))\s+"
                r"(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|"
                r"decades|centuries)"
            ),
            "none",
            _h_vague_duration,
        ),
        _for_rule(),
        Rule(
            "set",
            _p(
                r"(?P<freq>" + freq + r")|(?:every|each)\s+(?:(?P<other>other)\s+)?"
                r"(?:(?P<sdow>{DOW})|(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}))|"
                r"(?P<pdow>(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|"
                r"sundays))|(?P<pdow2>{DOW})\s+(?P<ppart>mornings|afternoons|evenings|nights)|"
                r"(?:every|each)\s+(?:(?P<spart>morning|afternoon|evening|night)|{MONTH})"
            ),
            "none",
            _h_set,
        ),
        Rule(
            "set_times",
            _p(
                r"(?:once|twice|thrice|(?P<num>{NUM})\s+times)\s+(?:a|an|per|every|"
                r"each)\s+(?P<unit>{UNIT})"
            ),
            "none",
            _h_set_times,
        ),
    )


def _clock_rules() -> tuple[Rule, ...]:
    """Times of day and narrative times ("the next day")."""
    return (
        Rule(
            "clock",
            _p(
                r"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]"
                r"\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)|(?P<noon>noon|midnight|midday))"
                r"(?:\s+(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|BST|CET|CEST|MSK|ET|"
                r"local\s+time))?(?:,?\s+(?:on\s+)?(?P<cdow>{DOW})|\s+(?P<cday>today|"
                r"yesterday|tomorrow)|,?\s+(?:on\s+)?{MONTH}\s+{DAY})?"
            ),
            "narrative",
            _h_clock,
        ),
        Rule(
            "clock24",
            _p(
                r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s+(?:GMT|UTC|local\s+time|"
                r"hours))?"
            ),
            "narrative",
            _h_clock,
        ),
        Rule(
            "narrative",
            _p(
                r"(?P<n>the\s+same\s+day|that\s+(?:same\s+)?day|later\s+that\s+day|"
                r"earlier\s+that\s+day|the\s+(?:next|following|previous|preceding)"
                r"\s+day|the\s+day\s+(?:before|after)(?=\s*[.,;:)]|\s*$)|"
                r"(?<=\bat\s)the\s+time(?!\s+of\b))"
            ),
            "narrative",
            _h_narrative,
        ),
    )


def _h_relunit_pm(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    if g.get("pm2"):
        g = dict(g, pm=g["pm2"])
    return _h_relunit(g, anchor, tense)


def _h_for(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    word = g.get("unit") or g.get("unitl") or g.get("unita") or g["unitb"]
    return Resolution("DURATION", duration("X", _unit(word)))


def _for_rule() -> Rule:
    pattern = _p(
        r"(?<=for\s)(?P<unit>hours|days|weeks|months|years|decades|centuries)|"
        r"(?P<unitl>years|decades)-long|"
        # "in the weeks before the shooting": TimeML marks the unit word alone.
        r"(?<=the\s)(?P<unita>days|weeks|months|years)(?=\s+(?:before|after|following|"
        r"leading\s+up\s+to|that\s+followed)\b)|"
        r"the\s+(?P<unitb>days|weeks|months|years)\s+ahead"
    )
    return Rule("for_duration", pattern, "none", _h_for)


def _holiday_names() -> str:
    table = holidays()
    names = [*table["fixed"], *table["nth_weekday"], *table["easter"]]
    return _alt(names).replace("'", "['\u2019]")


def _h_the_week(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "for the week", "the week's most active session": the current week."""
    if anchor is None:
        return Resolution("DATE", None)
    return Resolution("DATE", shift(anchor, 0, "week"), used_anchor=True)


def _h_week_of(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "the week of March 6": the ISO week holding that day."""
    found = _day_value(g, anchor, tense)
    if found is None or found.value is None:
        return found
    return replace(found, value=_week(date.fromisoformat(found.value)))


def _h_unit_end(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "year-end", "the end of the month": the current period, mod END."""
    unit = (g.get("unit") or g["unit2"]).lower()
    if anchor is None:
        return Resolution("DATE", None, "END")
    return Resolution("DATE", shift(anchor, 0, unit), "END", used_anchor=True)


def _h_the_year(g: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    fiscal = (g.get("fiscal") or "").lower()
    which = (g.get("which") or "").lower()
    if which:  # "the current fiscal year", "the latest fiscal year": a calendar year
        if anchor is None:
            return Resolution("DATE", None)
        step = {"current": 0, "next": 1, "coming": 1}.get(which, -1)
        return Resolution("DATE", f"{anchor.year + step:04d}", used_anchor=True)
    if g.get("span_of") is not None or fiscal in ("fiscal", "full"):
        return Resolution("DURATION", "P1Y")  # "for the year", "the fiscal year": a span
    if anchor is None:
        return Resolution("DATE", None)
    return Resolution("DATE", f"{anchor.year:04d}", used_anchor=True)


def relative_to(rule: Rule, groups: dict[str, Any]) -> str:
    """What a match is relative to: 'none', 'publication' or 'narrative'."""
    if rule.name in ("relunit", "weekday") and _NARRATIVE_REL.match(groups.get("rel") or ""):
        return "narrative"
    if rule.name == "clock" and (groups.get("cdow") or groups.get("cday") or groups.get("mon")):
        return "publication"
    return rule.relative


# --------------------------------------------------------------------------- scanning


_PROBE_ANCHOR = date(2000, 6, 15)
_DETERMINER = re.compile(r"the\s+", re.IGNORECASE)
_HYPHENATED = re.compile(r"\w-\w")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _extent_start(text: str, start: int, end: int) -> int:
    """Leave out "the" when the timex is a hyphenated modifier of a noun (TimeML extents).

    "the 14-day strike", "the third-quarter results": "the" belongs to the noun phrase.
    """
    determiner = _DETERMINER.match(text, start)
    if (
        determiner
        and _HYPHENATED.search(text, determiner.end(), end)
        and _NOUN_AFTER.match(text, end)
    ):
        return determiner.end()
    return start


def _groups_in(text: str, match: re.Match[str]) -> dict[str, str | None]:
    """The match's named groups as written in ``text`` (the match may be on its lower case)."""
    spans = {name: match.span(name) for name in match.re.groupindex}
    return {name: text[start:end] if start >= 0 else None for name, (start, end) in spans.items()}


def find_candidates(text: str) -> list[Candidate]:
    """All rule matches in ``text``, longest first, without overlaps, in text order."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    lower = text.lower()
    # A few characters lower-case to two ("İ"); then offsets would shift, so scan as is.
    folded = len(lower) == len(text)
    for index, rule in enumerate(rules()):
        if rule.needs and not any(word in lower for word in rule.needs):
            continue
        pattern = rule.folded if folded and rule.folded is not None else rule.pattern
        for match in pattern.finditer(lower if folded else text):
            if match.end() > match.start():
                found.append((match.start(), match.end(), index, match))
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
    taken: list[tuple[int, int]] = []
    kept: list[Candidate] = []
    all_rules = rules()
    for start, end, index, match in found:
        if any(start < e and s < end for s, e in taken):
            continue
        groups = _groups_in(text, match)
        # A handler returning None rejects the match ("may" in lower case, "a second
        # attack"); the verdict does not depend on the anchor, so any fixed date will do.
        if apply_handler(all_rules[index], groups, _PROBE_ANCHOR, None) is None:
            continue
        taken.append((start, end))
        kept.append(Candidate(_extent_start(text, start, end), end, all_rules[index], groups))
    kept.sort(key=lambda c: c.start)
    return kept


def normalise(text: str, anchor: date | None, tense: Tense = None) -> Resolution | None:
    """Normalise one temporal expression (the whole of ``text``) against ``anchor``.

    Args:
        text: the expression, e.g. "August 7", "two days later", "last summer".
        anchor: the date it is relative to (publication or narrative), or None.
        tense: "past", "present", "future" or None; steers weekday and year choice.

    Returns:
        The Resolution, or None when ``text`` is not a temporal expression we know.
    """
    stripped = text.strip()
    for rule in rules():
        match = rule.pattern.fullmatch(stripped)
        if match is not None:
            resolution = apply_handler(rule, match.groupdict(), anchor, tense)
            if resolution is not None:
                return resolution
    return None
