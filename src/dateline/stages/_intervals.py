"""Half-open character intervals with payloads, queried by point or span (not stable API).

Stages that relate every record of one kind to every record of another (a claim covering
each clause, the timexes inside each event) would scan whole-article lists per query and
cost quadratic time in the article's length. Sorted starts and bisection keep each query
to the intervals near the point asked about, so a whole article costs about linear time.
"""

from __future__ import annotations

import bisect
import itertools

# Intervals longer than this many characters are checked one by one on each query.
LONG_CHARS = 2_000


class Intervals:
    """Half-open intervals with payloads, queried by the points or spans they relate to.

    A query looks only at intervals starting at most the longest interval's length
    before the point, so a text with many clauses costs about linear time where a scan
    of every interval per clause cost quadratic time. Intervals longer than
    ``long_chars`` do not widen that window: each query checks them one by one.
    Payloads come back in input order.
    """

    def __init__(self, items: list[tuple[int, int, object]], long_chars: int = LONG_CHARS) -> None:
        # Ordered by start, then input order: "the last one before" is the last in input
        # order among equal starts, as a scan of a list sorted by start would find.
        ordered = sorted(
            ((start, end, n, payload) for n, (start, end, payload) in enumerate(items)),
            key=lambda item: (item[0], item[2]),
        )
        self._starts = [item[0] for item in ordered]
        self._items = ordered
        # A few very long intervals (a quotation left open to the end of a long text)
        # would widen every query's window to their length: they are kept apart and
        # checked one by one, so the window stays as wide as the longest short one.
        short = [item for item in ordered if item[1] - item[0] <= long_chars]
        self._short_starts = [item[0] for item in short]
        self._short = short
        self._long = [item for item in ordered if item[1] - item[0] > long_chars]
        self._longest = max((end - start for start, end, _, _ in short), default=0)

    def containing(self, point: int, open_start: bool = False) -> list:
        """Payloads of intervals holding ``point`` (start < point when ``open_start``)."""
        first = bisect.bisect_left(self._short_starts, point - self._longest)
        stop = bisect.bisect_right(self._short_starts, point)
        found = [
            (n, payload)
            for start, end, n, payload in (*self._short[first:stop], *self._long)
            if start <= point < end and (start < point or not open_start)
        ]
        return _in_input_order(found)

    def overlapping(self, start: int, end: int) -> list:
        """Payloads of intervals sharing at least one character with ``[start, end)``."""
        first = bisect.bisect_left(self._short_starts, start - self._longest)
        stop = bisect.bisect_left(self._short_starts, end)
        found = [
            (n, payload)
            for s, e, n, payload in (*self._short[first:stop], *self._long)
            if start < e and s < end
        ]
        return _in_input_order(found)

    def starting_in(self, start: int, stop: int) -> list:
        """Payloads of intervals whose start lies in ``[start, stop)``."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, stop)
        return _in_input_order([(n, payload) for _, _, n, payload in self._items[first:last]])

    def last_ending_by(self, point: int) -> object | None:
        """The payload of the last interval (by start, then input order) ending at or
        before ``point``; None when there is none."""
        # Scanning back from the last start at or before the point ends within the longest
        # interval's length: any interval starting earlier than that ends by the point.
        i = bisect.bisect_right(self._starts, point)
        while i > 0:
            i -= 1
            if self._items[i][1] <= point:
                return self._items[i][3]
        return None


def _in_input_order(found: list[tuple[int, object]]) -> list:
    return [payload for _, payload in sorted(found, key=lambda f: f[0])]


class Enclosures:
    """Spans asked only whether any of them holds a point strictly inside (start < point
    < end), in log time however long the spans are: among the spans opening before the
    point, the furthest end reached is enough."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))

    def hold(self, point: int) -> bool:
        """Whether a span opening before ``point`` closes after it."""
        index = bisect.bisect_left(self._starts, point) - 1
        return index >= 0 and self._reach[index] > point
