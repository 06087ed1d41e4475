"""Actors and targets: passive agents, infinitive complements, conjuncts, pronouns, entities."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger, entity

from dateline.api import extract


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "target"),
    [
        ("The airport was captured by the rebels.", "captured", "the rebels", "The airport"),
        ("The rebels captured the airport.", "captured", "The rebels", "the airport"),
        ("The convoy was attacked by drones on Monday.", "attacked", "drones", "The convoy"),
    ],
)
def test_passive_by_phrase_is_the_actor(run_events, text, trigger, actor, target):
    event = by_trigger(run_events(text), trigger)
    assert [a.name for a in event.actors] == [actor]
    assert [t.name for t in event.targets] == [target]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The president told the army to push the rebels out of the city.", "push", "the army"),
        (
            "The president ordered the army to push the rebels out of the city.",
            "ordered",
            "The president",
        ),
        (
            "The government was seeking to deploy more troops to the border.",
            "deploy",
            "The government",
        ),
        ("The rebels tried to break through the border.", "break", "The rebels"),
        ("The rebels decided to withdraw some units from the town.", "withdraw", "The rebels"),
    ],
)
def test_infinitive_complement_actor(run_events, text, trigger, actor):
    event = by_trigger(run_events(text), trigger)
    assert [a.name for a in event.actors] == [actor]


def test_passive_conjunct_inherits_subject_as_target(run_events):
    text = "The rebels tried to break through the border but were pushed back."
    event = by_trigger(run_events(text), "pushed")
    assert event.actors == []
    assert [t.name for t in event.targets] == ["The rebels"]


def test_pronoun_actor_resolves_to_the_reporting_subject(run_events):
    text = "The National Police announced that it had implemented new security measures."
    police = entity(text, "The National Police", "National Police")
    event = by_trigger(run_events(text, entities=[police]), "implemented")
    assert (event.actors[0].name, event.actors[0].entity_id) == ("National Police", "E1")


def test_actor_links_to_entity_name_and_country(run_events):
    text = "Yesterday the Northern Army captured the airport."
    army = entity(text, "Northern Army", "Northern Army of Ruritania", country="RU")
    (event,) = run_events(text, entities=[army])
    actor = event.actors[0]
    assert (actor.name, actor.entity_id, actor.country) == (
        "Northern Army of Ruritania",
        "E1",
        "RU",
    )


@pytest.mark.parametrize(
    ("text", "actor", "country"),
    [
        ("Ukrainian troops captured the bridge.", "Ukrainian troops", "UA"),
        ("The Russians retreated from the hill.", "The Russians", "RU"),
    ],
)
def test_demonym_actor_keeps_phrase_and_country(run_events, text, actor, country):
    (event,) = run_events(text)
    assert (event.actors[0].name, event.actors[0].country) == (actor, country)


def test_evaluation_adjective_takes_the_speaker_as_actor(run_events):
    text = "Anna Berg stated that the operation is consistent with the policy of the alliance."
    (event,) = run_events(text)
    assert (event.type, event.actors[0].name) == ("SUPPORT", "Anna Berg")


@pytest.mark.parametrize(
    ("text", "needle", "name", "type_", "expected"),
    [
        # the group named after the head is the entity
        (
            "Fighters of the Northern Legion captured the bridge.",
            "Northern Legion",
            "Northern Legion",
            "ORG",
            "Northern Legion",
        ),
        # a compound modifier before the head is not the participant
        (
            "The army formed drone operator units.",
            "drone",
            "Drone Inc",
            "ORG",
            "drone operator units",
        ),
        # a demonym head keeps the phrase
        ("The Russians retreated from the hill.", "Russians", "Russia", "GPE", "The Russians"),
    ],
)
def test_entity_link_rules(run_events, text, needle, name, type_, expected):
    ent = entity(text, needle, name, type_=type_)
    (event,) = run_events(text, entities=[ent])
    args = event.actors if expected != "drone operator units" else event.targets
    assert args[0].name == expected


def test_participle_shares_the_clause_subject(run_events):
    text = "The rebels shelled the town on Sunday, killing dozens of people."
    event = by_trigger(run_events(text), "killing")
    assert [a.name for a in event.actors] == ["The rebels"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maria Lopez met the Harbour Council. Later she urged Sweden to deploy troops.",
            "Maria Lopez",
        ),
        (
            "The Harbour Council met Maria Lopez. Later it urged Sweden to deploy troops.",
            "Harbour Council",
        ),
    ],
)
def test_pronoun_resolves_to_entity_of_fitting_type(run_events, text, expected):
    entities = [
        entity(text, "Maria Lopez", "Maria Lopez", type_="PERSON"),
        entity(text, "Harbour Council", "Harbour Council", type_="ORG", n=2),
    ]
    event = by_trigger(run_events(text, entities=entities), "urged")
    assert event.actors[0].name == expected


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("the WFO", "World Farming Organisation (WFO)"),
        ("the World Farming Organisation", "World Farming Organisation"),
    ],
)
def test_acronym_alias_is_kept_next_to_the_full_name(run_events, needle, expected):
    from _events_helpers import entity

    text = f"On Monday, {needle} launched an appeal for seed grain."
    ent = entity(text, needle.removeprefix("the "), "World Farming Organisation")
    (event,) = run_events(text, entities=[ent])
    assert event.actors[0].name == expected


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "The Hansa League praised the port.\nThe government denied the claim. "
            "It said it would sign a new agreement.",
            "sign",
            "The government",
        ),
        (
            "The Hansa League praised the port.\nThe unions denied the claim. "
            "They said they would lift the blockade.",
            "lift",
            "The unions",
        ),
        (
            "The Hansa League praised the port.\nGunmen shelled a depot, the army said, "
            "and it arrested two men.",
            "arrested",
            "the army",
        ),
    ],
)
def test_pronoun_prefers_previous_sentence_subject(run_events, text, trigger, actor):
    from _events_helpers import entity

    league = entity(text, "The Hansa League", "Hansa League")
    event = by_trigger(run_events(text, entities=[league]), trigger)
    assert event.actors[0].name == actor


@pytest.mark.issue(8)
def test_phase_verb_gives_way_to_its_complement(run_events):
    events = run_events("Rescuers began evacuating residents on Monday.", variant="trained")
    assert [(e.trigger.split()[0], e.type) for e in events] == [("evacuating", "AID")]
    assert [a.name for a in events[0].actors] == ["Rescuers"]


@pytest.mark.issue(8)
def test_participle_by_phrase_is_the_actor():
    # A participle modifying a noun: its by-phrase is the doer, the noun what it befell.
    events = extract("Envoys expelled by Norway left on Friday.", published="2025-03-03").events
    event = by_trigger(events, "expelled")
    assert [a.name for a in event.actors] == ["Norway"]
    assert [t.name for t in event.targets] == ["Envoys"]


@pytest.mark.issue(8)
def test_carrier_verb_subject_does_the_nominal_event():
    text = "Li and his supporters set off on a march to the capital on Wednesday."
    event = by_trigger(extract(text, published="2025-03-03").events, "march")
    assert event.type == "PROTEST"
    assert [a.name for a in event.actors] == ["Li"]


@pytest.mark.issue(8)
def test_event_span_starts_at_a_subject_naming_the_event(run_events):
    text = "The attack killed 12 soldiers."
    (event,) = run_events(text, variant="trained")
    assert text[event.span[0] : event.span[1]] == "The attack killed 12 soldiers"


@pytest.mark.issue(8)
def test_plural_pronoun_prefers_the_last_subject_over_a_name_in_an_adjunct():
    text = (
        "Dozens of nurses marched past the hospital on Monday, according to the Daily "
        "Clarion. They demanded higher pay."
    )
    event = by_trigger(extract(text, published="2025-03-03").events, "demanded")
    assert [a.name for a in event.actors] == ["Dozens of nurses"]


@pytest.mark.issue(8)
def test_possessive_party_is_named_without_its_ending():
    text = "Rebels threaten to press for the army's withdrawal."
    event = by_trigger(extract(text, published="2025-03-03").events, "threaten")
    assert [(t.name, t.text) for t in event.targets] == [("the army", "the army's")]


@pytest.mark.issue(8)
def test_plural_pronoun_is_no_city():
    # A country or a city is "it": "they" stays unresolved rather than naming the town.
    text = "A car was found burned in Cannes on Monday. They had set fire to it overnight."
    event = by_trigger(extract(text, published="2025-03-03").events, "set")
    assert [a.name for a in event.actors] == ["They"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The rebels were ready to free the hostages.", "free", "The rebels"),
        ("The council is prepared to impose a curfew in the city.", "impose", "The council"),
    ],
)
def test_adjective_predicate_passes_its_subject_to_the_act(text, trigger, actor):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert [a.name for a in event.actors] == [actor]


def test_adjective_predicate_subject_resolves_through_a_pronoun():
    text = "Norway said on Friday that it was willing to pull its soldiers out of the border zone."
    event = by_trigger(extract(text, published="2025-03-03").events, "pull")
    assert [a.name for a in event.actors] == ["Norway"]
    assert [t.name for t in event.targets] == ["its soldiers"]


def test_a_title_in_apposition_stays_with_the_name():
    text = "Ana Berg, the Arctic Council's special envoy, demanded a ceasefire."
    event = by_trigger(extract(text, published="2025-03-03").events, "demanded")
    assert event.actors[0].name == "Ana Berg"
    assert event.actors[0].text == "Ana Berg, the Arctic Council's special envoy"


def test_other_appositions_stay_out_of_the_name():
    text = "Ana Berg, who arrived on Monday, demanded a ceasefire."
    event = by_trigger(extract(text, published="2025-03-03").events, "demanded")
    assert event.actors[0].text in (None, "Ana Berg")


def test_the_issuer_of_a_document_does_what_it_says():
    text = "The rebel group issued a statement demanding that the army free its commander."
    event = by_trigger(extract(text, published="2025-03-03").events, "demanding")
    assert [a.name for a in event.actors] == ["The rebel group"]
    assert [t.name for t in event.targets] == ["the army"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # an active conjunct of a passive verb: the shared subject does the second act
        ("The smuggler was extradited to Norway and pleaded guilty last June.",
         "pleaded", "The smuggler"),
        ("The rebels were attacked by drones and fled the town.", "fled", "The rebels"),
    ],
)  # fmt: skip
def test_active_conjunct_of_a_passive_takes_the_shared_subject(text, trigger, actor):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert [a.name for a in event.actors] == [actor]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a verb that is never passive, tagged as a participle after its subject
        ("Farmers blocked the roads and masked youths clashed with riot police.",
         "clashed", "youths"),
        ("The regime is jailing reporters, a press freedom group protested on Wednesday.",
         "protested", "a press freedom group"),
    ],
)  # fmt: skip
def test_a_participle_of_a_verb_never_passive_is_its_nouns_act(text, trigger, actor):
    event = by_trigger(extract(text, published="2025-03-03").events, trigger)
    assert [a.name for a in event.actors] == [actor]


def test_a_passive_participle_after_a_noun_still_undergoes_it():
    text = "Envoys expelled from the capital returned home on Monday."
    event = by_trigger(extract(text, published="2025-03-03").events, "expelled")
    assert event.actors == []
    assert [t.name for t in event.targets] == ["Envoys"]
