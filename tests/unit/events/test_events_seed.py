"""The seed article through the whole pipeline, scored by our article scorer
(tests/golden/_score.py, the same matching rules as the reference scorer's event section)."""

from __future__ import annotations

import pytest

from dateline.config import Settings
from dateline.pipeline import run_stages
from dateline.records import Article

# Measured on the seed: F1 0.98 (P 0.96, R 1.00), field accuracy 0.99. The floors leave a
# margin for changes in the earlier stages whose records the events stage reads.
MIN_F1 = 0.90
MIN_FIELD_ACCURACY = 0.90


@pytest.fixture(scope="module")
def seed_score(seed_example, nlp, scorer):
    text = seed_example["text"]
    article = Article(text=text, published=seed_example["published"])
    extraction = run_stages(article, nlp(text), Settings()).model_dump(mode="json")
    return scorer.score_article(seed_example["gold"], text, {"events": extraction["events"]})


@pytest.mark.parametrize(("measure", "floor"), [("events", MIN_F1), ("fields", MIN_FIELD_ACCURACY)])
def test_events_seed_reaches_floor(seed_score, measure, floor):
    assert getattr(seed_score, measure) >= floor, seed_score.report()


def test_events_seed_no_required_event_missed(seed_score):
    assert [m for m in seed_score.misses if "missed event" in m] == []
