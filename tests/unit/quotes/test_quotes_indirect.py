"""Indirect speech: complement clauses, "according to", clause-before-verb."""

from __future__ import annotations

import pytest
from _quotes_support import run


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Helen Dorsey said that the council was seeking new funds.",
         "the council was seeking new funds", "Dorsey"),
        ("Helen Dorsey told the council that the budget had run out.",
         "the budget had run out", "Dorsey"),
        ("According to Paul Okafor, the talks have stalled again.",
         "the talks have stalled again", "Okafor"),
        ("The talks have stalled again, Paul Okafor noted.", "The talks have stalled again",
         "Okafor"),
        ("Paul Okafor arrived late. According to him, the talks have stalled.",
         "the talks have stalled", "Okafor"),
        ("Paul Okafor spoke to reporters on Monday. He said that the vote would be delayed.",
         "the vote would be delayed", "Okafor"),
    ],
)
def test_quotes_indirect_span_and_speaker(nlp, text: str, content: str, speaker: str) -> None:
    quotes = run(nlp, text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.kind == "indirect"
    assert quote.text == content
    assert quote.span[0] == text.index(content)
    assert speaker in quote.speaker.name


@pytest.mark.parametrize(
    ("text", "any_count"),
    [
        ("The Harbour Authority announced that the ferry service would resume.", 1),
        ("It was reported that the ferry service would resume.", 1),
    ],
)
def test_quotes_indirect_non_person_sources(nlp, text: str, any_count: int) -> None:
    # By default only people's indirect speech is a Quote; "any" keeps every source.
    assert run(nlp, text) == []
    assert len(run(nlp, text, indirect_speakers="any")) == any_count


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        ("Anna Berg said on Monday that the company would appeal, adding that it had done "
         "nothing wrong.", ["the company would appeal", "it had done nothing wrong"]),
        ("Paul Okafor said the plant would close, saying that the costs were too high.",
         ["the plant would close", "the costs were too high"]),
    ],
)
def test_quotes_indirect_participle_continues_report(nlp, text: str,
                                                     contents: list[str]) -> None:
    # ", adding that ...": a second report by the same speaker, cut from the first clause.
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == contents
    assert len({q.speaker.name for q in quotes}) == 1
