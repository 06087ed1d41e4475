"""Quantities inside the event clause are attached; others are not."""

from __future__ import annotations

from _events_helpers import by_trigger, quantity


def test_quantity_in_clause_is_attached(run_events):
    text = "The army has captured over 100 soldiers, and 30 villages remain empty."
    quantities = [
        quantity(text, "over 100", min=100.0, approx=True, counted="soldiers"),
        quantity(text, "30", value=30.0),
    ]
    event = by_trigger(run_events(text, quantities=quantities), "captured")
    assert [q.text for q in event.quantities] == ["over 100"]


def test_quantity_outside_event_span_is_not_attached(run_events):
    text = "Some 300 people watched as the army retreated to the hills."
    event = by_trigger(
        run_events(text, quantities=[quantity(text, "300", value=300.0)]), "retreated"
    )
    assert event.quantities == []
