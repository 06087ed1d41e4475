"""`dateline timeline --from-parquet`: the inputs it refuses, with their codes (no Spark
needed; the Spark round trip is in tests/e2e/test_spark_timeline.py)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dateline import api
from dateline.cli import app
from dateline.errors import InputError

runner = CliRunner()


def test_timeline_from_parquet_and_db_together_is_dl245(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["timeline", "--db", str(tmp_path / "x.duckdb"), "--from-parquet", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "[DL245]" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("layout", ["missing", "empty folder", "other table"])
def test_timeline_from_parquet_without_mentions_is_dl246(tmp_path: Path, layout: str) -> None:
    folder = tmp_path / "out"
    if layout != "missing":
        (folder / "mentions").mkdir(parents=True)
    if layout == "other table":
        pq.write_table(pa.table({"id": ["a"]}), folder / "mentions" / "part-0.parquet")
    with pytest.raises(InputError) as caught:
        api.timeline(parquet=str(folder))
    assert caught.value.code == "DL246"
    assert "no Parquet table of event mentions found" in str(caught.value)
