"""The store's tables and its numbered migrations (not stable API; use ``Store``).

Tables are SQLAlchemy Core ``Table`` objects so that one definition yields the same schema on
DuckDB and on PostgreSQL. ``schema_version`` records every migration applied; ``migrate``
applies the missing ones in order, each in its own transaction, and refuses a store that a
newer dateline has migrated past what this code knows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

logger = logging.getLogger(__name__)

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
)

# Every record kind other than events, one row per record, in the article's order.
records = sa.Table(
    "records",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("record_id", sa.Text),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.Column("record", sa.Text, nullable=False),
)

# Events: the full record JSON plus the columns queries filter and export on.
events = sa.Table(
    "events",
    metadata,
    sa.Column("mention_id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("event_group", sa.Text),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("date", sa.Text),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("place", sa.Text),
    sa.Column("lat", sa.Double),
    sa.Column("lon", sa.Double),
    sa.Column("country", sa.Text),
    sa.Column("actors", sa.Text, nullable=False),
    sa.Column("targets", sa.Text, nullable=False),
    sa.Column("sources", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("polarity", sa.Text, nullable=False),
    sa.Column("cluster", sa.Text),
    sa.Column("record", sa.Text, nullable=False),
    sa.Index("events_article", "article_id"),
    sa.Index("events_type_date", "type", "date_start"),
)

# One EventMention per event, as linking and timelines read it (cluster lives in events).
event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("mention_id", sa.Text, primary_key=True),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
)

block_keys = sa.Table(
    "block_keys",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("mention_id", sa.Text, primary_key=True),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("outlets", sa.Integer, nullable=False),
    sa.Column("type", sa.Text),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
)


@dataclass(frozen=True)
class Migration:
    """One numbered schema step; ``apply`` runs inside the migration's transaction."""

    version: int
    description: str
    apply: Callable[[sa.Connection], None]


def _create_initial_tables(conn: sa.Connection) -> None:
    tables = [articles, records, events, event_mentions, block_keys, clusters]
    metadata.create_all(conn, tables=tables)


def _index_events_cluster(conn: sa.Connection) -> None:
    # Kept apart from the initial tables: DuckDB rejects UPDATEs that touch an ART-indexed
    # column in some versions, so the index is PostgreSQL-only (DuckDB scans are fast anyway).
    if conn.dialect.name == "postgresql":
        # Static DDL, not an sa.Index: an Index object would attach itself to ``events`` and
        # be created again by migration 1 on the next new store.
        conn.execute(sa.text("CREATE INDEX events_cluster ON events (cluster)"))


def _unknown_place_block_keys(conn: sa.Connection) -> None:
    # The linker now puts every mention in the unknown-place block as well
    # ("family|window|?"): the keys of mentions stored before that lack it, so a new report
    # that names no place would never fetch them. The place is the key's last field.
    conn.execute(
        sa.text(
            "INSERT INTO block_keys (key, mention_id) "
            "SELECT regexp_replace(key, '[|][^|]*$', '|?'), mention_id FROM block_keys "
            "EXCEPT SELECT key, mention_id FROM block_keys"
        )
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1, "articles, records, events, event mentions, block keys, clusters", _create_initial_tables
    ),
    Migration(2, "index events by cluster", _index_events_cluster),
    Migration(3, "every stored mention in the unknown-place block", _unknown_place_block_keys),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: sa.Connection) -> int:
    """Return the highest migration applied to the store, 0 for an empty database."""
    if not sa.inspect(conn).has_table(schema_version.name):
        return 0
    found = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(found or 0)


def pending(found: int) -> list[Migration]:
    """Return the migrations after version ``found``, in order."""
    return [m for m in MIGRATIONS if m.version > found]


def apply_migration(conn: sa.Connection, migration: Migration) -> None:
    """Run one migration and record it, in the caller's transaction."""
    schema_version.create(conn, checkfirst=True)
    migration.apply(conn)
    conn.execute(
        schema_version.insert().values(version=migration.version, description=migration.description)
    )
    logger.info("store migrated to schema version %s: %s", migration.version, migration.description)
