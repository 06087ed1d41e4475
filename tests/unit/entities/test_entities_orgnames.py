"""Organisation names the model cuts at "and" or glues together, and their acronyms."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages import entities


def _run(nlp, text):
    return entities._extract(Article(text=text), nlp(text), EntitySettings(), corrections=True)


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        # An acronym in parentheses right after a name is its alias.
        ("The Food and Agriculture Organization (FAO) warned of shortages.",
         "Food and Agriculture Organization", ["FAO"]),
        ("The World Organisation for Animal Health (WOAH) issued a warning.",
         "World Organisation for Animal Health", ["WOAH"]),
        # An untagged acronym that abbreviates a name of the text, before or after it.
        ("The ICRC sent a team. The International Committee of the Red Cross said it would "
         "stay.", "International Committee of the Red Cross", ["ICRC"]),
    ],
)  # fmt: skip
def test_entities_orgnames_acronyms(nlp, text, name, aliases):
    found = {e.name: e for e in _run(nlp, text)}
    assert name in found, list(found)
    assert found[name].type == "ORG"
    for alias in aliases:
        assert alias in found[name].aliases
        assert alias not in found


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("NATO", "North Atlantic Treaty Organization", True),
        ("ICRC", "International Committee of the Red Cross", True),
        # An acronym often drops a second conjunct: a prefix of the initials covering half.
        ("IFAD", "International Fund for Agricultural Development and Relief Aid", True),
        ("IF", "International Fund for Agricultural Development", False),
        ("UN", "United Kingdom", False),
        ("ABC", "Alpha", False),
    ],
)
def test_entities_orgnames_abbreviates(short, long, expected):
    assert entities._abbreviates(short, long) is expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Two organisations each with its own head noun are split.
        ("The Ministry of Justice and Ministry of Finance issued a joint statement.",
         {"Ministry of Justice", "Ministry of Finance"}),
        ("The Ministry of Health and Ministry of Education both closed schools.",
         {"Ministry of Health", "Ministry of Education"}),
        # A prepositional name continues across "and" up to its head noun.
        ("A spokesman for the Federation of Sailing and Rowing Clubs said the race was off.",
         {"Federation of Sailing and Rowing Clubs"}),
    ],
)  # fmt: skip
def test_entities_orgnames_and(nlp, text, names):
    orgs = {e.name for e in _run(nlp, text) if e.type == "ORG"}
    assert names <= orgs, orgs
