"""The article store: articles, every extracted record, event mentions, block keys, clusters.

One schema on an embedded DuckDB file (the default, ``dateline.duckdb`` in the working
directory) or on PostgreSQL (``postgresql://...``), created and migrated by dateline: numbered
migrations recorded in ``schema_version`` run at open; a store migrated by a newer dateline is
refused (DL403). All SQL goes through SQLAlchemy Core with bound parameters.

Stable API (the web API, linking and timelines read and write through it only)::

    from dateline.storage import EventFilter, open_store

    store = open_store(url)                      # None, a .duckdb path or postgresql://...
    store = open_store(url, create=False, read_only=True)  # for readers: no new file, no writes
    new = store.add_extractions(batch, block_keys=fn)  # one transaction; returns new mentions
    store.has_article(content_hash)              # bool, hash = dateline.records.content_id(text)
    store.article_hash(article_id)               # str | None
    store.mentions(EventFilter(...), limit=None, offset=0, **fields) -> list[EventMention]
    store.set_clusters({mention_id: cluster_id}) # one transaction; refreshes cluster summaries
    store.article(article_id) -> Extraction      # text with every record and its spans
    store.events(EventFilter(...), limit=100, offset=0, **fields) -> list[StoredEvent]
    store.count_events(EventFilter(...), **fields) -> int
    store.clusters(min_mentions=1, limit=100, offset=0) -> list[ClusterSummary]
    store.stats() -> StoreStats
    store.close()                                # or use the store as a context manager
    export_events(store, "csv" | "parquet" | "geojson", path, filters=None) -> int

``EventFilter`` fields (all optional, combined with AND): ``block_keys``, ``cluster``,
``article_id``, ``date_from``/``date_to`` (overlap with the event date's day range),
``type``, ``outlet``, ``text`` (case-insensitive substring of the clause, actors, targets or
place), ``place`` (substring of the place name, or its country code), ``actor`` (substring of
an actor or target), ``unlinked``, ``mention_ids``.

Errors are ``StoreError`` with codes DL401-DL411.
"""

from dateline.storage.export import ExportFormat, export_events
from dateline.storage.filters import EventFilter, timex_bounds
from dateline.storage.store import ClusterSummary, Store, StoredEvent, StoreStats, open_store

__all__ = [
    "ClusterSummary",
    "EventFilter",
    "ExportFormat",
    "Store",
    "StoreStats",
    "StoredEvent",
    "export_events",
    "open_store",
    "timex_bounds",
]
