"""Cross-article linking on several cores: independent components linked in a process pool.

``dateline.linker.link_mentions`` compares only mentions that share a block key, pools
words per article, and keeps each stored cluster one group. Mentions therefore fall into
components, connected through shared block keys, articles and stored clusters, and a
component linked alone gets exactly the clusters it gets in one run over all mentions.

Steps of ``LinkPool.link`` (same arguments and result as ``link_mentions``):
  1. new mentions already stored, and repeated new mentions, are set aside as
     ``link_mentions`` does (step 1 of its docstring);
  2. each mention is keyed by its block keys, its article and, when stored, its cluster;
     mentions sharing a key, directly or through others, form one component
     (``UnionFind``, the same one ``dateline.spark`` uses on the driver);
  3. components are packed into a few chunks of about equal size, largest first, and
     each chunk is linked by ``link_mentions`` in a worker process;
  4. the cluster ids come back and are set on the new mentions in input order.

One worker, or too few mentions to be worth sending, links in this process.
"""

from __future__ import annotations

import gc
import heapq
import logging
from collections.abc import Hashable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from dateline._gc import paused_gc
from dateline._workers import exit_when_orphaned, worker_context
from dateline.config import LinkingSettings
from dateline.errors import PipelineError
from dateline.linker import (
    LinkResult,
    Scorer,
    _distinct_new,
    block_keys,
    cluster_id,
    link_mentions,
    link_result,
)
from dateline.records import EventMention

logger = logging.getLogger(__name__)

CHUNKS_PER_WORKER = 4
# Below this many mentions a call is linked in this process: sending them to a worker
# and back costs more than the linking saves.
MIN_PARALLEL_MENTIONS = 2000

# --------------------------------------------------------------------------- union-find


class UnionFind:
    """Disjoint sets of hashable items; each set's root is its smallest item (not stable API).

    Path compression keeps ``find`` near constant time. Because the smaller root always
    wins a union, a set's root does not depend on the order of the unions, which makes it
    usable as a stable component id.
    """

    def __init__(self) -> None:
        self._parent: dict[Hashable, Hashable] = {}

    def find(self, item: Hashable) -> Hashable:
        """Return the root of ``item``'s set (adding ``item`` as its own set if new)."""
        parent = self._parent
        parent.setdefault(item, item)
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def union(self, first: Hashable, second: Hashable) -> Hashable:
        """Join the sets of two items; return the root of the joined set."""
        one, other = self.find(first), self.find(second)
        if one == other:
            return one
        low, high = (one, other) if one < other else (other, one)  # type: ignore[operator]
        self._parent[high] = low
        return low

    def union_all(self, items: Iterable[Hashable]) -> None:
        """Join the sets of all ``items`` (one shared key's members)."""
        iterator = iter(items)
        first = next(iterator, None)
        if first is None:
            return
        root = self.find(first)
        for item in iterator:
            root = self.union(root, item)

    def items(self) -> list[Hashable]:
        """Every item added so far, in the order it was first seen."""
        return list(self._parent)


def components(keys: Sequence[Iterable[Hashable]]) -> list[list[int]]:
    """Group item indexes that share a key, directly or through other items.

    Args:
        keys: the keys of each item.

    Returns:
        The components as sorted index lists, ordered by their smallest index.
    """
    found = UnionFind()
    first_with: dict[Hashable, int] = {}
    for index, item_keys in enumerate(keys):
        found.find(index)
        for key in item_keys:
            holder = first_with.setdefault(key, index)
            if holder != index:
                found.union(holder, index)
    members: dict[Hashable, list[int]] = {}
    for index in range(len(keys)):
        members.setdefault(found.find(index), []).append(index)
    return list(members.values())


def component_keys(mention: EventMention, blocks: Sequence[str], stored: bool) -> list[str]:
    """What ties a mention to the others it may be linked with (not stable API).

    Its block keys (the linker compares only mentions sharing one), its article (the linker
    pools an article's words and starts its restatements as one group) and, for a stored
    mention, its cluster (the linker keeps a stored cluster one group).
    """
    tied = [*blocks, "article|" + mention.article_id]
    if stored:
        tied.append("cluster|" + (mention.cluster or cluster_id(mention.mention_id)))
    return tied


def pack(sizes: Sequence[int], bins: int) -> list[list[int]]:
    """Pack items into at most ``bins`` bins of about equal total size, largest first.

    Args:
        sizes: each item's size.
        bins: the number of bins wanted.

    Returns:
        The non-empty bins as lists of item indexes, the fullest first.
    """
    heap: list[tuple[int, int]] = [(0, number) for number in range(max(1, bins))]
    contents: list[list[int]] = [[] for _ in heap]
    for index in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        total, number = heapq.heappop(heap)
        contents[number].append(index)
        heapq.heappush(heap, (total + sizes[index], number))
    filled = [(sum(sizes[i] for i in items), items) for items in contents if items]
    return [items for _, items in sorted(filled, key=lambda pair: -pair[0])]


# --------------------------------------------------------------------------- pool


class LinkPool:
    """Link mentions on ``workers`` processes, with the result ``link_mentions`` gives.

    Use as a context manager; the worker processes start on the first parallel call and
    serve every later one (``dateline ingest`` links batch after batch).

    Args:
        workers: worker processes; 1 links in this process.
        settings: the ``[linking]`` settings; defaults when None.
        scorer: a pairwise scorer instead of the one the settings select.
        chunks_per_worker: chunks each call is cut into per worker (smaller chunks even
            out the work of unequal components).
        min_parallel: calls with fewer mentions (new and stored) link in this process.
    """

    def __init__(
        self,
        workers: int = 1,
        *,
        settings: LinkingSettings | None = None,
        scorer: Scorer | None = None,
        chunks_per_worker: int = CHUNKS_PER_WORKER,
        min_parallel: int = MIN_PARALLEL_MENTIONS,
    ) -> None:
        self.workers = max(1, workers)
        self.settings = settings or LinkingSettings()
        self.scorer = scorer
        self.chunks_per_worker = max(1, chunks_per_worker)
        self.min_parallel = min_parallel
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LinkPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes (a later call starts new ones)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def link(
        self,
        new: Sequence[EventMention],
        stored: Sequence[EventMention] = (),
        *,
        keys: Mapping[str, Sequence[str]] | None = None,
    ) -> LinkResult:
        """Link new mentions against stored ones, as ``link_mentions(new, stored)`` does.

        Args:
            new: mentions to link; their ``cluster`` is ignored and set.
            stored: already-linked mentions, at least those sharing a block key with a new one.
            keys: mention id -> ``block_keys(mention)``, for a caller that has them already
                (an ingest loop keeps them beside its mentions); computed when None.

        Returns:
            What ``link_mentions`` returns for the same arguments.

        Raises:
            PipelineError: a worker process died (DL104).
        """
        if self.workers == 1 or len(new) + len(stored) < self.min_parallel:
            return link_mentions(new, stored, settings=self.settings, scorer=self.scorer)
        with paused_gc():
            return self._link_parallel(new, stored, keys)

    def _link_parallel(
        self,
        new: Sequence[EventMention],
        stored: Sequence[EventMention],
        keys: Mapping[str, Sequence[str]] | None,
    ) -> LinkResult:
        """Steps 1 to 4 of the module docstring."""
        stored_by_id = {m.mention_id: m for m in stored}
        fresh = _distinct_new(new, set(stored_by_id))
        relevant = list(stored_by_id.values())
        mentions = fresh + relevant
        blocks = (lambda m: keys[m.mention_id]) if keys is not None else block_keys
        tied = [component_keys(m, blocks(m), False) for m in fresh]
        tied += [component_keys(m, blocks(m), True) for m in relevant]
        groups = components(tied)
        chunks = pack([len(g) for g in groups], self.workers * self.chunks_per_worker)
        logger.debug(
            "linking %d mention(s) in %d component(s), %d chunk(s)",
            len(mentions),
            len(groups),
            len(chunks),
        )
        futures = [
            self._executor().submit(_link_chunk, *_chunk(mentions, len(fresh), groups, chunk))
            for chunk in chunks
        ]
        assigned, opened, joined = self._collect(futures)
        return link_result(new, stored_by_id, assigned, opened, joined)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=worker_context(),
                initializer=_init_worker,
                initargs=(self.settings, self.scorer),
            )
        return self._pool

    def _collect(self, futures: list[Future]) -> tuple[dict[str, str], set[str], set[str]]:
        """The chunks' results merged: new mention -> cluster, clusters opened and joined."""
        assigned: dict[str, str] = {}
        opened: set[str] = set()
        joined: set[str] = set()
        for future in futures:
            clusters, chunk_opened, chunk_joined = self._outcome(future)
            assigned.update(clusters)
            opened.update(chunk_opened)
            joined.update(chunk_joined)
        return assigned, opened, joined

    def _outcome(self, future: Future) -> tuple[dict[str, str], list[str], list[str]]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self._pool = None
            raise PipelineError(
                "DL104", workers=self.workers, reason=str(exc) or "killed"
            ) from None


def link_mentions_parallel(
    new: Sequence[EventMention],
    stored: Sequence[EventMention] = (),
    *,
    workers: int = 1,
    settings: LinkingSettings | None = None,
    scorer: Scorer | None = None,
) -> LinkResult:
    """``link_mentions`` on ``workers`` processes, for one call (a ``LinkPool`` serves many).

    Raises:
        PipelineError: a worker process died (DL104).
    """
    with LinkPool(workers, settings=settings, scorer=scorer) as pool:
        return pool.link(new, stored)


def _chunk(
    mentions: list[EventMention], fresh_count: int, groups: list[list[int]], chunk: list[int]
) -> tuple[list[EventMention], list[EventMention]]:
    """The new and the stored mentions of the components in ``chunk``."""
    indexes = [i for number in chunk for i in groups[number]]
    new = [mentions[i] for i in indexes if i < fresh_count]
    stored = [mentions[i] for i in indexes if i >= fresh_count]
    return new, stored


_worker_settings: LinkingSettings | None = None
_worker_scorer: Scorer | None = None


def _init_worker(settings: LinkingSettings, scorer: Scorer | None) -> None:
    global _worker_settings, _worker_scorer
    exit_when_orphaned()
    _worker_settings, _worker_scorer = settings, scorer
    # What the fork inherited is never freed here: out of the collector's sight it costs
    # no walks, and its pages stay shared with the parent.
    gc.freeze()


def _link_chunk(
    new: list[EventMention], stored: list[EventMention]
) -> tuple[dict[str, str], list[str], list[str]]:
    """Link one chunk in a worker; return the new mentions' clusters, opened and joined."""
    result = link_mentions(new, stored, settings=_worker_settings, scorer=_worker_scorer)
    clusters = {m.mention_id: m.cluster or "" for m in result.mentions}
    return clusters, result.opened, result.joined
