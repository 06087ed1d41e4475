"""Property: any article text and outlet round-trips through the store on both backends,
and searching for any part of it finds it (quotes, wildcards and non-ASCII included)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dateline.records import (
    Argument,
    Article,
    Event,
    EventDate,
    Extraction,
    content_id,
)
from dateline.storage import open_store

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=80,
).filter(lambda t: t.strip())
outlets = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                  min_size=1, max_size=20)  # fmt: skip


def _extraction(text: str, outlet: str) -> Extraction:
    article = Article(text=text, outlet=outlet, published=date(2025, 1, 2))
    event = Event(
        id="EV1", article_id=article.id, span=(0, len(text)), stage="events@test", text=text,
        trigger=text[:5], trigger_span=(0, min(5, len(text))), type="OTHER",
        actors=[Argument(name=outlet, span=(0, 1))], date=EventDate(value="2025-01-01"),
    )  # fmt: skip
    return Extraction(article=article, events=[event])


@pytest.fixture(scope="module")
def store(module_store_url):
    with open_store(module_store_url) as opened:
        yield opened


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, outlet=outlets, cut=st.tuples(st.integers(0, 79), st.integers(1, 80)))
def test_storage_any_text_round_trips_and_is_found(store, text, outlet, cut) -> None:
    extraction = _extraction(text, outlet)
    assume(not store.has_article(content_id(text)))  # a stored text is skipped by design
    store.add_extractions([extraction])
    assert store.article(extraction.article.id) == extraction
    mention_id = f"{extraction.article.id}/EV1"
    assert mention_id in {m.mention_id for m in store.mentions(outlet=outlet)}
    start = min(cut[0], len(text) - 1)
    part = text[start : start + cut[1]]
    assert mention_id in {m.mention_id for m in store.mentions(text=part)}
