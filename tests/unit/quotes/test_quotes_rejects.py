"""Quotation marks that are not quotes: titles, slogans, scare quotes."""

from __future__ import annotations

import pytest
from _quotes_support import quotes_of

from dateline.records import Article


@pytest.mark.parametrize(
    "text",
    [
        'The film "War and Peace" was shown at the festival on Sunday.',
        'A banner reading "Hands off our harbour" hung from the bridge.',
        'The so-called "peace plan" collapsed within a week.',
        'Residents gathered outside with placards: "No more tolls".',
        'Helen Dorsey appeared on "Morning Show" on Tuesday.',
    ],
)
def test_quotes_rejects_unattributed_marks(nlp, text: str) -> None:
    article = Article(text=text)
    quotes = quotes_of(nlp, article)
    assert quotes == []
