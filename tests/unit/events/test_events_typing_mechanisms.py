"""Typing mechanisms of the trained variant: a light verb takes its nominal object's type,
a disaster response is no attack, lexicon senses whose pattern fails, the typing head."""

from __future__ import annotations

import numpy
import pytest

from dateline.config import EventSettings
from dateline.records import Article
from dateline.stages._event_model import EventModel, load_model, save_model
from dateline.stages.events import extract_events, featurise_candidates
from dateline.stages.parse import split_sentences
from tests.unit.events._events_helpers import by_trigger, place, timex


@pytest.fixture(scope="module")
def run(nlp):
    def run_trained(text: str, variant: str = "trained", **records):
        article = Article(id="a", text=text)
        doc = nlp(text)
        inputs = {"timexes": [], "quantities": [], "entities": [], "places": [], "claims": []}
        inputs.update(records)
        return extract_events(
            article=article,
            doc=doc,
            sentences=split_sentences(article, doc),
            settings=EventSettings(variant=variant),
            **inputs,
        )

    return run_trained


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        ("The embassy lodged a protest over the arrests.", "lodged", "PROTEST"),
    ],
)
def test_events_light_verb_takes_its_objects_type(run, text, trigger, type_) -> None:
    events = run(text)
    assert by_trigger(events, trigger).type == type_


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    "text",
    [
        "The council opened three schools to shelter families who had left their homes.",
        "Firefighters brought the blaze under control on Wednesday morning.",
        "Crews battled the blaze through the night.",
    ],
)
def test_events_sheltering_and_firefighting_are_no_assault(run, text) -> None:
    assert all(e.type != "ASSAULT" for e in run(text))


@pytest.mark.issue(8)
def test_events_lexicon_sense_whose_pattern_fails_is_a_feature(nlp) -> None:
    text = "The council opened three schools."
    article = Article(id="a", text=text)
    doc = nlp(text)
    tokens, feats = featurise_candidates(
        article=article,
        doc=doc,
        sentences=split_sentences(article, doc),
        timexes=[],
        quantities=[],
        entities=[],
        places=[],
        claims=[],
    )
    opened = feats[[t.text for t in tokens].index("opened")]
    assert "lexmiss=ASSAULT" in opened
    assert "lex=NONE" in opened


@pytest.mark.issue(8)
def test_events_date_is_the_day_of_a_timed_timex(run) -> None:
    text = "Rebels attacked the base on Monday morning."
    t = timex(text, "Monday morning", "2024-03-04TMO")
    (event,) = run(text, variant="lexicon", timexes=[t])
    assert event.date is not None
    assert event.date.value == "2024-03-04"
    assert event.date.timex_id == "T1"


@pytest.mark.issue(8)
def test_events_withdrawal_is_located_where_it_leaves(run) -> None:
    text = "The army withdrew from Kherson on Friday."
    (event,) = run(text, variant="lexicon", places=[place(text, "Kherson")])
    assert event.location is not None
    assert event.location.name == "Kherson"


@pytest.mark.issue(8)
def test_events_typing_head_round_trips_and_splits_event_from_type(tmp_path) -> None:
    labels = ("ASSAULT", "NONE", "PROTEST")
    model = EventModel(
        vocabulary={"a": 0, "b": 1},
        labels=labels,
        weights=numpy.array([[0.0, -2.0, 0.0], [0.0, 2.0, 0.0]], dtype="float32"),
        intercept=numpy.zeros(3, dtype="float32"),
        type_weights=numpy.array([[3.0, 0.0, 0.0], [0.0, 0.0, 3.0]], dtype="float32"),
        type_intercept=numpy.array([0.0, -1e4, 0.0], dtype="float32"),
    )
    path = tmp_path / "m.npz"
    save_model(path, model)
    loaded = load_model(str(path))
    probs = loaded.probabilities([["a"], ["b"]])
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)
    # "a": an event (P(NONE) low), typed ASSAULT by the typing head.
    assert probs[0, 1] < 0.2 and probs[0, 0] > probs[0, 2]
    # "b": no event.
    assert probs[1, 1] > 0.7
