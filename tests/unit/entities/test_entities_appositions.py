"""Roles given in a comma apposition before or after a name, and person names the model
typed as organisations."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages import entities


def _run(nlp, text):
    return entities._extract(Article(text=text), nlp(text), EntitySettings(), corrections=True)


@pytest.mark.parametrize(
    ("text", "name", "role", "org"),
    [
        ("The country's finance minister, Joao Pereira, said the budget was balanced.",
         "Joao Pereira", "finance minister", None),
        ("A Brazilian foreign ministry spokesman, Carlos Mendes, denied the report.",
         "Carlos Mendes", "spokesman", "Brazilian foreign ministry"),
        ("Ana Souza, head of the regional health authority, said hospitals were full.",
         "Ana Souza", "head", "regional health authority"),
        ("Marta Oliveira, director of the national weather service, said more rain was due.",
         "Marta Oliveira", "director", "national weather service"),
        ("A spokeswoman for the ministry, Dewi Santoso, said the plan was ready.",
         "Dewi Santoso", "spokeswoman for the ministry", "ministry"),
        ("A spokesman for the Ministry of Ports and Shipping, Paolo Greco, said the quay "
         "was shut.", "Paolo Greco", "spokesman for the Ministry of Ports and Shipping",
         "Ministry of Ports and Shipping"),
        ("The head of the regional water authority, Marco Bellini, said the dam held.",
         "Marco Bellini", "head of the regional water authority", "regional water authority"),
    ],
)  # fmt: skip
def test_entities_appositions_roles(nlp, text, name, role, org):
    found = {e.name: e for e in _run(nlp, text)}
    assert name in found and found[name].type == "PERSON", list(found)
    assert (role, org) in [(r.text, r.org) for r in found[name].roles]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # The model calls the full name an ORG and the surname a PERSON: one person.
        ("Washington Irving wrote stories. Irving lived in New York.",
         "Washington Irving", "Irving"),
        ("Paris Hilton arrived late. Hilton said she was tired.", "Paris Hilton", "Hilton"),
    ],
)  # fmt: skip
def test_entities_appositions_person_like_orgs(nlp, text, name, alias):
    found = {e.name: e for e in _run(nlp, text)}
    assert name in found and found[name].type == "PERSON", list(found)
    assert alias in found[name].aliases


@pytest.mark.parametrize(
    "text",
    [
        # Organisation cues keep an organisation.
        "The Baltic Post reported that the port was closed.",
        "Officials at the Lisbon Courier said the story was true.",
    ],
)
def test_entities_appositions_orgs_stay_orgs(nlp, text):
    found = _run(nlp, text)
    assert found and all(e.type != "PERSON" for e in found), [(e.name, e.type) for e in found]
