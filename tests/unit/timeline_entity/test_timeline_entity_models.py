"""The trained components of entity timelines: the event-mention filter and the inclusion
scorer, on hand-written articles run through the real pipeline and the packaged weights."""

from __future__ import annotations

import pytest

from dateline import extract
from dateline.entity_timeline import (
    build_entity_timeline,
    event_filter,
    event_probabilities,
    find_anaphors,
    find_event_words,
    inclusion_probabilities,
    inclusion_scorer,
    timeline_candidates,
)
from dateline.errors import PipelineError

ORDER = (
    "Northwind Air has forty aircraft. Northwind Air ordered twelve jets from Calder "
    "Aerospace on Monday, a deal its chief called a milestone. The airline expects the "
    "first delivery in May."
)


@pytest.fixture(scope="module")
def article(nlp):
    extraction = extract(ORDER, "2024-03-06")
    doc = nlp(ORDER)
    return extraction, find_event_words(extraction, doc), find_anaphors(extraction, doc)


def _probability(words, text: str) -> float:
    return next(w.event_probability for w in words if w.text == text)


def test_timeline_entity_filter_scores_an_occurrence_above_a_possession(article):
    _, words, _ = article
    assert _probability(words, "ordered") > 0.9
    assert _probability(words, "has") < 0.5
    assert all(0.0 <= w.event_probability <= 1.0 for w in words)


def test_timeline_entity_filter_of_no_token_is_empty():
    assert event_probabilities([]) == []


def test_timeline_entity_filter_threshold_leaves_out_words_below_it(article):
    extraction, words, anaphors = article
    kept = build_entity_timeline([extraction], words, "Northwind Air", anaphors=anaphors)
    assert "has" in {m.text for row in kept for m in row.mentions}
    filtered = build_entity_timeline(
        [extraction], words, "Northwind Air", anaphors=anaphors, min_event_probability=0.5
    )
    assert {m.text for row in filtered for m in row.mentions} == {"ordered"}


def test_timeline_entity_candidates_carry_role_and_date(article):
    extraction, words, anaphors = article
    found = {
        c.word.text: (c.role, c.date, c.pronoun)
        for c in timeline_candidates([extraction], words, "Northwind Air", anaphors=anaphors)
    }
    assert found == {
        "has": ("subject", "2024-03-06", False),
        "ordered": ("subject", "2024-03-04", False),
        "jets": ("oblique", "2024-03-04", False),
    }


def test_timeline_entity_sentence_mates_are_candidates_without_a_role(article):
    extraction, words, anaphors = article
    found = timeline_candidates(
        [extraction], words, "Northwind Air", anaphors=anaphors, sentence_mates=True
    )
    mates = {c.word.text for c in found if c.role == "none"}
    assert mates == {"deal", "called", "milestone"}


def test_timeline_entity_inclusion_probabilities_follow_the_candidates(article):
    extraction, words, anaphors = article
    candidates = timeline_candidates([extraction], words, "Northwind Air", anaphors=anaphors)
    probabilities = inclusion_probabilities(candidates, {extraction.article.id: extraction})
    assert len(probabilities) == len(candidates) == 3
    assert all(0.0 < p < 1.0 for p in probabilities)
    assert inclusion_probabilities([], {}) == []


def test_timeline_entity_inclusion_threshold_above_every_candidate_empties_it(article):
    extraction, words, anaphors = article
    rows = build_entity_timeline(
        [extraction], words, "Northwind Air", anaphors=anaphors, min_inclusion=1.0
    )
    assert rows == []


@pytest.mark.parametrize("load", [event_filter, inclusion_scorer])
def test_timeline_entity_model_missing_file_is_a_coded_error(load, tmp_path):
    with pytest.raises(PipelineError) as caught:
        load(str(tmp_path / "absent.npz"))
    assert caught.value.code == "DL252"


@pytest.mark.parametrize("load", [event_filter, inclusion_scorer])
def test_timeline_entity_packaged_models_are_binary(load):
    model = load()
    assert len(model.labels) == 2
    assert model.weights.shape == (len(model.vocabulary), 2)
