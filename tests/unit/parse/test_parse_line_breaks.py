"""Hard line breaks inside a sentence are running text; paragraph and title breaks still end one
(issue 8)."""

from __future__ import annotations

import pytest

from dateline.records import Article
from dateline.stages.parse import split_sentences

pytestmark = pytest.mark.issue(8)


def _sentences(nlp, text: str) -> list[str]:
    art = Article(text=text)
    return [text[s.span[0] : s.span[1]] for s in split_sentences(art, nlp(text))]


def test_parse_hard_line_break_before_lower_case_word_is_running_text(nlp) -> None:
    text = "Two policemen\nwere wounded when the crowd\nturned on them, officials said."
    assert _sentences(nlp, text) == [text]


def test_parse_paragraph_break_ends_a_sentence_even_before_lower_case(nlp) -> None:
    text = "The crowd turned on the police\n\nofficials said two were wounded."
    assert _sentences(nlp, text) == [
        "The crowd turned on the police",
        "officials said two were wounded.",
    ]


@pytest.mark.parametrize("title", ["STORM HITS THE OLD PORT", "Storm Hits The Old Port"])
def test_parse_title_line_ends_a_sentence(nlp, title: str) -> None:
    text = f"{title}\nofficials said the damage was severe."
    assert _sentences(nlp, text) == [title, "officials said the damage was severe."]


def test_parse_line_break_before_capital_still_ends_a_headline(nlp) -> None:
    text = "Storm closes the port\nThe harbour master said it would reopen soon."
    assert _sentences(nlp, text) == [
        "Storm closes the port",
        "The harbour master said it would reopen soon.",
    ]


def test_parse_hard_wrapped_paragraphs_keep_their_numbers(nlp) -> None:
    text = (
        "The council met on Monday\nand voted for the plan.\n\n"
        "Work starts in April\nand ends in May."
    )
    art = Article(text=text)
    got = [(text[s.span[0] : s.span[1]], s.paragraph) for s in split_sentences(art, nlp(text))]
    assert got == [
        ("The council met on Monday\nand voted for the plan.", 0),
        ("Work starts in April\nand ends in May.", 1),
    ]


@pytest.mark.parametrize(
    ("dateline", "body"),
    [
        ("BERLIN (AP)_", "Top German officials sent new signals on Sunday."),
        ("MADRID (Reuters) -", "Spanish police arrested four men on Monday."),
        ("KYIV, Ukraine --", "Drones struck a power plant overnight."),
        ("NEW YORK \u2014", "Shares fell sharply on Friday."),
    ],
)
def test_parse_a_news_dateline_is_no_part_of_the_first_sentence(nlp, dateline, body) -> None:
    text = f"Headline of the story\n{dateline} {body}"
    assert _sentences(nlp, text)[-2:] == [dateline, body]


@pytest.mark.parametrize(
    "line",
    [
        "The NATO-led force withdrew from the valley on Monday.",
        "A man - the third this week - was arrested in the port.",
    ],
)
def test_parse_a_line_without_a_dateline_keeps_its_dashes(nlp, line) -> None:
    assert _sentences(nlp, f"Headline of the story\n{line}")[-1] == line
