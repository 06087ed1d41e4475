"""Shared helpers for the quotes tests: run the speech and quotes stages on a text."""

from __future__ import annotations

from dateline.config import EntitySettings, QuoteSettings
from dateline.records import Article, Entity, Quote
from dateline.stages.entities import extract_entities
from dateline.stages.quotes import extract_quotes
from dateline.stages.speech import find_speech_cues, pair_quote_marks


def quotes_of(nlp, article: Article, entities: list[Entity] | None = None,
              **settings) -> list[Quote]:
    """The quotes stage's output on an article, after the speech stage it reads; the
    entities stage's records unless ``entities`` are given."""
    doc = nlp(article.text)
    if entities is None:
        entities = extract_entities(article=article, doc=doc, settings=EntitySettings())
    marks = pair_quote_marks(article=article)
    cues = find_speech_cues(article=article, doc=doc, entities=entities, marks=marks)
    return extract_quotes(article=article, marks=marks, cues=cues,
                          settings=QuoteSettings(**settings))


def run(nlp, text: str, entities: list[Entity] | None = None, **settings) -> list[Quote]:
    return quotes_of(nlp, Article(text=text), entities, **settings)
