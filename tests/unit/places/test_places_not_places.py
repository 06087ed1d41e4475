"""Place names inside people's names and media names are not place mentions."""

from __future__ import annotations

import pytest

from dateline.config import PlaceSettings
from dateline.records import Article, Entity
from dateline.stages.places import extract_places
from tests.unit.places._helpers import place_named, places_of


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Chancellor Olaf Montenegro met farmers in Lisbon. Montenegro promised aid to Portugal.",
         "Montenegro", "Lisbon"),
        ("Prime Minister Georgia Meloni spoke in Rome. Later Meloni said Georgia was her name.",
         "Georgia", "Rome"),
        ("The Washington Post reported that talks in Geneva had stalled.", "Washington", "Geneva"),
        ("According to the New York Times, the mayor of Chicago resigned.", "New York", "Chicago"),
        ("The fire started in Dublin on Monday, the Times of India said.", "India", "Dublin"),
        # an eponym modifying a plural noun, even after a locative cue
        ("The crowd in Athens answered in Molotov cocktails on Wednesday.", "Molotov", "Athens"),
        # an untagged acronym modifying another word: an organisation's, not a town's
        ("A bomb went off near the IRA-linked group's office in Belfast.", "IRA", "Belfast"),
        # an acronym the model calls an organisation stays one after a cue
        ("Critics angry at the IRA's ceasefire met in Belfast.", "IRA", "Belfast"),
    ],
)
def test_places_not_places_dropped(nlp, text, absent, present):
    places = places_of(nlp, text)
    assert place_named(places, absent) is None
    assert place_named(places, present) is not None


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Former President Barack Obama spoke on Tuesday. Critics wrote to Obama about it.",
         "Obama"),
        ("Senator Jane Calder visited the plant. Workers sent a letter to Calder in June.",
         "Calder"),
    ],
)
def test_places_not_places_surname_the_entities_stage_calls_a_person(nlp, text, surname):
    # "to" is a strong locative cue, but the entities stage read this very span as the
    # person named before: places trusts the corrected record.
    assert place_named(places_of(nlp, text), surname) is None


def test_places_not_places_person_name_with_locative_cue(nlp):
    text = "Chancellor Olaf Montenegro met farmers in Lisbon. He later flew to Montenegro."
    place = place_named(places_of(nlp, text), "Montenegro")
    assert place is not None
    assert place.country == "ME"


_PERSON_TEXT = "Jordan sent aid to Cairo after the dam failed, the minister said."
_MEDIA_TEXT = "The dam near Cairo failed, according to Nigeria Wire."
_WIRE = (_MEDIA_TEXT.index("Nigeria Wire"), _MEDIA_TEXT.index("Nigeria Wire") + 12)


_JORDAN_GPE = Entity(id="E1", article_id="a", span=(0, 6), stage="entities@1", name="Jordan",
                     type="GPE", mentions=[(0, 6)])


@pytest.mark.parametrize(
    ("text", "baseline", "entity", "absent"),
    [
        (_PERSON_TEXT, [_JORDAN_GPE], Entity(id="E1", article_id="a", span=(0, 6),
                                             stage="entities@1", name="Jordan Miller",
                                             type="PERSON"), "Jordan"),
        (_MEDIA_TEXT, [], Entity(id="E2", article_id="a", span=_WIRE, stage="entities@1",
                                 name="Nigeria Wire", type="ORG", kind="media",
                                 mentions=[_WIRE]), "Nigeria"),
    ],
)
def test_places_not_places_from_entity_records(nlp, text, baseline, entity, absent):
    doc = nlp(text)
    settings = PlaceSettings()
    without = extract_places(article=Article(id="a", text=text), doc=doc, entities=baseline,
                             settings=settings)
    assert place_named(without, absent) is not None
    places = extract_places(article=Article(id="a", text=text), doc=doc, entities=[entity],
                            settings=settings)
    assert place_named(places, absent) is None
    assert place_named(places, "Cairo") is not None


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The city paid the architects Austin & Sons for the plans drawn up in Denver.",
         "Austin", "Denver"),
        ("Shoppers queued outside a Wal-Mart in Tulsa on Friday.", "Wal", "Tulsa"),
        ("The satellite will fall back to Earth near Hawaii next week.", "Earth", "Hawaii"),
    ],
)
def test_places_not_places_firms_and_generic_words(nlp, text, absent, present):
    places = places_of(nlp, text)
    assert place_named(places, absent) is None
    assert place_named(places, present) is not None
