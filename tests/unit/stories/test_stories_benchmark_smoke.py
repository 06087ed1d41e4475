"""The story benchmark end to end on one dev set: real extraction, store, linker, timeline.

The recorded figures are those of the current pipeline; a change to extraction, linking
or the timeline that moves them must update them here (and say why in its commit).
"""

from __future__ import annotations

import pytest

from benchmarks.stories import run

RECORDED = {
    "gold_mentions": 18,
    "predicted_mentions": 25,
    "matched_mentions": 14,
    "mention_recall": 14 / 18,
    "event_recall": 5 / 6,
    "pairwise_p": 1.0,
    "pairwise_r": 16 / 25,
    "pairwise_f1": 32 / 41,
    "b3_p": 1.0,
    "b3_r": 26 / 35,
    "b3_f1": 52 / 61,
    "contradiction_p": 1.0,
    "contradiction_r": 1 / 3,
    "contradiction_f1": 0.5,
    "occurrence_p": 1.0,
    "occurrence_r": 1.0,
    "date_r": 0.0,
    "figure_r": 0.0,
    "outlets_exact": 1 / 3,
    "outlets_mae": 1.0,
    "sources_exact": 1 / 3,
    "sources_mae": 4 / 3,
    "figure_point_recall": 2 / 3,
    "figure_series_recall": 1.0,
}


@pytest.fixture(scope="module")
def port_strike() -> dict:
    return run("dev", "velmora-port-strike")


def test_stories_benchmark_fractions_lie_in_zero_one(port_strike):
    for name, value in port_strike.items():
        if name.endswith(("_p", "_r", "_f1", "_recall", "_exact")):
            assert 0.0 <= value <= 1.0, name


def test_stories_benchmark_figures_equal_the_recorded_ones(port_strike):
    assert set(port_strike["stories"]) == {"velmora-port-strike"}
    assert {name: port_strike[name] for name in RECORDED} == pytest.approx(RECORDED)
