"""ECB+ gold event mentions as dateline ``EventMention`` records (not stable API).

Reads ``shared/data/ecbplus/<file>.jsonl`` (format in its SOURCES.md). Evaluation set-up,
as in the literature (Cybulska & Vossen 2015; Barhom et al. 2019): gold event mentions
(``kind == "event"``) in the validated sentences only, clustered within each gold topic.

Each gold mention becomes an EventMention the linker reads like one from dateline's own
extraction: the mention's words as ``trigger``, its sentence as ``text``, the document's
first line (the headline, or the source URL for the ``ecbplus`` half) as ``title``. ECB+
gives no publication date, place or event type, so those stay unknown (``type`` OTHER).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.records import EventMention

TRAIN = "train"
DEV = "dev"
TEST = "test"


@dataclass(frozen=True)
class GoldMention:
    """One gold event mention: the record the linker reads and its gold cluster."""

    mention: EventMention
    topic: str
    split: str
    cluster: str
    head_text: str


def read_rows(path: Path) -> Iterator[dict]:
    """Yield the documents of one ECB+ JSONL file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _mention(row: dict, gold: dict, lines: list[str]) -> EventMention:
    trigger = gold.get("token_text") or gold["text"]
    return EventMention(
        mention_id=f"{row['doc_id']}/{gold['m_id']}",
        article_id=row["doc_id"],
        event_id=str(gold["m_id"]),
        title=lines[0] if lines else None,
        type="OTHER",
        trigger=trigger,
        text=lines[gold["sentence"]],
        span=(gold["start"], gold["end"]),
    )


def gold_mentions(rows: Iterable[dict], splits: Iterable[str]) -> list[GoldMention]:
    """Return the validated gold event mentions of the documents in ``splits``.

    Args:
        rows: ECB+ documents.
        splits: which of ``train``, ``dev`` and ``test`` to keep (the test file's rows
            carry no split field and count as ``test``).
    """
    wanted = set(splits)
    found: list[GoldMention] = []
    for row in rows:
        split = row.get("split", TEST)
        if split not in wanted:
            continue
        lines = row["text"].split("\n")
        for gold in row["mentions"]:
            if gold["kind"] != "event" or not gold["in_validated_sentence"]:
                continue
            found.append(
                GoldMention(
                    mention=_mention(row, gold, lines),
                    topic=str(row["topic"]),
                    split=split,
                    cluster=gold["cluster"],
                    head_text=gold.get("token_text") or gold["text"],
                )
            )
    return found


def by_topic(mentions: Iterable[GoldMention]) -> dict[str, list[GoldMention]]:
    """Group gold mentions by topic, topics in numeric order."""
    topics: dict[str, list[GoldMention]] = {}
    for gold in mentions:
        topics.setdefault(gold.topic, []).append(gold)
    return {k: topics[k] for k in sorted(topics, key=int)}
