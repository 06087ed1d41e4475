"""Which event words join an entity's timeline: those it takes part in, by name or anaphor."""

from __future__ import annotations

import pytest
from conftest import words_of

from dateline.entity_timeline import build_entity_timeline, name_variants
from dateline.errors import InputError

ORDER = (
    "2024-03-05",
    "Northwind Air ordered twelve aircraft from Calder Aerospace. "
    "Harbor Motors recalled 3,000 cars in Ohio.",
)
RESIGNATION = (
    "2024-04-02",
    "Maria Lindqvist resigned as chief executive of Northwind Air. "
    "She thanked the staff in a letter.",
)


def test_timeline_entity_keeps_the_events_of_the_target(build_timeline):
    found = {word for _, _, word in words_of(build_timeline([ORDER], "Northwind Air"))}
    assert "ordered" in found
    assert "recalled" not in found


def test_timeline_entity_leaves_out_the_events_of_other_entities(build_timeline):
    found = {word for _, _, word in words_of(build_timeline([ORDER], "Harbor Motors"))}
    assert found == {"recalled"}


def test_timeline_entity_resolves_a_pronoun_to_the_person(build_timeline):
    rows = build_timeline([RESIGNATION], "Maria Lindqvist")
    assert [word for position, _, word in words_of(rows) if position > 0] == [
        "resigned",
        "thanked",
    ]


def test_timeline_entity_takes_a_quote_the_quotes_stage_attributes_to_it(build_timeline):
    # the pronoun is three sentences from the name: too far for the pronoun rule alone
    text = (
        "Maria Lindqvist opened the meeting in Oslo. Northwind Air has forty aircraft. "
        "Its rival Harbor Air sold six of its planes last year. "
        '"We are growing fast," she said.'
    )
    rows = build_timeline([("2024-06-05", text)], "Maria Lindqvist")
    assert [word for _, _, word in words_of(rows)] == ["opened", "said"]


def test_timeline_entity_of_an_absent_entity_is_empty(build_timeline):
    assert build_timeline([ORDER], "Calder Motors Group") == []


@pytest.mark.parametrize(
    ("target", "person", "present", "absent"),
    [
        ("Airbus A380", False, {"Airbus A380", "A380"}, {"Airbus"}),
        ("iPhone 4", False, {"iPhone 4", "4"}, {"iPhone"}),
        ("United States Air Force", False, {"USAF", "Air Force"}, {"United", "Force"}),
        ("iTunes store", False, {"iTunes"}, {"store"}),
        ("Maria Lindqvist", True, {"Maria", "Lindqvist"}, set()),
        ("Singapore Airlines", False, {"Singapore Airlines"}, {"Singapore", "Airlines"}),
    ],
)
def test_timeline_entity_name_variants(target, person, present, absent):
    variants = set(name_variants(target, person=person))
    assert present <= variants
    assert not absent & variants


def test_timeline_entity_empty_target_is_a_coded_error():
    with pytest.raises(InputError) as info:
        build_entity_timeline([], [], "  ")
    assert info.value.code == "DL251"
