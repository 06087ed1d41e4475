"""End to end on a real Spark ``local[2]`` session: the timeline that ``dateline timeline
--from-parquet`` prints from the output of ``dateline spark extract`` + ``spark link`` equals
the one ``dateline timeline --db`` prints from a local store that ingested the same articles.

The input is the bundled story (four reports that relay, deny, disagree on a date and revise
figures), so the comparison covers corroboration, contradictions and figure series.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()


def _story() -> Path:
    return Path(str(resources.files("dateline").joinpath("sample", "story", "patras-fire.jsonl")))


@pytest.fixture(scope="module")
def spark_session():
    """A real local[2] session; skipped (a failure under CI=true) without PySpark or Java."""
    pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'dateline[spark]')")
    if shutil.which("java") is None:
        pytest.skip("java not found: Spark needs Java 17 (openjdk-17-jre-headless)")
    from dateline import spark

    session = spark.session("local[2]", app_name="dateline-timeline-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_output(spark_session, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The story through `dateline spark extract` and `dateline spark link`."""
    out = tmp_path_factory.mktemp("spark-timeline")
    extracted, linked = out / "extracted", out / "linked"
    for command in (
        ["spark", "extract", str(_story()), str(extracted), "--master", "local[2]"],
        ["spark", "link", str(extracted), str(linked), "--master", "local[2]"],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
    return {"extracted": extracted, "linked": linked}


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The story through `dateline ingest` into a DuckDB store."""
    db = tmp_path_factory.mktemp("local-timeline") / "story.duckdb"
    result = runner.invoke(app, ["ingest", str(_story()), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _timeline(*options: str) -> str:
    result = runner.invoke(app, ["timeline", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_spark_timeline_equals_the_local_store_timeline(
    spark_output: dict[str, Path], local_store: Path, fmt: str
) -> None:
    from_spark = _timeline("--from-parquet", str(spark_output["linked"]), "--format", fmt)
    from_store = _timeline("--db", str(local_store), "--format", fmt)
    assert from_spark == from_store


def test_spark_timeline_holds_the_story(spark_output: dict[str, Path]) -> None:
    payload = json.loads(_timeline("--from-parquet", str(spark_output["linked"]), "-f", "json"))
    kinds = sorted(c["kind"] for c in payload["contradictions"])
    assert kinds == ["date", "figure", "occurrence"]
    outlets = {e["action"]: e["corroboration"]["outlet_count"] for e in payload["entries"]}
    assert outlets["evacuated"] == 4 and outlets["arrested"] == 2  # the denier is no outlet of it
    (evacuated,) = [s for s in payload["figures"] if s["label"] == "residents evacuated"]
    assert [p["text"] for p in evacuated["points"]] == [
        "over 100", "1,200", "About 2,000", "about 2,500",
    ]  # fmt: skip


def test_spark_timeline_filters_like_the_store(
    spark_output: dict[str, Path], local_store: Path
) -> None:
    window = ("--from", "2025-08-12", "--to", "2025-08-12", "--about", "arrested", "-f", "json")
    from_spark = _timeline("--from-parquet", str(spark_output["linked"]), *window)
    assert from_spark == _timeline("--db", str(local_store), *window)
    assert json.loads(from_spark)["entries"]


def test_spark_timeline_of_an_unlinked_extract_output_is_a_coded_error(
    spark_output: dict[str, Path],
) -> None:
    result = runner.invoke(app, ["timeline", "--from-parquet", str(spark_output["extracted"])])
    assert result.exit_code == 2
    assert "[DL246]" in result.output and "not a spark link output" in result.output
    assert "Traceback" not in result.output
