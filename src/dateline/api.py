"""The Python API: ``extract`` one text, ``extract_many`` stream many, ``json_schema``,
``ingest`` files into a store.

The extract functions use one process-wide spaCy pipeline and batched parsing.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.config import Settings, load_settings
from dateline.errors import ConfigError, DatelineWarning, InputError, StageError
from dateline.pipeline import parse_batch, run_stages
from dateline.records import Article, Extraction, Rejection
from dateline.stages.ingest import (
    article_from_mapping,
    article_from_text,
    parse_date,
    read_sources,
)

if TYPE_CHECKING:
    from dateline.storage.ingest import IngestReport

logger = logging.getLogger(__name__)

ArticleInput = str | Article | dict[str, Any] | Rejection


def extract(
    text: str,
    published: date | str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    settings: Settings | None = None,
) -> Extraction:
    """Extract every record from one article text.

    Args:
        text: the article body.
        published: publication date (date or "YYYY-MM-DD"); relative dates resolve against it.
        title, url, outlet: optional article metadata.
        settings: pipeline settings; packaged defaults when None.

    Returns:
        The Extraction for the article.

    Raises:
        InputError: empty text (DL203) or invalid date (DL205).
        StageError: a stage failed on the article (DL301).
    """
    when = parse_date(published, "published") if published is not None else None
    metadata = {k: v for k, v in {"title": title, "url": url, "outlet": outlet}.items() if v}
    article = article_from_text(text, "text", when, **metadata)
    if isinstance(article, Rejection):
        raise InputError(article.code, source="text")
    (result,) = extract_many([article], settings=settings, strict=True)
    assert isinstance(result, Extraction)
    return result


def extract_many(
    items: Iterable[ArticleInput],
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    strict: bool = False,
    workers: int = 1,
) -> Iterator[Extraction | Rejection]:
    """Stream many articles through one loaded pipeline, parsing in batches.

    Args:
        items: texts, Articles, dicts with ``text`` (+ optional metadata) or Rejections
            (passed through, so readers can feed their bad inputs along in order).
        published: default publication date for articles that carry none.
        settings: pipeline settings; packaged defaults when None.
        strict: raise StageError instead of yielding a Rejection when a stage fails.
        workers: processes to extract on; above 1, ``dateline.parallel`` runs one
            pipeline per worker process (same results, same order).

    Yields:
        One Extraction or Rejection per item, in input order.
    """
    settings = settings or load_settings()
    default_date = parse_date(published, "published") if published is not None else None
    if workers > 1:
        from dateline.parallel import extract_parallel

        articles = (_to_article(item, n, default_date) for n, item in enumerate(items, start=1))
        yield from extract_parallel(articles, workers=workers, settings=settings, strict=strict)
        return
    batch: list[Article | Rejection] = []
    for number, item in enumerate(items, start=1):
        batch.append(_to_article(item, number, default_date))
        if len(batch) >= settings.parse.batch_size:
            yield from _run_batch(batch, settings, strict)
            batch = []
    if batch:
        yield from _run_batch(batch, settings, strict)


def ingest(
    paths: str | Path | Iterable[str | Path],
    db: str | None = None,
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    batch_size: int = 32,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Extract articles from files into a store and link their events across articles.

    Idempotent: an article whose text is stored already is skipped. Each batch is committed
    in one transaction, so an interrupted run loses at most the batch in flight, and the
    next run resumes (see ``dateline.storage.ingest`` for the steps).

    Args:
        paths: files (or ``-`` for stdin) in any format ``extract`` reads.
        db: None for ``dateline.duckdb`` in the working directory, a DuckDB file path, or a
            ``postgresql://`` URL.
        published: publication date for articles that carry none.
        settings: pipeline and linking settings; packaged defaults when None.
        batch_size: articles per committed batch (1 or more).
        progress: called once per input with ``"stored"``, ``"skipped"`` or ``"rejected"``.
        workers: extraction processes, as for ``extract_many``.

    Returns:
        An IngestReport: counts, and the rejected inputs with their coded errors.

    Raises:
        ConfigError: DL002 for a batch size below 1.
        InputError: DL205 for an invalid ``published``.
        StoreError: the store cannot be opened (DL401-DL403) or refused a batch (DL405).
    """
    from dateline.storage import open_store
    from dateline.storage.ingest import ingest_articles

    if batch_size < 1:
        raise ConfigError("DL002", key="batch_size", value=batch_size, reason="must be 1 or more")
    when = parse_date(published, "published") if published is not None else None
    names = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    settings = settings or load_settings()
    with open_store(db) as store:
        return ingest_articles(
            store,
            read_sources(names, when),
            published=when,
            settings=settings,
            batch_size=batch_size,
            progress=progress,
            workers=workers,
        )


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the Extraction record (the output of ``extract``)."""
    return Extraction.model_json_schema()


def _to_article(item: ArticleInput, number: int, default_date: date | None) -> Article | Rejection:
    if isinstance(item, Rejection):
        return item
    if isinstance(item, Article):
        if item.published is None and default_date is not None:
            return item.model_copy(update={"published": default_date})
        return item
    if isinstance(item, str):
        return article_from_text(item, f"item {number}", default_date)
    return article_from_mapping(item, "items", line=number, published=default_date)


def _run_batch(
    batch: list[Article | Rejection], settings: Settings, strict: bool
) -> Iterator[Extraction | Rejection]:
    articles = [a for a in batch if isinstance(a, Article)]
    docs = iter(parse_batch([a.text for a in articles], settings))
    for item in batch:
        if isinstance(item, Rejection):
            yield item
            continue
        doc = next(docs)
        try:
            result = run_stages(item, doc, settings)
        except StageError as exc:
            if strict:
                raise
            logger.warning("article %s rejected: %s", item.id, exc)
            yield Rejection(source=item.source or item.id, code=exc.code, message=str(exc))
            continue
        for notice in result.notices:
            warnings.warn(DatelineWarning(notice.code, notice.message), stacklevel=3)
        yield result
