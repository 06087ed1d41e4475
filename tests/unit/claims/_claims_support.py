"""Shared helpers for the claims tests: run speech, quotes and claims on a text, pick a claim."""

from __future__ import annotations

from dateline.config import ClaimSettings, EntitySettings, QuoteSettings
from dateline.records import Article, Claim, Entity
from dateline.stages.claims import extract_claims
from dateline.stages.entities import extract_entities
from dateline.stages.quotes import extract_quotes
from dateline.stages.speech import find_speech_cues, pair_quote_marks


def claims_of(nlp, article: Article, entities: list[Entity] | None = None,
              with_quotes: bool = True) -> list[Claim]:
    """The claims stage's output on an article, after the stages it reads; the entities
    stage's records unless ``entities`` are given."""
    doc = nlp(article.text)
    if entities is None:
        entities = extract_entities(article=article, doc=doc, settings=EntitySettings())
    marks = pair_quote_marks(article=article)
    cues = find_speech_cues(article=article, doc=doc, entities=entities, marks=marks)
    quotes = (extract_quotes(article=article, marks=marks, cues=cues, settings=QuoteSettings())
              if with_quotes else [])
    return extract_claims(article=article, doc=doc, cues=cues, quotes=quotes,
                          settings=ClaimSettings())


def run(nlp, text: str, outlet: str | None = None) -> list[Claim]:
    return claims_of(nlp, Article(text=text, outlet=outlet))


def innermost(claims: list[Claim], text: str, words: str) -> Claim:
    offset = text.index(words)
    holding = [c for c in claims if c.span[0] <= offset < c.span[1]]
    return min(holding, key=lambda c: c.span[1] - c.span[0])
