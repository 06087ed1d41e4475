"""The Store: articles, every record, event mentions, block keys and clusters in SQL.

See ``dateline.storage`` for the API summary. One class serves DuckDB and PostgreSQL; the
differences live in SQLAlchemy's dialects.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict

from dateline.errors import StoreError
from dateline.mentions import mentions_from_extraction
from dateline.records import (
    Article,
    Claim,
    Entity,
    Event,
    EventMention,
    Extraction,
    Notice,
    Place,
    Quantity,
    Quote,
    Sentence,
    Timex,
    content_id,
)
from dateline.storage import schema
from dateline.storage.filters import (
    EventFilter,
    check_page,
    conditions,
    make_filter,
    timex_bounds,
)

logger = logging.getLogger(__name__)

DEFAULT_DUCKDB = "dateline.duckdb"
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")

# Record kinds kept in the generic ``records`` table, with their model, in Extraction order.
RECORD_KINDS: dict[str, type[BaseModel]] = {
    "sentences": Sentence,
    "timexes": Timex,
    "quantities": Quantity,
    "entities": Entity,
    "places": Place,
    "quotes": Quote,
    "claims": Claim,
    "notices": Notice,
}

BlockKeyFn = Callable[[EventMention], list[str]]

# Cluster assignments written per UPDATE statement (each pair is two bound parameters).
UPDATE_CHUNK = 1000


class StoredEvent(BaseModel):
    """One stored event with its article's metadata and its cross-article cluster."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mention_id: str
    article_id: str
    cluster: str | None
    outlet: str | None
    published: date | None
    title: str | None
    url: str | None
    event: Event


class ClusterSummary(BaseModel):
    """One cross-article cluster: how many mentions, articles and outlets, its type and dates.

    ``type`` is the most frequent type of its mentions; the dates span its mentions' dates.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    mentions: int
    articles: int
    outlets: int
    type: str | None
    date_start: date | None
    date_end: date | None


class StoreStats(BaseModel):
    """Counts over a store.

    ``linked_events`` counts events whose cluster holds two or more mentions; ``sources``
    counts the distinct names in the events' attribution chains.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    backend: str
    url: str
    schema_version: int
    articles: int
    outlets: int
    events: int
    linked_events: int
    clusters: int
    sources: int


def open_store(url: str | None = None, *, create: bool = True, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at ``url``.

    Args:
        url: None for ``dateline.duckdb`` in the working directory; a file path (or
            ``duckdb:///path``) for another DuckDB file; ``postgresql://...`` for PostgreSQL.
        create: False to refuse (DL410) a DuckDB file that does not exist instead of creating
            an empty store, for commands that only read.
        read_only: open without write access (DuckDB ``read_only``, PostgreSQL read-only
            transactions); several read-only processes may share one DuckDB file. A store that
            still needs a migration is refused (DL411), since migrating writes.

    Returns:
        An open Store at the latest schema version.

    Raises:
        StoreError: DL401 unsupported URL, DL402 cannot connect, DL403 store newer than code,
            DL410 no such DuckDB file, DL411 read-only store that needs a migration.
    """
    return Store(url, create=create, read_only=read_only)


class Store:
    """An article store on DuckDB or PostgreSQL. Use ``open_store`` to make one."""

    def __init__(self, url: str | None = None, *, create: bool = True, read_only: bool = False):
        sa_url, self.backend = _resolve_url(url)
        self.url = sa_url.render_as_string(hide_password=True)
        self.read_only = read_only
        if not create or read_only:
            _require_duckdb_file(sa_url, self.backend, self.url)
        try:
            self._engine = sa.create_engine(sa_url, connect_args=self._connect_args())
            self.schema_version = self._migrate()
        except StoreError:
            self.close()
            raise
        except (sa.exc.SQLAlchemyError, OSError) as exc:
            self.close()
            raise StoreError("DL402", url=self.url, reason=_reason(exc)) from None

    def _connect_args(self) -> dict[str, Any]:
        if self.backend == "postgresql":
            args: dict[str, Any] = {"connect_timeout": 10}
            if self.read_only:
                args["options"] = "-c default_transaction_read_only=on"
            return args
        return {"read_only": True} if self.read_only else {}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release every connection; the Store cannot be used afterwards."""
        engine = getattr(self, "_engine", None)
        if engine is not None:
            engine.dispose()

    # ------------------------------------------------------------------ writing

    def add_extractions(
        self, batch: Iterable[Extraction], block_keys: BlockKeyFn | None = None
    ) -> list[EventMention]:
        """Store a batch of extractions in one transaction; already stored articles are skipped.

        Args:
            batch: extractions to store.
            block_keys: the linker's ``block_keys(mention)``; when given, each new mention's
                keys are stored in the same transaction for ``mentions(block_keys=...)``.

        Returns:
            The event mentions of the newly stored articles, cluster unset, in batch order.

        Raises:
            StoreError: DL407 when an article id is stored with a different text; DL405 when
                the database refuses the batch (nothing of it is kept).
        """
        extractions = list(batch)
        if not extractions:
            return []
        with self._writing(len(extractions)) as conn:
            fresh = self._unstored(conn, extractions)
            rows = _batch_rows(fresh, block_keys)
            for table, table_rows in rows.tables:
                if table_rows:
                    conn.execute(table.insert(), table_rows)
        logger.info(
            "stored %d article(s), %d skipped, %d event(s)",
            len(fresh),
            len(extractions) - len(fresh),
            len(rows.mentions),
        )
        return rows.mentions

    def set_clusters(self, assignments: Mapping[str, str | None]) -> int:
        """Assign cross-article cluster ids to stored mentions in one transaction.

        Args:
            assignments: mention id ('article_id/event_id') to cluster id (None unlinks).

        Returns:
            How many of the mentions were found and updated.
        """
        if not assignments:
            return 0
        ev = schema.events
        ids = list(assignments)
        with self._writing(len(ids)) as conn:
            previous = conn.execute(
                sa.select(ev.c.mention_id, ev.c.cluster).where(ev.c.mention_id.in_(ids))
            ).all()
            found = [row.mention_id for row in previous]
            for start in range(0, len(found), UPDATE_CHUNK):
                chunk = found[start : start + UPDATE_CHUNK]
                conn.execute(_cluster_update([(m, assignments[m]) for m in chunk]))
            touched = {row.cluster for row in previous} | {assignments[m] for m in found}
            _refresh_clusters(conn, touched - {None})
        return len(found)

    # ------------------------------------------------------------------ reading

    def has_article(self, content_hash: str) -> bool:
        """Return True when an article with this content hash (``records.content_id``) is stored."""
        art = schema.articles
        query = sa.select(art.c.id).where(art.c.content_hash == content_hash).limit(1)
        with self._reading() as conn:
            return conn.execute(query).first() is not None

    def stored_hashes(self, content_hashes: Iterable[str]) -> set[str]:
        """Return which of these content hashes are stored (one query for many articles)."""
        wanted = sorted(set(content_hashes))
        if not wanted:
            return set()
        art = schema.articles
        query = sa.select(art.c.content_hash).where(art.c.content_hash.in_(wanted))
        with self._reading() as conn:
            return set(conn.execute(query).scalars())

    def article_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Return the content hash of each of these article ids that is stored."""
        wanted = sorted(set(article_ids))
        if not wanted:
            return {}
        art = schema.articles
        query = sa.select(art.c.id, art.c.content_hash).where(art.c.id.in_(wanted))
        with self._reading() as conn:
            return {row.id: row.content_hash for row in conn.execute(query)}

    def article_hash(self, article_id: str) -> str | None:
        """Return the content hash stored for ``article_id``, or None when it is not stored."""
        art = schema.articles
        with self._reading() as conn:
            return conn.execute(
                sa.select(art.c.content_hash).where(art.c.id == article_id)
            ).scalar()

    def article(self, article_id: str) -> Extraction:
        """Return the stored article with every record extracted from it.

        Raises:
            StoreError: DL404 when no article has this id.
        """
        art, rec, ev = schema.articles, schema.records, schema.events
        with self._reading() as conn:
            row = conn.execute(sa.select(art).where(art.c.id == article_id)).mappings().first()
            if row is None:
                raise StoreError("DL404", article_id=article_id, url=self.url)
            kinds: dict[str, list[Any]] = {kind: [] for kind in RECORD_KINDS}
            stored = conn.execute(
                sa.select(rec.c.kind, rec.c.record)
                .where(rec.c.article_id == article_id)
                .order_by(rec.c.kind, rec.c.position)
            )
            for kind, record in stored:
                kinds[kind].append(RECORD_KINDS[kind].model_validate_json(record))
            events = conn.execute(
                sa.select(ev.c.record).where(ev.c.article_id == article_id).order_by(ev.c.position)
            ).scalars()
            kinds["events"] = [Event.model_validate_json(record) for record in events]
        article = Article(
            **{k: row[k] for k in ("id", "title", "url", "outlet", "published", "text", "source")}
        )
        return Extraction(article=article, **kinds)

    def mentions(
        self,
        filters: EventFilter | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        **fields: Any,
    ) -> list[EventMention]:
        """Return stored event mentions with their cluster, by article then event order.

        Args:
            filters: an EventFilter; keyword ``fields`` (EventFilter's names) are merged in.
            limit, offset: paging; no limit by default.

        Raises:
            StoreError: DL406 for an invalid filter value or page.
        """
        flt = make_filter(filters, fields)
        check_page(limit, offset)
        ev, em = schema.events, schema.event_mentions
        query = (
            sa.select(em.c.record, ev.c.cluster)
            .join(ev, ev.c.mention_id == em.c.mention_id)
            .where(*conditions(flt))
            .order_by(ev.c.article_id, ev.c.position)
            .limit(limit)
            .offset(offset)
        )
        with self._reading() as conn:
            rows = conn.execute(query).all()
        return [
            EventMention.model_validate_json(record).model_copy(update={"cluster": cluster})
            for record, cluster in rows
        ]

    def events(
        self,
        filters: EventFilter | None = None,
        limit: int | None = 100,
        offset: int = 0,
        **fields: Any,
    ) -> list[StoredEvent]:
        """Return stored events with article metadata and cluster, by date then article order.

        Args:
            filters: an EventFilter; keyword ``fields`` (EventFilter's names) are merged in.
            limit, offset: paging (100 per page by default; None for all).

        Raises:
            StoreError: DL406 for an invalid filter value or page.
        """
        flt = make_filter(filters, fields)
        check_page(limit, offset)
        ev, art = schema.events, schema.articles
        query = (
            sa.select(
                ev.c.mention_id,
                ev.c.article_id,
                ev.c.cluster,
                ev.c.record,
                art.c.outlet,
                art.c.published,
                art.c.title,
                art.c.url,
            )
            .join(art, art.c.id == ev.c.article_id)
            .where(*conditions(flt))
            .order_by(ev.c.date_start.is_(None), ev.c.date_start, ev.c.article_id, ev.c.position)
            .limit(limit)
            .offset(offset)
        )
        with self._reading() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            StoredEvent(
                event=Event.model_validate_json(row["record"]),
                **{
                    k: row[k]
                    for k in (
                        "mention_id",
                        "article_id",
                        "cluster",
                        "outlet",
                        "published",
                        "title",
                        "url",
                    )
                },
            )
            for row in rows
        ]

    def count_events(self, filters: EventFilter | None = None, **fields: Any) -> int:
        """Return how many stored events match the filter (for paging)."""
        flt = make_filter(filters, fields)
        query = sa.select(sa.func.count()).select_from(schema.events).where(*conditions(flt))
        with self._reading() as conn:
            return int(conn.execute(query).scalar() or 0)

    def clusters(
        self, *, min_mentions: int = 1, limit: int | None = 100, offset: int = 0
    ) -> list[ClusterSummary]:
        """Return cluster summaries by first date (undated last), then id.

        Args:
            min_mentions: only clusters with at least this many mentions (2: linked ones).
            limit, offset: paging (100 per page by default; None for all).

        Raises:
            StoreError: DL406 for a negative page.
        """
        check_page(limit, offset)
        cl = schema.clusters
        query = (
            sa.select(cl)
            .where(cl.c.mentions >= min_mentions)
            .order_by(cl.c.date_start.is_(None), cl.c.date_start, cl.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self._reading() as conn:
            rows = conn.execute(query).mappings().all()
        return [ClusterSummary(**row) for row in rows]

    def stats(self) -> StoreStats:
        """Return counts of articles, outlets, events, linked events, clusters and sources."""
        art, ev, cl = schema.articles, schema.events, schema.clusters
        count = sa.func.count
        linked = sa.select(cl.c.id).where(cl.c.mentions >= 2)
        with self._reading() as conn:
            articles = conn.execute(sa.select(count()).select_from(art)).scalar()
            outlets = conn.execute(sa.select(count(sa.distinct(art.c.outlet)))).scalar()
            events = conn.execute(sa.select(count()).select_from(ev)).scalar()
            linked_events = conn.execute(
                sa.select(count()).select_from(ev).where(ev.c.cluster.in_(linked))
            ).scalar()
            clusters = conn.execute(sa.select(count()).select_from(cl)).scalar()
            names: set[str] = set()
            for chain in conn.execute(sa.select(ev.c.sources).distinct()).scalars():
                names.update(json.loads(chain))
        return StoreStats(
            backend=self.backend,
            url=self.url,
            schema_version=self.schema_version,
            articles=articles or 0,
            outlets=outlets or 0,
            events=events or 0,
            linked_events=linked_events or 0,
            clusters=clusters or 0,
            sources=len(names),
        )

    def export_rows(self, filters: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Yield one flat dict per matching event for exports (not stable API).

        Keys: mention_id, article_id, event_id, cluster, type, date, date_start, date_end,
        place, lat, lon, country, actors, targets, sources (lists of names), outlet,
        published, title, url, modality, polarity, trigger, text.
        """
        ev, art = schema.events, schema.articles
        query = (
            sa.select(
                ev.c.mention_id,
                ev.c.article_id,
                ev.c.event_id,
                ev.c.cluster,
                ev.c.type,
                ev.c.date,
                ev.c.date_start,
                ev.c.date_end,
                ev.c.place,
                ev.c.lat,
                ev.c.lon,
                ev.c.country,
                ev.c.actors,
                ev.c.targets,
                ev.c.sources,
                art.c.outlet,
                art.c.published,
                art.c.title,
                art.c.url,
                ev.c.modality,
                ev.c.polarity,
                ev.c.trigger,
                ev.c.text,
            )
            .join(art, art.c.id == ev.c.article_id)
            .where(*conditions(filters or EventFilter()))
            .order_by(ev.c.date_start.is_(None), ev.c.date_start, ev.c.article_id, ev.c.position)
        )
        with self._reading() as conn:
            rows = conn.execute(query).mappings().all()
        for row in rows:
            flat = dict(row)
            for key in ("actors", "targets", "sources"):
                flat[key] = json.loads(flat[key])
            yield flat

    # ------------------------------------------------------------------ internals

    def _migrate(self) -> int:
        with self._engine.connect() as conn:
            found = schema.current_version(conn)
        if found > schema.LATEST:
            raise StoreError("DL403", url=self.url, found=found, supported=schema.LATEST)
        if self.read_only and found < schema.LATEST:
            raise StoreError("DL411", url=self.url, found=found, supported=schema.LATEST)
        for migration in schema.pending(found):
            with self._engine.begin() as conn:
                schema.apply_migration(conn, migration)
        return schema.LATEST

    def _unstored(self, conn: sa.Connection, batch: list[Extraction]) -> list[Extraction]:
        """Drop extractions whose text is stored (or repeated in the batch); refuse id clashes."""
        art = schema.articles
        hashes = {content_id(x.article.text) for x in batch}
        ids = {x.article.id for x in batch}
        stored = conn.execute(
            sa.select(art.c.id, art.c.content_hash).where(
                sa.or_(art.c.content_hash.in_(hashes), art.c.id.in_(ids))
            )
        ).all()
        stored_hashes = {row.content_hash for row in stored}
        owner = {row.id: row.content_hash for row in stored}
        fresh: list[Extraction] = []
        for extraction in batch:
            article = extraction.article
            digest = content_id(article.text)
            if digest in stored_hashes:
                continue
            if owner.get(article.id, digest) != digest:
                raise StoreError(
                    "DL407", source=article.source or article.id, article_id=article.id
                )
            stored_hashes.add(digest)
            owner[article.id] = digest
            fresh.append(extraction)
        return fresh

    @contextmanager
    def _writing(self, count: int) -> Iterator[sa.Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError("DL405", count=count, url=self.url, reason=_reason(exc)) from None

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError("DL409", url=self.url, reason=_reason(exc)) from None


class _BatchRows:
    """The rows of every table for a batch of new extractions, and its new mentions."""

    def __init__(self) -> None:
        self.articles: list[dict[str, Any]] = []
        self.records: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.event_mentions: list[dict[str, Any]] = []
        self.block_keys: list[dict[str, Any]] = []
        self.mentions: list[EventMention] = []

    @property
    def tables(self) -> list[tuple[sa.Table, list[dict[str, Any]]]]:
        return [
            (schema.articles, self.articles),
            (schema.records, self.records),
            (schema.events, self.events),
            (schema.event_mentions, self.event_mentions),
            (schema.block_keys, self.block_keys),
        ]


def _batch_rows(batch: list[Extraction], block_keys: BlockKeyFn | None) -> _BatchRows:
    rows = _BatchRows()
    for extraction in batch:
        article = extraction.article
        rows.articles.append(_article_row(article))
        for kind in RECORD_KINDS:
            for position, record in enumerate(getattr(extraction, kind)):
                rows.records.append(_record_row(article.id, kind, position, record))
        mentions = mentions_from_extraction(extraction)
        for position, (event, mention) in enumerate(zip(extraction.events, mentions, strict=True)):
            rows.events.append(_event_row(event, mention, position))
            rows.event_mentions.append(
                {
                    "mention_id": mention.mention_id,
                    "article_id": article.id,
                    "record": mention.model_dump_json(),
                }
            )
            if block_keys is not None:
                rows.block_keys.extend(
                    {"key": key, "mention_id": mention.mention_id}
                    for key in sorted(set(block_keys(mention)))
                )
        rows.mentions.extend(mentions)
    return rows


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": content_id(article.text),
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "text": article.text,
        "source": article.source,
    }


def _record_row(article_id: str, kind: str, position: int, record: BaseModel) -> dict[str, Any]:
    span = getattr(record, "span", None)
    return {
        "article_id": article_id,
        "kind": kind,
        "position": position,
        "record_id": getattr(record, "id", None),
        "span_start": span[0] if span else None,
        "span_end": span[1] if span else None,
        "record": record.model_dump_json(),
    }


def _event_row(event: Event, mention: EventMention, position: int) -> dict[str, Any]:
    start, end = timex_bounds(mention.date)
    place = event.location
    return {
        "mention_id": mention.mention_id,
        "article_id": mention.article_id,
        "event_id": event.id,
        "position": position,
        "event_group": event.group,
        "type": event.type,
        "trigger": event.trigger,
        "text": event.text,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "date": mention.date,
        "date_start": start,
        "date_end": end,
        "place": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
        "actors": _names(a.name for a in event.actors),
        "targets": _names(t.name for t in event.targets),
        "sources": _names(s.name for s in event.attribution.sources),
        "outlet": mention.outlet,
        "published": mention.published,
        "modality": event.modality,
        "polarity": event.polarity,
        "cluster": None,
        "record": event.model_dump_json(),
    }


def _names(names: Iterable[str]) -> str:
    return json.dumps(list(dict.fromkeys(names)), ensure_ascii=False)


def _cluster_update(pairs: list[tuple[str, str | None]]) -> sa.Update:
    """One UPDATE ... FROM (VALUES ...) setting many mentions' clusters, all values bound.

    A single statement instead of an executemany: DuckDB runs an executemany of UPDATEs
    one row at a time, which made linking a batch slower than storing it.
    """
    ev = schema.events
    assignment = sa.values(
        sa.column("m_id", sa.Text), sa.column("c_id", sa.Text), name="assignment"
    ).data(pairs)
    return (
        sa.update(ev).where(ev.c.mention_id == assignment.c.m_id).values(cluster=assignment.c.c_id)
    )


def _refresh_clusters(conn: sa.Connection, cluster_ids: set[str]) -> None:
    """Recompute the summary rows of these clusters from their current members."""
    if not cluster_ids:
        return
    ev, cl = schema.events, schema.clusters
    ids = sorted(cluster_ids)
    conn.execute(sa.delete(cl).where(cl.c.id.in_(ids)))
    members = conn.execute(
        sa.select(
            ev.c.cluster, ev.c.article_id, ev.c.outlet, ev.c.type, ev.c.date_start, ev.c.date_end
        ).where(ev.c.cluster.in_(ids))
    ).all()
    grouped: dict[str, list[Any]] = {}
    for row in members:
        grouped.setdefault(row.cluster, []).append(row)
    summaries = [_cluster_summary(cluster, rows) for cluster, rows in sorted(grouped.items())]
    if summaries:
        conn.execute(cl.insert(), summaries)


def _cluster_summary(cluster: str, rows: list[Any]) -> dict[str, Any]:
    starts = [r.date_start for r in rows if r.date_start is not None]
    ends = [r.date_end for r in rows if r.date_end is not None]
    types = Counter(r.type for r in rows)
    return {
        "id": cluster,
        "mentions": len(rows),
        "articles": len({r.article_id for r in rows}),
        "outlets": len({r.outlet for r in rows if r.outlet}),
        # the most frequent type, ties broken alphabetically so the summary is deterministic
        "type": min(types, key=lambda t: (-types[t], t)),
        "date_start": min(starts, default=None),
        "date_end": max(ends, default=None),
    }


def _resolve_url(url: str | None) -> tuple[sa.URL, str]:
    """Turn a --db value into a SQLAlchemy URL and a backend name ('duckdb' or 'postgresql')."""
    value = (url or DEFAULT_DUCKDB).strip()
    scheme = value.split("://", 1)[0].lower() if "://" in value else None
    if scheme is None:
        path = Path(value).expanduser()
        if path.is_dir():
            raise StoreError("DL402", url=value, reason="it is a directory; give a file path")
        return sa.URL.create("duckdb", database=str(path)), "duckdb"
    if scheme == "duckdb":
        return sa.make_url(value), "duckdb"
    if scheme in POSTGRES_SCHEMES:
        try:
            parsed = sa.make_url(value)
        except sa.exc.ArgumentError as exc:
            raise StoreError("DL401", url=value) from exc
        return parsed.set(drivername="postgresql+psycopg"), "postgresql"
    raise StoreError("DL401", url=value)


def _require_duckdb_file(sa_url: sa.URL, backend: str, shown: str) -> None:
    """Refuse a DuckDB store file that does not exist (DL410) instead of creating it."""
    if backend != "duckdb":
        return
    database = sa_url.database or ""
    if database and database != ":memory:" and not Path(database).is_file():
        raise StoreError("DL410", url=shown)


def _reason(exc: BaseException) -> str:
    """The database's own one-line reason, without SQLAlchemy's statement dump."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__
