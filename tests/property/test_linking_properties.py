"""Property tests of the cross-article linker: order-free, idempotent, stable cluster ids.

Mentions are generated from a few events (type, day, place, words) with noise, so that
generated batches hold both mentions of one event and look-alike mentions of others.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.linker import block_keys, link_mentions
from dateline.records import Argument, EventMention, PlaceRef

FAST = settings(max_examples=40, deadline=None)
PLACES = [
    PlaceRef(name="Marlow", country="XM", lat=44.1, lon=21.5),
    PlaceRef(name="Dunmore", country="XD", lat=51.2, lon=3.9),
    None,
]
TYPES = ["ASSAULT", "COERCE", "CONSULT", "PROTEST", "OTHER"]
WORDS = ["shelled", "attack", "met", "talks", "protest", "march", "strike", "seized"]
START = date(2025, 3, 1)


@st.composite
def mentions(draw: st.DrawFn, article: str, event: str) -> EventMention:
    day = START + timedelta(days=draw(st.integers(0, 20)))
    dated = draw(st.booleans())
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
    actor = draw(st.sampled_from(["Rebel forces", "Trade ministers", "Farmers"]))
    return EventMention(
        mention_id=f"{article}/{event}",
        article_id=article,
        event_id=event,
        published=day + timedelta(days=draw(st.integers(0, 3))),
        type=draw(st.sampled_from(TYPES)),
        trigger=words[0],
        text=f"{actor} " + " ".join(words) + " in the city.",
        span=(0, 10),
        date=day.isoformat() if dated else None,
        location=draw(st.sampled_from(PLACES)),
        actors=[Argument(name=actor, span=(0, 1))],
    )


@st.composite
def batches(draw: st.DrawFn) -> list[EventMention]:
    size = draw(st.integers(1, 12))
    return [draw(mentions(f"a{i % 4}", f"EV{i}")) for i in range(size)]


def _clusters(found: list[EventMention]) -> dict[str, str | None]:
    return {m.mention_id: m.cluster for m in found}


@FAST
@given(batch=batches(), data=st.data())
def test_linking_permuted_batch_gives_the_same_clusters(batch, data) -> None:
    permuted = data.draw(st.permutations(batch))
    assert _clusters(link_mentions(batch).mentions) == _clusters(link_mentions(permuted).mentions)


@FAST
@given(batch=batches())
def test_linking_is_idempotent(batch) -> None:
    once = link_mentions(batch)
    twice = link_mentions(once.mentions)
    assert _clusters(twice.mentions) == _clusters(once.mentions)
    # Given again with everything stored, nothing moves and nothing opens.
    again = link_mentions(once.mentions, once.mentions)
    assert _clusters(again.mentions) == _clusters(once.mentions)
    assert again.opened == [] and again.joined == []


@FAST
@given(first=batches(), second=batches())
def test_linking_stored_cluster_ids_are_stable(first, second) -> None:
    stored = link_mentions(first).mentions
    fresh = [m.model_copy(update={"mention_id": "n" + m.mention_id}) for m in second]
    later = link_mentions(fresh, stored)
    stored_ids = {m.cluster for m in stored}
    assert set(later.joined) <= stored_ids
    assert not set(later.opened) & stored_ids
    assert {m.cluster for m in later.mentions} == set(later.joined) | set(later.opened)


@FAST
@given(batch=batches())
def test_linking_clusters_only_join_mentions_sharing_a_block(batch) -> None:
    result = link_mentions(batch).mentions
    keys = {m.mention_id: set(block_keys(m)) for m in batch}
    members: dict[str, list[str]] = {}
    for m in result:
        members.setdefault(m.cluster, []).append(m.mention_id)
    for ids in members.values():
        # a multi-mention cluster is connected through shared blocks
        reached, frontier = {ids[0]}, [ids[0]]
        while frontier:
            current = frontier.pop()
            for other in ids:
                if other not in reached and keys[current] & keys[other]:
                    reached.add(other)
                    frontier.append(other)
        assert reached == set(ids)
