"""The events benchmark's type accuracy on the gold events both designs match.

The gold and predictions are our own writing; the scorer is the shared one (skipped, a
failure under CI=true, when the shared folder is missing).
"""

from __future__ import annotations

import pytest

from benchmarks._common import shared_dir
from benchmarks.events import _score, _scorer, _shared_type_accuracy

TEXT = "Police arrested two men. Hundreds marched to the square. Talks ended."
GOLD = [
    {
        "doc_id": "own-1",
        "text": TEXT,
        "events": [
            {"id": "e1", "anchor": "arrested", "types": ["COERCE"]},
            {"id": "e2", "anchor": "marched", "types": ["PROTEST"]},
            {"id": "e3", "anchor": "ended", "types": ["CONSULT"], "optional": True},
        ],
    }
]


def _prediction(*events: tuple[str, str]) -> dict[str, dict]:
    spans = []
    for word, kind in events:
        start = TEXT.index(word)
        spans.append({"span": [start, start + len(word)], "type": kind})
    return {"own-1": {"article": {"id": "own-1", "text": TEXT}, "events": spans}}


@pytest.fixture(scope="module")
def scorer():
    if not (shared_dir() / "tools" / "score_events.py").exists():
        pytest.skip("the shared events scorer is missing")
    return _scorer()


def test_events_benchmark_type_on_shared_counts_only_events_both_designs_match(scorer) -> None:
    _, trained = _score(scorer, GOLD, _prediction(("arrested", "COERCE"), ("marched", "ASSAULT")))
    _, lexicon = _score(scorer, GOLD, _prediction(("arrested", "ASSAULT")))
    assert trained == {("own-1", "e1"): True, ("own-1", "e2"): False}
    assert lexicon == {("own-1", "e1"): False}
    figures = _shared_type_accuracy("set", {"trained": trained, "lexicon": lexicon})
    assert figures == {
        "set.shared_events": 1,
        "set.trained.type_on_shared": 1.0,
        "set.lexicon.type_on_shared": 0.0,
    }


def test_events_benchmark_type_on_shared_is_zero_without_shared_events(scorer) -> None:
    _, trained = _score(scorer, GOLD, _prediction(("marched", "PROTEST")))
    _, lexicon = _score(scorer, GOLD, _prediction(("arrested", "COERCE")))
    figures = _shared_type_accuracy("set", {"trained": trained, "lexicon": lexicon})
    assert figures["set.shared_events"] == 0 and figures["set.trained.type_on_shared"] == 0.0
