"""The ordered list of stages: compose, validate, run.

Each stage is a plain function called with keyword arguments: the working
objects and records it ``requires`` (by name), plus ``settings`` (its own config
section). It returns the list of records it ``provides``. The spaCy ``Doc``
(``doc``) is a working object handed only to stages that need tokens; it is
never part of an output record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from dateline._gc import paused_gc
from dateline.config import Settings
from dateline.errors import PipelineError, StageError, message
from dateline.records import Article, Extraction, Notice
from dateline.stages import (
    claims,
    entities,
    events,
    linking,
    parse,
    places,
    quantities,
    quotes,
    speech,
    timexes,
)
from dateline.stages._tokens import release_tokens

logger = logging.getLogger(__name__)

INPUTS: tuple[str, ...] = ("article", "doc")


@dataclass(frozen=True)
class Stage:
    """One pipeline step: ``run(**requires, settings=...) -> list[record]``."""

    name: str
    run: Callable[..., list[Any]]
    requires: tuple[str, ...]
    provides: str
    section: str | None = None


STAGES: tuple[Stage, ...] = (
    Stage("parse", parse.split_sentences, ("article", "doc"), "sentences"),
    Stage(
        "timexes", timexes.extract_timexes, ("article", "doc", "sentences"), "timexes", "timexes"
    ),
    Stage(
        "quantities", quantities.extract_quantities, ("article", "doc"), "quantities", "quantities"
    ),
    Stage("entities", entities.extract_entities, ("article", "doc"), "entities", "entities"),
    Stage("places", places.extract_places, ("article", "doc", "entities"), "places", "places"),
    # Quotation marks and reporting cues with their speakers, found once for quotes and
    # claims (working records, not part of the Extraction).
    Stage("marks", speech.pair_quote_marks, ("article",), "marks"),
    Stage("speech", speech.find_speech_cues, ("article", "doc", "entities", "marks"), "cues"),
    Stage("quotes", quotes.extract_quotes, ("article", "marks", "cues"), "quotes", "quotes"),
    Stage(
        "claims", claims.extract_claims, ("article", "doc", "cues", "quotes"), "claims", "claims"
    ),
    Stage(
        "events",
        events.extract_events,
        ("article", "doc", "sentences", "timexes", "quantities", "entities", "places", "claims"),
        "events",
        "events",
    ),
    # Rewrites the events it requires: the same records with their restatement group set.
    Stage(
        "linking",
        linking.link_restatements,
        ("article", "sentences", "events"),
        "events",
        "linking",
    ),
)


def validate(stages: Iterable[Stage] = STAGES) -> None:
    """Check once that every stage's inputs are provided earlier; report all gaps together.

    Raises:
        PipelineError: one or more stages require a field nothing before them provides.
    """
    available = set(INPUTS)
    gaps: list[str] = []
    for stage in stages:
        missing = [name for name in stage.requires if name not in available]
        if missing:
            gaps.append(f"'{stage.name}' requires {', '.join(missing)}")
        available.add(stage.provides)
    if gaps:
        raise PipelineError("DL101", gaps="; ".join(gaps))


def run_stages(
    article: Article, doc: Doc, settings: Settings, stages: Iterable[Stage] = STAGES
) -> Extraction:
    """Run every stage on one parsed article and collect the records.

    Raises:
        StageError: a stage raised; the message names the stage and the article.
    """
    work: dict[str, Any] = {"article": article, "doc": doc}
    try:
        with paused_gc():
            _run_each(stages, work, settings, article)
    finally:
        release_tokens(doc)
    fields = {name: work[name] for name in Extraction.model_fields if name in work}
    return Extraction(**fields, notices=_notices(article, work))


def _run_each(
    stages: Iterable[Stage], work: dict[str, Any], settings: Settings, article: Article
) -> None:
    """Run the stages in order, each on what the earlier ones put into ``work``."""
    for stage in stages:
        kwargs = {name: work[name] for name in stage.requires}
        if stage.section is not None:
            kwargs["settings"] = getattr(settings, stage.section)
        try:
            work[stage.provides] = stage.run(**kwargs)
        except Exception as exc:  # noqa: BLE001 - any stage failure becomes a coded error
            logger.debug("stage %s failed on article %s", stage.name, article.id, exc_info=True)
            raise StageError(
                "DL301",
                stage=stage.name,
                article_id=article.id,
                source=article.source or "input",
                reason=f"{type(exc).__name__}: {exc}",
            ) from exc
        logger.debug(
            "stage %s: %d records for article %s", stage.name, len(work[stage.provides]), article.id
        )


def _notices(article: Article, work: dict[str, Any]) -> list[Notice]:
    notices: list[Notice] = []
    if article.published is None:
        unresolved = sum(1 for t in work.get("timexes", []) if t.value is None)
        if unresolved:
            notices.append(
                Notice(
                    code="W001", message=message("W001", article_id=article.id, count=unresolved)
                )
            )
    return notices


def parse_batch(texts: list[str], settings: Settings) -> Iterator[Doc]:
    """Parse texts with the process-wide model, batched."""
    nlp = parse.model_for(settings.parse)
    return nlp.pipe(texts, batch_size=settings.parse.batch_size)


validate()
