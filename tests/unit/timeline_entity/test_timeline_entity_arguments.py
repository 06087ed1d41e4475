"""Who takes part in an event word: relative pronouns, controlled complements, defined
abbreviations and plural pronouns for an organisation."""

from __future__ import annotations

import pytest
from conftest import words_of

from dateline import extract
from dateline.entity_timeline import defined_abbreviations, name_variants


def _words(rows) -> set[str]:
    return {word for _, _, word in words_of(rows)}


def test_timeline_entity_relative_pronoun_stands_for_the_noun_it_describes(build_timeline):
    text = "Analysts praised Harbor Motors, which opened a new plant in Ohio on May 4, 2023."
    rows = build_timeline([("2023-05-06", text)], "Harbor Motors")
    assert [(date, word) for _, date, word in words_of(rows) if word == "opened"] == [
        ("2023-05-04", "opened")
    ]


def test_timeline_entity_object_controls_the_complement(build_timeline):
    text = "Regulators asked Harbor Motors to recall 3,000 cars on May 4, 2023."
    assert "recall" in _words(build_timeline([("2023-05-06", text)], "Harbor Motors"))


def test_timeline_entity_participle_takes_the_past_of_its_verb(build_timeline):
    # no date in the text: the simple past is dated by publication, and so is its participle
    text = "Harbor Motors recalled 3,000 cars, citing faulty brakes."
    rows = build_timeline([("2023-05-06", text)], "Harbor Motors")
    dated = {word: date for position, date, word in words_of(rows) if position > 0}
    assert dated == {"recalled": "2023-05-06", "citing": "2023-05-06"}


def test_timeline_entity_they_may_refer_to_an_organisation(build_timeline):
    text = "Northwind Air said on Monday that they bought six aircraft on March 3, 2024."
    assert "bought" in _words(build_timeline([("2024-03-05", text)], "Northwind Air"))


@pytest.mark.parametrize(
    ("target", "text", "expected"),
    [
        ("Northwind Air", "Northwind Air (NWA) said on Monday.", ["NWA"]),
        ("Northwind Air", "Northwind Air ( NWA ) said.", ["NWA"]),
        # the letters must be the name's, in order, from its first
        ("Northwind Air", "Northwind Air (CEO) said.", []),
        ("United States Air Force", "the Royal Air Force (RAF) said.", []),
        ("Northwind Air", "Northwind Air (the airline) said.", []),
        ("Northwind Air", "Northwind Air (N) said.", []),
    ],
)
def test_timeline_entity_defined_abbreviations(target, text, expected):
    names = name_variants(target)
    assert defined_abbreviations([extract(text, "2024-05-04")], names) == expected


def test_timeline_entity_defined_abbreviation_names_the_entity(build_timeline):
    text = (
        "Northwind Air (NWA) opened a route to Oslo on May 2, 2024. "
        "NWA bought two aircraft on May 3, 2024."
    )
    assert "bought" in _words(build_timeline([("2024-05-04", text)], "Northwind Air"))
