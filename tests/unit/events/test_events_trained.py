"""The trained variant of the events stage: what the classifier must and must not call an
event, disasters without an actor, PLOVER mode and context, and the variant setting."""

from __future__ import annotations

import pytest

from dateline.api import extract
from dateline.config import EventSettings
from dateline.errors import PipelineError
from dateline.records import Article
from dateline.stages.events import extract_events
from dateline.stages.parse import split_sentences


@pytest.fixture(scope="module")
def run(nlp):
    def run_variant(text: str, variant: str = "trained", model: str = ""):
        article = Article(id="a", text=text)
        doc = nlp(text)
        return extract_events(
            article=article,
            doc=doc,
            sentences=split_sentences(article, doc),
            timexes=[],
            quantities=[],
            entities=[],
            places=[],
            claims=[],
            settings=EventSettings(variant=variant, model=model),
        )

    return run_variant


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    "text",
    [
        "Apple will ask $1,099 for the phone when it goes on sale.",
        "The fabric supports heavier loads than cotton.",
    ],
)
def test_events_trained_non_political_sense_is_no_event(text: str) -> None:
    # Through the whole pipeline: the classifier reads the entity records the earlier
    # stages give ("Apple" is an organisation, not a party to a demand).
    assert extract(text, published="2025-03-03").events == []


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("Rebels attacked an army base near the border on Sunday.", "attacked", "ASSAULT"),
        ("Police arrested two men outside the stadium.", "arrested", "COERCE"),
        ("The minister condemned the bombing of the hospital.", "condemned", "DISAPPROVE"),
        ("Thousands of nurses marched to parliament.", "marched", "PROTEST"),
    ],
)
def test_events_trained_types_political_events(
    run, text: str, trigger: str, event_type: str
) -> None:
    events = run(text)
    assert [(e.trigger.split()[0], e.type) for e in events][:1] == [(trigger, event_type)]


@pytest.mark.issue(8)
def test_events_trained_disaster_has_no_actor_and_context_disasters(run) -> None:
    events = run("The earthquake destroyed hundreds of homes in the valley.")
    assert len(events) == 1
    (event,) = events
    assert event.type == "OTHER"
    assert event.actors == []
    assert event.context[0] == "disasters"


@pytest.mark.issue(8)
def test_events_trained_death_without_actor_befalls_its_subject(run) -> None:
    events = run("Two miners died after the tunnel flooded.")
    died = next(e for e in events if e.trigger == "died")
    assert (died.type, died.actors, died.context[:1]) == ("OTHER", [], ["disasters"])
    assert [t.name for t in died.targets] == ["Two miners"]


@pytest.mark.issue(8)
def test_events_trained_mode_from_clause_cues(run) -> None:
    (event,) = run("Gunmen shot three police officers at a checkpoint.")
    assert (event.type, event.mode) == ("ASSAULT", "firearms")


def test_events_variant_lexicon_is_the_previous_design(run) -> None:
    # "spray" is not in the trigger lexicon: only the trained variant finds it.
    text = "Gunmen sprayed the crowd with bullets."
    assert run(text, variant="lexicon") == []
    assert [e.trigger for e in run(text)] == ["sprayed"]


def test_events_missing_model_file_is_a_coded_error(run, tmp_path) -> None:
    with pytest.raises(PipelineError, match="DL111"):
        run("Rebels attacked a base.", model=str(tmp_path / "missing.npz"))
