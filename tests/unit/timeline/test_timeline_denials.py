"""Denials the linker left apart, denials framed by a denying verb, and relayed anonymous
sources: the timeline puts each denial beside what it denies and counts sources once."""

from __future__ import annotations

from _timeline_build import mention, source

from dateline.records import Source
from dateline.timeline import build_timeline


def _shelling(article: str, **kw):
    fields = dict(
        type="ASSAULT",
        trigger="struck",
        text="struck the village of Karvo",
        targets=("the village of Karvo",),
        when="2025-06-11",
        cluster="shelling",
    )
    return mention(article, **{**fields, **kw})  # fmt: skip


def test_timeline_denial_left_apart_joins_the_reports_it_denies() -> None:
    denial = _shelling(
        "herald", trigger="fired", type="OTHER", text="had fired on Karvo", targets=("Karvo",),
        cluster="denial", sources=(source("the defence ministry"),), polarity="negative",
        modality="negated", place="Ulmen",
    )  # fmt: skip
    timeline = build_timeline([_shelling("wire", sources=(source("Dan Holub"),)), denial])
    (entry,) = timeline.entries
    assert entry.id == "shelling"
    assert [(m.mention_id, m.denies) for m in entry.mentions] == [
        ("herald/EV1", True), ("wire/EV1", False),
    ]  # fmt: skip
    (contradiction,) = timeline.contradictions
    assert (contradiction.kind, contradiction.mentions) == (
        "occurrence", ["wire/EV1", "herald/EV1"],
    )  # fmt: skip


def test_timeline_denial_sharing_no_participant_stays_apart() -> None:
    denial = _shelling(
        "herald", text="had fired on Ulmen", targets=("Ulmen",), cluster="denial",
        polarity="negative", modality="negated",
    )  # fmt: skip
    timeline = build_timeline([_shelling("wire"), denial])
    assert sorted(e.id for e in timeline.entries) == ["denial", "shelling"]
    assert timeline.contradictions == []


def test_timeline_report_framed_by_a_rejection_is_denied_by_its_subject() -> None:
    frame = mention(
        "radio", "EV1", type="REJECT", trigger="rejected", cluster="rejection",
        text="rejected reports that its soldiers had burned houses in Dalen",
        actors=("The army",), targets=("reports",), when="2026-01-10", start=9,
    )  # fmt: skip
    inner = mention(
        "radio", "EV2", type="ASSAULT", trigger="burned houses", cluster="burning",
        text="had burned houses in Dalen", actors=("its soldiers",), targets=("houses",),
        place="Dalen", when="2026-01-08", start=44,
    )  # fmt: skip
    report = mention(
        "post", type="ASSAULT", trigger="burned", cluster="burning", text="burned houses",
        actors=("Soldiers",), targets=("houses",), place="Dalen", when="2026-01-08",
        sources=(source("villagers", "anonymous"),),
    )  # fmt: skip
    timeline = build_timeline([frame, inner, report])
    (entry,) = timeline.entries
    assert entry.id == "burning"
    assert [(m.mention_id, m.denies, m.origin) for m in entry.mentions] == [
        ("post/EV1", False, "villagers (Post)"),
        ("radio/EV1", True, "The army"),
        ("radio/EV2", True, "The army"),
    ]
    (contradiction,) = timeline.contradictions
    assert contradiction.explanation == (
        "reported by Post citing villagers (Post); denied by Radio citing The army"
    )


def test_timeline_dismissal_without_complement_denies_the_report_before_it() -> None:
    claim = mention(
        "weekly", "EV1", type="DEMAND", trigger="ordered", cluster="order",
        text="inspectors had ordered the unit closed", actors=("inspectors",),
        sources=(source("the union"),), when="2026-03", start=10,
    )  # fmt: skip
    dismissal = mention(
        "weekly", "EV2", type="REJECT", trigger="dismissed the claim", cluster="dismissal",
        text="dismissed the claim", actors=("The company",), targets=("the claim",),
        when="2026-04-23", start=80,
    )  # fmt: skip
    timeline = build_timeline([claim, dismissal])
    (entry,) = timeline.entries
    assert [(m.mention_id, m.denies, m.origin) for m in entry.mentions] == [
        ("weekly/EV1", False, "the union"),
        ("weekly/EV2", True, "The company"),
    ]
    assert [c.kind for c in timeline.contradictions] == ["occurrence"]


def test_timeline_dismissal_of_a_named_thing_denies_no_earlier_report() -> None:
    claim = mention("weekly", "EV1", cluster="order", sources=(source("the union"),), start=0)
    dismissal = mention(
        "weekly", "EV2", type="REJECT", trigger="dismissed", cluster="dismissal",
        text="dismissed the pay offer", actors=("The union",), targets=("the pay offer",),
        start=40,
    )  # fmt: skip
    timeline = build_timeline([claim, dismissal])
    assert sorted(e.id for e in timeline.entries) == ["dismissal", "order"]
    assert timeline.contradictions == []


def test_timeline_relay_through_an_outlet_rests_on_the_source_it_shortens() -> None:
    first = mention(
        "wire", outlet="Baltic Wire", cluster="evac",
        sources=(source("the regional fire brigade"),),
    )  # fmt: skip
    relay = mention(
        "courier", outlet="Stenby Courier", cluster="evac",
        sources=(source("Baltic Wire"), Source(name="the fire brigade", kind="anonymous")),
    )  # fmt: skip
    (entry,) = build_timeline([first, relay]).entries
    corroboration = entry.corroboration
    assert (corroboration.outlet_count, corroboration.independent_count) == (2, 1)
    assert [(s.name, s.outlets) for s in corroboration.sources] == [
        ("the regional fire brigade", ["Baltic Wire", "Stenby Courier"]),
    ]


def test_timeline_rejecting_an_offer_denies_nothing_inside_it() -> None:
    frame = mention(
        "wire", "EV1", type="REJECT", trigger="rejected", cluster="rejection",
        text="rejected the offer, which raised pay by 2 percent", actors=("The union",),
        targets=("the offer",), start=10,
    )  # fmt: skip
    raise_ = mention(
        "wire", "EV2", type="AGREE", trigger="raised", cluster="raise",
        text="raised pay by 2 percent", actors=("which",), start=37,
    )  # fmt: skip
    timeline = build_timeline([frame, raise_])
    assert sorted(e.id for e in timeline.entries) == ["raise", "rejection"]
    assert all(not m.denies for e in timeline.entries for m in e.mentions)


def test_timeline_anonymous_source_held_by_two_names_stays_anonymous() -> None:
    reports = [
        mention("wire", outlet="Baltic Wire", cluster="c", sources=(source("the city police"),)),
        mention("post", outlet="North Post", cluster="c", sources=(source("the border police"),)),
        mention("radio", outlet="Radio Nord", cluster="c",
                sources=(Source(name="police", kind="anonymous"),)),
    ]  # fmt: skip
    (entry,) = build_timeline(reports).entries
    assert sorted(s.name for s in entry.corroboration.sources) == [
        "police (Radio Nord)", "the border police", "the city police",
    ]  # fmt: skip
