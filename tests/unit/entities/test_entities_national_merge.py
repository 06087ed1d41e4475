"""A bare organisation name merges with the one country-linked organisation of that name."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import extract_entities


def _orgs(nlp, text):
    entities = extract_entities(
        article=Article(text=text), doc=nlp(text), settings=EntitySettings()
    )
    return [(e.name, sorted(e.aliases), e.country) for e in entities if e.type == "ORG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spain's Transport Ministry said that trains would run. The Transport Ministry later "
         "added that buses would also run.",
         [("Spain's Transport Ministry", ["Transport Ministry"], "ES")]),
        ("France's Health Ministry and Spain's Health Ministry met. The Health Ministry said "
         "nothing.",
         [("France's Health Ministry", [], "FR"), ("Spain's Health Ministry", [], "ES"),
          ("Health Ministry", [], None)]),
    ],
)
def test_entities_national_org_merge(nlp, text, expected) -> None:
    assert _orgs(nlp, text) == expected
