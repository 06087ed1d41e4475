"""The entities stage's token index answers overlap queries as a scan of every mention would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.stages.entities import _Coverage, _Mention

_RANGES = st.tuples(st.integers(0, 40), st.integers(1, 6)).map(lambda r: (r[0], r[0] + r[1]))


def _mention(start: int, end: int) -> _Mention:
    return _Mention(start=start, end=end, label="ORG", written="X", core="X")


@given(st.lists(_RANGES, max_size=25), st.lists(st.booleans(), max_size=25), _RANGES)
def test_entities_coverage_matches_a_full_scan(ranges, removed, query) -> None:
    mentions = [_mention(s, e) for s, e in ranges]
    coverage = _Coverage(mentions)
    kept = []
    for m, gone in zip(mentions, removed + [False] * len(mentions), strict=False):
        if gone:
            coverage.remove(m)
        else:
            kept.append(m)
    start, end = query
    expected = [m for m in kept if m.start < end and start < m.end]
    found = coverage.overlapping(start, end)
    assert sorted(map(id, found)) == sorted(map(id, expected))
    assert len(found) == len({id(m) for m in found})
