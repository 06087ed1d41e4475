"""Fixtures for entity timeline tests: hand-written mini articles run through the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline import extract
from dateline.entity_timeline import (
    EntityTimelineRow,
    build_entity_timeline,
    find_anaphors,
    find_event_words,
)
from dateline.records import Extraction

Build = Callable[[list[tuple[str, str]], str], list[EntityTimelineRow]]


@pytest.fixture(scope="module")
def build_timeline(nlp) -> Build:
    """Extract each (published, text) article and build ``target``'s timeline from them."""
    cache: dict[tuple[str, str], Extraction] = {}

    def build(articles: list[tuple[str, str]], target: str) -> list[EntityTimelineRow]:
        extractions, words, anaphors = [], [], []
        for published, text in articles:
            extraction = cache.get((published, text))
            if extraction is None:
                extraction = cache[(published, text)] = extract(text, published)
            doc = nlp(text)
            extractions.append(extraction)
            words.extend(find_event_words(extraction, doc))
            anaphors.extend(find_anaphors(extraction, doc))
        return build_entity_timeline(extractions, words, target, anaphors=anaphors)

    return build


def words_of(rows: list[EntityTimelineRow]) -> list[tuple[int, str | None, str]]:
    """(position, date, word) of every mention, in timeline order."""
    return [(row.position, row.date, m.text) for row in rows for m in row.mentions]
