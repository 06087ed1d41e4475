"""Names the small model mistypes as people or organisations: places, surnames that are
also places, named storms, and names the tokenizer cut at hyphens or particles."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.config import EntitySettings, ToponymSettings
from dateline.records import Article
from dateline.stages import entities
from dateline.stages._toponyms import KnownPlaces


def _run(nlp, text):
    return entities._extract(Article(text=text), nlp(text), EntitySettings(), corrections=True)


def _types(found):
    return {e.name: e.type for e in found}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        # A known populated place with no person evidence is a GPE, not a PERSON/ORG.
        ("Officials in Santiago de Compostela said the roads were closed.",
         "Santiago de Compostela", "GPE"),
        ("The regions of Porto, Braga and Viana do Castelo were put on alert.",
         "Viana do Castelo", "GPE"),
        ("Prime Minister Luis Rocha visited Porto on Monday.", "Porto", "GPE"),
        ("Officials in Viana do Castelo and Braga said the storm had passed.", "Braga", "GPE"),
        ("Officials in Viana do Castelo and Braga said the storm had passed.",
         "Viana do Castelo", "GPE"),
        # The object of a verb of capture or movement.
        ("The army will not be able to capture Dnipro or Odesa this year.", "Dnipro", "GPE"),
        ("Landslides hit Liguria as storms battered the coast.", "Liguria", "GPE"),
        # Person evidence keeps a person: it speaks with a personal pronoun, or has a title.
        ("Sydney said she would run again.", "Sydney", "PERSON"),
        # A title on one mention keeps every mention of the name a person.
        ("Mr. Peabody arrived late. Reporters waited for Peabody in the hall.",
         "Peabody", "PERSON"),
        # A noun modifier is not a place ("the Peabody family").
        ("Aides to the Harvey campaign met in the hall.", "Harvey", "PERSON"),
        # A multi-word place name is not a surname: "Korea" after "North Korea".
        ("Talks with North Korea stalled. Korea experts were not surprised.", "Korea", None),
        ("Paris Hilton arrived late. Hilton said she was tired.", "Paris Hilton", "PERSON"),
    ],
)  # fmt: skip
def test_entities_places_retyped(nlp, text, name, etype):
    types = _types(_run(nlp, text))
    if etype is None:  # whatever it is, not a person
        assert types.get(name) != "PERSON", types
    else:
        assert types.get(name) == etype, types


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # A surname that is also a country merges into the person named in full earlier.
        ("President Maria Chile met the envoy. Later, Chile told reporters the talks went well.",
         "Maria Chile", "Chile"),
        ("Prime Minister Ana Montenegro met the unions. Montenegro said the deal would hold.",
         "Ana Montenegro", "Montenegro"),
    ],
)  # fmt: skip
def test_entities_places_surname_that_is_a_place(nlp, text, name, alias):
    found = {e.name: e for e in _run(nlp, text)}
    assert name in found and found[name].type == "PERSON", _types(found.values())
    assert alias in found[name].aliases
    assert alias not in found


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Hurricane Milton flooded the coast. Milton weakened on Friday.",
         "Hurricane Milton", "Milton"),
        ("Typhoon Haikui struck the island on Monday.", "Typhoon Haikui", None),
        ("Storm Clara brought high winds. Clara moved east overnight.", "Storm Clara", "Clara"),
    ],
)  # fmt: skip
def test_entities_places_named_storms_are_not_people(nlp, text, name, alias):
    found = {e.name: e for e in _run(nlp, text)}
    assert name in found and found[name].type == "OTHER", _types(found.values())
    assert not any(e.type == "PERSON" for e in found.values())
    if alias is not None:
        assert alias in found[name].aliases


@pytest.mark.parametrize(
    ("words", "spaces", "ents", "expected"),
    [
        # Particles between two tagged names.
        (["in", "Viana", "do", "Castelo", "and"], [True, True, True, True, False],
         [(1, 2, "GPE"), (3, 4, "PERSON")], [(1, 4, "GPE")]),
        (["Ursula", "von", "der", "Leyen", "said"], [True, True, True, True, False],
         [(0, 1, "PERSON"), (3, 4, "PERSON")], [(0, 4, "PERSON")]),
        # An untagged tail after a particle joins only when the whole is a known place.
        (["in", "Viana", "do", "Castelo", "and"], [True, True, True, True, False],
         [(1, 2, "GPE")], [(1, 4, "GPE")]),
        (["in", "Viana", "do", "Zzyzxq", "and"], [True, True, True, True, False],
         [(1, 2, "GPE")], [(1, 2, "GPE")]),
    ],
)  # fmt: skip
def test_entities_places_rejoined_spans(nlp, words, spaces, ents, expected):
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab)
                for s, e, lab in ents]  # fmt: skip
    assert entities._joined_ents(doc) == expected


@pytest.mark.parametrize(
    ("name", "fuzzy", "expected"),
    [
        ("Bombay", False, False),  # an old name: not on its own...
        ("Bombay", True, True),  # ...but next to another place, yes
        ("Kharkov", True, True),  # a transliteration variant
        ("Ravenna", False, True),  # a city under its main name
        ("Hilton", False, False),  # too small
        ("Zzyzxq", True, False),
    ],
)
def test_entities_places_populated_place(name, fuzzy, expected):
    assert KnownPlaces()(name, fuzzy=fuzzy) is expected


def test_entities_places_threshold_comes_from_the_toponym_settings():
    # Ravenna has about 150,000 people: a known place under the default floor, not above it.
    assert KnownPlaces(ToponymSettings(known_place_population=15_000))("Ravenna")
    assert not KnownPlaces(ToponymSettings(known_place_population=1_000_000))("Ravenna")
