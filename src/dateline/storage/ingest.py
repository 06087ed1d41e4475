"""Ingest articles into a store: skip what is stored, extract the rest, commit per batch, link.

Steps for each run (``ingest_articles``):
  1. link any stored mentions left without a cluster (a run killed between a batch's commit
     and its linking), so a re-run always finishes the work of the one before;
  2. read articles in order; an article whose content hash is stored, or seen earlier in the
     run, is skipped and counted; one whose id is stored with another text is rejected (DL407),
     and so is one whose text holds a NUL character (DL202), which PostgreSQL cannot store;
  3. extract the rest with ``extract_many``; bad articles become Rejections and the run goes on;
  4. every ``batch_size`` extractions, store them in one transaction (with their linking block
     keys), then link their mentions to the stored mentions that share a block key and store
     the cluster ids in a second transaction. With several workers, a large linking call
     (resumed mentions, a batch meeting many stored ones) is split into independent
     components linked on that many processes (``dateline.link_parallel``), with the same
     clusters as in one.
A crash loses at most the batch in flight; committed batches are skipped on the next run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from dateline import linker
from dateline.config import Settings
from dateline.errors import message
from dateline.link_parallel import LinkPool
from dateline.records import Article, EventMention, Extraction, Rejection, content_id
from dateline.storage.store import Store

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32
# Unlinked mentions left by an interrupted run are linked in chunks of this many, each chunk
# committed before the next so that later chunks see earlier ones as stored.
RESUME_CHUNK = 2000
# Inputs are checked against the store this many at a time, in one query per chunk.
LOOKUP_CHUNK = 256

Progress = Callable[[str], None]


class IngestReport(BaseModel):
    """What one ingest run did.

    ``added`` articles were stored with ``events`` events in ``batches`` committed batches;
    ``skipped`` were already stored; ``rejected`` lists bad inputs with their coded errors;
    ``clusters_opened``/``clusters_joined`` count the clusters linking created or extended;
    ``resumed`` counts mentions an earlier, interrupted run had left unlinked.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    store: str
    added: int = 0
    skipped: int = 0
    events: int = 0
    batches: int = 0
    clusters_opened: int = 0
    clusters_joined: int = 0
    resumed: int = 0
    rejected: list[Rejection] = Field(default_factory=list)


class _Tally:
    """Mutable counters of a run, frozen into an IngestReport at the end."""

    def __init__(self) -> None:
        self.added = self.skipped = self.events = self.batches = 0
        self.opened = self.joined = self.resumed = 0
        self.rejected: list[Rejection] = []


def ingest_articles(
    store: Store,
    items: Iterable[Article | Rejection],
    *,
    published: date | None = None,
    settings: Settings,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    workers: int = 1,
) -> IngestReport:
    """Store and link the articles of ``items`` that the store does not hold yet.

    Args:
        store: an open Store.
        items: Articles and Rejections, as ``stages.ingest.read_sources`` yields them.
        published: publication date for articles that carry none.
        settings: pipeline and linking settings.
        batch_size: extractions per committed batch.
        progress: called once per input with ``"stored"``, ``"skipped"`` or ``"rejected"``.
        workers: extraction processes (``extract_many``'s ``workers``), and linking
            processes for large linking calls; storing stays in this process.

    Returns:
        The run's IngestReport.

    Raises:
        StoreError: the database refused a batch (DL405) or a query (DL409); every batch
            committed before it stays stored.
    """
    from dateline.api import extract_many  # the API imports this module lazily

    tally = _Tally()
    notify = progress or (lambda status: None)
    with LinkPool(workers, settings=settings.linking) as linking:
        tally.resumed = _link_unlinked(store, linking, tally)
        fresh = _unseen(store, items, tally, notify)
        extracted = extract_many(fresh, published=published, settings=settings, workers=workers)
        batch: list[Extraction] = []
        for result in extracted:
            if isinstance(result, Rejection):
                tally.rejected.append(result)
                notify("rejected")
                continue
            batch.append(result)
            if len(batch) >= batch_size:
                _commit(store, batch, linking, tally, notify)
                batch = []
        if batch:
            _commit(store, batch, linking, tally, notify)
    return IngestReport(
        store=store.url,
        added=tally.added,
        skipped=tally.skipped,
        events=tally.events,
        batches=tally.batches,
        clusters_opened=tally.opened,
        clusters_joined=tally.joined,
        resumed=tally.resumed,
        rejected=tally.rejected,
    )


def _unseen(
    store: Store, items: Iterable[Article | Rejection], tally: _Tally, notify: Progress
) -> Iterator[Article | Rejection]:
    """Pass on Rejections and articles not stored yet; count the stored ones as skipped."""
    owners: dict[str, str] = {}  # article id -> content hash, stored or met in this run
    seen: set[str] = set()  # content hashes stored or met in this run
    for chunk in _chunks(items, LOOKUP_CHUNK):
        articles = [item for item in chunk if isinstance(item, Article)]
        seen |= store.stored_hashes(content_id(a.text) for a in articles)
        owners.update(store.article_hashes(a.id for a in articles if a.id not in owners))
        for item in chunk:
            if isinstance(item, Rejection):
                yield item
                continue
            if "\x00" in item.text:  # PostgreSQL text cannot hold NUL; refuse it on every backend
                yield _nul_rejection(item)
                continue
            digest = content_id(item.text)
            if digest in seen:
                tally.skipped += 1
                notify("skipped")
                continue
            if owners.get(item.id, digest) != digest:
                source = item.source or item.id
                text = message("DL407", source=source, article_id=item.id)
                yield Rejection(source=source, code="DL407", message=text)
                continue
            owners[item.id] = digest
            seen.add(digest)
            yield item


def _nul_rejection(article: Article) -> Rejection:
    """Reject an article whose text holds a NUL character, with DL202 and its offset."""
    source = article.source or article.id
    reason = f"NUL character at offset {article.text.index(chr(0))}"
    return Rejection(
        source=source,
        code="DL202",
        message=message("DL202", source=source, reason=reason),
    )


def _chunks(items: Iterable[Article | Rejection], size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _commit(
    store: Store, batch: list[Extraction], linking: LinkPool, tally: _Tally, notify: Progress
) -> None:
    mentions = store.add_extractions(batch, block_keys=linker.block_keys)
    tally.batches += 1
    tally.added += len(batch)
    tally.events += len(mentions)
    logger.info("committed batch %d: %d article(s)", tally.batches, len(batch))
    _link(store, mentions, linking, tally)
    for _ in batch:
        notify("stored")


def _link(store: Store, new: list[EventMention], linking: LinkPool, tally: _Tally) -> None:
    """Link new mentions to the stored, linked mentions that share a block key with them."""
    if not new:
        return
    keys = sorted({key for mention in new for key in linker.block_keys(mention)})
    stored = store.mentions(block_keys=keys, unlinked=False)
    result = linking.link(new, stored)
    store.set_clusters({m.mention_id: m.cluster for m in result.mentions})
    tally.opened += len(result.opened)
    tally.joined += len(result.joined)


def _link_unlinked(store: Store, linking: LinkPool, tally: _Tally) -> int:
    """Link mentions an interrupted run stored but did not link; return how many."""
    total = 0
    while pending := store.mentions(unlinked=True, limit=RESUME_CHUNK):
        _link(store, pending, linking, tally)
        total += len(pending)
        if len(pending) < RESUME_CHUNK:
            break
    if total:
        logger.info("linked %d mention(s) left unlinked by an interrupted run", total)
    return total
