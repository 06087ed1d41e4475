"""Sentence records: newlines always break, bare words and glued quotes never do."""

from __future__ import annotations

from dateline.records import Article
from dateline.stages.parse import split_sentences


def _sentences(nlp, text: str) -> list[tuple[str, int]]:
    art = Article(text=text)
    return [(text[s.span[0] : s.span[1]], s.paragraph) for s in split_sentences(art, nlp(text))]


def test_parse_headline_and_paragraphs_split(nlp) -> None:
    text = "Storm closes the port\nThe harbour master said the port would reopen soon."
    assert _sentences(nlp, text) == [
        ("Storm closes the port", 0),
        ("The harbour master said the port would reopen soon.", 1),
    ]


def test_parse_closing_quote_stays_with_its_sentence(nlp) -> None:
    text = 'She called it "a disgrace." Then she left the room.'
    got = [s for s, _ in _sentences(nlp, text)]
    assert got == ['She called it "a disgrace."', "Then she left the room."]


def test_parse_name_is_not_split_from_its_clause(nlp) -> None:
    text = (
        "A long headline without a full stop\n"
        "Maria Costa, a professor at the University of Porto, said this on Friday."
    )
    got = [s for s, _ in _sentences(nlp, text)]
    assert got[1].startswith("Maria Costa, a professor")
