"""Entries: grouping by cluster, dates and how sure they are, who did what to whom, filters."""

from __future__ import annotations

from datetime import date

import pytest
from _timeline_build import mention

from dateline.errors import InputError
from dateline.timeline import build_timeline, date_bounds


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2025-08-11", date(2025, 8, 11), date(2025, 8, 11), "day"),
        ("2025-08-13TAF", date(2025, 8, 13), date(2025, 8, 13), "day"),
        ("2025-W33", date(2025, 8, 11), date(2025, 8, 17), "range"),
        ("2025-02", date(2025, 2, 1), date(2025, 2, 28), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("2025-SU", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ],
)
def test_timeline_date_bounds_of_timex_values(value, start, end, precision) -> None:
    bounds = date_bounds(value)
    assert bounds is not None
    assert (bounds.start, bounds.end, bounds.precision) == (start, end, precision)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P3M", "2025-13", "2025-02-30"])
def test_timeline_date_bounds_of_values_without_days(value) -> None:
    assert date_bounds(value) is None


def test_timeline_groups_by_cluster_and_orders_by_date() -> None:
    mentions = [
        mention("b", cluster="late", when="2025-08-13"),
        mention("a", cluster="early", when="2025-08-11"),
        mention("c", cluster=None, when=None, published="2025-08-12"),
        mention("d", cluster="late", when="2025-08-13"),
    ]
    timeline = build_timeline(mentions)
    assert [e.id for e in timeline.entries] == ["early", "c/EV1", "late"]
    assert [len(e.mentions) for e in timeline.entries] == [1, 1, 2]
    assert [m.mention_id for m in timeline.entries[2].mentions] == ["b/EV1", "d/EV1"]


def test_timeline_unclustered_restatements_in_one_article_share_an_entry() -> None:
    mentions = [
        mention("a", "EV1", cluster=None, group="EV1"),
        mention("a", "EV4", cluster=None, group="EV1", start=300),
    ]
    (entry,) = build_timeline(mentions).entries
    assert entry.id == "a/EV1"
    assert [m.mention_id for m in entry.mentions] == ["a/EV1", "a/EV4"]


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ([("2025-08-11", "clause"), ("2025-08-11", "sentence")],
         ("2025-08-11", date(2025, 8, 11), date(2025, 8, 11), "day", "stated")),
        ([("2025-08-11", "clause"), ("2025-08-12", "clause")],
         ("2025-08-11/2025-08-12", date(2025, 8, 11), date(2025, 8, 12), "range", "stated")),
        ([("2025-08", "clause"), ("2025-08-12", "narrative")],
         ("2025-08-12", date(2025, 8, 12), date(2025, 8, 12), "day", "stated")),
        ([("2025-08", "clause")],
         ("2025-08", date(2025, 8, 1), date(2025, 8, 31), "month", "stated")),
        ([("2025-08-13TEV", "sentence")],
         ("2025-08-13", date(2025, 8, 13), date(2025, 8, 13), "day", "stated")),
        ([("2025-08-12", "publication"), (None, "none")],
         ("2025-08-10", date(2025, 8, 10), date(2025, 8, 10), "day", "publication")),
    ],
)  # fmt: skip
def test_timeline_entry_date_and_how_sure(stated, expected) -> None:
    published = ["2025-08-12", "2025-08-10"]
    mentions = [
        mention(f"m{i}", when=value, when_source=source, published=published[i % 2])
        for i, (value, source) in enumerate(stated)
    ]
    when = build_timeline(mentions).entries[0].date
    assert (when.value, when.start, when.end, when.precision, when.basis) == expected


def test_timeline_entry_without_any_date_is_unknown_and_last() -> None:
    mentions = [
        mention("a", cluster="undated", when=None, published=None),
        mention("b", cluster="dated", when="2025-08-11"),
    ]
    timeline = build_timeline(mentions)
    assert [e.id for e in timeline.entries] == ["dated", "undated"]
    undated = timeline.entries[1].date
    assert (undated.value, undated.start, undated.precision, undated.basis) == (
        None, None, "unknown", "none",
    )  # fmt: skip


def test_timeline_denial_does_not_date_the_entry() -> None:
    mentions = [
        mention("a", when="2025-08-11"),
        mention("b", when="2025-08-13", polarity="negative", modality="negated"),
    ]
    assert build_timeline(mentions).entries[0].date.value == "2025-08-11"


def test_timeline_entry_says_who_did_what_to_whom_where() -> None:
    mentions = [
        mention("a", actors=("Police",), targets=("two men",), place="Patras",
                text="arrested two men on Monday", published="2025-08-11"),
        mention("b", actors=("police",), targets=("two men", "a farmer"), place="Patras",
                trigger="detained", text="detained two men"),
        mention("c", type="ASSAULT", trigger="arrested", place="Aigio"),
    ]  # fmt: skip
    entry = build_timeline(mentions).entries[0]
    assert entry.type == "COERCE"
    assert entry.action == "arrested"
    assert entry.actors == ["Police"]
    assert entry.targets == ["two men", "a farmer"]
    assert entry.place is not None
    assert (entry.place.name, entry.place.span, entry.place.place_id) == ("Patras", None, None)
    assert entry.summary == "Police arrested two men on Monday"


def test_timeline_summary_does_not_repeat_an_actor_already_in_the_sentence() -> None:
    entry = build_timeline(
        [mention("a", actors=("Police",), text="Police arrested two men")]
    ).entries[0]
    assert entry.summary == "Police arrested two men"


def test_timeline_summary_sets_apart_a_speaker_whose_words_have_their_own_subject() -> None:
    entry = build_timeline(
        [mention("a", type="DEMAND", actors=("Eleni Marka",), targets=("the council",),
                 text="the council should close the road")]
    ).entries[0]  # fmt: skip
    assert entry.summary == "Eleni Marka: the council should close the road"


def test_timeline_mentions_carry_article_outlet_sentence_and_sources() -> None:
    from _timeline_build import source

    m = mention(
        "post", outlet="Patras Post", text="arrested two men", when="2025-08-11",
        sources=(source("Meridian News Agency"), source("a police officer", "anonymous")),
        modality="reported", start=385,
    )  # fmt: skip
    (reported,) = build_timeline([m]).entries[0].mentions
    assert reported.model_dump(mode="json") == {
        "mention_id": "post/EV1",
        "article_id": "post",
        "outlet": "Patras Post",
        "published": "2025-08-12",
        "title": "Report by post",
        "sentence": "arrested two men",
        "span": [385, 401],
        "date": "2025-08-11",
        "modality": "reported",
        "polarity": "positive",
        "sources": ["Meridian News Agency", "a police officer"],
        "origin": "Meridian News Agency",
        "denies": False,
    }


@pytest.mark.parametrize(
    ("about", "kept"),
    [
        ("arrest", ["arrests"]),
        ("PATRAS", ["fire", "arrests"]),
        ("patras two men", ["arrests"]),
        ("meridian", ["arrests"]),
        ("flood", []),
        ("report", []),  # every mention's title is "Report by ...": titles are not searched
        (None, ["fire", "arrests"]),
    ],
)
def test_timeline_about_keeps_entries_mentioning_every_word(about, kept) -> None:
    from _timeline_build import source

    mentions = [
        mention("a", cluster="arrests", when="2025-08-12", place="Patras",
                targets=("two men",), sources=(source("Meridian News Agency"),)),
        mention("b", cluster="fire", type="ASSAULT", trigger="burned", text="burned forest",
                when="2025-08-11", place="Patras"),
    ]  # fmt: skip
    assert [e.id for e in build_timeline(mentions, about=about).entries] == kept


@pytest.mark.parametrize(
    ("date_from", "date_to", "kept"),
    [
        (date(2025, 8, 12), None, ["month", "range", "late"]),
        (None, date(2025, 8, 11), ["month", "early", "range"]),
        (date(2025, 8, 12), date(2025, 8, 12), ["month", "range"]),
        (date(2025, 9, 1), None, []),
    ],
)
def test_timeline_window_keeps_entries_that_can_fall_in_it(date_from, date_to, kept) -> None:
    mentions = [
        mention("a", cluster="early", when="2025-08-10"),
        mention("b", cluster="range", when="2025-08-11"),
        mention("c", cluster="range", when="2025-08-12"),
        mention("d", cluster="month", when="2025-08"),
        mention("e", cluster="late", when="2025-08-14"),
        mention("f", cluster="undated", when=None, published=None),
    ]
    timeline = build_timeline(mentions, date_from=date_from, date_to=date_to)
    assert [e.id for e in timeline.entries] == kept
    assert (timeline.date_from, timeline.date_to) == (date_from, date_to)


def test_timeline_inverted_window_is_a_coded_error() -> None:
    with pytest.raises(InputError) as caught:
        build_timeline([], date_from=date(2025, 8, 13), date_to=date(2025, 8, 11))
    assert caught.value.code == "DL240"
    assert "--from 2025-08-13 is after --to 2025-08-11" in str(caught.value)


def test_timeline_of_no_mentions_is_empty() -> None:
    timeline = build_timeline([])
    assert (timeline.entries, timeline.contradictions, timeline.figures) == ([], [], [])
