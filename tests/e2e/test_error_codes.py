"""Every catalogued code that had no test, triggered through the public CLI or API.

Each test provokes the real condition (a killed worker, an unreadable file, a missing
table, an absent program or package) and checks the code and the values in the message.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import dateline
from dateline.cli import app
from dateline.errors import (
    DatelineWarning,
    InputError,
    PipelineError,
    StoreError,
    WebError,
)
from dateline.records import Article
from dateline.storage import open_store
from dateline.web.assets import install_assets, missing_assets
from dateline.web.server import serve

ARTICLE = "The council met on Monday. It approved the new harbour budget."


def test_error_dl104_a_killed_worker_stops_the_run_with_its_code() -> None:
    from dateline.config import load_settings
    from dateline.parallel import extract_parallel

    def articles() -> Iterator[Article]:
        for n in range(12):
            if n == 6:
                # The pool has started its workers by now (the first chunks are queued).
                for child in multiprocessing.active_children():
                    os.kill(child.pid, signal.SIGKILL)
            yield Article(text=ARTICLE, published=date(2024, 5, 6))

    with pytest.raises(PipelineError) as info:
        list(
            extract_parallel(
                articles(), workers=2, settings=load_settings(), chunk_size=1, chunks_per_worker=1
            )
        )
    assert info.value.code == "DL104"
    assert info.value.values["workers"] == 2
    assert str(info.value).startswith("[DL104] A worker process of the 2-worker pool died")


def test_error_dl210_an_unreadable_file_is_rejected_with_its_reason() -> None:
    # Reading a process's memory file as a whole fails with an I/O error, even for root.
    result = CliRunner().invoke(app, ["extract", "/proc/self/mem", "--published", "2024-05-06"])
    assert "[DL210] /proc/self/mem: cannot read (Input/output error)" in result.output
    assert result.exit_code != 0


def test_error_dl241_an_unknown_schema_record_lists_the_valid_ones() -> None:
    with pytest.raises(InputError) as info:
        dateline.json_schema("events")
    assert info.value.code == "DL241"
    assert "Unknown record 'events' for the JSON Schema. Valid records: extraction, timeline" in (
        str(info.value)
    )


def test_error_dl409_a_store_missing_a_table_fails_to_read_with_its_code(tmp_path: Path) -> None:
    url = str(tmp_path / "broken.duckdb")
    with open_store(url):
        pass
    with duckdb.connect(url) as conn:
        conn.execute("DROP TABLE events")
    with open_store(url, create=False, read_only=True) as store, pytest.raises(StoreError) as info:
        store.count_events()
    assert info.value.code == "DL409"
    assert info.value.values["url"] == store.url
    assert "events" in info.value.values["reason"].lower()


def test_error_dl502_building_assets_without_npm_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder without npm
    with pytest.raises(WebError) as info:
        install_assets(tmp_path)
    assert info.value.code == "DL502"
    assert str(info.value).startswith(
        f"[DL502] Cannot build the web page's assets in {tmp_path}: npm is not installed."
    )


def test_error_dl505_serving_without_the_web_extra_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A None entry in sys.modules makes the import fail as if the package were absent.
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    with pytest.raises(WebError) as info:
        serve(str(tmp_path / "s.duckdb"))
    assert info.value.code == "DL505"
    assert "(uvicorn is not installed)" in str(info.value)
    assert "pip install 'dateline[web]'" in str(info.value)


def test_error_dl601_spark_without_pyspark_tells_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    result = CliRunner().invoke(
        app, ["spark", "extract", str(_articles_jsonl(tmp_path)), str(tmp_path / "out")]
    )
    assert "[DL601] Spark support is not installed" in result.output
    assert "pip install 'dateline[spark]'" in result.output
    assert result.exit_code != 0


def test_error_dl602_spark_without_java_says_java_is_needed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark")
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder without java
    monkeypatch.delenv("JAVA_HOME", raising=False)
    result = CliRunner().invoke(
        app, ["spark", "extract", str(_articles_jsonl(tmp_path)), str(tmp_path / "out")]
    )
    assert (
        "[DL602] Cannot start Spark: no 'java' on PATH and JAVA_HOME is not set. "
        "Spark needs Java 17"
    ) in result.output
    assert result.exit_code != 0


def test_error_w004_a_date_beyond_the_calendar_is_a_coded_notice() -> None:
    with pytest.warns(DatelineWarning) as seen:
        result = dateline.extract("It happened 1,000,000 days ago.", published="2024-01-01")
    (notice,) = result.notices
    assert notice.code == "W004"
    assert "1 date(s) fall outside years 1-9999" in notice.message
    assert [w.message.code for w in seen] == ["W004"]


def test_error_w501_serving_beyond_loopback_warns_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if missing_assets():
        pytest.skip("the web page's assets are not built (dateline serve --setup)")
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # The warning comes before the port check, which then refuses the busy port.
        with pytest.warns(DatelineWarning) as seen, pytest.raises(WebError) as info:
            serve(str(tmp_path / "s.duckdb"), host="0.0.0.0", port=port)
    assert [w.message.code for w in seen] == ["W501"]
    assert "Serving on 0.0.0.0, which is not a loopback address" in str(seen[0].message)
    assert info.value.code == "DL503"


def _articles_jsonl(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    path.write_text(f'{{"text": "{ARTICLE}", "published": "2024-05-06"}}\n', encoding="utf-8")
    return path
