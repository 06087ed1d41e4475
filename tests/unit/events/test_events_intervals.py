"""The sorted-interval lookups the events and claims stages query agree with full scans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.stages._intervals import Enclosures, Intervals

_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)
_POINT = st.integers(-5, 80)


_LONG = st.integers(0, 14)  # where the long intervals, checked one by one, begin


def _index(spans: list[tuple[int, int]], long_chars: int = 2_000) -> Intervals:
    return Intervals([(s, e, n) for n, (s, e) in enumerate(spans)], long_chars=long_chars)


@settings(max_examples=200, deadline=None)
@given(_SPANS, _POINT, st.booleans(), _LONG)
def test_containing_matches_a_scan(spans, point, open_start, long_chars):
    expected = [
        n for n, (s, e) in enumerate(spans) if s <= point < e and (s < point or not open_start)
    ]
    assert _index(spans, long_chars).containing(point, open_start) == expected


@settings(max_examples=200, deadline=None)
@given(_SPANS, _POINT, st.integers(0, 20), _LONG)
def test_overlapping_matches_a_scan(spans, start, width, long_chars):
    end = start + width
    expected = [n for n, (s, e) in enumerate(spans) if start < e and s < end]
    assert _index(spans, long_chars).overlapping(start, end) == expected


@settings(max_examples=200, deadline=None)
@given(_SPANS, _POINT, st.integers(0, 20), _LONG)
def test_starting_in_matches_a_scan(spans, start, width, long_chars):
    expected = [n for n, (s, _) in enumerate(spans) if start <= s < start + width]
    assert _index(spans, long_chars).starting_in(start, start + width) == expected


@settings(max_examples=200, deadline=None)
@given(_SPANS, _POINT, _LONG)
def test_last_ending_by_matches_a_scan_of_the_start_ordered_list(spans, point, long_chars):
    ordered = sorted(range(len(spans)), key=lambda n: spans[n][0])
    ending = [n for n in ordered if spans[n][1] <= point]
    assert _index(spans, long_chars).last_ending_by(point) == (ending[-1] if ending else None)


def test_last_ending_by_skips_a_long_interval_still_open():
    index = Intervals([(0, 3, "early"), (2, 50, "long"), (10, 12, "late")])
    assert index.last_ending_by(20) == "late"
    assert index.last_ending_by(11) == "early"
    assert index.last_ending_by(2) is None


@settings(max_examples=200, deadline=None)
@given(_SPANS, _POINT)
def test_enclosures_match_a_scan(spans, point):
    expected = any(s < point < e for s, e in spans)
    assert Enclosures(spans).hold(point) == expected
