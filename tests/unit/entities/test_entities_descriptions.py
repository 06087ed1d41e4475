"""Title descriptions ("the president") are mentions of the titled person named before."""

from __future__ import annotations

import pytest

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import _extract, extract_entities


def _entities(nlp, text):
    return extract_entities(article=Article(text=text), doc=nlp(text), settings=EntitySettings())


def _by_name(nlp, text):
    return {e.name: e for e in _entities(nlp, text)}


def _forms(text, entity):
    return [text[a:b] for a, b in entity.mentions]


@pytest.mark.issue(8)
def test_entities_title_description_joins_the_titled_person(nlp) -> None:
    text = (
        "President Lena Varga met Mayor Tomas Berg in Lund on Monday. "
        "The president later visited the port. The city's new mayor welcomed her."
    )
    by_name = _by_name(nlp, text)
    assert _forms(text, by_name["Lena Varga"]) == ["Lena Varga", "The president"]
    assert _forms(text, by_name["Tomas Berg"]) == ["Tomas Berg", "The city's new mayor"]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # nobody holds the title
        ("Lena Varga met Tomas Berg in Lund. The president later visited the port.",
         "The president"),
        # the titled person was named too long before
        ("President Lena Varga spoke. The port opened. Ships came. Trade grew. Rain fell. "
         "The president later visited the port.", "The president"),
        # a named phrase is not a description
        ("President Lena Varga spoke. The president of Estovia, Karl Moor, replied.",
         "The president"),
        # a person's name before the title is no place: not a description either
        ("Gov. Mark Hollis spoke on Friday. The Hollis governor said little.",
         "The Hollis governor"),
    ],
)  # fmt: skip
def test_entities_title_description_stays_unlinked_without_its_person(nlp, text, phrase) -> None:
    description = text.rindex(phrase)
    for entity in _entities(nlp, text):
        assert all(not (a <= description < b) for a, b in entity.mentions), entity


def test_entities_title_descriptions_are_a_correction(nlp) -> None:
    text = "President Lena Varga spoke. The president later visited the port."
    doc = nlp(text)
    plain = _extract(Article(text=text), doc, EntitySettings(), corrections=False)
    assert all(len(e.mentions) == 1 for e in plain)


@pytest.mark.issue(8)
def test_entities_description_with_a_place_and_an_abbreviated_title(nlp) -> None:
    text = (
        "Gov. Mark Hollis of Ohio met voters in Dayton on Friday. "
        "The Ohio governor endorsed the plan on Saturday."
    )
    by_name = _by_name(nlp, text)
    assert [r.text for r in by_name["Mark Hollis"].roles] == ["Gov."]
    assert _forms(text, by_name["Mark Hollis"]) == ["Mark Hollis", "The Ohio governor"]
    # The place inside the description stays a mention of its own.
    assert _forms(text, by_name["Ohio"]) == ["Ohio", "Ohio"]


@pytest.mark.issue(8)
def test_entities_title_phrase_before_the_name_is_that_persons_mention(nlp) -> None:
    # The parser hangs the name off the verb here, yet the title phrase before the comma is
    # the named person's own: it joins that person, not one named earlier.
    text = (
        "Minister Omar Said spoke on Friday. Demonstrators called for the dismissal of "
        "the energy minister, Tarek Abdel Salam, on Sunday."
    )
    by_name = _by_name(nlp, text)
    assert _forms(text, by_name["Tarek Abdel Salam"]) == [
        "the energy minister",
        "Tarek Abdel Salam",
    ]
    assert _forms(text, by_name["Omar Said"]) == ["Omar Said"]
