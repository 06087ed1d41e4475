"""Opening a store: URLs, numbered migrations, and refusing a store newer than the code."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dateline.errors import StoreError
from dateline.storage import open_store, schema
from dateline.storage.store import _resolve_url


def _versions(url: str) -> list[int]:
    engine = sa.create_engine(_resolve_url(url)[0])
    try:
        with engine.connect() as conn:
            query = sa.select(schema.schema_version.c.version).order_by("version")
            return list(conn.execute(query).scalars())
    finally:
        engine.dispose()


def test_storage_new_store_gets_every_migration_once(store_url) -> None:
    with open_store(store_url) as store:
        assert store.schema_version == schema.LATEST == 3
    with open_store(store_url) as store:  # reopening applies nothing again
        assert store.stats().schema_version == 3
    assert _versions(store_url) == [1, 2, 3]


def test_storage_old_store_is_migrated_forward(store_url) -> None:
    engine = sa.create_engine(_resolve_url(store_url)[0])
    with engine.begin() as conn:
        schema.apply_migration(conn, schema.MIGRATIONS[0])
    engine.dispose()
    assert _versions(store_url) == [1]
    with open_store(store_url) as store:
        assert store.schema_version == 3
    assert _versions(store_url) == [1, 2, 3]


def test_storage_migration_puts_stored_mentions_in_the_unknown_place_block(store_url) -> None:
    engine = sa.create_engine(_resolve_url(store_url)[0])
    with engine.begin() as conn:
        for migration in schema.MIGRATIONS[:2]:
            schema.apply_migration(conn, migration)
        conn.execute(
            schema.block_keys.insert(),
            [
                {"key": "material_conflict|a1|XM", "mention_id": "m1"},
                {"key": "material_conflict|b1|XM", "mention_id": "m1"},
                {"key": "material_conflict|a1|YM", "mention_id": "m1"},
                {"key": "other|d?|?", "mention_id": "m2"},
            ],
        )
    engine.dispose()
    open_store(store_url).close()
    engine = sa.create_engine(_resolve_url(store_url)[0])
    with engine.connect() as conn:
        rows = set(conn.execute(sa.select(schema.block_keys.c.mention_id, schema.block_keys.c.key)))
    engine.dispose()
    assert rows == {
        ("m1", "material_conflict|a1|XM"),
        ("m1", "material_conflict|b1|XM"),
        ("m1", "material_conflict|a1|YM"),
        ("m1", "material_conflict|a1|?"),
        ("m1", "material_conflict|b1|?"),
        ("m2", "other|d?|?"),
    }


def test_storage_newer_store_is_refused_with_dl403(store_url) -> None:
    open_store(store_url).close()
    engine = sa.create_engine(_resolve_url(store_url)[0])
    with engine.begin() as conn:
        conn.execute(schema.schema_version.insert().values(version=99, description="future"))
    engine.dispose()
    with pytest.raises(StoreError) as info:
        open_store(store_url)
    assert info.value.code == "DL403"
    assert "99" in str(info.value) and "(3)" in str(info.value)


def test_storage_default_store_is_dateline_duckdb_in_cwd(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        assert store.backend == "duckdb"
    assert (tmp_path / "dateline.duckdb").is_file()


@pytest.mark.parametrize(
    ("url", "backend", "driver"),
    [
        ("a.duckdb", "duckdb", "duckdb"),
        ("duckdb:///tmp/a.duckdb", "duckdb", "duckdb"),
        ("postgresql://u@h:5/db", "postgresql", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql", "postgresql+psycopg"),
    ],
)
def test_storage_urls_pick_the_backend(url, backend, driver) -> None:
    resolved, found = _resolve_url(url)
    assert (found, resolved.drivername) == (backend, driver)


def test_storage_unsupported_url_is_dl401() -> None:
    with pytest.raises(StoreError) as info:
        open_store("mysql://u@h/db")
    assert info.value.code == "DL401"


def test_storage_directory_path_is_dl402(tmp_path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(str(tmp_path))
    assert info.value.code == "DL402"


def test_storage_unreachable_server_is_dl402(postgres_server) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError) as info:
        open_store(f"postgresql://nobody:secret@127.0.0.1:{port}/nothing")
    assert info.value.code == "DL402"
    assert "secret" not in str(info.value)


def test_storage_locked_duckdb_file_is_dl402(tmp_path) -> None:
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as info:
            open_store(str(path))
        assert info.value.code == "DL402"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


def test_storage_missing_file_is_dl410_when_not_creating(tmp_path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(str(tmp_path / "absent.duckdb"), create=False)
    assert info.value.code == "DL410"
    assert not (tmp_path / "absent.duckdb").exists()


def test_storage_read_only_store_reads_but_refuses_writes(store_url, extraction_factory) -> None:
    with open_store(store_url) as store:
        store.add_extractions([extraction_factory("Police arrested 12 men in York on Monday.")])
    with open_store(store_url, read_only=True) as reader:
        assert reader.stats().articles == 1
        with pytest.raises(StoreError) as info:
            reader.add_extractions([extraction_factory("Another text entirely.")])
        assert info.value.code == "DL405"
    with open_store(store_url) as store:
        assert store.stats().articles == 1


def test_storage_read_only_open_needs_a_migrated_store(store_url) -> None:
    engine = sa.create_engine(_resolve_url(store_url)[0])
    with engine.begin() as conn:
        schema.apply_migration(conn, schema.MIGRATIONS[0])
    engine.dispose()
    with pytest.raises(StoreError) as info:
        open_store(store_url, read_only=True)
    assert info.value.code == "DL411"
    assert _versions(store_url) == [1]
