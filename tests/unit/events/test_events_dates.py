"""Event dates: clause, sentence, narrative reference date; deadlines kept apart."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger, timex

from dateline.api import extract


def test_deadline_goes_to_deadline_not_date(run_events):
    text = "On May 3, the president ordered the army to push the rebels out of the city by June 1."
    timexes = [
        timex(text, "May 3", "2023-05-03"),
        timex(text, "June 1", "2023-06-01", role="deadline", n=2),
    ]
    # One event: the order and its pushing complement are one clause.
    (event,) = run_events(text, timexes=timexes)
    assert event.trigger == "ordered"
    assert event.date.value == "2023-05-03"
    assert event.deadline.value == "2023-06-01"


def test_clause_timex_beats_sentence_timex(run_events):
    text = "On May 20 it became known that in April the rebels submitted 40 appeals to the court."
    timexes = [timex(text, "May 20", "2023-05-20"), timex(text, "April", "2023-04", n=2)]
    event = by_trigger(run_events(text, timexes=timexes), "submitted")
    assert (event.date.value, event.date.source) == ("2023-04", "clause")


def test_sentence_timex_when_clause_has_none(run_events):
    text = "On May 20, officials said that the rebels had captured the airport."
    event = by_trigger(run_events(text, timexes=[timex(text, "May 20", "2023-05-20")]), "captured")
    assert (event.date.value, event.date.source) == ("2023-05-20", "sentence")


def test_narrative_date_is_inherited_from_the_latest_day_precise_timex(run_events):
    text = (
        "On May 2, the rebels captured the airport.\n"
        "In May the army was weak.\n"
        "The army retreated to the hills."
    )
    timexes = [timex(text, "May 2", "2023-05-02"), timex(text, "May", "2023-05", n=2)]
    # "In May" is month-precise: the narrative date stays May 2 for the last sentence.
    text_events = run_events(text, timexes=timexes)
    event = by_trigger(text_events, "retreated")
    assert (event.date.value, event.date.source) == ("2023-05-02", "narrative")


def test_undated_event_without_any_timex(run_events):
    (event,) = run_events("The army retreated to the hills.")
    assert (event.date.value, event.date.source) == (None, "none")


def test_past_event_skips_a_later_sentence_timex(run_events):
    import datetime

    text = "The minister rejected the criticism and said an inquiry would start next week."
    timexes = [timex(text, "next week", "2023-W20")]
    events = run_events(text, published=datetime.date(2023, 5, 10), timexes=timexes)
    event = by_trigger(events, "rejected")
    assert event.date.value is None


def test_future_event_keeps_a_later_clause_timex(run_events):
    import datetime

    text = "The two ministers will meet next week."
    timexes = [timex(text, "next week", "2023-W20")]
    events = run_events(text, published=datetime.date(2023, 5, 10), timexes=timexes)
    assert by_trigger(events, "meet").date.value == "2023-W20"


@pytest.mark.parametrize(
    ("value", "start"),
    [
        ("2023-05-10", "2023-05-10"),
        ("2023-05-10T14:00", "2023-05-10"),
        ("2023-05", "2023-05-01"),
        ("2023-W19", "2023-05-08"),
        ("2023", "2023-01-01"),
        ("2023-SU", None),
    ],
)
def test_period_start(value, start):
    from dateline.stages.events import _period_start

    got = _period_start(value)
    assert (got.isoformat() if got else None) == start


@pytest.mark.issue(8)
def test_narrative_date_reaches_only_a_few_sentences(run_events):
    text = (
        "On May 2, the rebels captured the airport.\n"
        "The army retreated to the hills.\n"
        "The port was quiet. Ships waited. Trade slowed.\n"
        "The rebels attacked the port."
    )
    events = run_events(text, timexes=[timex(text, "May 2", "2023-05-02")])
    near, far = by_trigger(events, "retreated"), by_trigger(events, "attacked")
    assert (near.date.value, near.date.source) == ("2023-05-02", "narrative")
    # Four sentences on, the story has moved: the date stays open.
    assert (far.date.value, far.date.source) == (None, "none")


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        # A date in another event's relative clause does not date the sentence's events.
        ("The airline signed a contract with pilots who had gone on strike in early March.",
         "signed", None),
        ("The airline signed a contract with pilots who had gone on strike in early March.",
         "strike", "2025-03"),
        # A past event is not dated after publication, even by a date in its own clause.
        ("Supporters had queued outside the arena where the governor was due to speak "
         "before next Tuesday's vote.", "queued", None),
    ],
)  # fmt: skip
def test_event_date_stays_with_its_own_clause(text, trigger, value):
    # The event is the innermost one whose span holds the word: which word of "gone on
    # strike" is the trigger is the classifier's choice; its date is what is tested here.
    at = text.index(trigger)
    events = extract(text, published="2025-05-28").events
    covering = [e for e in events if e.span[0] <= at < e.span[1]]
    assert covering, f"no event covers {trigger!r}: {[e.trigger for e in events]}"
    event = min(covering, key=lambda e: e.span[1] - e.span[0])  # the innermost clause
    assert (event.date.value if event.date else None) == value
