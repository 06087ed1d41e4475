"""The word-vector builder's pure steps: stems averaged, components kept, rows quantised."""

from __future__ import annotations

import numpy

from dateline.training.word_vectors import compress, stem_vectors


def test_vector_training_averages_words_of_one_stem() -> None:
    words = ["kill", "killed", "killing", "quake"]
    vectors = numpy.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [5.0, 5.0]])
    stems, averaged = stem_vectors(words, vectors)
    assert stems == ["kill", "quak"]
    assert averaged[0].tolist() == [2.0 / 3.0, 2.0 / 3.0]
    assert averaged[1].tolist() == [5.0, 5.0]


def test_vector_training_keeps_leading_components_as_unit_int8_rows() -> None:
    rng = numpy.random.default_rng(3)
    # Variance mostly along the first two axes: two components keep the geometry.
    vectors = rng.normal(size=(200, 6)) * numpy.array([10.0, 5.0, 0.1, 0.1, 0.1, 0.1])
    quantised, mean = compress(vectors, 2)
    assert quantised.dtype == numpy.int8 and quantised.shape == (200, 2)
    assert numpy.allclose(mean, vectors.mean(0), atol=1e-5)
    lengths = numpy.linalg.norm(quantised.astype(float) / 127.0, axis=1)
    assert numpy.all(numpy.abs(lengths - 1.0) < 0.02)
    centred = vectors - vectors.mean(0)
    original = centred[:, :2] / numpy.linalg.norm(centred[:, :2], axis=1, keepdims=True)
    kept = quantised.astype(float) / 127.0
    # Cosines between rows survive projection and quantisation.
    assert numpy.allclose(kept @ kept.T, original @ original.T, atol=0.05)
