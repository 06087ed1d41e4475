"""The Python API: ``extract`` one text, ``extract_many`` stream many, ``json_schema``,
``ingest`` files into a store, ``timeline`` of the linked events in a store.

The extract functions use one process-wide spaCy pipeline and batched parsing.
Input is untrusted: a wrong type, invalid Unicode, an oversized article or a text
in another language is a coded error, a Rejection or a notice, never a traceback.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from dateline.config import Settings, load_settings
from dateline.errors import ConfigError, DatelineWarning, InputError, StageError, message
from dateline.pipeline import STAGES, parse_batch, run_stages
from dateline.records import Article, Extraction, Notice, Rejection, Timeline
from dateline.stages._language import looks_english
from dateline.stages.ingest import (
    article_from_mapping,
    article_from_text,
    check_article,
    parse_date,
    read_sources,
)

if TYPE_CHECKING:
    from dateline.storage.ingest import IngestReport

logger = logging.getLogger(__name__)

ArticleInput = str | Article | dict[str, Any] | Rejection
_PARSE_ONLY = STAGES[:1]


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
        InputError: a text or metadata of the wrong type (DL215), empty text (DL203),
            an invalid date (DL205), a lone surrogate (DL212), a text over the size
            limit (DL211).
        StageError: a stage failed on the article (DL301).
    """
    _require_type("text", text, str, "a str")
    for name, value in (("title", title), ("url", url), ("outlet", outlet)):
        _require_type(name, value, (str, type(None)), "a str or None")
    when = parse_date(published, "published") if published is not None else None
    metadata = {k: v for k, v in {"title": title, "url": url, "outlet": outlet}.items() if v}
    article = article_from_text(text, "text", when, **metadata)
    if isinstance(article, Rejection):
        raise InputError.from_message(article.code, article.message)
    (result,) = extract_many([article], settings=settings, strict=True)
    if isinstance(result, Rejection):
        raise InputError.from_message(result.code, result.message)
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
            Anything else becomes a DL215 Rejection.
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
        batch.append(_admit(_read_item(item, number, default_date), settings))
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


def timeline(
    db: str | None = None,
    *,
    about: str | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    parquet: str | None = None,
) -> Timeline:
    """Build the timeline of the linked events in a store, or in a Spark link output.

    Reads every stored event mention with its cluster (as ``dateline ingest`` linked them) and
    builds the timeline over them; the filters apply to whole entries, so an entry keeps all
    its reports (see ``dateline.timeline.build_timeline``).

    Args:
        db: None for ``dateline.duckdb`` in the working directory, a DuckDB file path, or a
            ``postgresql://`` URL.
        about: keep entries whose reports mention every word of it.
        date_from, date_to: keep entries whose date can fall in this window (inclusive);
            dates or "YYYY-MM-DD".
        parquet: instead of a store, the output folder of ``dateline spark link`` (path or
            URI); its linked ``mentions`` table is read with PyArrow, no Spark needed.

    Returns:
        The Timeline: entries in date order, contradictions, figure series.

    Raises:
        InputError: DL205 for an invalid date, DL240 when ``date_from`` is after ``date_to``,
            DL245 when both ``db`` and ``parquet`` are given, DL246 when ``parquet`` holds no
            linked mentions.
        StoreError: the store cannot be opened or read (DL401-DL403, DL409), the DuckDB file
            does not exist (DL410: reading never creates an empty store).
    """
    from dateline.storage import open_store
    from dateline.timeline import build_timeline

    start = parse_date(date_from, "--from") if date_from is not None else None
    end = parse_date(date_to, "--to") if date_to is not None else None
    if parquet is not None:
        if db is not None:
            raise InputError("DL245", db=db, parquet=parquet)
        from dateline.spark import read_linked_mentions

        mentions = read_linked_mentions(parquet)
    else:
        with open_store(db, create=False, read_only=True) as store:
            mentions = store.mentions()
    return build_timeline(mentions, about=about, date_from=start, date_to=end)


RECORD_SCHEMAS: dict[str, type[Extraction] | type[Timeline]] = {
    "extraction": Extraction,
    "timeline": Timeline,
}


def json_schema(record: str = "extraction") -> dict[str, Any]:
    """Return the JSON Schema of an output record.

    Args:
        record: ``extraction`` (the output of ``extract``) or ``timeline`` (the output of
            ``timeline`` and ``dateline timeline --format json``).

    Raises:
        InputError: DL241 for an unknown record name (the message lists the valid ones).
    """
    model = RECORD_SCHEMAS.get(record.lower())
    if model is None:
        raise InputError("DL241", value=record, choices=", ".join(RECORD_SCHEMAS))
    return model.model_json_schema()


def _require_type(name: str, value: object, kinds: type | tuple[type, ...], expected: str) -> None:
    if not isinstance(value, kinds):
        raise InputError("DL215", what=f"'{name}'", expected=expected, got=type(value).__name__)


def _read_item(item: object, number: int, default_date: date | None) -> Article | Rejection:
    """``_to_article``, with any failure it did not foresee kept to its own item (DL216)."""
    try:
        return _to_article(item, number, default_date)
    except Exception as exc:  # noqa: BLE001 - one item's failure must not end the stream
        logger.debug("item %d could not be read", number, exc_info=True)
        source = f"item {number}"
        reason = f"{type(exc).__name__}: {exc}"
        return Rejection(
            source=source,
            line=number,
            code="DL216",
            message=message("DL216", source=source, reason=reason),
        )


def _to_article(item: object, number: int, default_date: date | None) -> Article | Rejection:
    if isinstance(item, Rejection):
        return item
    if isinstance(item, Article):
        if item.published is None and default_date is not None:
            return item.model_copy(update={"published": default_date})
        return item
    if isinstance(item, str):
        return article_from_text(item, f"item {number}", default_date)
    if isinstance(item, dict):
        return article_from_mapping(item, "items", line=number, published=default_date, unit="item")
    source = f"item {number}"
    return Rejection(
        source=source,
        line=number,
        code="DL215",
        message=message(
            "DL215", what=source, expected="a str, dict or Article", got=type(item).__name__
        ),
    )


def _admit(item: Article | Rejection, settings: Settings) -> Article | Rejection:
    """Reject an Article too long to parse (DL211) or holding invalid Unicode (DL212)."""
    if isinstance(item, Rejection):
        return item
    return check_article(item, settings.parse.max_chars)


def _run_batch(
    batch: list[Article | Rejection], settings: Settings, strict: bool
) -> Iterator[Extraction | Rejection]:
    articles = [a for a in batch if isinstance(a, Article)]
    docs = iter(_parse_all(articles, settings))
    for item in batch:
        if isinstance(item, Rejection):
            yield item
            continue
        doc = next(docs)
        if isinstance(doc, StageError):
            if strict:
                raise doc
            yield _rejection(item, doc)
            continue
        try:
            result = _extract_parsed(item, doc, settings)
        except StageError as exc:
            if strict:
                raise
            yield _rejection(item, exc)
            continue
        for notice in result.notices:
            warnings.warn(DatelineWarning(notice.code, notice.message), stacklevel=3)
        yield result


def _rejection(article: Article, exc: StageError) -> Rejection:
    logger.warning("article %s rejected: %s", article.id, exc)
    return Rejection(source=article.source or article.id, code=exc.code, message=str(exc))


def _parse_all(articles: list[Article], settings: Settings) -> list[Doc | StageError]:
    """Parse a batch; if the batch fails, parse one by one so one article cannot sink the rest."""
    try:
        return list(parse_batch([a.text for a in articles], settings))
    except Exception:  # noqa: BLE001 - retried article by article just below
        logger.debug("batch parse failed; parsing articles one by one", exc_info=True)
    return [_parse_one(article, settings) for article in articles]


def _parse_one(article: Article, settings: Settings) -> Doc | StageError:
    try:
        (doc,) = parse_batch([article.text], settings)
    except Exception as exc:  # noqa: BLE001 - any parser failure becomes a coded error
        return StageError(
            "DL301",
            stage="parse",
            article_id=article.id,
            source=article.source or "input",
            reason=f"{type(exc).__name__}: {exc}",
        )
    return doc


def _extract_parsed(article: Article, doc: Doc, settings: Settings) -> Extraction:
    """Run the stages, or only sentence splitting for a text that is not English (W006)."""
    english, share = looks_english(article.text)
    if not english:
        result = run_stages(article, doc, settings, stages=_PARSE_ONLY)
        notice = _notice("W006", article, share=share)
        return result.model_copy(update={"notices": [*result.notices, notice]})
    result = run_stages(article, doc, settings)
    off_calendar = sum(1 for t in result.timexes if t.out_of_range)
    if off_calendar:
        notice = _notice("W004", article, count=off_calendar)
        result = result.model_copy(update={"notices": [*result.notices, notice]})
    return result


def _notice(code: str, article: Article, **values: object) -> Notice:
    text = message(code, article_id=article.id, source=article.source or "input", **values)
    return Notice(code=code, message=text)
