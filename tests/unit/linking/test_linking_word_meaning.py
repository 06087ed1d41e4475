"""Word vectors and the scorer's network: what the linker reads of word meaning."""

from __future__ import annotations

import numpy
import pytest

from dateline.linker import (
    FEATURES,
    Network,
    Scorer,
    _stem,
    article_bags,
    pair_feature_matrix,
    pair_features,
    profile,
    trained_scorer,
)
from dateline.records import EventMention
from dateline.training.linking import FITTED, HAND_SET
from dateline.word_vectors import cosine, word_vectors


def _vector(text: str) -> numpy.ndarray | None:
    return word_vectors().mean(_stem(w) for w in text.split())


@pytest.mark.parametrize(
    ("near", "far"),
    [
        (("kill", "murder"), ("kill", "banana")),
        (("earthquake", "quake"), ("earthquake", "election")),
        (("arrest", "detained"), ("arrest", "concert")),
        (("buy", "purchase"), ("buy", "flood")),
    ],
)
def test_linking_vectors_rank_synonyms_above_unrelated_words(
    near: tuple[str, str], far: tuple[str, str]
) -> None:
    assert cosine(_vector(near[0]), _vector(near[1])) > cosine(_vector(far[0]), _vector(far[1]))
    assert cosine(_vector(near[0]), _vector(near[1])) > 0.5


def test_linking_vectors_are_unit_length_and_unknown_stems_give_none() -> None:
    vectors = word_vectors()
    assert len(vectors.index) > 10_000
    assert numpy.allclose(numpy.linalg.norm(vectors.matrix, axis=1), 1.0, atol=1e-5)
    assert vectors.mean(["qqzzxq"]) is None
    assert cosine(None, _vector("kill")) == 0.0
    mixed = vectors.mean([_stem("kill"), "qqzzxq"])
    assert mixed is not None and numpy.allclose(mixed, _vector("kill"))


def test_linking_network_logits_match_a_hand_computation() -> None:
    hidden = (numpy.array([[1.0, -1.0], [0.5, 2.0]]), numpy.array([0.0, -1.0]))
    output = (numpy.array([[2.0], [3.0]]), numpy.array([-1.0]))
    network = Network((FEATURES.index("context"), FEATURES.index("title")), (hidden, output))
    row = numpy.zeros((1, len(FEATURES)))
    row[0, FEATURES.index("context")] = 1.0
    row[0, FEATURES.index("title")] = 2.0
    # hidden: relu([1 + 1, -1 + 4 - 1]) = [2, 2]; output: 2*2 + 3*2 - 1 = 9
    assert network.logits(row).tolist() == [9.0]
    again = Network.from_json(network.to_json())
    assert again.columns == network.columns
    assert again.logits(row).tolist() == [9.0]


def test_linking_scorer_adds_network_to_linear_part() -> None:
    network = Network((0,), ((numpy.array([[0.0]]), numpy.array([2.0])),))
    weights = tuple(1.0 if f == "date_gap" else 0.0 for f in FEATURES)
    scorer = Scorer("t", weights, -1.0, 0.5, {}, network)
    row = [0.0] * len(FEATURES)
    row[FEATURES.index("date_gap")] = 1.0
    # z = -1 + 1 (linear) + 2 (network) = 2
    assert scorer.probability(row) == pytest.approx(1.0 / (1.0 + numpy.exp(-2.0)))


def test_linking_shipped_network_reads_only_fitted_features() -> None:
    scorer = trained_scorer()
    assert scorer.network is not None
    assert {FEATURES[c] for c in scorer.network.columns} == set(FITTED)
    linear = dict(zip(FEATURES, scorer.weights, strict=True))
    assert all(linear[f] == 0.0 for f in FITTED)
    assert all(linear[f] != 0.0 or f in ("place_known",) for f in HAND_SET)


def test_linking_feature_matrix_equals_pair_features_row_by_row() -> None:
    texts = [
        ("Police arrested 40 protesters in Leeds.", "arrested"),
        ("About 40 demonstrators were detained in Leeds.", "detained"),
        ("A quake struck the coast.", "struck"),
        ("Nothing zzqx.", "zzqx"),  # no known word: missing vectors give 0
    ]
    mentions = [
        EventMention(
            mention_id=f"a{k}/1",
            article_id=f"a{k}",
            event_id="1",
            type="OTHER",
            trigger=trigger,
            text=text,
            span=(text.index(trigger), text.index(trigger) + len(trigger)),
        )
        for k, (text, trigger) in enumerate(texts)
    ]
    bags = article_bags(mentions)
    profiles = [profile(m, bags[m.article_id]) for m in mentions]
    pairs = [(0, 1), (0, 2), (1, 3), (2, 3)]
    matrix = pair_feature_matrix(profiles, pairs, {})
    for row, (i, j) in zip(matrix, pairs, strict=True):
        assert row.tolist() == pytest.approx(pair_features(profiles[i], profiles[j], {}), abs=1e-12)
    similar = FEATURES.index("trigger_similar")
    assert matrix[0, similar] > matrix[1, similar]  # arrested ~ detained, not ~ struck
    assert matrix[2, similar] == 0.0
