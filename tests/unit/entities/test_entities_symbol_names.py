"""Names with no word characters (emoji, currency signs) never crash the entities stage
(issue 10)."""

from __future__ import annotations

import pytest

from dateline.stages._names import org_kind

pytestmark = pytest.mark.issue(10)


@pytest.mark.parametrize("name", ["\U0001f680", "\u00a2", "--", ""])
def test_entities_org_kind_of_symbol_name_is_other(name: str) -> None:
    assert org_kind(name) == "other"


def test_entities_org_kind_still_reads_cues() -> None:
    assert org_kind("The Harbour Times") == "media"


@pytest.mark.parametrize(
    "text", ["The rocket \U0001f680 launched on Monday, NASA said.", "\u00a2 orin"]
)
def test_entities_stage_survives_symbol_tokens(text: str) -> None:
    import dateline

    result = dateline.extract(text, "2024-01-01")
    assert result.article.text == text
    assert all(e.name.strip() for e in result.entities)
