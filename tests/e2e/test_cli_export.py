"""End-to-end: ``dateline export`` after ``dateline ingest``, files read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.storage import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def ingested(story_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("export") / "news.duckdb")
    assert runner.invoke(app, ["ingest", str(story_jsonl), "--db", db]).exit_code == 0
    return db


def _expected(db: str) -> dict[str, tuple]:
    with open_store(db) as store:
        return {
            e.mention_id: (e.cluster, e.event.type, e.outlet, e.event.date.value if e.event.date
                           else None)
            for e in store.events(limit=None)
        }  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "parquet", "geojson"])
def test_cli_export_reads_back_with_the_stored_values(ingested: str, tmp_path: Path, fmt) -> None:
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", "--db", ingested, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        with out.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        rows = [{k: (v or None) for k, v in r.items()} for r in rows]
    elif fmt == "parquet":
        rows = pq.read_table(out).to_pylist()
    else:
        rows = [f["properties"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]]
    found = {r["mention_id"]: (r["cluster"], r["type"], r["outlet"], r["date"]) for r in rows}
    assert found == _expected(ingested)
    assert f"exported {len(found)} event(s)" in result.output


def test_cli_export_unknown_format_is_coded(ingested: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", ingested, "-f", "xml", "-o", str(tmp_path / "x.xml")]
    )
    assert result.exit_code == 2 and "[DL209]" in result.output
    assert not (tmp_path / "x.xml").exists()
