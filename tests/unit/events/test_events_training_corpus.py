"""Training and the events benchmark prepare articles through the stages before events."""

from __future__ import annotations

from dateline.training._corpus import prepare


def test_prepare_runs_the_stages_before_events_and_stops_there():
    (prepared,) = prepare(
        [
            {
                "id": "a1",
                "text": "Farmers blocked the main road in Lyon on Monday.",
                "published": "2025-03-14",
            }
        ]
    )
    inputs = prepared.stage_inputs()
    assert [s.span for s in inputs["sentences"]] == [(0, 48)]
    assert [t.value for t in inputs["timexes"]] == ["2025-03-10"]
    assert prepared.upstream.events == []
