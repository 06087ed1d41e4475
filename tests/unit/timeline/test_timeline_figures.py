"""Figure series: the same counted thing reported over time."""

from __future__ import annotations

from datetime import date

from _timeline_build import figure, mention, source

from dateline.timeline import build_timeline


def _report(article, outlet, published, day, quantity, *, sources=(), cluster="evac", **kw):
    return mention(
        article, outlet=outlet, published=published, when=day, cluster=cluster, type="AID",
        trigger="evacuated", quantities=(quantity,), sources=sources, **kw,
    )  # fmt: skip


def test_timeline_series_of_a_revised_figure_oldest_first() -> None:
    fire = (source("the fire service"),)
    timeline = build_timeline(
        [
            _report(
                "radio",
                "Radio Achaia",
                "2025-08-13",
                "2025-08-13",
                figure("about 2,500", "residents", value=2500, approx=True),
                sources=fire,
            ),
            _report(
                "daily",
                "Aegean Daily",
                "2025-08-11",
                "2025-08-11",
                figure("over 100", "residents", value=100, min=100, approx=True),
                sources=fire,
                cluster="monday",
            ),
            _report(
                "post",
                "Patras Post",
                "2025-08-12",
                None,
                figure("About 2,000", "Residents", value=2000, approx=True),
            ),
        ]  # fmt: skip
    )
    (series,) = timeline.figures
    assert (series.id, series.label, series.counted, series.type, series.unit) == (
        "F1", "residents evacuated", "residents", "AID", None,
    )  # fmt: skip
    assert [
        (p.date, p.text, p.value, p.min, p.approx, p.outlet, p.source, p.entry)
        for p in series.points
    ] == [
        (date(2025, 8, 11), "over 100", 100, 100, True, "Aegean Daily", "the fire service",
         "monday"),
        (date(2025, 8, 12), "About 2,000", 2000, None, True, "Patras Post", "Patras Post",
         "evac"),
        (date(2025, 8, 13), "about 2,500", 2500, None, True, "Radio Achaia",
         "the fire service", "evac"),
    ]  # fmt: skip
    assert {e.id: e.figures for e in timeline.entries} == {"monday": ["F1"], "evac": ["F1"]}


def test_timeline_series_needs_two_reports_and_a_counted_noun() -> None:
    timeline = build_timeline(
        [
            _report("a", "A", "2025-08-11", "2025-08-11", figure("two", "men", value=2)),
            _report(
                "b", "B", "2025-08-12", "2025-08-12", figure("5 million euros", None, value=5e6)
            ),
            _report(
                "c", "C", "2025-08-12", "2025-08-12", figure("3 million euros", None, value=3e6)
            ),
        ]  # fmt: skip
    )
    assert timeline.figures == []


def test_timeline_series_keeps_one_point_per_article_day_and_value() -> None:
    timeline = build_timeline(
        [
            _report("a", "A", "2025-08-12", "2025-08-12", figure("1,200", "residents", value=1200)),
            _report(
                "a",
                "A",
                "2025-08-12",
                "2025-08-12",
                figure("1,200", "residents", value=1200),
                event="EV7",
            ),
            _report("b", "B", "2025-08-12", "2025-08-12", figure("1,200", "residents", value=1200)),
        ]  # fmt: skip
    )
    assert [p.mention_id for p in timeline.figures[0].points] == ["a/EV1", "b/EV1"]


def test_timeline_series_ignores_denials_and_other_event_types() -> None:
    timeline = build_timeline(
        [
            _report("a", "A", "2025-08-11", "2025-08-11", figure("two", "men", value=2)),
            _report(
                "b",
                "B",
                "2025-08-12",
                "2025-08-12",
                figure("two", "men", value=2),
                polarity="negative",
                modality="negated",
            ),
            mention(
                "c", type="COERCE", when="2025-08-12", quantities=(figure("three", "men", value=3),)
            ),
        ]  # fmt: skip
    )
    assert timeline.figures == []


def test_timeline_figure_date_falls_back_to_publication() -> None:
    timeline = build_timeline(
        [
            _report("a", "A", "2025-08-11", "2025-08", figure("two", "men", value=2)),
            _report("b", "B", "2025-08-12", None, figure("three", "men", value=3)),
        ]
    )
    assert [p.date for p in timeline.figures[0].points] == [date(2025, 8, 11), date(2025, 8, 12)]
