"""Whose indirect speech is a Quote by default: people, groups of people, organisations'
statements and reports that cite a third party; not negated cues or appeals."""

from __future__ import annotations

import pytest
from _quotes_support import run


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A report through a source chain that cites a third party.
        ("The Lakeside Herald, citing two officials at the port authority, reported that "
         "the ferry contract had been cancelled.", "the ferry contract had been cancelled",
         "Lakeside Herald"),
        ("A regional weekly, the Valley Gazette, citing a source in the county council, "
         "reported that the bridge would close in spring.", "the bridge would close in spring",
         "Valley Gazette"),
        ("The Daily Beacon, quoting a senior police officer, reported that three suspects "
         "had been detained.", "three suspects had been detained", "Daily Beacon"),
        ("The Coastal Times cited an unnamed official as saying that the port would close.",
         "the port would close", "Coastal Times"),
        # An organisation's statement, also with a bare group noun as its name.
        ("Police said a man had been arrested.", "a man had been arrested", "Police"),
        ("The Northern Union of Grain Growers and Millers said that about 40 of its members "
         "had stopped deliveries.", "about 40 of its members had stopped deliveries",
         "Grain Growers"),
        # A group of people named by a plural common noun.
        ("Dairy farmers in the valley warned that milk prices would fall again.",
         "milk prices would fall again", "farmers"),
        ("Hospital staff in the capital said they had run out of oxygen.",
         "they had run out of oxygen", "staff"),
        ("Local residents said the water had risen overnight.", "the water had risen overnight",
         "residents"),
    ],
)
def test_quotes_sources_counted(nlp, text: str, content: str, speaker: str) -> None:
    quotes = run(nlp, text)
    assert [q.text for q in quotes] == [content]
    assert quotes[0].kind == "indirect"
    assert speaker in quotes[0].speaker.name


@pytest.mark.parametrize(
    "text",
    [
        # The outlet's own reporting is not a quote ("citing its own sources").
        "The Lakeside Herald, citing its own sources, reported that the ferry contract had "
        "been cancelled.",
        "The Lakeside Herald reported that the ferry contract had been cancelled.",
        # A group's belief is not its speech.
        "Workers at the mill feared that the owners had not paid the insurance.",
        # A negated cue reports nothing.
        "The ministry did not say when the new rules would take effect.",
        "Helen Dorsey did not say whether the council would meet again.",
        "Helen Dorsey did not say that the council would meet again.",
        # Appeals and threats with a to-infinitive are acts, not reported clauses.
        "Mayor Helen Dorsey called on the government to speed up the repairs.",
        "Helen Dorsey urged the council to approve the budget.",
        "Helen Dorsey called for a new vote on the budget.",
        "Helen Dorsey cited the rising cost of fuel.",
        "Minister Paul Okafor threatened to impose a tax on imported steel.",
    ],
)
def test_quotes_sources_not_counted(nlp, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Lakeside Herald reported that the ferry contract had been cancelled.",
         "the ferry contract had been cancelled"),
        ("Helen Dorsey urged the council to approve the budget.",
         "the council to approve the budget"),
        ("Helen Dorsey called for a new vote on the budget.", "a new vote on the budget"),
        ("Helen Dorsey cited the rising cost of fuel.", "the rising cost of fuel"),
        ("Helen Dorsey did not say that the council would meet again.",
         "the council would meet again"),
    ],
)
def test_quotes_sources_any_keeps_every_attribution(nlp, text: str, content: str) -> None:
    assert [q.text for q in run(nlp, text, indirect_speakers="any")] == [content]
