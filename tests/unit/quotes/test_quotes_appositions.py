"""Speakers in appositions, a timex between verb and clause, and a quoted label with its own
cue inside a reported clause."""

from __future__ import annotations

import pytest
from _quotes_support import run


@pytest.mark.parametrize(
    ("text", "content", "speaker", "mention"),
    [
        # A title phrase with an appositive name: the speaker is the name.
        ("Norway's fisheries minister, Ingrid Solberg, said Oslo would review the quota.",
         "Oslo would review the quota", "Ingrid Solberg", "Norway's fisheries minister"),
        ("A city hall spokesman, Tomas Brandt, said the station would reopen on Monday.",
         "the station would reopen on Monday", "Tomas Brandt", "A city hall spokesman"),
        # The title phrase ends in a prepositional phrase before the name.
        ("The head of the national weather service, Lars Nilsson, told reporters on Monday "
         "that the storm would weaken.", "the storm would weaken", "Lars Nilsson",
         "The head of the national weather service"),
        # A name with an appositive title, and a timex between the verb and "that".
        ("Marta Kowalczyk, head of the regional water board, said on Tuesday that the dam "
         "was safe.", "the dam was safe", "Marta Kowalczyk", "Marta Kowalczyk"),
        # "that X, but that Y": one report even when Y hangs off the verb.
        ("Marta Olivares, director of the regional emergency service, said on Tuesday that "
         "the worst of the storm had passed, but that rivers would stay high.",
         "the worst of the storm had passed, but that rivers would stay high",
         "Marta Olivares", "Marta Olivares"),
    ],
)
def test_quotes_appositions_speaker(nlp, text: str, content: str, speaker: str,
                                    mention: str) -> None:
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker.name == speaker
    assert quotes[0].speaker.mention == mention


@pytest.mark.parametrize(
    ("text", "clause", "label"),
    [
        ('Helen Dorsey said the council would freeze the fees because of what she called '
         '"reckless spending" by the previous board.', "the council would freeze the fees",
         "reckless spending"),
        ('Paul Okafor said the port would stay shut over what he described as "a serious '
         'breach" of the safety rules.', "the port would stay shut", "a serious breach"),
    ],
)
def test_quotes_appositions_label_inside_clause(nlp, text: str, clause: str,
                                                label: str) -> None:
    quotes = run(nlp, text)
    by_kind = {q.kind: q for q in quotes}
    assert set(by_kind) == {"indirect", "direct"}
    assert by_kind["indirect"].text.startswith(clause)
    assert by_kind["direct"].text == label
    assert by_kind["direct"].speaker.name == by_kind["indirect"].speaker.name
