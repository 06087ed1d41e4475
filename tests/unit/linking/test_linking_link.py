"""linker.link_mentions: clusters across articles, incremental and stable."""

from __future__ import annotations

from datetime import date

from _linking_helpers import mention, trade_talks

from dateline.config import LinkingSettings
from dateline.linker import cluster_id, link_mentions, score_pair


def _clusters(result) -> dict[str, str]:
    return {m.mention_id: m.cluster for m in result.mentions}


def test_linking_chronicle_date_and_next_day_yesterday_link() -> None:
    # A chronicle published later says "On March 11"; a next-day report says "yesterday":
    # both were resolved to 2025-03-11 by the timexes stage.
    chronicle = mention(
        "chronicle",
        "EV4",
        published=date(2025, 3, 30),
        text="On March 11 rebel forces shelled Marlow, killing four civilians.",
    )
    next_day = mention(
        "daily",
        "EV1",
        published=date(2025, 3, 12),
        text="Rebel forces shelled Marlow yesterday and four civilians were killed.",
    )
    talks = trade_talks("daily", "EV2")
    result = link_mentions([chronicle, next_day, talks])
    clusters = _clusters(result)
    assert clusters["chronicle/EV4"] == clusters["daily/EV1"]
    assert clusters["daily/EV2"] != clusters["daily/EV1"]
    assert len(result.opened) == 2 and result.joined == []


def test_linking_far_apart_dates_do_not_link() -> None:
    march = mention("a1", "EV1", on="2025-03-11")
    june = mention("a2", "EV1", on="2025-06-20", published=date(2025, 6, 21))
    clusters = _clusters(link_mentions([march, june]))
    assert clusters["a1/EV1"] != clusters["a2/EV1"]


def test_linking_month_precision_joins_a_day_in_that_month() -> None:
    day = mention("a1", "EV1", on="2025-03-11")
    month = mention(
        "a2",
        "EV1",
        on="2025-03",
        published=date(2025, 4, 2),
        text="In March rebel forces shelled the port city of Marlow, killing four civilians.",
    )
    clusters = _clusters(link_mentions([day, month]))
    assert clusters["a1/EV1"] == clusters["a2/EV1"]


def test_linking_new_mention_joins_stored_cluster_without_renaming_it() -> None:
    first = link_mentions([mention("a1", "EV1")])
    stored = first.mentions
    later = link_mentions(
        [mention("a2", "EV3", text="Four civilians were killed when rebels shelled Marlow.")],
        stored,
    )
    assert later.mentions[0].cluster == stored[0].cluster
    assert later.joined == [stored[0].cluster] and later.opened == []


def test_linking_new_event_opens_cluster_named_after_its_first_mention() -> None:
    stored = link_mentions([mention("a1", "EV1")]).mentions
    result = link_mentions([trade_talks("a2", "EV1"), trade_talks("a3", "EV2")], stored)
    assert result.opened == [cluster_id("a2/EV1")]
    assert {m.cluster for m in result.mentions} == {cluster_id("a2/EV1")}


def test_linking_stored_mention_given_again_keeps_its_cluster() -> None:
    stored = [mention("a1", "EV1", cluster="c-kept")]
    result = link_mentions([mention("a1", "EV1")], stored)
    assert result.mentions[0].cluster == "c-kept"
    assert result.opened == [] and result.joined == []


def test_linking_two_stored_clusters_never_merge() -> None:
    stored = [mention("a1", "EV1", cluster="c-one"), mention("a2", "EV1", cluster="c-two")]
    result = link_mentions([mention("a3", "EV1")], stored)
    assert result.mentions[0].cluster in {"c-one", "c-two"}
    assert len(result.joined) == 1


def test_linking_restatement_group_stays_together() -> None:
    headline = mention("a1", "EV1", group="EV1", trigger="killing", text="Rebels kill four.")
    recap = mention("a1", "EV5", group="EV1", on=None)
    clusters = _clusters(link_mentions([headline, recap]))
    assert clusters["a1/EV1"] == clusters["a1/EV5"]


def test_linking_result_keeps_input_order_and_duplicates() -> None:
    a, b = mention("a1", "EV1"), trade_talks("a2", "EV1")
    result = link_mentions([b, a, b])
    assert [m.mention_id for m in result.mentions] == ["a2/EV1", "a1/EV1", "a2/EV1"]
    assert result.mentions[0].cluster == result.mentions[2].cluster


def test_linking_score_pair_prefers_the_same_event() -> None:
    same = score_pair(mention("a1", "EV1"), mention("a2", "EV1"))
    different = score_pair(mention("a1", "EV1"), trade_talks("a2", "EV2"))
    assert same > 0.9 > 0.1 > different


def test_linking_rules_scorer_is_selectable() -> None:
    settings = LinkingSettings(scorer="rules")
    result = link_mentions([mention("a1", "EV1"), mention("a2", "EV1")], settings=settings)
    assert result.mentions[0].cluster == result.mentions[1].cluster


def test_linking_dense_block_still_links_mentions_sharing_an_anchor() -> None:
    # max_block=2 makes this six-mention block "dense": only anchor-sharing pairs compare.
    shelling = [mention(f"s{i}", "EV1") for i in range(3)]
    raids = [
        mention(
            f"r{i}",
            "EV1",
            trigger="raided",
            actors=("Police",),
            targets=("a depot",),
            text="Police raided a depot near the harbour and seized rifles.",
        )
        for i in range(3)
    ]
    result = link_mentions(shelling + raids, settings=LinkingSettings(max_block=2))
    clusters = _clusters(result)
    assert len({clusters[f"s{i}/EV1"] for i in range(3)}) == 1
    assert len({clusters[f"r{i}/EV1"] for i in range(3)}) == 1
    assert clusters["s0/EV1"] != clusters["r0/EV1"]


def test_linking_candidate_cap_bounds_the_pairs_scored() -> None:
    from dateline.linker import _candidate_pairs

    keys = [["k"]] * 40
    anchors = [frozenset({"shell"})] * 20 + [frozenset({"raid"})] * 20
    days = list(range(40))
    pairs = _candidate_pairs(keys, [True] * 40, anchors, days, max_block=200, max_candidates=3)
    assert len(pairs) <= 40 * 3
    # anchor-sharing candidates come first: no pair crosses the two anchors
    assert all((i < 20) == (j < 20) for i, j in pairs)
    uncapped = _candidate_pairs(keys, [True] * 40, anchors, days, max_block=200, max_candidates=99)
    assert len(uncapped) == 40 * 39 // 2
