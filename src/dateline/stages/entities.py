"""Entities stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import EntitySettings
from dateline.records import Article, Entity

NAME = "entities"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_entities(*, article: Article, doc: Doc, settings: EntitySettings) -> list[Entity]:
    return []
