"""dateline on Apache Spark: extraction and cross-article linking over large archives.

``extract`` reads articles (JSONL or Parquet, any path Spark can read: local, ``hdfs://``,
``s3a://``...) and writes one Parquet table per record kind under the output folder:
``articles``, ``timexes``, ``quantities``, ``entities``, ``places``, ``quotes``,
``claims``, ``events``, ``mentions`` (events flattened with their article's metadata, what
``link`` reads) and ``rejections``. Every table carries ``article_id`` as its join key and
``position``, the record's order within its article. Scalar fields are typed columns;
nested fields (spans, lists, sub-records) are JSON strings, read back with
``record_from_row``.

Steps of ``extract``:
  1. read the input as rows of strings (malformed JSONL lines are kept as rejections);
  2. ``mapInPandas`` runs ``dateline.api.extract_many`` over each partition's Arrow
     batches; the pipeline loads once per executor Python process and is reused;
  3. the records are kept once (persisted) and split into the per-kind tables;
  4. bad articles become rows of ``rejections`` with their code, and the job goes on.

Steps of ``link``:
  1. each mention's blocks (``dateline.linker.block_keys``) and its article are its keys;
  2. mentions that share a key, directly or through others, form one component; the
     components are found by union-find over the (mention, key) pairs;
  3. each component is linked on an executor by ``dateline.linker.link_mentions``. The
     linker only compares mentions sharing a block and pools words per article, so a
     component linked alone gets exactly the clusters it gets in one whole-input run.
  4. the linked ``mentions`` table is the timeline's input: ``read_linked_mentions`` reads
     it back on one machine (``dateline timeline --from-parquet OUTPUT``).

This module calls the Python API only (``dateline.api``, ``dateline.linker``,
``dateline.mentions``); PySpark is imported on use, from the ``spark`` extra.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from dateline.config import Settings
from dateline.errors import InputError, PipelineError, message
from dateline.records import (
    Article,
    Claim,
    Entity,
    Event,
    EventMention,
    Place,
    Quantity,
    Quote,
    Rejection,
    Timex,
)

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

logger = logging.getLogger(__name__)

# Kind -> record model, in the order the tables are written.
RECORD_KINDS: dict[str, type[BaseModel]] = {
    "articles": Article,
    "timexes": Timex,
    "quantities": Quantity,
    "entities": Entity,
    "places": Place,
    "quotes": Quote,
    "claims": Claim,
    "events": Event,
    "mentions": EventMention,
    "rejections": Rejection,
}
INPUT_FIELDS = ("id", "text", "published", "url", "title", "outlet")
CORRUPT = "_corrupt_record"
ARROW_BATCH = 32  # articles per Arrow batch: one parse batch, bounded executor memory
_SCALARS = {"string": "string", "integer": "bigint", "number": "double", "boolean": "boolean"}


@dataclass(frozen=True)
class SparkRun:
    """What one Spark command did: rows written per table and where."""

    output: str
    counts: dict[str, int]


# --------------------------------------------------------------------------- session


def session(master: str | None = None, app_name: str = "dateline") -> SparkSession:
    """Start (or reuse) a Spark session with Arrow batches sized for extraction.

    Args:
        master: a Spark master URL (``local[2]``, ``spark://host:7077``, ``yarn``...);
            None keeps the one ``spark-submit`` set, else ``local[*]``.
        app_name: the application name shown in the Spark UI.

    Raises:
        PipelineError: PySpark is not installed (DL601) or Spark cannot start (DL602).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise PipelineError("DL601", reason=str(exc)) from None
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise PipelineError("DL602", reason="no 'java' on PATH and JAVA_HOME is not set")
    # Executors on this machine run the interpreter that runs dateline; on a cluster,
    # spark-submit's own PYSPARK_PYTHON setting wins.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        # Without one, spark-submit's --master applies, and plain Python gets local[*].
        builder = builder.master(master)
    builder = (
        builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH))
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.showConsoleProgress", "false")
    )
    try:
        return builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - Py4J and JVM start-up errors vary by version
        raise PipelineError("DL602", reason=f"{type(exc).__name__}: {exc}") from None


# --------------------------------------------------------------------------- schemas


def table_schema(kind: str) -> StructType:
    """The Spark schema of one output table: ``article_id``, ``position``, then the record's
    fields, scalars typed and nested values as JSON strings."""
    from pyspark.sql.types import StructType

    return StructType.fromDDL(", ".join(f"`{n}` {t}" for n, t in _columns(kind)))


@functools.cache
def _columns(kind: str) -> tuple[tuple[str, str], ...]:
    model = RECORD_KINDS[kind]
    properties = model.model_json_schema()["properties"]
    columns = [("article_id", "string"), ("position", "bigint")]
    columns += [(name, _spark_type(p)) for name, p in properties.items() if name != "article_id"]
    return tuple(columns)


@functools.cache
def _json_fields(kind: str) -> frozenset[str]:
    properties = RECORD_KINDS[kind].model_json_schema()["properties"]
    return frozenset(name for name, p in properties.items() if _spark_type(p) == "json")


def _spark_type(prop: dict[str, Any]) -> str:
    options = [o for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
    if len(options) == 1 and options[0].get("type") in _SCALARS:
        return _SCALARS[options[0]["type"]]
    return "json"


def _ddl_type(spark_type: str) -> str:
    return "string" if spark_type == "json" else spark_type


def row_of(kind: str, record: BaseModel, article_id: str | None, position: int) -> dict:
    """One table row of a record: nested fields as JSON strings (not stable API)."""
    data = record.model_dump(mode="json")
    nested = _json_fields(kind)
    row = {name: json.dumps(data[name]) if name in nested else data[name] for name in data}
    row.setdefault("article_id", article_id)
    row["position"] = position
    return row


def record_from_row(kind: str, row: dict[str, Any]) -> BaseModel:
    """Rebuild the record of one table row (a dict, e.g. ``Row.asDict()``).

    Args:
        kind: the table name (a key of ``RECORD_KINDS``).
        row: the row's columns; ``position`` and, for records without one, ``article_id``
            are dropped.

    Returns:
        The record, equal to the one ``extract`` produced.
    """
    model = RECORD_KINDS[kind]
    fields = model.model_fields
    nested = _json_fields(kind)
    data = {
        name: json.loads(value) if name in nested and value is not None else value
        for name, value in row.items()
        if name in fields
    }
    return model.model_validate(data)


# --------------------------------------------------------------------------- extract


def extract(
    spark: SparkSession,
    input_path: str,
    output_path: str,
    *,
    input_format: str = "auto",
    settings: Settings | None = None,
    partitions: int | None = None,
) -> SparkRun:
    """Extract every article of ``input_path`` on Spark into Parquet tables.

    Args:
        spark: the session (see ``session``).
        input_path: JSONL or Parquet articles (a file, a folder or a glob; any Hadoop URI).
            Columns or keys: ``text`` (required), ``id``, ``published``, ``url``, ``title``,
            ``outlet``.
        output_path: the folder to write one Parquet table per kind into (overwritten).
        input_format: ``jsonl``, ``parquet`` or ``auto`` (by the path's extension).
        settings: pipeline settings; packaged defaults when None.
        partitions: how many partitions to extract in; default twice the cluster's cores.

    Returns:
        The row count of every table written.

    Raises:
        InputError: the input cannot be read (DL603).
    """
    settings = settings or Settings()
    frame = _read_articles(spark, input_path, input_format)
    frame = frame.repartition(partitions or 2 * spark.sparkContext.defaultParallelism)
    records = frame.mapInPandas(
        _extract_batches(settings.model_dump_json()),
        schema="kind string, article_id string, position bigint, payload string",
    )
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        found = {row["kind"]: row["count"] for row in records.groupBy("kind").count().collect()}
        counts = {kind: found.get(kind, 0) for kind in RECORD_KINDS}

        def write(kind: str) -> None:
            table = records.where(F.col("kind") == kind)
            table = table.select(F.from_json("payload", _payload_schema(kind)).alias("r"))
            table.select("r.*").write.mode("overwrite").parquet(_join(output_path, kind))

        # The tables are small jobs over the persisted records; submitted together they
        # share the executors instead of queueing one after another.
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(write, RECORD_KINDS))
    finally:
        records.unpersist()
    logger.info("spark extract %s -> %s: %s", input_path, output_path, counts)
    return SparkRun(output=output_path, counts=counts)


def _payload_schema(kind: str) -> StructType:
    from pyspark.sql.types import StructType

    return StructType.fromDDL(", ".join(f"`{n}` {_ddl_type(t)}" for n, t in _columns(kind)))


def _join(folder: str, name: str) -> str:
    return folder.rstrip("/") + "/" + name


def _read_articles(spark: SparkSession, path: str, input_format: str) -> DataFrame:
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    fmt = _input_format(path, input_format)
    try:
        if fmt == "parquet":
            frame = spark.read.parquet(path)
            missing = [c for c in INPUT_FIELDS if c not in frame.columns]
            frame = frame.select(
                *[_as_text(frame, c).alias(c) for c in INPUT_FIELDS if c not in missing],
                *[F.lit(None).cast("string").alias(c) for c in missing],
                F.lit(None).cast("string").alias(CORRUPT),
            )
        else:
            schema = ", ".join(f"`{c}` string" for c in (*INPUT_FIELDS, CORRUPT))
            frame = (
                spark.read.schema(schema)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .json(path)
            )
    except AnalysisException as exc:
        raise InputError("DL603", source=path, reason=_first_line(str(exc))) from None
    return frame.withColumn("source", F.input_file_name())


def _as_text(frame: DataFrame, column: str):
    """A Parquet column as text; dates and timestamps as ``YYYY-MM-DD`` (the day published)."""
    from pyspark.sql import functions as F

    if frame.schema[column].dataType.typeName() in ("date", "timestamp", "timestamp_ntz"):
        return F.date_format(F.col(column), "yyyy-MM-dd")
    return F.col(column).cast("string")


def _input_format(path: str, input_format: str) -> str:
    if input_format in ("jsonl", "parquet"):
        return input_format
    return "parquet" if path.rstrip("/").lower().endswith((".parquet", ".pq")) else "jsonl"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "unknown reason"


def _extract_batches(settings_json: str):
    """The ``mapInPandas`` function: pandas batches of articles in, record rows out."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        settings = _executor_settings(settings_json)
        for batch in batches:
            rows = list(_extract_rows(batch.to_dict("records"), settings))
            yield pd.DataFrame(rows, columns=["kind", "article_id", "position", "payload"])

    return run


@functools.lru_cache(maxsize=4)
def _executor_settings(settings_json: str) -> Settings:
    return Settings.model_validate_json(settings_json)


def _extract_rows(inputs: list[dict], settings: Settings) -> Iterator[tuple]:
    import warnings

    from dateline import api
    from dateline.errors import DatelineWarning
    from dateline.mentions import mentions_from_extraction

    items = [_item(row) for row in inputs]
    with warnings.catch_warnings():
        # W### notices stay on each article (its ``notices``); executors have no user.
        warnings.simplefilter("ignore", DatelineWarning)
        results = list(api.extract_many(items, settings=settings))
    for row, result in zip(inputs, results, strict=True):
        if isinstance(result, Rejection):
            rejection = result.model_copy(update={"source": row["source"] or result.source})
            yield _payload("rejections", rejection, None, 0)
            continue
        article = result.article.model_copy(update={"source": row["source"]})
        yield _payload("articles", article, article.id, 0)
        for kind in ("timexes", "quantities", "entities", "places", "quotes", "claims", "events"):
            for position, record in enumerate(getattr(result, kind)):
                yield _payload(kind, record, article.id, position)
        for position, mention in enumerate(mentions_from_extraction(result)):
            yield _payload("mentions", mention, article.id, position)


def _payload(kind: str, record: BaseModel, article_id: str | None, position: int) -> tuple:
    row = row_of(kind, record, article_id, position)
    return kind, row["article_id"], position, json.dumps(row)


def _item(row: dict) -> dict | Rejection:
    if row.get(CORRUPT):
        source = row.get("source") or "input"
        reason = f"not a JSON object: {row[CORRUPT][:60]!r}"
        # Spark does not keep line numbers; the catalogue message gets the file instead.
        text = message("DL204", source=source, where=source, line="?", reason=reason)
        return Rejection(source=source, code="DL204", message=text)
    return {k: row[k] for k in INPUT_FIELDS if row.get(k) not in (None, "")}


# --------------------------------------------------------------------------- link


def link(
    spark: SparkSession,
    input_path: str,
    output_path: str,
    *,
    settings: Settings | None = None,
    partitions: int | None = None,
) -> SparkRun:
    """Link the event mentions of ``input_path`` across articles on Spark.

    Args:
        spark: the session.
        input_path: a ``spark extract`` output folder (its ``mentions`` table is read) or a
            Parquet table of mentions.
        output_path: folder for ``mentions`` (each with its ``cluster``) and ``clusters``
            (cluster id, size, first date, type) Parquet tables.
        settings: settings whose ``[linking]`` section the linker uses; defaults when None.
        partitions: partitions for the linking step; default Spark's shuffle partitions.

    Returns:
        The row count of every table written.

    Raises:
        InputError: no mentions table at ``input_path`` (DL603).
    """
    from pyspark.sql import functions as F

    mentions = _read_mentions(spark, input_path)
    keys = mentions.mapInPandas(_key_batches, schema="mention_id string, key string")
    component = _components(spark, keys)
    joined = mentions.join(component, on="mention_id", how="inner")
    if partitions:
        joined = joined.repartition(partitions, "component")
    linked = joined.groupBy("component").applyInPandas(
        _link_component((settings or Settings()).model_dump_json()),
        schema=_payload_schema("mentions"),
    )
    linked.write.mode("overwrite").parquet(_join(output_path, "mentions"))
    written = spark.read.parquet(_join(output_path, "mentions"))
    clusters = written.groupBy("cluster").agg(
        F.count("*").alias("mentions"),
        F.countDistinct("article_id").alias("articles"),
        F.min("date").alias("first_date"),
        F.max("date").alias("last_date"),
        F.min("type").alias("type"),
    )
    clusters.write.mode("overwrite").parquet(_join(output_path, "clusters"))
    counts = {
        "mentions": written.count(),
        "clusters": spark.read.parquet(_join(output_path, "clusters")).count(),
    }
    logger.info("spark link %s -> %s: %s", input_path, output_path, counts)
    return SparkRun(output=output_path, counts=counts)


def _read_mentions(spark: SparkSession, path: str) -> DataFrame:
    from pyspark.errors import AnalysisException

    for candidate in (_join(path, "mentions"), path):
        try:
            frame = spark.read.parquet(candidate)
        except AnalysisException:
            continue
        if "mention_id" in frame.columns:
            return frame.select(*[name for name, _ in _columns("mentions")])
    raise InputError("DL603", source=path, reason="no Parquet table of event mentions found")


def _key_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    import pandas as pd

    from dateline.link_parallel import component_keys
    from dateline.linker import block_keys

    for batch in batches:
        pairs: list[tuple[str, str]] = []
        for row in batch.to_dict("records"):
            mention = record_from_row("mentions", row)
            assert isinstance(mention, EventMention)
            # Block keys and the article: the linker pools each article's words and
            # starts its restatements as one group. Every mention is new here.
            tied = component_keys(mention, block_keys(mention), stored=False)
            pairs.extend((mention.mention_id, key) for key in tied)
        yield pd.DataFrame(pairs, columns=["mention_id", "key"])


def _components(spark: SparkSession, keys: DataFrame) -> DataFrame:
    """Mention -> component id: union-find over the (mention, key) pairs on the driver.

    The driver holds one small integer per mention and per key (not the mentions), which
    fits tens of millions of mentions; the linking itself runs on the executors.
    """
    from pyspark.sql import functions as F

    from dateline.link_parallel import UnionFind

    key_rows = keys.groupBy("key").agg(F.sort_array(F.collect_set("mention_id")).alias("ids"))
    found = UnionFind()
    for row in key_rows.toLocalIterator():
        found.union_all(row["ids"])
    assignment = [(mention, found.find(mention)) for mention in found.items()]
    return spark.createDataFrame(assignment, schema="mention_id string, component string")


def _link_component(settings_json: str):
    """The ``applyInPandas`` function: one component's mentions in, linked mentions out."""

    def run(frame: pd.DataFrame) -> pd.DataFrame:
        import pandas as pd

        from dateline.linker import link_mentions

        settings = _executor_settings(settings_json)
        rows = frame.to_dict("records")
        mentions = [record_from_row("mentions", row) for row in rows]
        position = {row["mention_id"]: row["position"] for row in rows}
        result = link_mentions(mentions, settings=settings.linking)  # type: ignore[arg-type]
        out = [row_of("mentions", m, m.article_id, position[m.mention_id]) for m in result.mentions]
        return pd.DataFrame(out, columns=[name for name, _ in _columns("mentions")])

    return run


def read_linked_mentions(path: str) -> list[EventMention]:
    """The event mentions of a ``link`` output with their clusters, read on this machine.

    The ``mentions`` table ``link`` writes is the timeline's input: ``dateline timeline
    --from-parquet OUTPUT`` builds from it the timeline that ``dateline timeline --db``
    builds from a store holding the same linked mentions. PyArrow reads it, so no Spark
    session (and no Java) is needed.

    Args:
        path: the ``link`` output folder, or its ``mentions`` table; a local path or a URI
            PyArrow's file systems read (``s3://``, ``hdfs://``, ``file://``).

    Returns:
        The mentions in article then event order, the order ``Store.mentions`` returns.

    Raises:
        InputError: no Parquet table of event mentions at ``path``, or one whose mentions
            carry no cluster id (a ``spark extract`` output, not linked yet) (DL246).
    """
    table = _mentions_table(path)
    rows = sorted(table.to_pylist(), key=lambda row: (row["article_id"], row["position"]))
    mentions = [record_from_row("mentions", row) for row in rows]
    if any(not isinstance(m, EventMention) or m.cluster is None for m in mentions):
        raise InputError(
            "DL246", source=path, reason="mentions without a cluster id: not a spark link output"
        )
    return mentions  # type: ignore[return-value]


def _mentions_table(path: str):
    import pyarrow as pa
    import pyarrow.dataset as ds

    for candidate in (_join(path, "mentions"), path):
        try:
            dataset = ds.dataset(candidate, format="parquet")
        except (OSError, ValueError, pa.ArrowException):
            continue
        if "mention_id" in dataset.schema.names and "cluster" in dataset.schema.names:
            return dataset.to_table()
    raise InputError("DL246", source=path, reason="no Parquet table of event mentions found")


def read_table(spark: SparkSession, output_path: str, kind: str) -> Iterable[BaseModel]:
    """The records of one written table, rebuilt (for checks and small tables)."""
    frame = spark.read.parquet(_join(output_path, kind))
    return [record_from_row(kind, row.asDict()) for row in frame.toLocalIterator()]
