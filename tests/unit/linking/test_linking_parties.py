"""Pair feature parties_disjoint: mentions whose actors or targets share nothing."""

from __future__ import annotations

import pytest

from dateline.linker import FEATURES, link_mentions, pair_features, parties_disjoint, profile
from tests.unit.linking._linking_helpers import mention

pytestmark = pytest.mark.issue(9)

BURNING = "Two men were burning farm waste near the olive groves outside Marlow."
HIVES = "A beekeeper said the blaze near Marlow burned all of his hives."


@pytest.mark.parametrize(
    ("first", "second", "disjoint"),
    [
        # Each names parties the other's article never mentions: two happenings.
        (dict(text=BURNING, actors=("The men",), targets=("farm waste",)),
         dict(text=HIVES, actors=(), targets=("all of his hives",)), True),
        # One report's actor is a wrong pick ("the port") but each side's actor is in the
        # other's words: not disjoint.
        (dict(text="Dockworkers walked off the job at the port.", actors=("the port",)),
         dict(text="The dockworkers at the port walked out.", actors=("dockworkers",)), False),
        # Actors shared, targets each absent from the other's article: disjoint.
        (dict(text="A shell hit a power line.", actors=("A shell",), targets=("a power line",)),
         dict(text="Shells hit the village of Karvo.", actors=("Shells",), targets=("Karvo",)),
         True),
        # Parties shared.
        (dict(actors=("Rebel forces",)), dict(actors=("rebel forces",)), False),
        # One side names no party: nothing to compare.
        (dict(actors=(), targets=()), dict(actors=("Rebel forces",)), False),
    ],
)  # fmt: skip
def test_linking_parties_disjoint(first: dict, second: dict, disjoint: bool) -> None:
    a = profile(mention("a1", "EV1", **first))
    b = profile(mention("b1", "EV1", **second))
    assert parties_disjoint(a, b) is disjoint
    assert parties_disjoint(b, a) is disjoint
    assert pair_features(a, b)[FEATURES.index("parties_disjoint")] == float(disjoint)


def test_linking_parties_disjoint_reads_the_clause_inside_one_article() -> None:
    # One article holds both clauses, so its pooled words hold every party: each mention's
    # own clause is read instead, and the two burnings stay disjoint.
    burning = mention("a1", "EV1", text=BURNING, actors=("The men",), targets=("farm waste",))
    hives = mention("a1", "EV2", text=HIVES, actors=(), targets=("all of his hives",))
    a, b = (profile(m) for m in (burning, hives))
    assert a.party_words == (frozenset({"men"}), frozenset({"farm", "wast"}))
    assert parties_disjoint(a, b) is True


def test_linking_disjoint_parties_keep_one_trigger_apart() -> None:
    burning = mention(
        "a1", "EV1", trigger="burning", text=BURNING, type_="OTHER",
        actors=("The men",), targets=("farm waste",),
    )  # fmt: skip
    hives = mention(
        "b1", "EV1", trigger="burned", text=HIVES, type_="OTHER", actors=(),
        targets=("all of his hives",),
    )  # fmt: skip
    linked = link_mentions([burning, hives]).mentions
    assert linked[0].cluster != linked[1].cluster
