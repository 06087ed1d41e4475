"""Direct and mixed quotes and their speakers (real model, invented sentences)."""

from __future__ import annotations

import pytest
from _quotes_support import run


@pytest.mark.parametrize(
    ("text", "starts", "speaker", "kind"),
    [
        ('"We will rebuild the bridge by spring," Mayor Helen Dorsey said.',
         "We will rebuild", "Dorsey", "direct"),
        ("\u201cWe will rebuild the bridge by spring,\u201d said Helen Dorsey.",
         "We will rebuild", "Dorsey", "direct"),
        ("Helen Dorsey told reporters: \"The bridge will open in May.\u201d",
         "The bridge will open", "Dorsey", "direct"),
        ('The Harbour Authority reported that "the ferry service resumed on Monday."',
         "the ferry service", "Harbour Authority", "direct"),
        ('Senator Paul Okafor called the plan a "reckless gamble."',
         "reckless gamble", "Okafor", "direct"),
        ('Analyst Rita Moreno wrote that the figures "do not add up at all."',
         "the figures", "Moreno", "mixed"),
        ("``We are ready,'' Governor Tom Baxter said.", "We are ready", "Baxter", "direct"),
    ],
)
def test_quotes_direct_speaker(nlp, text: str, starts: str, speaker: str, kind: str) -> None:
    quotes = run(nlp, text)
    offset = text.index(starts)
    hits = [q for q in quotes if q.span[0] <= offset < q.span[1]]
    assert len(hits) == 1
    assert speaker in hits[0].speaker.name
    assert hits[0].kind == kind


def test_quotes_direct_split_by_reporting_clause(nlp) -> None:
    text = ('"The storm has passed," Helen Dorsey said. "Now we start clearing the roads."')
    quotes = run(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].span == (0, len(text))
    assert quotes[0].text == "The storm has passed, Now we start clearing the roads."


def test_quotes_direct_over_paragraphs(nlp) -> None:
    text = ('Helen Dorsey spoke at the harbour.\n'
            'She said: "The first paragraph of the statement ends here.\n'
            '"The second paragraph closes the quote."\n'
            'The meeting then ended.')
    quotes = run(nlp, text)
    assert len(quotes) == 1
    start = text.index('"The first')
    assert quotes[0].span == (start, text.index("quote.\"") + len('quote."'))
    assert quotes[0].speaker.name == "Helen Dorsey"
    assert quotes[0].speaker.mention == "She"
