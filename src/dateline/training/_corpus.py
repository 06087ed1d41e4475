"""Parsed articles with the records of every stage before ``events`` (not stable API).

Training and the events benchmark both need, per article, the spaCy ``Doc`` and the
corrected records of the earlier stages; they are computed once here and the events
stage is then run (or featurised) on them as often as needed. The word lists derived from
the ECB+ annotation read its parsed train topics and are written here too.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dateline.config import Settings, load_settings
from dateline.errors import StageError
from dateline.pipeline import STAGES, parse_batch, run_stages
from dateline.records import Article, Extraction
from dateline.stages.ingest import article_from_mapping

_PROJECT_ROOT = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The shared data folder: $DATELINE_SHARED, else ``../shared`` beside the project."""
    env = os.environ.get("DATELINE_SHARED")
    return Path(env) if env else _PROJECT_ROOT.parent / "shared"


def ecb_train_parsed() -> Iterator[tuple[dict[str, Any], Doc]]:
    """The ECB+ train-topic documents (records of ``data/ecbplus/dev.jsonl``), each with
    its parse, for tables derived from the annotation (only lemmas are kept from them)."""
    path = shared_dir() / "data" / "ecbplus" / "dev.jsonl"
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    records = [r for r in records if r["split"] == "train"]
    docs = parse_batch([r["text"] for r in records], load_settings())
    yield from zip(records, docs, strict=True)


def write_word_list(relative: str, header: list[str], words: list[str]) -> None:
    """Write a packaged word list (``relative`` under ``dateline/``): comment lines, then one
    word per line; and say where it went."""
    out = Path(str(resources.files("dateline").joinpath(relative)))
    out.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {out}")


@dataclass
class Prepared:
    """One article parsed and run through every stage before ``events``."""

    article: Article
    doc: Doc
    upstream: Extraction

    def stage_inputs(self) -> dict[str, Any]:
        """Keyword arguments of ``extract_events`` except ``settings``."""
        up = self.upstream
        return {
            "article": self.article,
            "doc": self.doc,
            "sentences": up.sentences,
            "timexes": up.timexes,
            "quantities": up.quantities,
            "entities": up.entities,
            "places": up.places,
            "claims": up.claims,
        }


def prepare(
    records: list[dict], settings: Settings | None = None, skip_failures: bool = False
) -> list[Prepared | None]:
    """Parse articles (``{"id", "text", "published"?}``) and run the stages before events.

    Args:
        records: article mappings; ``id`` becomes the article id.
        settings: pipeline settings; packaged defaults when None.
        skip_failures: give None for an article an earlier stage fails on, instead of
            raising (benchmarks count such articles; training must not lose any).

    Returns:
        One Prepared (or None) per record, in order.

    Raises:
        StageError: an earlier stage failed on an article and ``skip_failures`` is False.
    """
    settings = settings or load_settings()
    # The stages before events: the ones after it (restatement linking) need its records.
    upstream_stages = tuple(itertools.takewhile(lambda s: s.name != "events", STAGES))
    articles = []
    for number, rec in enumerate(records, start=1):
        article = article_from_mapping(rec, "training", line=number)
        if not isinstance(article, Article):
            raise ValueError(f"record {number} is not a usable article: {article.message}")
        articles.append(article)
    docs = parse_batch([a.text for a in articles], settings)
    out: list[Prepared | None] = []
    for article, doc in zip(articles, docs, strict=True):
        try:
            out.append(Prepared(article, doc, run_stages(article, doc, settings, upstream_stages)))
        except StageError:
            if not skip_failures:
                raise
            out.append(None)
    return out
