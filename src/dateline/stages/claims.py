"""Claims stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import ClaimSettings
from dateline.records import Article, Claim, Entity, Quote, Sentence

NAME = "claims"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_claims(*, article: Article, doc: Doc, sentences: list[Sentence], entities: list[Entity], quotes: list[Quote], settings: ClaimSettings) -> list[Claim]:
    return []
