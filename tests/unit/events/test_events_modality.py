"""Modality from local cues: intention, future in a report, negation; unrealised events
take no narrative date; an outlet-default claim yields to the clause's own cues."""

from __future__ import annotations

import datetime

import pytest
from _events_helpers import by_trigger, claim, timex

from dateline.api import extract
from dateline.records import Attribution, Source
from dateline.stages.events import _local_modality


@pytest.mark.parametrize(
    ("text", "trigger", "modality", "polarity"),
    [
        (
            "The agency intends to finish inspecting every dam.",
            "inspecting",
            "intended",
            "positive",
        ),
        # A future act its doer announces is intended (the event guide: "will" = intended).
        ("The mayor said the city would cut its water quota.", "cut", "intended", "positive"),
        ("The city will cut its water quota.", "cut", "intended", "positive"),
        ("The city would cut its water quota in a drought.", "cut", "hypothetical", "positive"),
        ("The ministry did not intend to give up its claim.", "give", "negated", "negative"),
        ("The ministry did not say when the flights resume.", "say", "negated", "negative"),
    ],
)
def test_local_modality(run_events, text, trigger, modality, polarity):
    event = by_trigger(run_events(text), trigger)
    assert (event.modality, event.polarity) == (modality, polarity)


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("The agency intends to lift the curfew.", "lift", "intended"),
        ("The union did not give up its demand.", "give", "negated"),
    ],
)
def test_outlet_default_claim_yields_to_local_cues(run_events, text, trigger, modality):
    outlet = Attribution(sources=[Source(name="the article", kind="outlet")])
    claims = [claim(text, text.rstrip("."), attribution=outlet, modality="asserted")]
    event = by_trigger(run_events(text, claims=claims), trigger)
    assert event.modality == modality


def test_unrealised_event_takes_no_narrative_date(run_events):
    text = "On May 2, the river burst its banks.\nThe agency intends to lift the curfew."
    timexes = [timex(text, "May 2", "2023-05-02")]
    event = by_trigger(run_events(text, timexes=timexes), "lift")
    assert (event.date.value, event.date.source) == (None, "none")


def test_realised_event_keeps_narrative_date(run_events):
    text = "On May 2, the river burst its banks.\nThe agency lifted the curfew."
    timexes = [timex(text, "May 2", "2023-05-02")]
    event = by_trigger(run_events(text, timexes=timexes), "lifted")
    assert (event.date.value, event.date.source) == ("2023-05-02", "narrative")


def test_narrative_date_skips_days_after_publication(run_events):
    text = "On May 2, officials said the talks would begin on May 9.\nThe army retreated."
    timexes = [timex(text, "May 2", "2023-05-02"), timex(text, "May 9", "2023-05-09", n=2)]
    events = run_events(text, published=datetime.date(2023, 5, 3), timexes=timexes)
    event = by_trigger(events, "retreated")
    assert (event.date.value, event.date.source) == ("2023-05-02", "narrative")


def test_future_or_conditional_event_takes_no_narrative_date(run_events):
    text = "On May 2, the river burst its banks.\nThe agency said it would not lift the curfew."
    timexes = [timex(text, "May 2", "2023-05-02")]
    event = by_trigger(run_events(text, timexes=timexes), "lift")
    assert (event.date.value, event.polarity) == (None, "negative")


def test_future_of_a_natural_force_stays_predicted():
    # No doer announces it: a forecast, not an intention.
    events = extract("The storm will hit the coast on Monday.", published="2025-03-03").events
    assert [(e.trigger.split()[0], e.modality) for e in events] == [("hit", "predicted")]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # "forced them to flee" says they fled; "ordered them to flee" does not.
        ("The flood forced hundreds of villagers to leave their homes.", "asserted"),
        ("The governor ordered hundreds of villagers to leave their homes.", "ordered"),
    ],
)
def test_implicative_verb_asserts_its_complement(nlp, text, modality):
    leave = next(t for t in nlp(text) if t.lower_ == "leave")
    assert _local_modality(leave, negated=False) == modality
