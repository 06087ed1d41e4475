"""Quotes and claims cost near-linear time in the text length (issue 10).

"said " x 1,000 / 2,000 / 4,000 once took 5.7 / 39 / 449 s in quotes: each cue walked
its verb's whole subtree, and cue, quote and entity lookups scanned every candidate.
"""

from __future__ import annotations

import time

import pytest

from dateline.config import load_settings
from dateline.pipeline import STAGES
from dateline.records import Article

pytestmark = pytest.mark.issue(10)
SMALL, LARGE = 1_000, 4_000


def _stage_seconds(nlp, text: str) -> dict[str, float]:
    settings = load_settings()
    work = {"article": Article(text=text, published="2024-05-01"), "doc": nlp(text)}
    seconds = {}
    for stage in STAGES[: [s.name for s in STAGES].index("claims") + 1]:
        kwargs = {name: work[name] for name in stage.requires}
        if stage.section is not None:
            kwargs["settings"] = getattr(settings, stage.section)
        started = time.perf_counter()
        work[stage.provides] = stage.run(**kwargs)
        seconds[stage.name] = time.perf_counter() - started
    return seconds


@pytest.fixture(scope="module")
def timings(nlp) -> tuple[dict[str, float], dict[str, float]]:
    return _stage_seconds(nlp, "said " * SMALL), _stage_seconds(nlp, "said " * LARGE)


@pytest.mark.parametrize("stage", ["quotes", "claims"])
def test_quotes_and_claims_grow_near_linearly_on_a_chain_of_cues(timings, stage: str) -> None:
    small, large = timings[0][stage], timings[1][stage]
    # Linear growth is 4x; the quadratic code grew ~80x. Allow noise on a busy machine.
    assert large < 5.0
    assert large < max(small, 0.02) * 10
