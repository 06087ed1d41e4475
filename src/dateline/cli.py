"""Command line: ``dateline extract``, ``schema``, ``demo``, ``ingest``, ``stats``, ``export``.

Each command is a thin wrapper: it parses options, calls the API, and writes
results. Only this module prints or configures logging.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from typer.core import TyperCommand, TyperGroup

from dateline import api
from dateline._files import atomic_path
from dateline.config import Settings, load_settings
from dateline.errors import DatelineError, DatelineWarning, InputError, message
from dateline.parallel import default_workers
from dateline.records import Extraction, Rejection
from dateline.report import CSV_COLUMNS, events_csv_rows, format_events_table
from dateline.stages.ingest import STDIN, count_inputs, parse_date, read_sources
from dateline.summary import format_summary

SAMPLE_STORY = ("sample", "story", "patras-fire.jsonl")


class _PlainHelp:
    """Help without type labels (``<bool>``, ``<int>``, ``<list[str]>``).

    Each option's help text already says what it takes, and metavars (YYYY-MM-DD,
    PATH) name values better than Python type names do.
    """

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            # Instance attribute: shadows the type label for this help rendering only.
            param.display_type_rich = _metavar_only(param)
        super().format_help(ctx, formatter)  # type: ignore[misc]


class PlainHelpCommand(_PlainHelp, TyperCommand):
    """A command whose help shows no type labels."""


class PlainHelpGroup(_PlainHelp, TyperGroup):
    """The command group, whose help shows no type labels either."""


def _metavar_only(param: Any) -> Any:
    # Arguments already show their metavar as their name; options show it as the value.
    def display(ctx: Any) -> str | None:
        return param.metavar if param.param_type_name == "option" and param.metavar else None

    return display


app = typer.Typer(
    cls=PlainHelpGroup,
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into dated, sourced, structured records.",
)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"
    summary = "summary"


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


def _fail(text: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {text}", err=True)
    return typer.Exit(code)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside ``path`` renamed over it at the end.

    A run that stops half-way (an interrupt, a crash) leaves ``path`` as it was: readers
    never see a half-written file, and an earlier good output is not lost.
    """
    if path is None:
        yield sys.stdout
        return
    try:
        with atomic_path(path, mode=_new_file_mode()) as target:
            with target.open("w", encoding="utf-8", newline="") as fh:
                yield fh
    except OSError as exc:
        raise _fail(f"cannot write {path}: {exc.strerror}") from None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _output_is_input(output: Path | None, paths: list[str]) -> bool:
    """Whether ``output`` names one of the inputs (by path, or by file identity)."""
    if output is None:
        return False
    target = output.resolve()
    for path in paths:
        if path == STDIN:
            continue
        candidate = Path(path)
        if candidate.resolve() == target:
            return True
        if target.exists() and candidate.exists() and os.path.samefile(candidate, target):
            return True
    return False


def _progress(items: Iterator, total: int | None, show: bool) -> Iterator:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(
        items,
        total=total,
        unit="article",
        desc="extract",
        file=sys.stderr,
        disable=None,
        dynamic_ncols=True,
    )


def _write(
    results: Iterator[Extraction | Rejection], fmt: OutputFormat, out: TextIO
) -> tuple[int, list[Rejection]]:
    """Write extractions in ``fmt``; return how many were written and the rejections."""
    rejections: list[Rejection] = []
    written: list[Extraction] = []  # held only for --format json, which writes one document
    rows = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if fmt is OutputFormat.csv:
        rows.writeheader()
    count = 0
    for result in results:
        if isinstance(result, Rejection):
            rejections.append(result)
            continue
        count += 1
        if fmt is OutputFormat.json:
            written.append(result)
        elif fmt is OutputFormat.jsonl:
            out.write(result.model_dump_json() + "\n")
            out.flush()
        elif fmt is OutputFormat.table:
            out.write(format_events_table(result) + "\n")
        elif fmt is OutputFormat.csv:
            rows.writerows(events_csv_rows(result))
        elif fmt is OutputFormat.summary:
            out.write(format_summary(result) + "\n")
    if fmt is OutputFormat.json and written:
        payload = [r.model_dump(mode="json") for r in written]
        json.dump(payload[0] if len(payload) == 1 else payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return count, rejections


def extract_command(
    paths: list[str],
    published: date | None,
    fmt: OutputFormat,
    output: Path | None,
    settings: Settings,
    workers: int = 1,
) -> int:
    """Run extraction over paths, write results, report rejections; return the exit code.

    Every input is tried: a bad file or line is listed on stderr with its coded
    message (file and line), and the rest of the batch is still written.
    """
    if _output_is_input(output, paths):
        raise _fail(message("DL213", path=output))
    total = count_inputs(paths)
    items = read_sources(paths, published)
    caught: list[str] = []
    with warnings.catch_warnings(record=True) as seen, _output(output) as out:
        warnings.simplefilter("always", DatelineWarning)
        results = api.extract_many(
            items, published=published, settings=settings, workers=_useful_workers(workers, total)
        )
        shown = _progress(results, total, show=total is None or total > 1)
        count, rejections = _write(_counting(shown, caught), fmt, out)
        notices = [str(w.message) for w in seen if issubclass(w.category, DatelineWarning)]
    for text in _summarise_notices(notices):
        typer.echo(f"warning: {text}", err=True)
    for rejection in rejections:
        typer.echo(f"error: {rejection.message}", err=True)
    n = len(caught)
    if rejections:
        lost = _rejected_sources(rejections)
        text = message("W002", count=len(rejections), total=n, sources=lost)
        typer.echo(f"warning: {text}", err=True)
        return 2 if len(rejections) == n else 1
    return 0


def _rejected_sources(rejections: list[Rejection], limit: int = 10) -> str:
    """Name the rejected inputs ("a.jsonl:3, b.txt"), the first ``limit`` of them."""
    names = [r.source if r.line is None else f"{r.source}:{r.line}" for r in rejections]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _useful_workers(workers: int, total: int | None) -> int:
    """No more worker processes than articles: a worker costs a pipeline load."""
    return workers if total is None else max(1, min(workers, total))


def _counting(results: Iterator, seen: list) -> Iterator:
    for result in results:
        seen.append(result.code if isinstance(result, Rejection) else "ok")
        yield result


def _summarise_notices(notices: list[str], limit: int = 5) -> list[str]:
    """Show the first few notices, then one line counting the rest."""
    shown = notices[:limit]
    if len(notices) > limit:
        shown.append(f"... and {len(notices) - limit} more such warnings")
    return shown


def _settings(config: Path | None, overrides: list[str] | None) -> Settings:
    try:
        return load_settings(config, overrides or [])
    except DatelineError as exc:
        raise _fail(str(exc)) from None


def _parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value, "--published")
    except InputError as exc:
        raise _fail(str(exc)) from None


PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        "-p",
        metavar="YYYY-MM-DD",
        help="Publication date for articles that carry none; relative dates resolve against it.",
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        exists=True,
        dir_okay=False,
        readable=True,
        metavar="FILE",
        help="A TOML settings file overlaying the packaged defaults.",
    ),
]
SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", metavar="SECTION.KEY=VALUE", help="Override one setting (repeatable)."),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Worker processes, each loading one pipeline (default: the number of cores). "
        "Output is identical whatever the number.",
    ),
]
VerboseOpt = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        show_default=False,
        help="-v for progress logs, -vv for debug logs.",
    ),
]


@app.command("extract", cls=PlainHelpCommand)
def extract_cli(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Text, HTML, JSON or JSONL files; '-' reads standard input."
        ),
    ],
    published: PublishedOpt = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            metavar="FORMAT",
            help="json: one object (an array for several articles); jsonl: one object per line; "
            "table: one line per event; csv: one row per event; summary: a readable digest.",
        ),
    ] = OutputFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            writable=True,
            metavar="FILE",
            help="Write here instead of stdout (atomically: the file appears when the run ends).",
        ),
    ] = None,
    config: ConfigOpt = None,
    overrides: SetOpt = None,
    workers: WorkersOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Extract dated, sourced records from articles."""
    _configure_logging(verbose)
    code = extract_command(
        paths,
        _parse_published(published),
        fmt,
        output,
        _settings(config, overrides),
        workers=workers or default_workers(),
    )
    raise typer.Exit(code)


class SchemaRecord(StrEnum):
    extraction = "extraction"
    timeline = "timeline"


@app.command("schema", cls=PlainHelpCommand)
def schema_cli(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", dir_okay=False, metavar="FILE", help="Write here instead of stdout."
        ),
    ] = None,
    record: Annotated[
        SchemaRecord,
        typer.Option(
            "--record",
            "-r",
            case_sensitive=False,
            help="extraction: what extract writes; timeline: what timeline --format json writes.",
        ),
    ] = SchemaRecord.extraction,
) -> None:
    """Print the JSON Schema of extract's output (or of another output record)."""
    with _output(output) as out:
        out.write(json.dumps(api.json_schema(record.value), indent=2) + "\n")


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="DATELINE_DB",
        metavar="PATH|URL",
        help="The store: a DuckDB file path or a postgresql:// URL "
        "(default: dateline.duckdb in the working directory).",
    ),
]


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


def ingest_command(
    paths: list[str],
    db: str | None,
    published: date | None,
    batch_size: int,
    settings: Settings,
    workers: int = 1,
) -> int:
    """Ingest paths into the store, report what happened; return the exit code."""
    total = count_inputs(paths)
    with (
        warnings.catch_warnings(record=True) as seen,
        _ingest_progress(total, show=total is None or total > 1) as progress,
    ):
        warnings.simplefilter("always", DatelineWarning)
        try:
            report = api.ingest(
                paths, db, published=published, settings=settings, batch_size=batch_size,
                progress=progress, workers=_useful_workers(workers, total),
            )  # fmt: skip
        except DatelineError as exc:
            raise _fail(str(exc)) from None
        notices = [str(w.message) for w in seen if issubclass(w.category, DatelineWarning)]
    for text in _summarise_notices(notices):
        typer.echo(f"warning: {text}", err=True)
    for rejection in report.rejected:
        typer.echo(f"error: {rejection.message}", err=True)
    typer.echo(
        f"stored {report.added} article(s) with {report.events} event(s) in {report.batches} "
        f"batch(es); skipped {report.skipped} already stored; rejected {len(report.rejected)}; "
        f"clusters opened {report.clusters_opened}, joined {report.clusters_joined} "
        f"({report.store})",
        err=True,
    )
    seen_total = report.added + report.skipped + len(report.rejected)
    if report.rejected:
        lost = _rejected_sources(report.rejected)
        text = message("W002", count=len(report.rejected), total=seen_total, sources=lost)
        typer.echo(f"warning: {text}", err=True)
        return 2 if len(report.rejected) == seen_total else 1
    return 0


@contextmanager
def _ingest_progress(total: int | None, show: bool) -> Iterator:
    """A tqdm bar on stderr advanced once per input, whatever became of it."""
    if not show:
        yield None
        return
    from tqdm import tqdm

    with tqdm(
        total=total, unit="article", desc="ingest", file=sys.stderr, disable=None,
        dynamic_ncols=True,
    ) as bar:  # fmt: skip
        yield lambda status: bar.update(1)


@app.command("ingest")
def ingest_cli(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="Text, HTML, JSON or JSONL files; '-' reads standard input."
        ),
    ],
    db: DbOpt = None,
    published: PublishedOpt = None,
    batch_size: Annotated[
        int,
        typer.Option("--batch-size", min=1, help="Articles per committed transaction."),
    ] = 32,
    config: ConfigOpt = None,
    overrides: SetOpt = None,
    workers: WorkersOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Extract articles into the store (skipping stored ones) and link their events."""
    _configure_logging(verbose)
    code = ingest_command(
        paths,
        db,
        _parse_published(published),
        batch_size,
        _settings(config, overrides),
        workers=workers or default_workers(),
    )
    raise typer.Exit(code)


@app.command("stats")
def stats_cli(
    db: DbOpt = None,
    fmt: Annotated[
        StatsFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="table or json."),
    ] = StatsFormat.table,
) -> None:
    """Count the store's articles, outlets, events, linked events, clusters and sources."""
    from dateline.storage import open_store

    try:
        with open_store(db, create=False) as store:
            stats = store.stats()
    except DatelineError as exc:
        raise _fail(str(exc)) from None
    if fmt is StatsFormat.json:
        typer.echo(stats.model_dump_json(indent=2))
        return
    values = stats.model_dump()
    width = max(len(key) for key in values)
    for key, value in values.items():
        typer.echo(f"{key.replace('_', ' '):<{width}}  {value}")


@app.command("export")
def export_cli(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            metavar="csv|parquet|geojson",
            help="csv, parquet or geojson.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", dir_okay=False, help="The file to write (replaced)."),
    ],
    db: DbOpt = None,
) -> None:
    """Export stored events with cluster, date, place, type, actors, targets and sources."""
    from dateline.storage import export_events, open_store

    try:
        with open_store(db, create=False) as store:
            count = export_events(store, fmt.lower(), output)
    except DatelineError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"exported {count} event(s) to {output}", err=True)


class TimelineFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def timeline_command(
    db: str | None,
    about: str | None,
    date_from: str | None,
    date_to: str | None,
    fmt: TimelineFormat,
    output: Path | None,
    parquet: str | None = None,
) -> int:
    """Build the timeline of a store (or of a Spark link output) and write it in ``fmt``;
    return the exit code."""
    from dateline.timeline_format import CSV_COLUMNS, format_timeline_table, timeline_csv_rows

    try:
        result = api.timeline(
            db, about=about, date_from=date_from, date_to=date_to, parquet=parquet
        )
    except DatelineError as exc:
        raise _fail(str(exc)) from None
    with _output(output) as out:
        if fmt is TimelineFormat.json:
            out.write(result.model_dump_json(indent=2) + "\n")
        elif fmt is TimelineFormat.csv:
            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(timeline_csv_rows(result))
        else:
            out.write(format_timeline_table(result) + "\n")
    return 0


@app.command("timeline")
def timeline_cli(
    db: DbOpt = None,
    about: Annotated[
        str | None,
        typer.Option(
            "--about",
            metavar="TEXT",
            help="Only events whose reports mention every word of TEXT (case-insensitive).",
        ),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="YYYY-MM-DD", help="Only events that can fall on or after this day."
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="YYYY-MM-DD", help="Only events that can fall on or before this day."
        ),
    ] = None,
    fmt: Annotated[
        TimelineFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table: a readable report; json: the Timeline record (dateline schema --record "
            "timeline); csv: one row per event.",
        ),
    ] = TimelineFormat.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", dir_okay=False, writable=True, help="Write here instead of stdout."
        ),
    ] = None,
    parquet: Annotated[
        str | None,
        typer.Option(
            "--from-parquet",
            metavar="DIR|URI",
            help="Instead of a store, read the output folder of `dateline spark link` (its "
            "linked mentions table); no Spark needed.",
        ),
    ] = None,
    verbose: VerboseOpt = 0,
) -> None:
    """List the stored events across articles in date order, with corroboration,
    contradictions and figure series."""
    _configure_logging(verbose)
    raise typer.Exit(timeline_command(db, about, date_from, date_to, fmt, output, parquet))


@app.command("demo", cls=PlainHelpCommand)
def demo_cli(
    fmt: Annotated[
        TimelineFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="table, json or csv."),
    ] = TimelineFormat.table,
    workdir: Annotated[
        Path | None,
        typer.Option(
            "--workdir",
            file_okay=False,
            help="Run in this folder and keep its dateline.duckdb (default: a fresh temporary "
            "folder, removed afterwards).",
        ),
    ] = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Ingest the bundled four-report story into the default store of a fresh working folder,
    then print its timeline."""
    _configure_logging(verbose)
    story = resources.files("dateline").joinpath(*SAMPLE_STORY)
    with resources.as_file(story) as path, _demo_folder(workdir) as folder:
        with contextlib.chdir(folder):
            code = ingest_command([str(path)], None, None, 32, _settings(None, None))
            if code == 0:
                code = timeline_command(None, None, None, None, fmt, None)
    raise typer.Exit(code)


@contextmanager
def _demo_folder(workdir: Path | None) -> Iterator[Path]:
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="dateline-demo-") as folder:
            yield Path(folder)
        return
    try:
        workdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _fail(f"cannot create {workdir}: {exc.strerror}") from None
    yield workdir.resolve()


@app.command("serve")
def serve_cli(
    db: DbOpt = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="ADDRESS",
            help="Address to listen on. Loopback by default; any other address exposes the "
            "store to the network (warning W501).",
        ),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, metavar="PORT", help="TCP port to listen on.")
    ] = 8000,
    setup: Annotated[
        bool,
        typer.Option(
            "--setup",
            help="Install the page's pinned front-end libraries and map outlines with npm "
            "(npm ci, npm run build), then exit. Run once after installing dateline.",
        ),
    ] = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Serve the read-only HTTP API and the timeline page over a store."""
    _configure_logging(verbose)
    from dateline.web.assets import install_assets
    from dateline.web.server import serve

    try:
        if setup:
            typer.echo(f"web assets ready in {install_assets()}", err=True)
            return
        with warnings.catch_warnings():
            warnings.simplefilter("always", DatelineWarning)
            warnings.showwarning = _echo_warning
            typer.echo(f"serving on http://{host}:{port}/ (Ctrl+C stops)", err=True)
            serve(db, host, port, verbose)
    except DatelineError as exc:
        raise _fail(str(exc)) from None


def _echo_warning(message: Warning | str, *args: object, **kwargs: object) -> None:
    typer.echo(f"warning: {message}", err=True)


spark_app = typer.Typer(
    no_args_is_help=True, help="Run extraction and linking on Apache Spark (the spark extra)."
)
app.add_typer(spark_app, name="spark")

MasterOpt = Annotated[
    str | None,
    typer.Option(
        "--master",
        "-m",
        metavar="URL",
        help="Spark master: local[2], spark://host:7077, yarn... (default: the one "
        "spark-submit set, else local[*]).",
    ),
]
PartitionsOpt = Annotated[
    int | None,
    typer.Option("--partitions", min=1, help="Partitions to process in (default: 2 x cores)."),
]


class SparkInputFormat(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    parquet = "parquet"


def _spark_report(counts: dict[str, int]) -> None:
    width = max(len(kind) for kind in counts)
    for kind, count in counts.items():
        typer.echo(f"{kind:<{width}}  {count:>10,}", err=True)


@spark_app.command("extract")
def spark_extract_cli(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSONL or Parquet articles (path or URI).")
    ],
    output_path: Annotated[
        str, typer.Argument(metavar="OUTPUT", help="Folder for the Parquet tables (path or URI).")
    ],
    master: MasterOpt = None,
    input_format: Annotated[
        SparkInputFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Input format."),
    ] = SparkInputFormat.auto,
    partitions: PartitionsOpt = None,
    config: ConfigOpt = None,
    overrides: SetOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Extract articles on Spark into one Parquet table per record kind."""
    _configure_logging(verbose)
    from dateline import spark

    settings = _settings(config, overrides)
    try:
        run = spark.extract(
            spark.session(master),
            input_path,
            output_path,
            input_format=input_format.value,
            settings=settings,
            partitions=partitions,
        )
    except DatelineError as exc:
        raise _fail(str(exc)) from None
    _spark_report(run.counts)
    rejected, articles = run.counts["rejections"], run.counts["articles"]
    if rejected:
        total = rejected + articles
        text = message("W002", count=rejected, total=total, sources=input_path)
        typer.echo(f"warning: {text}", err=True)
        raise typer.Exit(2 if articles == 0 else 1)


@spark_app.command("link")
def spark_link_cli(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="A spark extract output folder (path or URI).")
    ],
    output_path: Annotated[
        str, typer.Argument(metavar="OUTPUT", help="Folder for the linked tables (path or URI).")
    ],
    master: MasterOpt = None,
    partitions: PartitionsOpt = None,
    config: ConfigOpt = None,
    overrides: SetOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Link event mentions across articles on Spark (same clusters as the local linker)."""
    _configure_logging(verbose)
    from dateline import spark

    settings = _settings(config, overrides)
    try:
        run = spark.link(
            spark.session(master), input_path, output_path, settings=settings, partitions=partitions
        )
    except DatelineError as exc:
        raise _fail(str(exc)) from None
    _spark_report(run.counts)


def main() -> None:
    """Entry point: never show a traceback for expected failures."""
    try:
        app()
    except DatelineError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
