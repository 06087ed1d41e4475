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


@pytest.mark.needs_shared
def test_entities_stage_survives_the_real_article_that_crashed_it(shared_dir) -> None:
    """ECB+ 4_6ecb (dev split, read by reference) once raised IndexError in org_kind."""
    import json

    import dateline

    path = shared_dir / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"corpus not found at {path}")
    with path.open(encoding="utf-8") as fh:
        doc = next(d for d in map(json.loads, fh) if d["doc_id"] == "4_6ecb")
    result = dateline.extract(doc["text"], "2008-01-01")
    assert result.entities
    assert all(e.name.strip() for e in result.entities)
