"""Sources resolve to hand-built entities: canonical name and entity id."""

from __future__ import annotations

import pytest
from _claims_support import claims_of

from dateline.records import Article, Claim, Entity

TEXT = ("Marta Kowalczyk, a historian, visited the archive on Friday. "
        "Kowalczyk said that the archive had closed. "
        "The Culture Ministry reported that repairs had begun. "
        "According to her, the roof is leaking.")


def _entity(eid: str, name: str, etype: str, forms: list[str]) -> Entity:
    mentions = sorted((i, i + len(f)) for f in forms
                      for i in range(len(TEXT)) if TEXT.startswith(f, i))
    return Entity(id=eid, article_id="a", span=mentions[0], stage="entities@1", name=name,
                  type=etype, aliases=[f for f in forms if f != name], mentions=mentions)


@pytest.fixture(scope="module")
def claims(nlp) -> list[Claim]:
    entities = [_entity("E1", "Marta Kowalczyk", "PERSON", ["Marta Kowalczyk", "Kowalczyk"]),
                _entity("E2", "Ministry of Culture", "ORG", ["Culture Ministry"])]
    return claims_of(nlp, Article(text=TEXT, outlet="Harbour Gazette"), entities)


@pytest.mark.parametrize(
    ("words", "name", "entity_id"),
    [
        ("the archive had closed", "Marta Kowalczyk", "E1"),
        ("repairs had begun", "Ministry of Culture", "E2"),
        ("the roof is leaking", "Marta Kowalczyk", "E1"),
    ],
)
def test_claims_entities_canonical_source(claims: list[Claim], words: str, name: str,
                                          entity_id: str) -> None:
    offset = TEXT.index(words)
    claim = min((c for c in claims if c.span[0] <= offset < c.span[1]),
                key=lambda c: c.span[1] - c.span[0])
    (source,) = claim.attribution.sources
    assert (source.name, source.entity_id, source.kind) == (name, entity_id, "named")
    assert claim.modality == "reported"


def test_claims_entities_outlet_named(claims: list[Claim]) -> None:
    first = claims[0]
    assert [(s.name, s.kind) for s in first.attribution.sources] == [("Harbour Gazette", "outlet")]


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("The authorities of Norland stated that the border was closed.", "Norland",
         "The authorities of Norland"),
        ("Norland stated that the border was closed.", "Norland", "Norland"),
    ],
)
def test_claims_entities_match_covers_head(nlp, text: str, form: str, expected: str) -> None:
    start = text.index(form)
    entity = Entity(id="E1", article_id="a", span=(start, start + len(form)), stage="entities@1",
                    name=form, type="GPE", mentions=[(start, start + len(form))])
    claims = claims_of(nlp, Article(text=text), [entity], with_quotes=False)
    offset = text.index("the border")
    claim = min((c for c in claims if c.span[0] <= offset < c.span[1]),
                key=lambda c: c.span[1] - c.span[0])
    (source,) = claim.attribution.sources
    assert source.name == expected
