"""Quantities stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import QuantitySettings
from dateline.records import Article, Quantity

NAME = "quantities"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_quantities(*, article: Article, doc: Doc, settings: QuantitySettings) -> list[Quantity]:
    return []
