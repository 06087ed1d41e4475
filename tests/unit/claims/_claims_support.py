"""Shared helpers for the claims tests: run quotes + claims on a text, pick a claim."""

from __future__ import annotations

from dateline.config import ClaimSettings, QuoteSettings
from dateline.records import Article, Claim
from dateline.stages.claims import extract_claims
from dateline.stages.parse import split_sentences
from dateline.stages.quotes import extract_quotes


def run(nlp, text: str, outlet: str | None = None) -> list[Claim]:
    article = Article(text=text, outlet=outlet)
    doc = nlp(text)
    sentences = split_sentences(article, doc)
    quotes = extract_quotes(article=article, doc=doc, sentences=sentences, entities=[],
                            settings=QuoteSettings())
    return extract_claims(article=article, doc=doc, sentences=sentences, entities=[],
                          quotes=quotes, settings=ClaimSettings())


def innermost(claims: list[Claim], text: str, words: str) -> Claim:
    offset = text.index(words)
    holding = [c for c in claims if c.span[0] <= offset < c.span[1]]
    return min(holding, key=lambda c: c.span[1] - c.span[0])
