"""Quotes stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import QuoteSettings
from dateline.records import Article, Entity, Quote, Sentence

NAME = "quotes"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_quotes(*, article: Article, doc: Doc, sentences: list[Sentence], entities: list[Entity], settings: QuoteSettings) -> list[Quote]:
    return []
