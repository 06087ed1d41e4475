"""Static word vectors keyed by Snowball stem, for comparing what two texts mean.

The vectors are distilled from a sentence encoder by ``python -m
dateline.training.word_vectors`` (model card inside the file, key ``card``) and ship as
``data/general/word_vectors.npz``: int8 rows of unit length, one per stem. Reading them
needs NumPy only.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

VECTORS_FILE = "data/general/word_vectors.npz"


@dataclass(frozen=True, eq=False)
class WordVectors:
    """Unit-length vectors of word stems (not stable API)."""

    index: dict[str, int]
    matrix: np.ndarray  # float32, one unit row per stem
    card: dict

    def rows(self, stems: Iterable[str]) -> tuple[int, ...]:
        """The sorted matrix rows of the known stems."""
        index = self.index
        return tuple(sorted(index[s] for s in stems if s in index))

    def mean(self, stems: Iterable[str]) -> np.ndarray | None:
        """The unit-length mean of the known stems' vectors; None when none is known."""
        return self.mean_of_rows(self.rows(stems))

    def mean_of_rows(self, rows: tuple[int, ...]) -> np.ndarray | None:
        """The unit-length mean of the given rows; None when there are none."""
        if not rows:
            return None
        total = self.matrix[list(rows)].sum(0, dtype=np.float64)
        norm = float(np.linalg.norm(total))
        return total / norm if norm > 0 else None

    def means_of_rows(self, groups: Sequence[tuple[int, ...]]) -> np.ndarray:
        """``mean_of_rows`` of many groups at once, one row each; zeros for an empty group."""
        means = np.zeros((len(groups), self.matrix.shape[1]), dtype=np.float64)
        filled = [k for k, rows in enumerate(groups) if rows]
        if not filled:
            return means
        flat = [row for k in filled for row in groups[k]]
        starts = np.cumsum([0] + [len(groups[k]) for k in filled[:-1]])
        totals = np.add.reduceat(self.matrix[flat].astype(np.float64), starts, axis=0)
        norms = np.linalg.norm(totals, axis=1, keepdims=True)
        means[filled] = np.divide(totals, norms, out=np.zeros_like(totals), where=norms > 0)
        return means


@functools.cache
def word_vectors() -> WordVectors:
    """The packaged vectors, loaded once."""
    with (
        resources.files("dateline").joinpath(VECTORS_FILE).open("rb") as handle,
        np.load(handle) as data,
    ):
        stems = [str(s) for s in data["stems"]]
        matrix = data["vectors"].astype(np.float32) / 127.0
        card = json.loads(str(data["card"]))
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return WordVectors({s: i for i, s in enumerate(stems)}, matrix, card)


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    """Cosine of two unit vectors, floored at 0; 0 when either is missing."""
    if a is None or b is None:
        return 0.0
    return max(0.0, float(a @ b))
