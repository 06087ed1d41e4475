"""Scoring functions of the multi-article story benchmark, on textbook cases."""

from __future__ import annotations

import pytest

from benchmarks.stories import (
    Span,
    anchor_span,
    b_cubed,
    count_errors,
    match_contradictions,
    match_mentions,
    pairwise_counts,
    ratio_scores,
)

# Two gold clusters {a, b, c} and {d, e}; the response splits c off its cluster and puts
# it with d and e.
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_stories_pairwise_counts_shared_response_and_key_pairs():
    # key pairs ab ac bc de; response pairs ab cd ce de; shared ab de
    assert pairwise_counts(KEY, RESPONSE) == (2, 4, 4)
    assert ratio_scores(2, 4, 4) == (0.5, 0.5, 0.5)


def test_stories_pairwise_with_no_pairs_on_either_side_scores_one():
    singletons = {"a": 1, "b": 2}
    assert pairwise_counts(singletons, {"a": "x", "b": "y"}) == (0, 0, 0)
    assert ratio_scores(0, 0, 0) == (1.0, 1.0, 1.0)


def test_stories_pairwise_merging_everything_keeps_recall_and_loses_precision():
    merged = dict.fromkeys(KEY, "all")
    assert pairwise_counts(KEY, merged) == (4, 10, 4)
    precision, recall, _ = ratio_scores(4, 10, 4)
    assert (precision, recall) == (0.4, 1.0)


def test_stories_b_cubed_on_the_split_cluster_case():
    precision, recall, f1 = b_cubed(KEY, RESPONSE)
    # precision: (1 + 1 + 1/3 + 2/3 + 2/3) / 5; recall: (2/3 + 2/3 + 1/3 + 1 + 1) / 5
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f1 == pytest.approx(11 / 15)


def test_stories_b_cubed_of_one_big_cluster_is_bagga_baldwins_example():
    # Bagga & Baldwin (1998): gold {1..5} {6, 7}, response all seven in one cluster.
    key = {m: (1 if m <= 5 else 2) for m in range(1, 8)}
    response = dict.fromkeys(key, "one")
    precision, recall, _ = b_cubed(key, response)
    assert precision == pytest.approx((5 * 5 / 7 + 2 * 2 / 7) / 7)
    assert recall == 1.0


def test_stories_b_cubed_of_a_perfect_response_is_one():
    assert b_cubed(KEY, {m: f"r{c}" for m, c in KEY.items()}) == (1.0, 1.0, 1.0)


def test_stories_mentions_match_one_to_one_by_largest_overlap():
    gold = {"E1.1": Span("a1", 10, 30), "E2.1": Span("a1", 40, 50), "E3.1": Span("a2", 10, 30)}
    predicted = {
        "a1/EV1": Span("a1", 0, 45),  # overlaps E1.1 by 20 and E2.1 by 5
        "a1/EV2": Span("a1", 25, 32),  # overlaps E1.1 by 5: E1.1 is taken
        "a1/EV3": Span("a1", 44, 60),  # overlaps E2.1 by 6
        "a3/EV1": Span("a3", 10, 30),  # another article: no overlap
    }
    assert match_mentions(predicted, gold) == {"a1/EV1": "E1.1", "a1/EV3": "E2.1"}


def test_stories_anchor_must_occur_exactly_once():
    texts = {"a1": "Police detained two men. Police detained two men."}
    assert anchor_span(texts, "a1", "two men. Police") == Span("a1", 16, 31)
    with pytest.raises(ValueError, match="occurs 2 times"):
        anchor_span(texts, "a1", "Police detained")
    with pytest.raises(ValueError, match="occurs 0 times"):
        anchor_span(texts, "a1", "arrested")


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        # same kind, two shared mentions: a match
        ([("occurrence", frozenset({"E1.1", "E1.2"}))], [(0, 0)]),
        # one shared mention is not enough
        ([("occurrence", frozenset({"E1.1", "E9.9"}))], []),
        # another kind over the same mentions is not a match
        ([("date", frozenset({"E1.1", "E1.2"}))], []),
        # two predictions of one gold contradiction: only the larger overlap matches
        (
            [
                ("occurrence", frozenset({"E1.1", "E1.2"})),
                ("occurrence", frozenset({"E1.1", "E1.2", "E1.3"})),
            ],
            [(1, 0)],
        ),
    ],
)
def test_stories_contradictions_match_by_kind_and_shared_mentions(predicted, expected):
    gold = [("occurrence", frozenset({"E1.1", "E1.2", "E1.3"})), ("figure", frozenset({"E2.1"}))]
    assert match_contradictions(predicted, gold) == expected


def test_stories_count_errors_give_exact_rate_and_mean_absolute_error():
    assert count_errors([3, 1, 2], [3, 2, 0]) == (pytest.approx(1 / 3), 1.0)
    assert count_errors([], []) == (1.0, 0.0)
