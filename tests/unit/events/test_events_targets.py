"""Targets that are parties, not things: the recipient of a thing given, the party of a
nominal event a verb performs, a passive conjunct's shared subject, a purpose clause's
object, and a title phrase placed before the name it belongs to."""

from __future__ import annotations

import pytest
from _events_helpers import by_trigger

from dateline.api import extract
from dateline.stages import events


def _targets(text: str, trigger: str) -> list[str]:
    events_found = extract(text, published="2025-03-03").events
    return [t.name for t in by_trigger(events_found, trigger).targets]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # A thing given or sent: who receives it is the target, however the "to" attaches.
        ("The bishop sent flowers to Pope Leo on Sunday.", "sent", "Leo"),
        ("Farmers delivered 3,000 letters to officials in Accra.", "delivered", "officials"),
    ],
)
def test_recipient_of_a_thing_is_the_target(text, trigger, target):
    assert target in _targets(text, trigger)


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rebels launched an attack on the port of Hodeidah.", "launched", ["Hodeidah"]),
        ("Chile lodged a formal protest with Peru on Tuesday.", "lodged", ["Peru"]),
    ],
)
def test_a_performed_nominal_event_is_no_target(text, trigger, expected):
    # The noun names the event; what it is aimed at or done with is the target.
    assert _targets(text, trigger) == expected


@pytest.mark.issue(8)
def test_passive_conjunct_shares_the_subject_as_target_beside_its_agent():
    text = "Fans tried to climb the fence but were driven back by riot police."
    event = by_trigger(extract(text, published="2025-03-03").events, "driven")
    assert [a.name for a in event.actors] == ["riot police"]
    assert [t.name for t in event.targets] == ["Fans"]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("Hundreds of miners marched in Soweto to back Mandela on Friday.", "marched",
         "Mandela"),
        # what the purpose is aimed at
        ("Nurses rallied outside the ministry on Sunday to vent their fury at the police.",
         "rallied", "the police"),
    ],
)  # fmt: skip
def test_purpose_clause_names_the_party_an_event_is_for(text, trigger, target):
    assert _targets(text, trigger) == [target]


@pytest.mark.issue(8)
def test_title_phrase_before_a_name_is_that_person():
    text = "Students demanded the dismissal of the education minister, Ama Boateng, on Monday."
    assert _targets(text, "demanded") == ["Ama Boateng"]


@pytest.mark.issue(8)
@pytest.mark.parametrize("noun", ["official", "protester", "union", "lawyer"])
def test_party_nouns_come_from_the_packaged_list(noun):
    assert noun in events._PARTY_NOUNS


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # the nominal event under the verb an intent verb governs
        ("Rebels threaten to press for the army's withdrawal.", "threaten", "the army"),
        # any noun's of-phrase when it names a party
        ("Crowds urged the dismissal of the minister, Kofi Mensah.", "urged", "Kofi Mensah"),
    ],
)  # fmt: skip
def test_party_inside_the_object_is_the_target(text, trigger, target):
    assert _targets(text, trigger) == [target]


@pytest.mark.issue(8)
def test_the_body_a_party_is_in_belongs_to_the_party():
    # "in the <name> administration" says whose officials they are; the person is not
    # the target, and the administration is no place.
    text = "Lobbyists mailed letters to officials in the Biden administration on Monday."
    found = extract(text, published="2025-03-03")
    event = by_trigger(found.events, "mailed")
    assert "officials in the Biden administration" in [t.name for t in event.targets]
    assert event.location is None


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A lexicon pattern's words are part of the trigger, not what it is aimed at.
        ("Rioters set fire to a bank.", "set", ["a bank"]),
        ("A warehouse was set on fire.", "set", ["A warehouse"]),
    ],
)
def test_idiom_words_are_no_target(text, trigger, expected):
    assert _targets(text, trigger) == expected


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # an indirect object is who receives the thing given
        ("Norway will give Kenya a loan of 40 million euros.", "give", "Kenya"),
        # a reciprocal act with a coordinated subject: the thing agreed is no party
        ("Peru and Chile signed a fisheries treaty on Monday.", "signed", "Chile"),
        # a demand's that-clause names whom it is made of
        ("The union demanded that the government reopen the talks.", "demanded", "the government"),
    ],
)
def test_party_targets_before_things(text, trigger, target):
    assert target in _targets(text, trigger)


@pytest.mark.issue(8)
def test_that_clause_subject_of_a_warning_is_no_target():
    text = "The union warned that the government would ban the strike."
    assert "the government" not in _targets(text, "warned")
    assert _targets(text, "ban") == ["the strike"]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # a thing protested stands for the party whose it is
        ("Farmers gathered outside the ministry to protest the government's new tax.",
         "gathered", "the government"),
        ("Dockers staged a strike in protest of the port authority's refusal to raise wages.",
         "staged", "the port authority"),
        # or for the party that does it
        ("Teachers marched in protest against the closure of schools by the government.",
         "marched", "the government"),
    ],
)  # fmt: skip
def test_party_behind_a_protested_thing_is_the_target(text, trigger, target):
    assert _targets(text, trigger) == [target]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        # the strike a verb starts is no target; the verb's purpose names the party
        (
            "A deputy started a hunger strike on Monday to protest the government's failure "
            "to pass reforms.",
            "strike",
            "government",
        ),
        # a stance phrase names whom the act defies
        (
            "Hundreds of students blocked roads in the capital in defiance of the military "
            "government.",
            "blocked",
            "the military government",
        ),
        # a nominal protest takes the party behind what it protests
        (
            "Inmates began a hunger strike last week in protest over the governor's refusal "
            "to allow visits.",
            "strike",
            "governor",
        ),
    ],
)
def test_protested_party_before_things(text, trigger, target):
    found = _targets(text, trigger)
    assert any(target in name for name in found)
    assert "a hunger strike" not in found


def test_the_party_of_a_demanded_resignation():
    text = "Teachers kept up their strike to demand the dismissal of the mayor."
    assert _targets(text, "demand") == ["the mayor"]
    assert _targets(text, "strike") == ["the mayor"]


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("text", "trigger", "party"),
    [
        ("The minister denied accusations made by the opposition leader.", "denied", "leader"),
        ("The unions objected to the company's plan to cut jobs.", "objected", "company"),
    ],
)
def test_the_party_behind_a_thing_targeted(text, trigger, party):
    assert any(party in name for name in _targets(text, trigger))
