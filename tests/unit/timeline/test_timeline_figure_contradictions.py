"""Figure series and figure contradictions across differently worded reports of one count."""

from __future__ import annotations

from datetime import date

from _timeline_build import mention, source

from dateline.records import Quantity
from dateline.timeline import build_timeline


def _report(article: str, text: str, number: str, *, counted: str | None, trigger: str,
            published: str = "2025-10-15", when: str | None = None, cluster: str = "c1",
            who: str | None = None, event: str = "EV1", **values):  # fmt: skip
    start = text.index(number)
    quantity = Quantity(
        id="Q1", article_id=article, span=(start, start + len(number)),
        stage="quantities@test", text=number, counted=counted, **values,
    )  # fmt: skip
    return mention(
        article, event, text=text, trigger=trigger, published=published, when=when,
        cluster=cluster, type="ASSAULT", quantities=(quantity,),
        sources=(source(who),) if who else (),
    )  # fmt: skip


def test_timeline_killed_dead_and_toll_form_one_series_and_disagree() -> None:
    timeline = build_timeline(
        [
            _report("nb", "Seven people were killed when the dam failed", "Seven",
                    counted="people", trigger="killed", who="the governor", value=7),
            _report("radio", "put the toll at twelve dead", "twelve", counted=None,
                    trigger="put", who="Red Cross", cluster="c2", value=12),
            _report("gazette", "The number of people killed has risen to 15", "15",
                    counted=None, trigger="risen", published="2025-10-17", cluster="c3",
                    value=15),
        ]
    )  # fmt: skip
    (series,) = timeline.figures
    assert (series.label, series.counted) == ("people killed", "people")
    assert [(p.date, p.text, p.value) for p in series.points] == [
        (date(2025, 10, 15), "Seven", 7), (date(2025, 10, 15), "twelve", 12),
        (date(2025, 10, 17), "15", 15),
    ]  # fmt: skip
    (contradiction,) = timeline.contradictions
    assert contradiction.kind == "figure"
    assert contradiction.explanation == (
        "figures for people killed on 2025-10-15 disagree: Seven (Nb, the governor), "
        "twelve (Radio, Red Cross)"
    )


def test_timeline_at_least_and_ranges_bound_the_figures() -> None:
    def toll(article: str, number: str, **values):
        return _report(article, f"killing {number} people", number, counted="people",
                       trigger="killing", who=article, **values)  # fmt: skip

    agreeing = build_timeline(
        [toll("a", "at least four", value=4, min=4), toll("b", "seven", value=7)]
    )
    assert agreeing.contradictions == []
    clashing = build_timeline(
        [toll("a", "at least four", value=4, min=4), toll("b", "three", value=3)]
    )
    assert [c.kind for c in clashing.contradictions] == ["figure"]
    ranged = build_timeline(
        [toll("a", "between 20 and 30", min=20, max=30), toll("b", "45", value=45)]
    )
    assert [c.kind for c in ranged.contradictions] == ["figure"]


def test_timeline_two_figures_of_one_source_in_one_article_never_contradict() -> None:
    text = "killing two soldiers and three civilians"
    soldiers = _report("a", text, "two", counted="civilians", trigger="killing", who="army",
                       value=2)  # fmt: skip
    civilians = _report("a", text, "three", counted="civilians", trigger="killing", who="army",
                        event="EV2", value=3)  # fmt: skip
    assert build_timeline([soldiers, civilians]).contradictions == []


def test_timeline_a_figure_dated_in_another_year_joins_no_series_of_the_news() -> None:
    old = _report("a", "A flood in 2019 killed 40 people", "40", counted="people",
                  trigger="killed", when="2019", value=40)  # fmt: skip
    new = [
        _report(article, f"{n} people were killed", n, counted="people", trigger="killed",
                who=article, value=float(n))
        for article, n in (("b", "7"), ("c", "9"))
    ]  # fmt: skip
    timeline = build_timeline([old, *new])
    (series,) = timeline.figures
    assert [p.text for p in series.points] == ["7", "9"]
