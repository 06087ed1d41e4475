"""Speaker resolution to hand-built entities: span overlap, alias, pronoun, title, org."""

from __future__ import annotations

import pytest
from _quotes_support import run

from dateline.records import Entity, Quote, Role


def _entity(text: str, eid: str, name: str, etype: str, forms: list[str],
            roles: list[str] = ()) -> Entity:
    mentions = []
    for form in forms:
        start = text.find(form)
        while start >= 0:
            mentions.append((start, start + len(form)))
            start = text.find(form, start + 1)
    mentions.sort()
    return Entity(id=eid, article_id="a", span=mentions[0], stage="entities@1", name=name,
                  type=etype, aliases=[f for f in forms if f != name], mentions=mentions,
                  roles=[Role(text=r) for r in roles])




TEXT = ("Marta Kowalczyk, a historian at the city university, spoke on Friday. "
        '"The archive must stay open," she said. '
        "Later the historian noted that funding was short. "
        "The Ministry of Culture said that a decision would follow. "
        "Kowalczyk added that she would appeal.")


@pytest.fixture(scope="module")
def quotes(nlp) -> list[Quote]:
    entities = [
        _entity(TEXT, "E1", "Marta Kowalczyk", "PERSON", ["Marta Kowalczyk", "Kowalczyk"],
                roles=["historian at the city university"]),
        _entity(TEXT, "E2", "Ministry of Culture", "ORG", ["Ministry of Culture"]),
    ]
    return run(nlp, TEXT, entities)


@pytest.mark.parametrize(
    ("starts", "mention", "entity_id"),
    [
        ("The archive must stay open", "she", "E1"),
        ("funding was short", "the historian", "E1"),
        ("she would appeal", "Kowalczyk", "E1"),
    ],
)
def test_quotes_speakers_resolved(quotes: list[Quote], starts: str, mention: str,
                                  entity_id: str) -> None:
    offset = TEXT.index(starts)
    (quote,) = [q for q in quotes if q.span[0] <= offset < q.span[1]]
    assert quote.speaker.entity_id == entity_id
    assert quote.speaker.name == "Marta Kowalczyk"
    assert quote.speaker.mention == mention


def test_quotes_speakers_org_direct_quote(nlp) -> None:
    text = 'The Ministry of Culture said: "The museum will reopen."'
    entities = [_entity(text, "E7", "Ministry of Culture", "ORG", ["Ministry of Culture"])]
    (quote,) = run(nlp, text, entities)
    assert quote.speaker.entity_id == "E7"
    assert quote.speaker.name == "Ministry of Culture"


def test_quotes_speakers_pronoun_from_entity_records(nlp) -> None:
    text = 'Jonas Berg, the coach, arrived. "We played badly," he admitted.'
    (quote,) = run(nlp, text)
    assert quote.speaker.name == "Jonas Berg"
    assert quote.speaker.entity_id is not None


@pytest.mark.issue(12)
def test_quotes_speakers_read_entity_records_not_the_parse(nlp) -> None:
    # With no entity records the parse's own names are not read: the pronoun stays as
    # written, where spaCy's PERSON name once stood in for the entities stage.
    text = 'Jonas Berg, the coach, arrived. "We played badly," he admitted.'
    (quote,) = run(nlp, text, [])
    assert (quote.speaker.name, quote.speaker.entity_id) == ("he", None)


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        ("The Federation of Grain Growers and Flour Millers said that prices would rise.",
         ["Federation of Grain Growers", "Flour Millers"],
         "The Federation of Grain Growers and Flour Millers"),
        ("The Council of Ports and Harbours said that fees would double.",
         ["Council of Ports", "Harbours"], "The Council of Ports and Harbours"),
    ],
)
def test_quotes_speakers_org_name_split_by_entities(nlp, text: str, pieces: list[str],
                                                    speaker: str) -> None:
    # The entity stage split one organisation's name at "and": the speaker is the whole name.
    entities = [_entity(text, f"E{i}", piece, "ORG", [piece]) for i, piece in enumerate(pieces)]
    quotes = run(nlp, text, entities)
    assert len(quotes) == 1
    assert quotes[0].speaker.name == speaker
