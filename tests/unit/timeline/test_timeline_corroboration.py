"""Corroboration: distinct outlets, independent sources, relays counted once."""

from __future__ import annotations

from _timeline_build import mention, source

from dateline.timeline import build_timeline


def _corroboration(*mentions):
    (entry,) = build_timeline(list(mentions)).entries
    return entry.corroboration


def test_timeline_two_outlets_relaying_one_agency_count_once() -> None:
    c = _corroboration(
        mention("post", outlet="Patras Post", modality="reported",
                sources=(source("Meridian News Agency"), source("a police officer", "anonymous"))),
        mention("ledger", outlet="Northern Ledger", modality="reported",
                sources=(source("Meridian News Agency"),)),
        mention("daily", outlet="Aegean Daily", sources=(source("Aegean Daily", "outlet"),)),
    )  # fmt: skip
    assert c.outlets == ["Aegean Daily", "Northern Ledger", "Patras Post"]
    assert c.outlet_count == 3
    assert c.independent_count == 2
    assert [(s.name, s.kind, s.outlets, s.mentions) for s in c.sources] == [
        ("Meridian News Agency", "named", ["Northern Ledger", "Patras Post"],
         ["ledger/EV1", "post/EV1"]),
        ("Aegean Daily", "own", ["Aegean Daily"], ["daily/EV1"]),
    ]  # fmt: skip
    assert [(r.source, r.outlets, r.note) for r in c.relays] == [
        ("Meridian News Agency", ["Northern Ledger", "Patras Post"],
         "Northern Ledger and Patras Post both relay Meridian News Agency: 2 outlets, 1 source"),
    ]  # fmt: skip
    assert c.corroborated is True


def test_timeline_outlets_quoting_one_ministry_are_one_source() -> None:
    c = _corroboration(
        mention("a", outlet="A", sources=(source("the Interior Ministry"),)),
        mention("b", outlet="B", sources=(source("Interior Ministry"),)),
        mention("c", outlet="C", sources=(source("The Interior Ministry's"),)),
    )
    assert (c.outlet_count, c.independent_count, c.corroborated) == (3, 1, False)
    assert c.sources[0].name == "the Interior Ministry"
    assert c.relays[0].note == ("A, B and C all relay the Interior Ministry: 3 outlets, 1 source")


def test_timeline_short_and_long_forms_of_a_name_are_one_source() -> None:
    c = _corroboration(
        mention("a", outlet="A", sources=(source("Meridian"),)),
        mention("b", outlet="B", sources=(source("Meridian News Agency", "outlet"),)),
    )
    assert [s.name for s in c.sources] == ["Meridian News Agency"]


def test_timeline_anonymous_sources_count_once_per_outlet() -> None:
    c = _corroboration(
        mention("a", outlet="A", sources=(source("a police source", "anonymous"),)),
        mention("b", outlet="B", sources=(source("a police source", "anonymous"),)),
    )
    assert c.independent_count == 2
    assert [s.name for s in c.sources] == ["a police source (A)", "a police source (B)"]
    assert c.relays == []


def test_timeline_outlet_citing_another_outlet_relays_it() -> None:
    c = _corroboration(
        mention("daily", outlet="Aegean Daily"),
        mention("radio", outlet="Radio Achaia", sources=(source("Aegean Daily", "outlet"),)),
    )
    assert c.independent_count == 1
    assert c.sources[0].kind == "own"
    assert c.relays[0].note == "Radio Achaia relays Aegean Daily: 2 outlets, 1 source"


def test_timeline_restatements_in_one_article_are_one_outlet() -> None:
    c = _corroboration(
        mention("a", "EV1", outlet="A", group="EV1"),
        mention("a", "EV5", outlet="A", group="EV1", start=200),
        mention("b", outlet="B"),
    )
    assert (c.outlet_count, c.independent_count, c.corroborated) == (2, 2, True)


def test_timeline_unattributed_headline_rests_on_its_articles_source() -> None:
    c = _corroboration(
        mention("a", "EV1", outlet="A", group="EV1"),
        mention("a", "EV2", outlet="A", group="EV1", start=200,
                sources=(source("the fire service"),)),
        mention("b", outlet="B", sources=(source("the fire service"),)),
    )  # fmt: skip
    assert [(s.name, s.mentions) for s in c.sources] == [
        ("the fire service", ["a/EV1", "a/EV2", "b/EV1"]),
    ]
    assert (c.outlet_count, c.independent_count, c.corroborated) == (2, 1, False)


def test_timeline_denials_and_hypotheticals_do_not_corroborate() -> None:
    (entry,) = build_timeline(
        [
            mention("a", outlet="A"),
            mention("b", outlet="B", modality="hypothetical"),
            mention(
                "c",
                outlet="C",
                polarity="negative",
                modality="negated",
                sources=(source("the ministry"),),
            ),
        ]  # fmt: skip
    ).entries
    c = entry.corroboration
    assert c.outlets == ["A", "B"]
    assert c.independent_count == 2
    assert c.corroborated is False  # a hypothetical report does not say it happened
    assert [m.denies for m in entry.mentions] == [False, False, True]


def test_timeline_mention_without_outlet_is_named_by_its_article() -> None:
    c = _corroboration(mention("a1", outlet=""), mention("a2", outlet=""))
    assert c.outlets == ["article a1", "article a2"]
    assert c.independent_count == 2


def test_timeline_event_known_only_from_its_denial_has_no_corroboration() -> None:
    (entry,) = build_timeline(
        [
            mention(
                "a",
                outlet="A",
                actors=("Police",),
                polarity="negative",
                modality="negated",
                text="did not arrest anyone",
            )
        ]  # fmt: skip
    ).entries
    c = entry.corroboration
    assert (c.outlets, c.outlet_count, c.independent_count, c.corroborated) == ([], 0, 0, False)
    assert (entry.summary, entry.modality) == ("Police did not arrest anyone", "negated")
    assert [m.denies for m in entry.mentions] == [True]
