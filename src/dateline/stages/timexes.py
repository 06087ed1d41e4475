"""Timexes stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import TimexSettings
from dateline.records import Article, Sentence, Timex

NAME = "timexes"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_timexes(*, article: Article, doc: Doc, sentences: list[Sentence], settings: TimexSettings) -> list[Timex]:
    return []
