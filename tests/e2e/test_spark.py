"""End-to-end on a real Spark ``local[2]`` session: ``dateline spark extract`` writes the records
of the single-process ``extract``, bad articles land in ``rejections``, and ``spark link`` gives
the clusters of the local linker."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import api
from dateline.cli import app
from dateline.linker import link_mentions
from dateline.mentions import mentions_from_extraction
from dateline.records import Extraction
from dateline.stages.ingest import read_sources

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
KINDS = ("timexes", "quantities", "entities", "places", "quotes", "claims", "events")
runner = CliRunner()


@pytest.fixture(scope="module")
def spark_session():
    """A real local[2] session; skipped (a failure under CI=true) without PySpark or Java."""
    pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'dateline[spark]')")
    if shutil.which("java") is None:
        pytest.skip("java not found: Spark needs Java 17 (openjdk-17-jre-headless)")
    from dateline import spark

    session = spark.session("local[2]", app_name="dateline-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def articles_file(seed_example: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example and golden articles, the example again from another outlet (so that
    linking has clusters across articles), a malformed line and an article without text."""
    lines = [{"id": "seed", "text": seed_example["text"], "published": seed_example["published"]}]
    lines.append({**lines[0], "id": "seed-relay", "outlet": "Relay Wire"})
    for folder in sorted(p for p in GOLDEN.iterdir() if (p / "gold.json").is_file()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        text = (folder / "article.txt").read_text(encoding="utf-8")
        lines.append({"id": folder.name, "text": text, "published": gold["published"]})
    body = [json.dumps(line) for line in lines]
    body[3:3] = ["{not json", json.dumps({"id": "blank", "text": "   "})]
    path = tmp_path_factory.mktemp("spark") / "articles.jsonl"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_results(articles_file: Path) -> list[Extraction]:
    results = api.extract_many(read_sources([str(articles_file)]))
    return [r for r in results if isinstance(r, Extraction)]


@pytest.fixture(scope="module")
def extracted(spark_session, articles_file: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("spark-out") / "tables"
    result = runner.invoke(
        app, ["spark", "extract", str(articles_file), str(out), "--master", "local[2]"]
    )
    assert result.exit_code == 1, result.output  # some articles rejected, not all
    return out


def _tables(spark_session, out: Path, kind: str) -> dict[str, list]:
    from dateline.spark import record_from_row

    by_article: dict[str, list] = defaultdict(list)
    rows = spark_session.read.parquet(str(out / kind)).orderBy("article_id", "position").collect()
    for row in rows:
        data = row.asDict()
        by_article[data["article_id"]].append(record_from_row(kind, data))
    return by_article


def test_spark_extract_writes_the_single_process_records(
    spark_session, extracted: Path, local_results: list[Extraction]
) -> None:
    articles = _tables(spark_session, extracted, "articles")
    assert sorted(articles) == sorted(r.article.id for r in local_results)
    for result in local_results:
        (article,) = articles[result.article.id]
        assert article.model_copy(update={"source": None}) == result.article.model_copy(
            update={"source": None}
        )
    for kind in KINDS:
        tables = _tables(spark_session, extracted, kind)
        for result in local_results:
            assert tables.get(result.article.id, []) == getattr(result, kind), kind
    assert sum(len(r.events) for r in local_results) > 20


def test_spark_extract_puts_bad_articles_in_rejections(spark_session, extracted: Path) -> None:
    rows = spark_session.read.parquet(str(extracted / "rejections")).collect()
    assert sorted(row["code"] for row in rows) == ["DL204", "DL206"]
    assert all(row["source"].endswith("articles.jsonl") for row in rows)


def test_spark_link_gives_the_local_clusters(
    spark_session, extracted: Path, local_results: list[Extraction], tmp_path: Path
) -> None:
    from dateline import spark

    run = spark.link(spark_session, str(extracted), str(tmp_path / "linked"))
    linked = spark_session.read.parquet(str(tmp_path / "linked" / "mentions")).collect()
    spark_clusters = {row["mention_id"]: row["cluster"] for row in linked}
    mentions = [m for r in local_results for m in mentions_from_extraction(r)]
    local = {m.mention_id: m.cluster for m in link_mentions(mentions).mentions}
    assert spark_clusters == local
    assert run.counts["mentions"] == len(mentions)
    spanning = defaultdict(set)
    for mention_id, cluster in local.items():
        spanning[cluster].add(mention_id.split("/")[0])
    assert any(articles == {"seed", "seed-relay"} for articles in spanning.values())
    assert run.counts["clusters"] == len(set(local.values()))


def test_spark_extract_reads_parquet_with_date_columns(
    spark_session, local_results: list[Extraction], tmp_path: Path
) -> None:
    import datetime

    from dateline import spark

    wanted = [r for r in local_results if r.article.id.startswith("tariff")]
    rows = [
        (r.article.id, r.article.text, datetime.date.fromisoformat(str(r.article.published)))
        for r in wanted
    ]
    frame = spark_session.createDataFrame(rows, schema="id string, text string, published date")
    frame.write.parquet(str(tmp_path / "in.parquet"))
    run = spark.extract(spark_session, str(tmp_path / "in.parquet"), str(tmp_path / "out"))
    assert run.counts["articles"] == len(wanted) == 1 and run.counts["rejections"] == 0
    events = _tables(spark_session, tmp_path / "out", "events")
    assert events[wanted[0].article.id] == wanted[0].events
    (article,) = _tables(spark_session, tmp_path / "out", "articles")[wanted[0].article.id]
    assert article.published == wanted[0].article.published


@pytest.mark.parametrize("command", ["extract", "link"])
def test_spark_missing_input_is_a_coded_error(spark_session, command: str, tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.jsonl")
    result = runner.invoke(
        app, ["spark", command, missing, str(tmp_path / "out"), "--master", "local[2]"]
    )
    assert result.exit_code == 2
    assert "[DL603]" in result.output and "Traceback" not in result.output
