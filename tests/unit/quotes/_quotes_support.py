"""Shared helper for the quotes tests: run the quotes stage on a text."""

from __future__ import annotations

from dateline.config import QuoteSettings
from dateline.records import Article, Entity, Quote
from dateline.stages.parse import split_sentences
from dateline.stages.quotes import extract_quotes


def run(nlp, text: str, entities: list[Entity] | None = None, **settings) -> list[Quote]:
    article = Article(text=text)
    doc = nlp(text)
    return extract_quotes(article=article, doc=doc, sentences=split_sentences(article, doc),
                          entities=entities or [], settings=QuoteSettings(**settings))
