""""According to X" at a sentence edge covers every conjoined clause."""

from __future__ import annotations

import pytest
from _quotes_support import run


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("According to Paul Okafor, about 300 buses stayed in depots and more than 20 routes "
         "were cancelled.",
         "about 300 buses stayed in depots and more than 20 routes were cancelled"),
        ("About 300 buses stayed in depots and more than 20 routes were cancelled, according "
         "to Paul Okafor.",
         "About 300 buses stayed in depots and more than 20 routes were cancelled"),
        ("According to Helen Dorsey, the council leader, rents rose and wages fell.",
         "rents rose and wages fell"),
    ],
)
def test_quotes_according_covers_conjuncts(nlp, text: str, content: str) -> None:
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].kind == "indirect"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("About 900 buses stayed in depots, according to the Harbour Authority.",
         "Harbour Authority"),
    ],
)
def test_quotes_according_organisation(nlp, text: str, speaker: str) -> None:
    from dateline.config import EntitySettings
    from dateline.records import Article
    from dateline.stages.entities import extract_entities

    entities = extract_entities(article=Article(text=text), doc=nlp(text),
                                settings=EntitySettings())
    quotes = run(nlp, text, entities=entities)
    assert [q.text for q in quotes] == ["About 900 buses stayed in depots"]
    assert quotes[0].speaker.name == speaker
