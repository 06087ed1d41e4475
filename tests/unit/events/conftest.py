"""Fixture for the events-stage tests: the stage run on a text with hand-built records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from dateline.config import EventSettings
from dateline.records import Article, Event
from dateline.stages.events import extract_events
from dateline.stages.parse import split_sentences


@pytest.fixture(scope="session")
def run_events(nlp) -> Callable[..., list[Event]]:
    """Run the events stage on a text with hand-built records of the earlier stages.

    The lexicon variant is the default here: these tests pin the argument, date, place and
    attribution logic that both variants share, on triggers found deterministically; the
    trained variant's detection is tested in ``test_events_trained.py``.
    """

    def run(
        text: str, published: date | None = None, variant: str = "lexicon", **records: Any
    ) -> list[Event]:
        article = Article(id="a", text=text, published=published)
        doc = nlp(text)
        inputs: dict[str, Any] = {
            "timexes": [],
            "quantities": [],
            "entities": [],
            "places": [],
            "claims": [],
        }
        inputs.update(records)
        return extract_events(
            article=article,
            doc=doc,
            sentences=split_sentences(article, doc),
            settings=EventSettings(variant=variant),
            **inputs,
        )

    return run
