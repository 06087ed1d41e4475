"""Property tests: an entity timeline is ordered by date and does not depend on input order.

They call the pure ``build_entity_timeline`` on generated event words of hand-built
articles (no model), so they run in seconds.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.entity_timeline import EventWord, Participant, build_entity_timeline, date_sort_key
from dateline.records import Article, Extraction

TEXT = "Northwind Air acted. " * 40
ARTICLES = [
    Extraction(article=Article(id=f"a{i}", text=TEXT, published=date(2024, 1, 1 + i)))
    for i in range(4)
]
LEMMAS = ["order", "launch", "cancel", "say"]
DATES = [None, "2019", "2023-06", "2023-06-02", "2024-01-03", "P3M"]
TENSES = ["past", "present", "perfect", "future", "nonfinite", "nominal"]
FAST = settings(max_examples=60, deadline=None)


@st.composite
def event_words(draw) -> EventWord:
    sentence = draw(st.integers(min_value=0, max_value=39))
    start = sentence * 21
    return EventWord(
        article_id=f"a{draw(st.integers(min_value=0, max_value=3))}",
        span=(start + 14, start + 19),
        text="acted",
        lemma=draw(st.sampled_from(LEMMAS)),
        pos="VERB",
        sentence=(start, start + 20),
        participants=[Participant(role="subject", span=(start, start + 13))],
        date=draw(st.sampled_from(DATES)),
        date_source="clause",
        tense=draw(st.sampled_from(TENSES)),
    )


word_lists = st.lists(event_words(), max_size=25, unique_by=lambda w: (w.article_id, w.span))


@FAST
@given(word_lists)
def test_positions_follow_the_dates(words):
    rows = build_entity_timeline(ARTICLES, words, "Northwind Air")
    assert all(row.date is None for row in rows if row.position == 0)
    dated = [row for row in rows if row.position > 0]
    for earlier, later in zip(dated, dated[1:], strict=False):
        assert earlier.position <= later.position
        key_a, key_b = date_sort_key(earlier.date), date_sort_key(later.date)
        assert (key_a == key_b) == (earlier.position == later.position)
        assert key_a <= key_b


@FAST
@given(word_lists, st.randoms(use_true_random=False))
def test_rows_do_not_depend_on_word_order(words, rng):
    shuffled = list(words)
    rng.shuffle(shuffled)
    assert build_entity_timeline(ARTICLES, words, "Northwind Air") == build_entity_timeline(
        ARTICLES, shuffled, "Northwind Air"
    )


@FAST
@given(word_lists)
def test_every_word_of_the_entity_is_on_the_timeline_once(words):
    rows = build_entity_timeline(ARTICLES, words, "Northwind Air")
    placed = sorted((m.article_id, m.span) for row in rows for m in row.mentions)
    assert placed == sorted((w.article_id, w.span) for w in words)
