"""Events stage (implementation in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.config import EventSettings
from dateline.records import Article, Claim, Entity, Event, Place, Quantity, Sentence, Timex

NAME = "events"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"


def extract_events(*, article: Article, doc: Doc, sentences: list[Sentence], timexes: list[Timex], quantities: list[Quantity], entities: list[Entity], places: list[Place], claims: list[Claim], settings: EventSettings) -> list[Event]:
    return []
