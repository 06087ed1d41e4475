"""Export stored events for analysts: CSV and Parquet with pyarrow, GeoJSON with geojson.

Every format is written to a temporary file beside the target and renamed over it, so a
reader never sees a half-written export and a failure leaves the old file untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from dateline._files import atomic_path
from dateline.errors import InputError, StoreError
from dateline.storage.filters import EventFilter
from dateline.storage.store import Store

logger = logging.getLogger(__name__)

LIST_COLUMNS = ("actors", "targets", "sources")
CSV_LIST_SEPARATOR = "; "


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"


def export_events(
    store: Store, fmt: ExportFormat | str, output: Path, filters: EventFilter | None = None
) -> int:
    """Write the store's events (cluster, date, place, type, actors, targets, sources) to a file.

    Args:
        store: an open Store.
        fmt: ``csv`` (list columns joined with "; "), ``parquet`` (list columns as lists) or
            ``geojson`` (one Point feature per event, null geometry where no coordinates).
        output: the file to write; replaced atomically.
        filters: which events; all by default.

    Returns:
        How many events were written.

    Raises:
        InputError: DL209 for an unknown format.
        StoreError: DL408 when the file cannot be written.
    """
    try:
        fmt = ExportFormat(fmt)
    except ValueError:
        choices = ", ".join(f.value for f in ExportFormat)
        raise InputError("DL209", value=fmt, choices=choices) from None
    rows = list(store.export_rows(filters))
    writer = _WRITERS[fmt]
    _write_atomically(output, lambda tmp: writer(rows, tmp))
    logger.info("exported %d event(s) to %s as %s", len(rows), output, fmt.value)
    return len(rows)


def _arrow_table(rows: list[dict[str, Any]], join_lists: bool) -> Any:
    import pyarrow as pa

    string, day, number = pa.string(), pa.date32(), pa.float64()
    names = pa.list_(pa.string())
    fields = [
        ("mention_id", string), ("article_id", string), ("event_id", string),
        ("cluster", string), ("type", string), ("date", string), ("date_start", day),
        ("date_end", day), ("place", string), ("lat", number), ("lon", number),
        ("country", string), ("actors", names), ("targets", names), ("sources", names),
        ("outlet", string), ("published", day), ("title", string), ("url", string),
        ("modality", string), ("polarity", string), ("trigger", string), ("text", string),
    ]  # fmt: skip
    table = pa.Table.from_pylist(rows, schema=pa.schema(fields))
    if not join_lists:
        return table
    import pyarrow.compute as pc

    for name in LIST_COLUMNS:
        joined = pc.binary_join(table[name], CSV_LIST_SEPARATOR)
        table = table.set_column(table.schema.get_field_index(name), name, joined)
    return table


def _write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow.csv as pacsv

    pacsv.write_csv(_arrow_table(rows, join_lists=True), path)


def _write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(_arrow_table(rows, join_lists=False), path)


def _write_geojson(rows: list[dict[str, Any]], path: Path) -> None:
    import geojson

    features = []
    for row in rows:
        has_point = row["lat"] is not None and row["lon"] is not None
        geometry = geojson.Point((row["lon"], row["lat"])) if has_point else None
        properties = {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key, value in row.items()
            if key not in ("lat", "lon")
        }
        features.append(
            geojson.Feature(id=row["mention_id"], geometry=geometry, properties=properties)
        )
    with path.open("w", encoding="utf-8") as fh:
        geojson.dump(geojson.FeatureCollection(features), fh, ensure_ascii=False)


_WRITERS: dict[ExportFormat, Callable[[list[dict[str, Any]], Path], None]] = {
    ExportFormat.csv: _write_csv,
    ExportFormat.parquet: _write_parquet,
    ExportFormat.geojson: _write_geojson,
}


def _write_atomically(output: Path, write: Callable[[Path], None]) -> None:
    """Run ``write`` on a temporary file in the target's directory, then rename it over."""
    target = Path(output)
    try:
        with atomic_path(target, suffix=".part") as path:
            write(path)
    except OSError as exc:
        raise StoreError("DL408", path=target, reason=exc.strerror or str(exc)) from None
