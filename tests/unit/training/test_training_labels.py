"""The events classifier's training labels: every reference resolves, none reads a test
split, our own sentences name their triggers, and labels come from one list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.training import events as training

LABELS = {
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND",
    "DISAPPROVE", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT",
    "THREATEN", "OTHER", "NONE",
}  # fmt: skip


# The labels used in training, and those kept back until audited (LABELLING.md).
LABEL_FILES = ("references.tsv", "pending_references.tsv")


@pytest.mark.parametrize("name", LABEL_FILES)
def test_training_references_resolve_outside_test_splits(shared_dir: Path, name: str) -> None:
    rows = training.references(training._data_file(name))
    assert rows, f"{name} holds no label"
    docs: dict[tuple[str, str], dict] = {}
    for corpus in {r[0] for r in rows}:
        for split in ("dev", "train"):
            path = shared_dir / "data" / corpus / f"{split}.jsonl"
            if not path.is_file():
                continue
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    docs[(corpus, str(rec["doc_id"]))] = rec
    for corpus, doc_id, start, end, label in rows:
        rec = docs.get((corpus, doc_id))
        assert rec is not None, f"{corpus}/{doc_id} not found"
        assert rec.get("split", "dev") != "test", f"{corpus}/{doc_id} is in a test split"
        word = rec["text"][start:end]
        assert word.isalpha() and 0 < end - start < 30, f"{corpus}/{doc_id} {start}:{end}"
        assert label in LABELS


@pytest.mark.parametrize("name", LABEL_FILES)
def test_training_references_are_sorted_and_unique(name: str) -> None:
    rows = training.references(training._data_file(name))
    keys = [(c, d, s) for c, d, s, _, _ in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_training_pending_references_label_other_documents() -> None:
    used = {(c, d) for c, d, *_ in training.references()}
    pending = {
        (c, d) for c, d, *_ in training.references(training._data_file("pending_references.tsv"))
    }
    assert len(pending) == 48
    assert not used & pending


def test_training_reference_to_a_test_split_is_refused(shared_dir: Path) -> None:
    with (shared_dir / "data" / "ecbplus" / "test.jsonl").open(encoding="utf-8") as fh:
        test_id = json.loads(fh.readline())["doc_id"]
    with pytest.raises(ValueError, match="unknown document"):
        training._shared_record("ecbplus", test_id, {})


def test_training_written_sentences_name_their_triggers() -> None:
    items = training.written_sentences()
    assert len(items) >= 50
    for item in items:
        for start, end, label in item.labels:
            assert label in LABELS - {"NONE"}
            assert item.record["text"][start:end].isalpha()
    assert any(not item.labels for item in items), "negative sentences are needed"


def test_training_references_weigh_less_in_the_detector() -> None:
    text = "Police arrested two men after the march."
    labels = [(7, 15, "COERCE"), (34, 39, "PROTEST")]
    items = [
        training.Labelled(
            doc_id=f"{source}/x",
            source=source,
            record={"id": "x", "text": text},
            labels=labels,
            complete=False,
            ignore=[],
        )
        for source in ("references", "written")
    ]
    referenced, written = training.build_examples(items)
    assert referenced.labels == written.labels == ["COERCE", "PROTEST"]
    assert referenced.weight == training.REFERENCE_WEIGHT < 1.0
    assert written.weight == 1.0
