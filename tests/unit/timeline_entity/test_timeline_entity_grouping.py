"""Grouping: mentions of one happening across articles share a row."""

from __future__ import annotations

CANCEL_A = (
    "2024-06-10",
    "Northwind Air cancelled its flights to Oslo because of a strike.",
)
CANCEL_B = (
    "2024-06-10",
    "Because of the strike, Northwind Air cancelled its flights to Oslo, the carrier's "
    "spokesman told reporters.",
)
LATER = ("2024-06-12", "Northwind Air resumed its flights to Oslo.")


def test_timeline_entity_groups_one_happening_across_articles(build_timeline):
    rows = build_timeline([CANCEL_A, CANCEL_B, LATER], "Northwind Air")
    cancelled = [row for row in rows if row.lemma == "cancel"]
    assert len(cancelled) == 1
    assert cancelled[0].date == "2024-06-10"
    assert len(cancelled[0].mentions) == 2
    assert len({m.article_id for m in cancelled[0].mentions}) == 2
    assert cancelled[0].cluster is not None
    assert {m.cluster for m in cancelled[0].mentions} == {cancelled[0].cluster}


def test_timeline_entity_later_happening_gets_a_later_position(build_timeline):
    rows = build_timeline([LATER, CANCEL_A], "Northwind Air")
    positions = {row.lemma: row.position for row in rows}
    assert positions["cancel"] == 1
    assert positions["resume"] == 2


def test_timeline_entity_rows_do_not_depend_on_article_order(build_timeline):
    forward = build_timeline([CANCEL_A, CANCEL_B, LATER], "Northwind Air")
    backward = build_timeline([LATER, CANCEL_B, CANCEL_A], "Northwind Air")
    assert forward == backward
