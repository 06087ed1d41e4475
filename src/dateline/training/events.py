"""Train the events classifier and write it, with its model card, into package data.

usage: python -m dateline.training.events [--output DIR] [--no-card]

Training data (see ``data/events/training/LABELLING.md`` for the labelling rules):

(a) ``../shared/data/plover/dev.jsonl``: PLOVER gold-standard sentences; the trigger of the
    one coded event per sentence is a positive example (other candidates are unlabelled,
    since PLOVER codes one event per sentence);
(b) ``data/events/training/written.jsonl``: sentences written for this project, every
    candidate labelled (an event type, or no event);
(c) ``data/events/training/references.tsv``: candidates of sentences of dev/train splits
    under ``../shared/data`` labelled by hand, stored as (corpus, doc_id, char offsets,
    label) and resolved against ``../shared`` here, never copied into the repository;
(d) ``../shared/data/events/dev.jsonl``: real articles with event gold; the trigger of each
    gold event is a positive example, candidates outside every gold anchor are negatives.
    Because (a) and (d) are also benchmark sets, ``python -m benchmarks.events`` reports
    their figures by cross-validation (``cross_validated_models``).

The model is a multinomial logistic regression (scikit-learn, fixed seed) over the binary
features of ``stages/_event_features.py`` that decides "event or not", and a second one
over the same features trained on events only that decides the type (the typing head);
only their weights are shipped, as a NumPy archive read by ``stages/_event_model.py``.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy
from scipy import sparse as sp
from spacy.tokens import Token

from dateline.stages._event_model import MODEL_FILE, NO_EVENT, EventModel, save_model
from dateline.stages._triggers import match_trigger
from dateline.stages.events import featurise_candidates
from dateline.training._corpus import Prepared, prepare, shared_dir

SEED = 20261127
C = 0.5
TYPE_C = 1.0
MAX_ITER = 1000
# Weight of a hand-labelled reference in the event-or-not detector. The labelled documents
# are more than nine in ten NONE, with borderline cases left out; at full weight they pull
# the detector's prior below the events guide's, which still logs minor events those
# sheets leave empty. Chosen on events dev by cross-validation (docs/events.md).
REFERENCE_WEIGHT = 0.3
FOLDS = 5
# Reporting verbs frame an event; they are not the trigger when an anchor holds another.
_FRAMING = frozenset({"say", "tell", "report", "add", "state", "announce", "claim", "write"})
_TEST_SPLIT_MARKERS = ("test",)
# The files of a shared corpus that hand labels may point into (a corpus's test file never).
_LABELLED_SPLITS = ("dev.jsonl", "train.jsonl")


@dataclass
class Labelled:
    """One training article: its text and the character spans of labelled candidates.

    Attributes:
        doc_id: unique id (corpus-qualified).
        source: "plover", "written", "references" or "events".
        record: the article mapping given to the pipeline (id, text, published).
        labels: (start, end, label) of labelled triggers; label is a PLOVER type or NONE.
        complete: every candidate not labelled and not ignored is a negative example.
        ignore: spans whose unlabelled candidates are left out (optional or multi-word gold).
    """

    doc_id: str
    source: str
    record: dict
    labels: list[tuple[int, int, str]]
    complete: bool
    ignore: list[tuple[int, int]]


# --------------------------------------------------------------------------- data


def _data_file(name: str) -> Path:
    return Path(str(resources.files("dateline").joinpath(f"data/events/training/{name}")))


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_articles(corpus: str) -> list[Labelled]:
    """Articles of a shared event-gold file (``events`` or ``plover`` dev).

    Each gold event's anchor is kept as a span to be resolved to its trigger token once
    the text is parsed; optional events are labelled too (they are real events) and
    their anchors ignored for negatives.
    """
    out = []
    for rec in _read_jsonl(shared_dir() / "data" / corpus / "dev.jsonl"):
        labels, ignore = [], []
        for event in rec["events"]:
            start = rec["text"].index(event["anchor"])
            span = (start, start + len(event["anchor"]))
            labels.append((*span, "ANCHOR:" + event.get("types", ["OTHER"])[0]))
            ignore.append(span)
        out.append(
            Labelled(
                doc_id=f"{corpus}/{rec['doc_id']}",
                source=corpus,
                record={"id": rec["doc_id"], "text": rec["text"], "published": rec["published"]},
                labels=labels,
                complete=corpus == "events",
                ignore=ignore,
            )
        )
    return out


def written_sentences() -> list[Labelled]:
    """Our own sentences: each names its triggers (word and occurrence) and their labels."""
    out = []
    for rec in _read_jsonl(_data_file("written.jsonl")):
        text = rec["text"]
        labels = []
        for trigger in rec["events"]:
            start = -1
            for _ in range(trigger.get("occurrence", 1)):
                start = text.index(trigger["trigger"], start + 1)
            labels.append((start, start + len(trigger["trigger"]), trigger["type"]))
        out.append(
            Labelled(
                doc_id=f"written/{rec['id']}",
                source="written",
                record={"id": rec["id"], "text": text, "published": rec.get("published")},
                labels=labels,
                complete=True,
                ignore=[],
            )
        )
    return out


def references(path: Path | None = None) -> list[tuple[str, str, int, int, str]]:
    """Hand labels on shared corpora: (corpus, doc_id, start, end, label), file order.

    Args:
        path: the label file; the packaged ``references.tsv`` when None.
    """
    with (path or _data_file("references.tsv")).open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return [(c, d, int(s), int(e), label) for c, d, s, e, label in rows[1:]]


def _shared_record(corpus: str, doc_id: str, cache: dict[str, dict[str, dict]]) -> dict:
    """The shared corpus record a reference points to (dev/train splits only).

    Raises:
        ValueError: the document is unknown or lies in a test split.
    """
    if corpus not in cache:
        folder = shared_dir() / "data" / corpus
        paths = [folder / name for name in _LABELLED_SPLITS if (folder / name).is_file()]
        cache[corpus] = {str(r["doc_id"]): r for path in paths for r in _read_jsonl(path)}
    rec = cache[corpus].get(doc_id)
    if rec is None:
        raise ValueError(f"reference to unknown document {corpus}/{doc_id}")
    if str(rec.get("split", "dev")) in _TEST_SPLIT_MARKERS:
        raise ValueError(f"reference into a test split: {corpus}/{doc_id}")
    return rec


def referenced_articles() -> list[Labelled]:
    """Articles of the hand-labelled references, resolved against ``../shared``."""
    cache: dict[str, dict[str, dict]] = {}
    grouped: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for corpus, doc_id, start, end, label in references():
        _shared_record(corpus, doc_id, cache)
        grouped.setdefault((corpus, doc_id), []).append((start, end, label))
    out = []
    for (corpus, doc_id), labels in sorted(grouped.items()):
        rec = _shared_record(corpus, doc_id, cache)
        out.append(
            Labelled(
                doc_id=f"{corpus}/{doc_id}",
                source="references",
                record={"id": doc_id, "text": rec["text"], "published": None},
                labels=labels,
                complete=False,
                ignore=[],
            )
        )
    return out


def all_articles() -> list[Labelled]:
    """Every training article, sources (a)-(d)."""
    return (
        gold_articles("plover")
        + written_sentences()
        + referenced_articles()
        + gold_articles("events")
    )


# --------------------------------------------------------------------------- examples


@dataclass
class Examples:
    """Featurised candidates of one article with their labels."""

    doc_id: str
    features: list[list[str]]
    labels: list[str]
    anchors_without_candidate: int
    weight: float = 1.0


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def anchor_trigger(cands: list[Token]) -> Token | None:
    """The trigger among the candidates inside a gold anchor: a lexicon trigger first,
    then a non-reporting word highest in the parse, verbs before nouns, leftmost."""
    if not cands:
        return None
    return min(
        cands,
        key=lambda t: (
            match_trigger(t) is None,
            t.lemma_.lower() in _FRAMING,
            _depth(t),
            t.pos_ != "VERB",
            t.i,
        ),
    )


def examples_of(item: Labelled, prepared: Prepared) -> Examples:
    """Label the candidates of one prepared article."""
    cands, feats = featurise_candidates(**prepared.stage_inputs())
    chosen: dict[int, str] = {}
    missing = 0
    for start, end, label in item.labels:
        inside = [t for t in cands if start <= t.idx < end]
        if label.startswith("ANCHOR:"):
            trigger = anchor_trigger(inside)
            if trigger is None:
                missing += 1
                continue
            chosen.setdefault(trigger.i, label.removeprefix("ANCHOR:"))
        else:
            exact = [t for t in inside if t.idx == start] or inside
            if exact:
                chosen[exact[0].i] = label
            else:
                missing += 1
    ignored = {t.i for t in cands for s, e in item.ignore if s <= t.idx < e}
    keep, labels = [], []
    for row, tok in enumerate(cands):
        if tok.i in chosen:
            keep.append(row)
            labels.append(chosen[tok.i])
        elif item.complete and tok.i not in ignored:
            keep.append(row)
            labels.append(NO_EVENT)
    return Examples(
        doc_id=item.doc_id,
        features=[feats[r] for r in keep],
        labels=labels,
        anchors_without_candidate=missing,
        weight=REFERENCE_WEIGHT if item.source == "references" else 1.0,
    )


def build_examples(items: list[Labelled], prepared: list[Prepared] | None = None) -> list[Examples]:
    """Parse, run the earlier stages and featurise every training article.

    Args:
        items: the labelled articles.
        prepared: the same articles already prepared (in order), to skip the parse.
    """
    if prepared is None:
        prepared = prepare([item.record for item in items])
    return [examples_of(item, p) for item, p in zip(items, prepared, strict=True)]


# --------------------------------------------------------------------------- fitting


def fit(examples: list[Examples], c: float = C) -> EventModel:
    """Fit the multinomial logistic regression on featurised examples (fixed seed)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    rows = [feats for ex in examples for feats in ex.features]
    labels = [label for ex in examples for label in ex.labels]
    weights = numpy.asarray([ex.weight for ex in examples for _ in ex.labels], dtype="float64")
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for feats in rows:
        # In first-seen order, never set order: string hashing differs between runs, and the
        # column order must not (reproducible weights).
        for f in dict.fromkeys(feats):
            indices.append(vocabulary.setdefault(f, len(vocabulary)))
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (numpy.ones(len(indices), dtype="float32"), indices, indptr),
        shape=(len(rows), len(vocabulary)),
    )
    classifier = LogisticRegression(C=c, max_iter=MAX_ITER, random_state=SEED)
    # A small problem: BLAS threads only fight over the cores (ten times slower).
    with threadpool_limits(limits=1):
        classifier.fit(matrix, labels, sample_weight=weights)
        type_weights, type_intercept = _fit_typing(matrix, labels, classifier.classes_)
    return EventModel(
        vocabulary=vocabulary,
        labels=tuple(str(label) for label in classifier.classes_),
        weights=numpy.ascontiguousarray(classifier.coef_.T, dtype="float32"),
        intercept=numpy.asarray(classifier.intercept_, dtype="float32"),
        type_weights=type_weights,
        type_intercept=type_intercept,
    )


def _fit_typing(
    matrix: sp.csr_matrix, labels: list[str], classes: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The typing head: a regression over events only, in the detector's column order.

    Deciding the type apart from "event or not" keeps the thousands of NONE examples
    from pulling every rare type's weights towards the commonest ones.
    """
    from sklearn.linear_model import LogisticRegression

    rows = [i for i, label in enumerate(labels) if label != NO_EVENT]
    typer = LogisticRegression(C=TYPE_C, max_iter=MAX_ITER, random_state=SEED)
    typer.fit(matrix[rows], [labels[i] for i in rows])
    weights = numpy.zeros((matrix.shape[1], len(classes)), dtype="float32")
    intercept = numpy.full(len(classes), -1e4, dtype="float32")
    for k, label in enumerate(typer.classes_):
        col = list(classes).index(label)
        weights[:, col] = typer.coef_[k]
        intercept[col] = typer.intercept_[k]
    return weights, intercept


def fold_of(doc_id: str, folds: int = FOLDS) -> int:
    """A stable fold number for a document id."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def cross_validated_models(
    examples: list[Examples], folds: int = FOLDS
) -> tuple[dict[str, int], list[EventModel]]:
    """Models for k-fold cross-validation over the benchmark sets (plover, events dev).

    Our own sentences and the hand-labelled references are in every training fold; each
    benchmark document is held back in exactly one fold.

    Returns:
        (fold of each held-back doc_id, one model per fold trained without that fold).
    """
    benchmark = [ex for ex in examples if ex.doc_id.split("/")[0] in ("events", "plover")]
    assignment = {ex.doc_id: fold_of(ex.doc_id, folds) for ex in benchmark}
    models = []
    for k in range(folds):
        train = [ex for ex in examples if assignment.get(ex.doc_id, -1) != k]
        models.append(fit(train))
    return assignment, models


# --------------------------------------------------------------------------- model card


def _card(
    examples: list[Examples], items: list[Labelled], size: int, seconds: float, figures: str
) -> str:
    by_source: Counter[str] = Counter()
    positives: Counter[str] = Counter()
    for item, ex in zip(items, examples, strict=True):
        by_source[item.source] += len(ex.labels)
        positives.update(label for label in ex.labels if label != NO_EVENT)
    missing = sum(ex.anchors_without_candidate for ex in examples)
    lines = [
        "# Model card: events classifier",
        "",
        f"- Built: {datetime.date.today().isoformat()} by `python -m dateline.training.events`"
        f" (seed {SEED}, {seconds:.0f} s wall clock, parsing included).",
        f"- File: `events-classifier.npz`, {size / 1e6:.1f} MB: multinomial logistic regression"
        f" (scikit-learn, C={C}) over binary clause features (`stages/_event_features.py`)"
        f" for event or not, and a typing head (C={TYPE_C}) trained on events only;"
        " run time needs NumPy only (`stages/_event_model.py`).",
        "- Decides per candidate (every content verb, event noun, lexicon adjective) a PLOVER"
        " type or NONE. Modality, polarity, mode, context and arguments are filled by the"
        " events stage around it.",
        "",
        "## Training data (third-party text by reference only)",
        "",
        "| source | labelled candidates |",
        "|---|---|",
    ]
    lines += [f"| {source} | {n} |" for source, n in sorted(by_source.items())]
    lines += [
        "",
        "Sources: (a) `shared/data/plover/dev.jsonl` (PLOVER GSR, CC BY-SA 4.0), positives only;"
        " (b) `training/written.jsonl`, our own sentences; (c) `training/references.tsv`,"
        " hand labels on news documents of the dev/train splits of ECB+, PolNeAR, the"
        " geoparsing corpora and TempEval-3 (corpus, doc_id, offsets, label), weighted"
        f" {REFERENCE_WEIGHT} in the event-or-not regression; (d)"
        " `shared/data/events/dev.jsonl` gold anchors resolved to their trigger, other"
        " candidates negative. Labelling rules: `training/LABELLING.md`.",
        f"Gold anchors with no candidate inside (not learnable): {missing}.",
        "",
        "Positive labels: " + ", ".join(f"{k} {v}" for k, v in sorted(positives.items())) + ".",
        "",
        "## Dev figures",
        "",
        figures,
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="folder for the model file")
    parser.add_argument(
        "--figures", type=Path, default=None, help="markdown file of dev figures for the card"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    items = all_articles()
    examples = build_examples(items)
    model = fit(examples)
    seconds = time.perf_counter() - started
    default = Path(str(resources.files("dateline").joinpath(MODEL_FILE)))
    out = (args.output / default.name) if args.output else default
    out.parent.mkdir(parents=True, exist_ok=True)
    save_model(out, model)
    size = out.stat().st_size
    figures = (
        args.figures.read_text(encoding="utf-8")
        if args.figures
        else "Run `python -m benchmarks.events --split dev` (cross-validated on the sets"
        " trained on) and paste the table here with `--figures FILE`."
    )
    card = _card(examples, items, size, seconds, figures)
    out.with_name("MODEL_CARD.md").write_text(card, encoding="utf-8")
    n = sum(len(ex.labels) for ex in examples)
    print(f"{n} examples, {len(model.vocabulary)} features, {size / 1e6:.1f} MB -> {out}")


if __name__ == "__main__":
    main()
