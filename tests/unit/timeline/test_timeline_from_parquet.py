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


def test_timeline_from_parquet_reads_the_linked_mentions_table(tmp_path: Path) -> None:
    """The table layout `spark link` writes (one row per mention, nested fields as JSON,
    `position` per article), written here with PyArrow: the same timeline as in memory."""
    from _timeline_build import mention, source

    from dateline.spark import _columns, read_linked_mentions, row_of
    from dateline.timeline import build_timeline

    mentions = [
        mention("b", "EV1", cluster="c1", outlet="Patras Post", sources=(source("Meridian"),)),
        mention("a", "EV2", cluster="c1", outlet="Northern Ledger", polarity="negative",
                modality="negated", sources=(source("the ministry"),)),
        mention("a", "EV1", cluster="c2", outlet="Northern Ledger", trigger="evacuated",
                type="AID", text="evacuated 300 residents"),
    ]  # fmt: skip
    rows = [row_of("mentions", m, m.article_id, int(m.event_id[2:])) for m in mentions]
    names = [name for name, _ in _columns("mentions")]
    table = pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows])
    (tmp_path / "linked" / "mentions").mkdir(parents=True)
    pq.write_table(table, tmp_path / "linked" / "mentions" / "part-00000.parquet")
    (tmp_path / "linked" / "mentions" / "_SUCCESS").write_text("")

    read = read_linked_mentions(str(tmp_path / "linked"))
    assert [m.mention_id for m in read] == ["a/EV1", "a/EV2", "b/EV1"]
    assert read == sorted(mentions, key=lambda m: m.mention_id)
    assert api.timeline(parquet=str(tmp_path / "linked")) == build_timeline(mentions)
    assert api.timeline(parquet=str(tmp_path / "linked" / "mentions")) == build_timeline(mentions)
