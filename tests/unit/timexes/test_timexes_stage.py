"""The stage on short texts with a blank spaCy Doc: extents, roles, anchors, narrative."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.config import TimexSettings
from dateline.records import Article
from dateline.stages.timexes import extract_timexes


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _run(blank, text, published=date(2024, 9, 14), **settings):
    article = Article(text=text, published=published)
    return extract_timexes(article=article, doc=blank(text), sentences=[],
                           settings=TimexSettings(**settings))


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("It happened on August 7.", "August 7"),
        ("They met the next day.", "the next day"),
        ("Prices rose over the past two months.", "the past two months"),
        ("She left last week.", "last week"),
        ("It was announced on Friday, August 9, in the capital.", "Friday, August 9"),
        ("Troops advanced since the start of August 14.", "the start of August 14"),
    ],
)
def test_timexes_stage_extent_excludes_preposition(blank, text, extent):
    assert [t.text for t in _run(blank, text)] == [extent]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("They must leave by October 1, 2024.", "deadline"),
        ("Fighting has continued since August 6.", "since"),
        ("The curfew lasts until Friday.", "until"),
        ("The vote was held on August 6.", "point"),
    ],
)
def test_timexes_stage_role_from_preposition(blank, text, role):
    assert [t.role for t in _run(blank, text)] == [role]


def test_timexes_stage_narrative_anchor_follows_latest_day(blank):
    text = ("On August 7, talks began. On the same day, shelling resumed. "
            "On September 13, a report came out. In August 2024, numbers rose. "
            "On the same day, a statement followed. That evening, it rained.")
    found = [(t.text, t.value, t.anchor_source) for t in _run(blank, text)]
    assert found == [
        ("August 7", "2024-08-07", "publication"),
        ("the same day", "2024-08-07", "narrative"),
        ("September 13", "2024-09-13", "publication"),
        ("August 2024", "2024-08", "none"),
        ("the same day", "2024-09-13", "narrative"),
        ("That evening", "2024-09-13TEV", "narrative"),
    ]


def test_timexes_stage_deadline_does_not_move_narrative(blank):
    text = "On August 20, he ordered a pullout by October 1, 2024. The next day, troops moved."
    values = [t.value for t in _run(blank, text)]
    assert values == ["2024-08-20", "2024-10-01", "2024-08-21"]


def test_timexes_stage_narrative_anchoring_can_be_switched_off(blank):
    text = "On August 7, talks began. The next day, shelling resumed."
    found = _run(blank, text, narrative_anchoring=False)
    assert [(t.value, t.anchor_source) for t in found] == [
        ("2024-08-07", "publication"), ("2024-09-15", "publication")]


def test_timexes_stage_year_earlier_keeps_quarter(blank):
    text = "Profit rose in the third quarter. A year earlier, it had fallen."
    found = [(t.text, t.value) for t in _run(blank, text, published=date(1989, 10, 26))]
    assert found == [("the third quarter", "1989-Q3"), ("A year earlier", "1988-Q3")]


def test_timexes_stage_without_publication_date(blank):
    text = "On August 7, 2024, talks began; yesterday they ended and on August 9 resumed."
    found = [(t.text, t.value, t.anchor_source) for t in _run(blank, text, published=None)]
    assert found == [("August 7, 2024", "2024-08-07", "none"), ("yesterday", None, "none"),
                     ("August 9", None, "none")]


@pytest.mark.parametrize(
    "text",
    ["He may go.", "They march on.", "A second attack came.", "The 42-year-old man left.",
     "Leaves fall in the park."],
)
def test_timexes_stage_ignores_lookalikes(blank, text):
    assert _run(blank, text) == []


def test_timexes_stage_records_are_well_formed(blank):
    text = "Yesterday, about 3-4 months after the event, they met every week."
    found = _run(blank, text)
    assert [t.id for t in found] == [f"T{i}" for i in range(1, len(found) + 1)]
    assert all(text[t.span[0]:t.span[1]] == t.text for t in found)
    assert all(t.stage == "timexes@1" for t in found)
