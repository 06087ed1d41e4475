"""A title's department word ("Interior Minister") is part of the role, not an entity."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import extract_entities


def _entities(nlp, text):
    return extract_entities(article=Article(text=text), doc=nlp(text), settings=EntitySettings())


@pytest.mark.parametrize(
    ("text", "person", "role", "absent"),
    [
        ("The next day, Interior Minister Ana Costa ordered the army to keep the bridges open.",
         "Ana Costa", "Interior Minister", "Interior"),
        ("Later, Health Secretary Tom Reed visited the hospital.",
         "Tom Reed", "Health Secretary", "Health"),
    ],
)
def test_entities_department_word_is_role(nlp, text, person, role, absent) -> None:
    entities = _entities(nlp, text)
    names = [e.name for e in entities]
    assert absent not in names
    found = [e for e in entities if e.name == person]
    assert found, names
    assert [r.text for r in found[0].roles] == [role]
    assert found[0].roles[0].org is None


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Labour Party Secretary John Lee said talks would resume.", "Labour Party"),
    ],
)
def test_entities_department_keeps_named_org(nlp, text, org) -> None:
    assert org in [e.name for e in _entities(nlp, text)]
