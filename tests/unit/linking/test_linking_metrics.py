"""Coreference metrics on textbook cases (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005)."""

from __future__ import annotations

import pytest

from dateline.training.linking_metrics import b_cubed_counts, clusters_of, coref_scores


def test_linking_metrics_muc_counts_missing_links() -> None:
    # Key {A B C D}, response {A B} {C D}: one link of three missing, none wrong.
    scores = coref_scores(dict.fromkeys("ABCD", 1), {"A": 1, "B": 1, "C": 2, "D": 2})
    assert scores["muc_r"] == pytest.approx(2 / 3)
    assert scores["muc_p"] == pytest.approx(1.0)
    assert scores["muc_f1"] == pytest.approx(0.8)


def test_linking_metrics_b_cubed_bagga_baldwin_example() -> None:
    key = {i: 0 if i <= 5 else 1 if i <= 7 else 2 for i in range(1, 13)}
    response = {i: 0 if i <= 7 else 1 for i in range(1, 13)}
    scores = coref_scores(key, response)
    assert scores["b3_r"] == pytest.approx(1.0)
    assert scores["b3_p"] == pytest.approx(16 / 21)  # (25/7 + 4/7 + 5) / 12


def test_linking_metrics_ceaf_e_aligns_entities_one_to_one() -> None:
    key = {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1}
    response = {"a": 0, "b": 0, "c": 1, "d": 1, "e": 1}
    scores = coref_scores(key, response)
    # phi4 = 2|K∩R|/(|K|+|R|): {abc}~{ab} 0.8 and {de}~{cde} 0.8, over 2 entities each side.
    assert scores["ceafe_r"] == pytest.approx(0.8)
    assert scores["ceafe_p"] == pytest.approx(0.8)
    assert scores["conll_f1"] == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_linking_metrics_perfect_response_scores_one() -> None:
    key = {"a": 0, "b": 0, "c": 1, "d": 1, "e": 2}
    scores = coref_scores(key, {k: f"x{v}" for k, v in key.items()})
    assert scores["conll_f1"] == pytest.approx(1.0)


def test_linking_metrics_refuse_different_mentions() -> None:
    with pytest.raises(ValueError, match="differ on 2 mention"):
        coref_scores({"a": 0}, {"b": 0})


def test_linking_metrics_clusters_of_groups_by_label() -> None:
    assert sorted(map(sorted, clusters_of({"a": 1, "b": 2, "c": 1}))) == [["a", "c"], ["b"]]


def test_linking_metrics_linear_b_cubed_matches_the_library() -> None:
    key = {i: 0 if i <= 5 else 1 if i <= 7 else 2 for i in range(1, 13)}
    response = {i: i % 3 for i in range(1, 13)}
    scores = coref_scores(key, response)
    assert b_cubed_counts(key, response) == pytest.approx(
        (scores["b3_r"], scores["b3_p"], scores["b3_f1"])
    )
