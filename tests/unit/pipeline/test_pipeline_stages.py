"""The stage list is pinned; validate() reports every gap at once."""

from __future__ import annotations

import pytest

from dateline.errors import PipelineError
from dateline.pipeline import STAGES, Stage, validate


def test_pipeline_stage_order_is_pinned() -> None:
    assert [s.name for s in STAGES] == [
        "parse",
        "timexes",
        "quantities",
        "entities",
        "places",
        "marks",
        "speech",
        "quotes",
        "claims",
        "events",
        "linking",
    ]


def test_pipeline_validate_reports_all_gaps() -> None:
    def noop(**_: object) -> list:
        return []

    broken = (Stage("a", noop, ("article", "places"), "x"), Stage("b", noop, ("quotes", "y"), "y"))
    with pytest.raises(PipelineError) as info:
        validate(broken)
    text = str(info.value)
    assert info.value.code == "DL101"
    assert "'a' requires places" in text and "'b' requires quotes, y" in text


def test_pipeline_default_chain_is_valid() -> None:
    validate(STAGES)


@pytest.mark.issue(12)
def test_pipeline_only_token_stages_receive_the_doc() -> None:
    with_doc = [s.name for s in STAGES if "doc" in s.requires]
    assert with_doc == [
        "parse",
        "timexes",
        "quantities",
        "entities",
        "places",
        "speech",
        "claims",
        "events",
    ]


@pytest.mark.issue(12)
def test_pipeline_quotes_and_claims_read_the_speech_records() -> None:
    by_name = {s.name: s for s in STAGES}
    assert by_name["quotes"].requires == ("article", "marks", "cues")
    assert by_name["claims"].requires == ("article", "doc", "cues", "quotes")
