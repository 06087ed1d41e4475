"""The linking scorer trains on ECB+ train topics and tunes on dev topics, never on test."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.linker import FEATURES, trained_scorer
from dateline.training.linking import FITTED, HAND_SET, default_data
from dateline.training.linking_ecbplus import DEV, TEST, TRAIN, gold_mentions

TEST_TOPICS = {str(t) for t in range(36, 46)}


def _row(split: str | None, topic: str) -> dict:
    row = {
        "doc_id": f"{topic}_1ecb",
        "topic": topic,
        "text": "A headline\nThe quake struck the town .",
        "mentions": [
            {
                "start": 15,
                "end": 20,
                "text": "quake",
                "kind": "event",
                "cluster": "ACT1",
                "m_id": 3,
                "sentence": 1,
                "in_validated_sentence": True,
            },
            {
                "start": 28,
                "end": 32,
                "text": "town",
                "kind": "entity",
                "cluster": "LOC1",
                "m_id": 4,
                "sentence": 1,
                "in_validated_sentence": True,
            },
        ],
    }
    if split is not None:
        row["split"] = split
    return row


def test_linking_gold_mentions_keep_only_the_asked_splits() -> None:
    rows = [_row(TRAIN, "1"), _row(DEV, "2"), _row(None, "36")]
    found = gold_mentions(rows, (TRAIN, DEV))
    assert [(g.topic, g.split, g.mention.trigger) for g in found] == [
        ("1", TRAIN, "quake"),
        ("2", DEV, "quake"),
    ]
    assert [g.split for g in gold_mentions(rows, (TEST,))] == [TEST]


def test_linking_gold_mention_reads_like_an_extracted_one() -> None:
    (gold,) = gold_mentions([_row(TRAIN, "1")], (TRAIN,))
    assert gold.mention.title == "A headline"
    assert gold.mention.text == "The quake struck the town ."
    assert gold.mention.mention_id == "1_1ecb/3" and gold.cluster == "ACT1"


@pytest.mark.needs_shared
def test_linking_training_file_holds_no_test_topic(shared_dir: Path) -> None:
    from dateline.training.linking_ecbplus import read_rows

    path = shared_dir / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"ECB+ not found at {path}")
    topics = {str(row["topic"]) for row in read_rows(path)}
    assert topics and not topics & TEST_TOPICS
    assert default_data().name == "dev.jsonl"


def test_linking_shipped_model_covers_every_feature() -> None:
    scorer = trained_scorer()
    assert scorer.name == "trained"
    assert len(scorer.weights) == len(FEATURES)
    assert set(FITTED) | set(HAND_SET) == set(FEATURES)
    assert scorer.related  # the related trigger table ships beside the weights
    assert 0.0 < scorer.threshold < 1.0
