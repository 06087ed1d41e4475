"""The residual type OTHER gives way to a specific type nearly as likely."""

from __future__ import annotations

import numpy

from dateline.stages.events import _SPECIFIC_OVER_RESIDUAL, RESIDUAL_TYPE, _type_order

LABELS = ("AID", "NONE", "OTHER", "PROTEST")
NONE_COL = LABELS.index("NONE")


def _types(*probs: float) -> list[str]:
    return [LABELS[i] for i in _type_order(LABELS, numpy.array(probs), NONE_COL)]


def test_events_residual_type_gives_way_to_a_close_specific_type() -> None:
    assert _types(0.05, 0.2, 0.5, 0.25) == ["PROTEST", "OTHER", "AID"]


def test_events_residual_type_stays_first_when_far_likelier() -> None:
    assert _types(0.05, 0.2, 0.65, 0.1) == ["OTHER", "PROTEST", "AID"]


def test_events_residual_type_threshold_is_relative_to_other() -> None:
    other = 0.5
    just_below = other * _SPECIFIC_OVER_RESIDUAL - 0.01
    assert _types(0.0, 0.5 - just_below, other, just_below)[0] == RESIDUAL_TYPE


def test_events_residual_type_leaves_a_specific_best_type_alone() -> None:
    assert _types(0.4, 0.1, 0.35, 0.15) == ["AID", "OTHER", "PROTEST"]
