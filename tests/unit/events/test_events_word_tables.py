"""The events stage's word tables (data/events/*.tsv): loaded by use, nested as the stage
needs, and read by the stage's rules."""

from __future__ import annotations

import pytest

from dateline.data import TABLES, load_rows, load_words
from dateline.stages import _event_features, events

VERB_USES = ("control", "intent", "aspectual", "carrier", "light", "scheduling", "death")


@pytest.mark.parametrize("use", [*VERB_USES, "casualty"])
def test_events_word_tables_every_verb_use_has_words(use: str) -> None:
    assert load_words("event_verbs", use)


def test_events_word_tables_aspectual_verbs_carry_and_carriers_are_light() -> None:
    assert events.ASPECTUAL_VERBS < events.CARRIER_VERBS < events.LIGHT_VERBS


def test_events_word_tables_intent_verbs_are_control_verbs() -> None:
    assert events.INTENT_VERBS <= events.CONTROL_VERBS


def test_events_word_tables_stage_reads_the_tables() -> None:
    assert "wage" in events.LIGHT_VERBS and "wage" not in events.CARRIER_VERBS
    assert {"kill", "wound"} <= events.CASUALTY_VERBS
    assert "die" in events.DEATH_VERBS and "die" not in events.CASUALTY_VERBS
    assert "civilian" in events._PARTY_NOUNS and "plan" in events._PLAN_NOUNS
    assert "earthquake" in _event_features.NATURAL_FORCES
    assert events._AIM_PREPS == {"at", "into", "toward", "towards"}
    assert events._ASPECTUAL_PARTICLES["take"] == {"place"}


def test_events_word_tables_function_words_keep_modals_apart() -> None:
    assert events.HYPOTHETICAL_AUX.isdisjoint(events.FUTURE_AUX)
    assert "reportedly" in events.HEDGES


def test_events_word_tables_particles_table_names_aspectual_verbs() -> None:
    rows = load_rows("event_aspectual_particles")
    assert rows and all(row[0] in events.ASPECTUAL_VERBS and row[1] for row in rows)


@pytest.mark.parametrize(
    "kind",
    [
        "event_verbs",
        "event_nouns_by_role",
        "party_nouns",
        "event_function_words",
        "event_aspectual_particles",
    ],
)
def test_events_word_tables_have_their_sources_told(kind: str) -> None:
    assert TABLES[kind].source == "events/SOURCES.md"


def test_events_word_tables_unknown_use_is_refused() -> None:
    with pytest.raises(KeyError, match="no word for the use 'intents'"):
        load_words("event_verbs", "intents")
