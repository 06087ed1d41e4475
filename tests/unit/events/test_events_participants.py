"""Who an event is by and aimed at, in the shapes news writes it: instruments aimed at a
target, nominal complements, relative pronouns, reciprocal subjects, "anti-" parties,
participle clauses, acts someone is charged with, named groups modifying a nominal event."""

from __future__ import annotations

import pytest

from tests.unit.events._events_helpers import by_trigger, entity, place, quantity


def _names(args) -> list[str]:
    return [a.name for a in args]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # an instrument object: the target is what it is aimed at
        (
            "Militants fired rockets at an army checkpoint.",
            "fired",
            "an army checkpoint",
        ),
        # the party of a nominal event the verb is about
        (
            "They demanded the removal of the city's police chief.",
            "demanded",
            "the city's police chief",
        ),
        # a relative pronoun stands for its noun
        ("The envoys who were expelled left on Friday.", "expelled", "The envoys"),
    ],
)
def test_events_targets_beyond_the_object(run_events, text, trigger, target) -> None:
    event = by_trigger(run_events(text, variant="trained"), trigger)
    assert target in _names(event.targets)


@pytest.mark.issue(8)
def test_events_opened_fire_has_no_fire_target(run_events) -> None:
    event = by_trigger(run_events("Soldiers opened fire on the crowd."), "opened")
    assert event.type == "ASSAULT"
    assert _names(event.targets) == ["the crowd"]


@pytest.mark.issue(8)
def test_events_reciprocal_subject_gives_the_partner(run_events) -> None:
    event = by_trigger(run_events("Police and rioters clashed in the square."), "clashed")
    assert _names(event.targets) == ["rioters"]


@pytest.mark.issue(8)
def test_events_anti_modifier_names_the_opposed_party(run_events) -> None:
    text = "Hundreds of anti-government protesters marched through the capital."
    event = by_trigger(run_events(text), "marched")
    assert _names(event.targets) == ["government"]


@pytest.mark.issue(8)
def test_events_participle_clause_actor_is_its_noun(run_events) -> None:
    text = "Masked youths clashing with police blocked the road."
    event = by_trigger(run_events(text, variant="trained"), "clashing")
    assert _names(event.actors) == ["Masked youths"]
    assert _names(event.targets) == ["police"]


@pytest.mark.issue(8)
def test_events_charged_act_has_the_accused_as_actor(run_events) -> None:
    text = "The accountant was charged with killing a receptionist."
    event = by_trigger(run_events(text), "charged")
    killing = [e for e in run_events(text) if e.trigger == "killing"]
    # The act charged is part of the charge, or, when it stands alone, it is the accused's.
    assert event.type == "ACCUSE"
    for e in killing:
        assert _names(e.actors) == ["The accountant"]


@pytest.mark.issue(8)
def test_events_named_group_modifying_an_attack_is_its_actor(run_events) -> None:
    text = "Twelve people were killed in a Hamza attack on the market."
    group = entity(text, "Hamza", "Hamza", type_="ORG")
    event = by_trigger(run_events(text, entities=[group]), "killed")
    assert _names(event.actors) == ["Hamza"]


@pytest.mark.issue(8)
def test_events_casualties_of_one_attack_are_one_event(run_events) -> None:
    events = run_events("The bomb killed 13 soldiers and wounded 56 more.")
    assert [e.trigger for e in events] == ["killed"]


@pytest.mark.issue(8)
def test_events_a_verb_fire_is_not_a_natural_force(run_events) -> None:
    event = by_trigger(run_events("Rebels fired rockets at the town."), "fired")
    assert event.type == "ASSAULT"
    assert _names(event.actors) == ["Rebels"]
    assert event.context == [] or "disasters" not in event.context


@pytest.mark.issue(8)
def test_events_light_verb_subject_does_its_nominal_event(run_events) -> None:
    (event,) = run_events("The militia unleashed an attack on the airport.")
    assert event.type == "ASSAULT"
    assert _names(event.actors) == ["The militia"]


@pytest.mark.issue(8)
def test_events_argument_keeps_the_article_wording_beside_the_entity_name(run_events) -> None:
    text = "Police arrested Deputy Mayor Ilse Brandt in Lund on Monday."
    person = entity(text, "Ilse Brandt", "Ilse Brandt", type_="PERSON")
    event = by_trigger(run_events(text, entities=[person]), "arrested")
    (target,) = event.targets
    assert (target.name, target.entity_id) == ("Ilse Brandt", "E1")
    assert target.text == "Deputy Mayor Ilse Brandt"
    assert text[target.span[0] : target.span[1]] == target.text


@pytest.mark.issue(8)
def test_events_argument_text_is_left_out_when_it_adds_nothing(run_events) -> None:
    text = "Police arrested Ilse Brandt in Lund on Monday."
    person = entity(text, "Ilse Brandt", "Ilse Brandt", type_="PERSON")
    (target,) = by_trigger(run_events(text, entities=[person]), "arrested").targets
    assert (target.name, target.text) == ("Ilse Brandt", None)


@pytest.mark.issue(8)
def test_events_name_in_apposition_to_a_title_joins_the_participant(run_events) -> None:
    text = "Protesters demanded the resignation of the transport minister, Ola Kvist, on Monday."
    person = entity(text, "Ola Kvist", "Ola Kvist", type_="PERSON")
    event = by_trigger(run_events(text, entities=[person]), "demanded")
    assert "Ola Kvist" in _names(event.targets)
    assert any(t.text and "transport minister, Ola Kvist" in t.text for t in event.targets)


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "place_name", "expected"),
    [
        # the object is the actor's own forces: the polity withdrawn from is the target
        ("Norland will withdraw its troops from Estovia next month.", "withdraw", "Estovia",
         ["its troops", "Estovia"]),
        # a named party is the target: the place stays a place
        ("Norland expelled three Estovian diplomats from Brenna.", "expelled", "Brenna",
         ["three Estovian diplomats"]),
        # the event's own place, the finest one named, stands for its people
        ("Soldiers burned dozens of houses in the town of Orvik in Estovia.", "burned",
         "Orvik", ["dozens of houses", "Orvik"]),
    ],
)  # fmt: skip
def test_events_place_of_the_act_stands_for_an_unnamed_target(
    run_events, text, trigger, place_name, expected
) -> None:
    places = [place(text, place_name, n=1)]
    if "Estovia." in text:
        places.append(place(text, "Estovia", feature="country", n=2))
    records = [entity(text, place_name, place_name, type_="GPE", n=1)]
    if "Estovian" in text:
        records.append(entity(text, "Estovian", "Estovian", type_="NORP", n=2))
    event = by_trigger(run_events(text, entities=records, places=places), trigger)
    assert _names(event.targets) == expected


@pytest.mark.issue(8)
def test_events_place_said_in_another_sentence_is_no_target(run_events) -> None:
    text = "The fighting reached Orvik on Monday. Soldiers burned dozens of houses."
    event = by_trigger(run_events(text, places=[place(text, "Orvik")]), "burned")
    assert event.location is not None and event.location.name == "Orvik"
    assert _names(event.targets) == ["dozens of houses"]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # a thing's explosion
        (
            "A propane tank exploded at a bottling plant on Monday, killing two workers.",
            "exploded",
            "A propane tank",
        ),
        # a passive death with no agent, caused by a collision
        (
            "Nine sailors were killed when two patrol boats collided off the coast.",
            "killed",
            "Nine sailors",
        ),
        (
            "Nine sailors were killed when two patrol boats collided off the coast.",
            "collided",
            "two patrol boats",
        ),
    ],
)
def test_events_a_mishap_befalls_a_thing_and_is_a_disaster(
    run_events, text, trigger, target
) -> None:
    event = by_trigger(run_events(text, variant="trained"), trigger)
    assert (event.type, event.context[0], event.actors) == ("OTHER", "disasters", [])
    assert target in _names(event.targets)


@pytest.mark.issue(8)
def test_events_an_explosion_a_weapon_made_is_an_attack_without_the_weapon_as_actor(
    run_events,
) -> None:
    events = run_events(
        "A car bomb exploded outside the courthouse, killing three guards.", variant="trained"
    )
    event = by_trigger(events, "exploded")
    assert (event.type, event.actors) == ("ASSAULT", [])
    assert "disasters" not in event.context


@pytest.mark.issue(8)
def test_events_an_arrest_over_a_blast_stays_an_arrest(run_events) -> None:
    text = "Five men were detained in connection with the blast at the depot."
    event = by_trigger(run_events(text, variant="trained"), "detained")
    assert event.type == "COERCE"
    assert "disasters" not in event.context


@pytest.mark.issue(8)
def test_events_the_victims_of_a_death_are_counted_with_it(run_events) -> None:
    text = "Three miners died when a shaft flooded on Friday."
    q = quantity(text, "Three", value=3.0)
    event = by_trigger(run_events(text, variant="trained", quantities=[q]), "died")
    assert [x.text for x in event.quantities] == ["Three"]
    assert _names(event.targets) == ["Three miners"]


@pytest.mark.issue(8)
def test_events_a_weapon_is_the_means_of_an_attack_not_its_target(run_events) -> None:
    text = "Militants detonated an explosive device near a checkpoint on Tuesday."
    event = by_trigger(run_events(text, variant="trained"), "detonated")
    assert event.type == "ASSAULT"
    assert _names(event.actors) == ["Militants"]
    assert not any("device" in name for name in _names(event.targets))


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    "text",
    [
        "The collapse of the talks angered the rebels on Monday.",
        "A flood of refugees reached the border town on Monday.",
    ],
)
def test_events_a_figure_of_speech_is_no_disaster(run_events, text) -> None:
    events = run_events(text, variant="trained")
    assert all("disasters" not in e.context for e in events)
    assert all(e.type != "OTHER" or e.actors for e in events)


@pytest.mark.issue(8)
def test_events_a_force_with_a_thing_in_its_of_phrase_is_a_disaster(run_events) -> None:
    event = by_trigger(
        run_events("The collapse of the bridge killed nine people on Monday.", variant="trained"),
        "killed",
    )
    assert (event.type, event.context[0], event.actors) == ("OTHER", "disasters", [])
