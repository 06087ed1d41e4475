"""The trigger lexicon data file: valid types, parts of speech, conditions and flags."""

from __future__ import annotations

import pytest

from dateline.records import PLOVER_TYPES
from dateline.stages._triggers import demonyms, lexicon, match_trigger

ENTRIES = [entry for entries in lexicon().values() for entry in entries]
KEYS = {
    "prt",
    "prep",
    "obj",
    "pobj",
    "mod",
    "subj",
    "passive",
    "comp",
    "neg",
    "obj!",
    "prep!",
    "pobj!",
    "prt!",
}
FLAGS = {"obj_actor", "source_actor", "of_actor", "of_target"}
REPORTING = {"say", "report", "state", "note", "tell", "announce", "claim", "add", "write"}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.lemma}-{e.pos}-{e.type}")
def test_lexicon_entry_is_valid(entry):
    assert entry.pos in {"V", "N", "A"}
    assert entry.type in PLOVER_TYPES
    assert entry.alt_type is None or (
        entry.alt_type in PLOVER_TYPES and entry.alt_type != entry.type
    )
    assert {key for key, _ in entry.conditions} <= KEYS
    assert entry.flags <= FLAGS


def test_lexicon_has_no_reporting_verbs():
    # A reporting verb is attribution, never an event, unless negated ("did not say when"):
    # withholding information is a refusal.
    plain = {
        lemma
        for (lemma, pos), entries in lexicon().items()
        if pos == "V" and any("neg" not in dict(e.conditions) for e in entries)
    }
    assert not plain & REPORTING


@pytest.mark.parametrize(
    ("form", "code"), [("ukrainian", "UA"), ("russians", "RU"), ("french", "FR")]
)
def test_demonyms(form, code):
    assert demonyms()[form] == code


@pytest.mark.parametrize(
    ("text", "word", "event_type"),
    [
        # a preposition of time is not the pattern's "on"
        ("Dock workers held a strike on Monday.", "strike", "PROTEST"),
        ("The strike on the depot destroyed two trucks.", "strike", "ASSAULT"),
        # senses as the PLOVER categories define them
        ("The two agencies shared intelligence on the network.", "shared", "COOPERATE"),
        ("The militia demobilized its fighters.", "demobilized", "RETREAT"),
        ("The government accepted the strikers' demands.", "accepted", "CONCEDE"),
        ("The government accepted the peace plan.", "accepted", "AGREE"),
        ("The envoy delivered an ultimatum to the rebels.", "ultimatum", "THREATEN"),
        ("The unions are pushing for higher wages.", "pushing", "DEMAND"),
        ("The minister telephoned his counterpart on Tuesday.", "telephoned", "CONSULT"),
        ("The bishop offered his mediation between the factions.", "mediation", "CONSULT"),
        ("The army launched rocket fire against the camps.", "launched", "ASSAULT"),
        # every conjunct of an object counts
        ("The navy launched missile, drone and rocket fire at the base.", "launched", "ASSAULT"),
        ("The rebels dismissed an appeal to lay down their arms.", "dismissed", "REJECT"),
        ("The district denied land allocation for the temple.", "denied", "REJECT"),
        ("The newspaper violated a ban on the opposition.", "violated", "REJECT"),
        ("Thousands defied the curfew on Friday night.", "defied", "REJECT"),
        # the same act again
        ("The army reimposed the curfew on Friday.", "reimposed", "COERCE"),
        ("Rebels recaptured the town.", "recaptured", "ASSAULT"),
    ],
)
def test_a_time_phrase_does_not_satisfy_a_preposition_pattern(nlp, text, word, event_type):
    token = next(t for t in nlp(text) if t.text == word)
    assert match_trigger(token).type == event_type
