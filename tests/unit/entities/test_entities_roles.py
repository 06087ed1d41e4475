"""Roles from titles before a name and from appositions after it."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import extract_entities


def _person(nlp, text, name):
    entities = extract_entities(
        article=Article(text=text), doc=nlp(text), settings=EntitySettings()
    )
    found = [e for e in entities if e.name == name]
    assert found, [e.name for e in entities]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "role", "org"),
    [
        (
            "On Monday, White House adviser Tom Reed met the delegation.",
            "Tom Reed",
            "White House adviser",
            "White House",
        ),
        (
            "French Foreign Ministry spokeswoman Anne Martin called for calm.",
            "Anne Martin",
            "spokeswoman",
            "French Foreign Ministry",
        ),
        (
            "Peter Novak, a professor at the University of Vienna, said this in an interview.",
            "Peter Novak",
            "professor",
            "University of Vienna",
        ),
        (
            "Deputy Pentagon Press Secretary Laura Wells stated that the aid would continue.",
            "Laura Wells",
            "Press Secretary",
            None,
        ),
        (
            "Mark Ellis, Senior Policy Coordinator at the European Council, said the plan "
            "was ready.",
            "Mark Ellis",
            "Coordinator",
            "European Council",
        ),
        ("He spoke with Tom Baker, host of the Morning Show program.", "Tom Baker", "host", None),
        (
            "Polish Armed Forces Commander-in-Chief Adam Nowak said the line held.",
            "Adam Nowak",
            "Commander-in-Chief",
            "Polish Armed Forces",
        ),
        (
            "Anna Berg, the country's foreign minister, said the talks were over.",
            "Anna Berg",
            "foreign minister",
            None,
        ),
        (
            "Foreign Minister Anna Berg said the talks were over.",
            "Anna Berg",
            "Foreign Minister",
            None,
        ),
        (
            "He praised the success of President Jan Novak in the talks.",
            "Jan Novak",
            "President",
            None,
        ),
    ],
)
def test_entities_roles(nlp, text, name, role, org):
    person = _person(nlp, text, name)
    assert person.type == "PERSON"
    assert any(role in r.text for r in person.roles), person.roles
    if org is not None:
        assert any(r.org == org for r in person.roles), person.roles
    assert not any(r.text.startswith(("success", "of ")) for r in person.roles), person.roles
    for r in person.roles:
        assert r.span is not None and text[r.span[0] : r.span[1]] == r.text
