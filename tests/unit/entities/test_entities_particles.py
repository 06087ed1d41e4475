"""Names with a lower-case particle: news outlets and companies named after a place."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import extract_entities


def _entities(nlp, text):
    return extract_entities(article=Article(text=text), doc=nlp(text), settings=EntitySettings())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Jornal do Norte newspaper reported that the strike ended.", "Jornal do Norte"),
        ("The Diario do Minho newspaper, citing a source close to the talks, reported that "
         "the offer would rise.", "Diario do Minho"),
    ],
)
def test_entities_particle_media_name_whole(nlp, text, name) -> None:
    entities = _entities(nlp, text)
    assert [(e.name, e.type, e.kind) for e in entities] == [(name, "ORG", "media")]


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Transportes de Lisboa said that buses would run.", "Transportes de Lisboa", "ORG"),
        ("About 900 buses stayed in depots, according to Metropolitano de Lisboa, the city's "
         "metro operator.", "Metropolitano de Lisboa", "ORG"),
        ("Maria da Silva said that she was happy.", "Maria da Silva", "PERSON"),
    ],
)
def test_entities_particle_place_name_type(nlp, text, name, etype) -> None:
    found = {e.name: e.type for e in _entities(nlp, text)}
    assert found.get(name) == etype, found
