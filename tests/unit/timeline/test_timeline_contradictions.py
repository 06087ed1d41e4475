"""Contradictions: occurrence against denial, stated days, figures on the same day."""

from __future__ import annotations

from datetime import date

import pytest
from _timeline_build import figure, mention, source

from dateline.records import Source
from dateline.timeline import build_timeline


def test_timeline_denial_of_a_reported_event_is_an_occurrence_contradiction() -> None:
    timeline = build_timeline(
        [
            mention(
                "post",
                outlet="Patras Post",
                modality="reported",
                sources=(source("Meridian News Agency"),),
            ),
            mention(
                "ledger",
                outlet="Northern Ledger",
                modality="reported",
                sources=(source("Meridian News Agency"),),
            ),
            mention(
                "radio",
                outlet="Radio Achaia",
                published="2025-08-13",
                polarity="negative",
                modality="negated",
                sources=(source("Citizen Protection Ministry"),),
            ),
        ]  # fmt: skip
    )
    (contradiction,) = timeline.contradictions
    assert contradiction.model_dump() == {
        "id": "C1",
        "kind": "occurrence",
        "explanation": "reported by Northern Ledger and Patras Post citing Meridian News Agency; "
        "denied by Radio Achaia citing Citizen Protection Ministry",
        "entries": ["c1"],
        "mentions": ["ledger/EV1", "post/EV1", "radio/EV1"],
    }
    assert timeline.entries[0].contradictions == ["C1"]


def test_timeline_denial_of_a_hypothetical_is_no_contradiction() -> None:
    timeline = build_timeline(
        [
            mention("a", modality="hypothetical"),
            mention("b", polarity="negative", modality="negated"),
        ]
    )
    assert timeline.contradictions == []


def test_timeline_stated_days_that_disagree_are_a_date_contradiction() -> None:
    timeline = build_timeline(
        [
            mention("post", outlet="Patras Post", when="2025-08-11"),
            mention("ledger", outlet="Northern Ledger", when="2025-08-12", when_source="sentence"),
        ]
    )
    (contradiction,) = timeline.contradictions
    assert contradiction.kind == "date"
    assert contradiction.explanation == (
        "reports give different days: 2025-08-11 (Patras Post), 2025-08-12 (Northern Ledger)"
    )
    assert contradiction.mentions == ["post/EV1", "ledger/EV1"]


def test_timeline_earlier_report_cannot_contradict_a_later_day() -> None:
    # Published on the 11th about the 11th, and on the 12th about the 12th: an event that
    # went on, not two dates for one happening.
    timeline = build_timeline(
        [
            mention("a", published="2025-08-11", when="2025-08-11"),
            mention("b", published="2025-08-12", when="2025-08-12"),
        ]
    )
    assert timeline.contradictions == []


def test_timeline_narrative_and_publication_dates_do_not_contradict() -> None:
    timeline = build_timeline(
        [
            mention("a", when="2025-08-11"),
            mention("b", when="2025-08-10", when_source="narrative"),
            mention("c", when="2025-08-12", when_source="publication"),
        ]
    )
    assert timeline.contradictions == []


def _evacuated(article: str, text: str, day: str, outlet: str, **values) -> object:
    return mention(
        article, cluster=f"evac-{article}", outlet=outlet, type="AID", trigger="evacuated",
        when=day, quantities=(figure(text, "residents", **values),),
    )  # fmt: skip


def test_timeline_figures_for_one_thing_on_one_day_that_cannot_both_hold() -> None:
    timeline = build_timeline(
        [
            _evacuated("post", "About 2,000", "2025-08-12", "Patras Post", value=2000, approx=True),
            _evacuated("ledger", "1,200", "2025-08-12", "Northern Ledger", value=1200),
        ]  # fmt: skip
    )
    (contradiction,) = timeline.contradictions
    assert contradiction.model_dump() == {
        "id": "C1",
        "kind": "figure",
        "explanation": "figures for residents evacuated on 2025-08-12 disagree: "
        "1,200 (Northern Ledger), About 2,000 (Patras Post)",
        "entries": ["evac-ledger", "evac-post"],
        "mentions": ["ledger/EV1", "post/EV1"],
    }
    assert [e.contradictions for e in timeline.entries] == [["C1"], ["C1"]]


def test_timeline_figures_that_can_both_hold_are_no_contradiction() -> None:
    timeline = build_timeline(
        [
            _evacuated("a", "over 100", "2025-08-12", "A", value=100, min=100, approx=True),
            _evacuated("b", "about 2,000", "2025-08-12", "B", value=2000, approx=True),
            _evacuated("c", "2,150", "2025-08-12", "C", value=2150),
            _evacuated("d", "up to 2,500", "2025-08-12", "D", value=2500, max=2500),
        ]
    )
    assert timeline.contradictions == []


def test_timeline_figures_on_different_days_are_a_revision_not_a_contradiction() -> None:
    timeline = build_timeline(
        [
            _evacuated("a", "about 2,000", "2025-08-12", "A", value=2000, approx=True),
            _evacuated("b", "1,200", "2025-08-11", "B", value=1200),
        ]
    )
    assert timeline.contradictions == []
    assert [p.text for p in timeline.figures[0].points] == ["1,200", "about 2,000"]


def test_timeline_contradiction_ids_follow_entry_order_then_figures() -> None:
    timeline = build_timeline(
        [
            mention("x", cluster="arrests", when="2025-08-11"),
            mention(
                "y", cluster="arrests", when="2025-08-12", polarity="negative", modality="negated"
            ),
            mention("z", cluster="arrests", when="2025-08-12"),
            _evacuated("post", "about 2,000", "2025-08-12", "Patras Post", value=2000, approx=True),
            _evacuated("ledger", "1,200", "2025-08-12", "Northern Ledger", value=1200),
        ]  # fmt: skip
    )
    assert [(c.id, c.kind) for c in timeline.contradictions] == [
        ("C1", "occurrence"),
        ("C2", "date"),
        ("C3", "figure"),
    ]


def test_timeline_contradictions_compare_reports_of_one_kind_only() -> None:
    timeline = build_timeline(
        [
            mention("a", type="AID", trigger="evacuated", when="2025-08-11"),
            mention("b", when="2025-08-12"),
            mention("c", type="COERCE", polarity="negative", modality="negated"),
            mention("d", type="MOBILIZE", alt_type="COERCE", when="2025-08-12"),
        ]
    )
    assert [(c.kind, c.mentions) for c in timeline.contradictions] == [
        ("occurrence", ["b/EV1", "d/EV1", "c/EV1"]),
    ]


def test_timeline_source_that_denies_what_it_reports_is_a_denial() -> None:
    denied = Source(name="Defence Ministry", kind="named", cue="denied")
    timeline = build_timeline(
        [
            mention("a", outlet="A", type="ASSAULT", trigger="shelled"),
            mention(
                "b",
                outlet="B",
                type="ASSAULT",
                trigger="shelled",
                modality="reported",
                sources=(denied,),
            ),
        ]  # fmt: skip
    )
    (entry,) = timeline.entries
    assert [m.denies for m in entry.mentions] == [False, True]
    assert entry.corroboration.outlets == ["A"]
    assert [(c.kind, c.explanation) for c in timeline.contradictions] == [
        ("occurrence", "reported by A; denied by B citing Defence Ministry"),
    ]


def test_timeline_later_report_of_another_figure_for_a_day_is_a_revision() -> None:
    timeline = build_timeline(
        [
            mention(
                "a",
                cluster="toll",
                published="2025-08-11",
                type="ASSAULT",
                trigger="killed",
                when="2025-08-11",
                quantities=(figure("12", "people", value=12),),
            ),
            mention(
                "b",
                cluster="toll",
                published="2025-08-13",
                type="ASSAULT",
                trigger="killed",
                when="2025-08-11",
                quantities=(figure("15", "people", value=15),),
            ),
        ]  # fmt: skip
    )
    assert timeline.contradictions == []
    assert [(p.date, p.published, p.text) for p in timeline.figures[0].points] == [
        (date(2025, 8, 11), date(2025, 8, 11), "12"),
        (date(2025, 8, 11), date(2025, 8, 13), "15"),
    ]


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        ("2025-08-11TNI", "2025-08-12TMO", False),  # late Monday night, early Tuesday morning
        ("2025-08-11TEV", "2025-08-12TMO", False),
        ("2025-08-11TNI", "2025-08-12", True),  # Monday night against Tuesday
        ("2025-08-11TMO", "2025-08-12TMO", True),
        ("2025-08-10TNI", "2025-08-12TMO", True),
    ],
)
def test_timeline_days_one_apart_across_midnight_agree(first: str, second: str, clash: bool):
    reports = [
        mention("a", cluster="c", when=first, published="2025-08-13"),
        mention("b", cluster="c", when=second, published="2025-08-13"),
    ]
    kinds = [c.kind for c in build_timeline(reports).contradictions]
    assert kinds == (["date"] if clash else [])
