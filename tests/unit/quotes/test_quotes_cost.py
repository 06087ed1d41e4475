"""Speech, quotes and claims do near-linear work in the text length (issue 10).

"said " x 1,000 / 2,000 / 4,000 once took 5.7 / 39 / 449 s in quotes: each cue walked
its verb's whole subtree, and cue, quote and entity lookups scanned every candidate.
The work is measured as the number of lines of dateline's stage code that run, which
does not depend on the machine's load: those walks and scans were loops in that code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import dateline.stages
from dateline.config import load_settings
from dateline.pipeline import STAGES
from dateline.records import Article

pytestmark = pytest.mark.issue(10)
SMALL, LARGE = 1_000, 4_000
STAGE_CODE = str(Path(dateline.stages.__file__).parent)


class _LineCounter:
    """Counts the lines run in dateline's stage modules while it is installed as the tracer."""

    def __init__(self) -> None:
        self.lines = 0

    def __call__(self, frame, event, arg):
        if event == "call" and frame.f_code.co_filename.startswith(STAGE_CODE):
            return self._count_line
        return None

    def _count_line(self, frame, event, arg):
        if event == "line":
            self.lines += 1
        return self._count_line


def _stage_lines(nlp, text: str) -> dict[str, int]:
    settings = load_settings()
    work = {"article": Article(text=text, published="2024-05-01"), "doc": nlp(text)}
    lines = {}
    for stage in STAGES[: [s.name for s in STAGES].index("claims") + 1]:
        kwargs = {name: work[name] for name in stage.requires}
        if stage.section is not None:
            kwargs["settings"] = getattr(settings, stage.section)
        counter = _LineCounter()
        sys.settrace(counter)
        try:
            work[stage.provides] = stage.run(**kwargs)
        finally:
            sys.settrace(None)
        lines[stage.name] = counter.lines
    return lines


@pytest.fixture(scope="module")
def work(nlp) -> tuple[dict[str, int], dict[str, int]]:
    return _stage_lines(nlp, "said " * SMALL), _stage_lines(nlp, "said " * LARGE)


@pytest.mark.parametrize("stage", ["speech", "quotes", "claims"])
def test_speech_quotes_and_claims_grow_near_linearly_on_a_chain_of_cues(work, stage: str) -> None:
    small, large = work[0][stage], work[1][stage]
    assert small > SMALL  # the stage does visit every cue
    # Four times the text is four times the work when linear, sixteen times when quadratic.
    assert large < small * 6
