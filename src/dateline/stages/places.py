"""Places stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import PlaceSettings
from dateline.records import Article, Entity, Place

NAME = "places"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_places(*, article: Article, doc: Doc, entities: list[Entity], settings: PlaceSettings) -> list[Place]:
    return []
