"""The trained events classifier at run time: load the weights, score candidates (not
stable API).

The model is a multinomial logistic regression written by ``python -m
dateline.training.events`` as a compressed NumPy archive: the sparse feature vocabulary,
the class labels (PLOVER types and ``NONE``), a weight column per class for each feature,
and the intercepts; optionally a typing head (``type_weights``, ``type_intercept``),
a second regression trained on events only. With the head, the first regression gives
P(no event) and the head splits the rest among the types. Scoring needs only NumPy, so
run time carries no training library.
"""

from __future__ import annotations

import functools
import itertools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy

from dateline.errors import PipelineError

NO_EVENT = "NONE"
MODEL_FILE = "data/events/model/events-classifier.npz"


@dataclass(frozen=True)
class EventModel:
    """Weights of the events classifier (not stable API)."""

    vocabulary: dict[str, int]
    labels: tuple[str, ...]
    weights: numpy.ndarray  # (n_features, n_labels)
    intercept: numpy.ndarray  # (n_labels,)
    # Optional typing head, trained on events only: same columns as ``weights`` (the
    # NONE column unused). When present, ``weights`` decides event or not and this
    # head decides the type.
    type_weights: numpy.ndarray | None = None
    type_intercept: numpy.ndarray | None = None

    def probabilities(self, features: list[list[str]]) -> numpy.ndarray:
        """Class probabilities, one row per candidate.

        Args:
            features: each candidate's string features.

        Returns:
            Array of shape (len(features), len(labels)).
        """
        columns = [
            [self.vocabulary[f] for f in set(feats) if f in self.vocabulary] for feats in features
        ]
        probs = _softmax(_scores(self.weights, self.intercept, columns))
        if self.type_weights is None or self.type_intercept is None:
            return probs
        none_col = self.labels.index(NO_EVENT)
        type_scores = _scores(self.type_weights, self.type_intercept, columns)
        type_scores[:, none_col] = -numpy.inf
        event = 1.0 - probs[:, none_col : none_col + 1]
        out = _softmax(type_scores) * event
        out[:, none_col] = probs[:, none_col]
        return out


def _scores(
    weights: numpy.ndarray, intercept: numpy.ndarray, columns: list[list[int]]
) -> numpy.ndarray:
    """Intercept plus the summed weight rows of each candidate's features, in one gather."""
    scores = numpy.tile(intercept, (len(columns), 1))
    rows = [row for row, cols in enumerate(columns) if cols]
    if rows:
        flat = numpy.fromiter(
            itertools.chain.from_iterable(columns[row] for row in rows), dtype=numpy.intp
        )
        offsets = numpy.cumsum([0] + [len(columns[row]) for row in rows[:-1]])
        scores[rows] += numpy.add.reduceat(weights[flat], offsets, axis=0)
    return scores


def _softmax(scores: numpy.ndarray) -> numpy.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = numpy.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def save_model(path: Path, model: EventModel) -> None:
    """Write a model archive (used by the training command)."""
    names = [""] * len(model.vocabulary)
    for name, col in model.vocabulary.items():
        names[col] = name
    heads = {}
    if model.type_weights is not None and model.type_intercept is not None:
        heads = {
            "type_weights": model.type_weights.astype("float32"),
            "type_intercept": model.type_intercept.astype("float32"),
        }
    numpy.savez_compressed(
        path,
        features=numpy.asarray(json.dumps(names)),
        labels=numpy.asarray(json.dumps(list(model.labels))),
        weights=model.weights.astype("float32"),
        intercept=model.intercept.astype("float32"),
        **heads,
    )


@functools.cache
def load_model(path: str = "") -> EventModel:
    """Load the classifier: the packaged one, or the archive at ``path``.

    Raises:
        PipelineError: DL111 when the file is missing or not a model archive.
    """
    source = Path(path) if path else resources.files("dateline").joinpath(MODEL_FILE)
    try:
        with source.open("rb") as fh, numpy.load(fh, allow_pickle=False) as data:
            names = json.loads(str(data["features"]))
            labels = tuple(json.loads(str(data["labels"])))
            return EventModel(
                vocabulary={name: i for i, name in enumerate(names)},
                labels=labels,
                weights=numpy.asarray(data["weights"], dtype="float32"),
                intercept=numpy.asarray(data["intercept"], dtype="float32"),
                type_weights=_optional(data, "type_weights"),
                type_intercept=_optional(data, "type_intercept"),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise PipelineError(
            "DL111", path=str(source), reason=f"{type(exc).__name__}: {exc}"
        ) from None


def _optional(data: numpy.lib.npyio.NpzFile, name: str) -> numpy.ndarray | None:
    return numpy.asarray(data[name], dtype="float32") if name in data.files else None
