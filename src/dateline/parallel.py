"""Extraction on several cores: one pipeline per worker process, results in input order.

``extract_parallel`` cuts a stream of articles into small chunks and hands them to a
pool of worker processes. Each worker loads the spaCy model, the gazetteer and the
lexicons once, in its initializer, and runs ``dateline.api.extract_many`` on every chunk
it receives. Results come back in input order, and at most ``workers * chunks_per_worker``
chunks are read ahead, so memory stays bounded whatever the length of the input.

Bad data is isolated as in one process: a stage failure on one article becomes that
article's ``Rejection`` (or, with ``strict``, the same ``StageError`` raised in the
caller). Warnings (W###) are raised in the caller, in input order, as one process would.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from dateline._workers import exit_when_orphaned, worker_context
from dateline.config import Settings
from dateline.errors import DatelineError, DatelineWarning, PipelineError
from dateline.records import Article, Extraction, Rejection

logger = logging.getLogger(__name__)

CHUNK_SIZE = 8
CHUNKS_PER_WORKER = 4
# Our own writing: a short dated text that touches every stage, so each worker loads its
# model, gazetteer and lexicons before the first real article instead of during it.
WARM_UP_TEXT = (
    "On March 3, the mayor of Porto said about 40 ships were waiting outside the harbour."
)

# A coded error as (class, code, values): rebuilt in the caller with its catalogue code.
_Failure = tuple[type[DatelineError], str, dict]

_worker_settings: Settings | None = None


def default_workers() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def extract_parallel(
    articles: Iterable[Article | Rejection],
    *,
    workers: int,
    settings: Settings,
    strict: bool = False,
    chunk_size: int = CHUNK_SIZE,
    chunks_per_worker: int = CHUNKS_PER_WORKER,
) -> Iterator[Extraction | Rejection]:
    """Run the pipeline over ``articles`` on ``workers`` processes; yield results in order.

    Args:
        articles: articles (already given their default publication date) and the
            Rejections of inputs that could not be read, which pass through in place.
        workers: number of worker processes (each loads one pipeline).
        settings: pipeline settings, sent once to every worker.
        strict: raise the StageError of a failing article instead of yielding a Rejection.
        chunk_size: articles per task sent to a worker.
        chunks_per_worker: tasks queued per worker ahead of the one being consumed.

    Yields:
        One Extraction or Rejection per input, in input order.

    Raises:
        StageError: with ``strict``, the first article a stage failed on.
        PipelineError: a worker process died (DL104).
    """
    chunks = _chunks(articles, max(1, chunk_size))
    window = max(1, workers) * max(1, chunks_per_worker)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_context(),
        initializer=_init_worker,
        initargs=(settings,),
    ) as pool:
        pending: deque[Future] = deque(
            pool.submit(_run_chunk, chunk, strict) for chunk in islice(chunks, window)
        )
        try:
            while pending:
                results, error = _outcome(pending.popleft(), workers)
                following = next(chunks, None)
                if following is not None:
                    pending.append(pool.submit(_run_chunk, following, strict))
                yield from _reissue_warnings(results)
                if error is not None:
                    raise error
        finally:
            # On an error or when the caller stops early, queued chunks are dropped rather
            # than extracted for nobody.
            for future in pending:
                future.cancel()


def _chunks(items: Iterable[Article | Rejection], size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _outcome(
    future: Future, workers: int
) -> tuple[list[Extraction | Rejection], DatelineError | None]:
    try:
        results, failure = future.result()
    except BrokenProcessPool as exc:
        raise PipelineError("DL104", workers=workers, reason=str(exc) or "killed") from None
    if failure is None:
        return results, None
    kind, code, values = failure
    return results, kind(code, **values)


def _reissue_warnings(results: list[Extraction | Rejection]) -> Iterator[Extraction | Rejection]:
    for result in results:
        if isinstance(result, Extraction):
            for notice in result.notices:
                warnings.warn(DatelineWarning(notice.code, notice.message), stacklevel=4)
        yield result


def _init_worker(settings: Settings) -> None:
    """Load the pipeline once in this worker process (not stable API)."""
    global _worker_settings
    exit_when_orphaned()
    _worker_settings = settings
    from dateline import api

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatelineWarning)
        for _ in api.extract_many([WARM_UP_TEXT], settings=settings):
            pass


def _run_chunk(
    chunk: list[Article | Rejection], strict: bool
) -> tuple[list[Extraction | Rejection], _Failure | None]:
    """Extract one chunk in a worker; a strict failure comes back with the results before it.

    Coded errors travel as values rather than raised: an exception that crosses processes
    is rebuilt from its message alone, which would lose the catalogue code.
    """
    from dateline import api

    assert _worker_settings is not None, "worker used before _init_worker"
    results: list[Extraction | Rejection] = []
    with warnings.catch_warnings():
        # The caller re-raises each result's warnings in order; here they would only be
        # printed out of order by the worker.
        warnings.simplefilter("ignore", DatelineWarning)
        try:
            for result in api.extract_many(chunk, settings=_worker_settings, strict=strict):
                results.append(result)
        except DatelineError as exc:
            return results, (type(exc), exc.code, exc.values)
    return results, None
