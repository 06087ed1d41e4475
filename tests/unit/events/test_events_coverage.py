"""Lexicon coverage beyond armed conflict: aid, appeals, talks, sanctions, concessions,
refusals, protests, arrests; with the patterns that keep figurative uses out."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        ("The cabinet released 5 million dollars for flood relief.", "released", "AID"),
        ("Volunteers rescued twelve hikers from the glacier.", "rescued", "AID"),
        ("Soldiers evacuated 300 villagers from the valley.", "evacuated", "AID"),
        ("About 300 villagers were evacuated by boat.", "evacuated", "AID"),
        ("The garrison evacuated the fortress before dawn.", "evacuated", "RETREAT"),
        ("The charity launched an urgent appeal for blankets.", "launched", "REQUEST"),
        ("The mayor urged residents to stay indoors.", "urged", "REQUEST"),
        ("The two foreign ministers discussed the border dispute.", "discussed", "CONSULT"),
        ("The government cut its export quota for rice by half.", "cut", "SANCTION"),
        ("The council banned the sale of fireworks.", "banned", "SANCTION"),
        ("The government lifted the curfew on Monday.", "lifted", "CONCEDE"),
        ("The union gave up its demand for a shorter week.", "gave", "CONCEDE"),
        ("The ministry will raise the fishing quota next year.", "raise", "CONCEDE"),
        ("The province withdrew its threat of new levies.", "withdrew", "CONCEDE"),
        ("The senator withdrew her bill after the vote.", "withdrew", "REJECT"),
        ("The two parties reached an agreement on water rights.", "reached", "AGREE"),
        ("The parliament approved the budget.", "approved", "AGREE"),
        ("The court rebuffed the prosecutors.", "rebuffed", "REJECT"),
        ("The governor did not say when the bridge would reopen.", "say", "REJECT"),
        ("Farmers complained about the new rules.", "complained", "DISAPPROVE"),
        ("Police detained four students outside the embassy.", "detained", "COERCE"),
        ("Thousands marched through the capital against the reform.", "marched", "PROTEST"),
        ("Two men broke into the pharmacy overnight.", "broke", "ASSAULT"),
        ("The senator attacked the governor in a speech.", "attacked", "DISAPPROVE"),
        ("The investors backed out of the deal.", "backed", "REJECT"),
        ("The unions backed the strike.", "backed", "SUPPORT"),
        ("The rebels attacked the convoy at dawn.", "attacked", "ASSAULT"),
    ],
)
def test_new_lexicon_entries(run_events, text, trigger, type_):
    events = [e for e in run_events(text) if e.trigger.split()[0] == trigger]
    assert [e.type for e in events] == [type_]


@pytest.mark.parametrize(
    "text",
    [
        "The company released a new phone in March.",  # release only with funds or aid
        "The governor said the bridge would reopen.",  # reporting verbs are attribution
        "Prices cut into the budget of every family.",  # cut only with quotas, ties, aid
        "The speech restricted itself to domestic topics.",  # restrict only with trade words
        "The reform will help wealthy people most.",  # help only with victims
        "The candidate raised money in the suburbs.",  # raise only with quotas or tariffs
        "The senator seized on the report.",  # figurative "seize on"
        "The proposal has been met with opposition.",  # "met with" a reaction, not a meeting
        '"Absolutely not," the mayor said.',  # a quoted "not" is not a refusal to say
    ],
)
def test_figurative_uses_are_not_events(run_events, text):
    assert run_events(text) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Nurses will strike on Monday over pay.", "PROTEST"),
        ("Drones will strike the depot at night.", "ASSAULT"),
    ],
)
def test_strike_by_workers_is_a_protest(run_events, text, type_):
    (event,) = run_events(text)
    assert event.type == type_
