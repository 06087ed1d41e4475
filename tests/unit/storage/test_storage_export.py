"""Exports read back with pyarrow, csv and json: the right values, written atomically."""

from __future__ import annotations

import csv
import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from dateline.errors import InputError, StoreError
from dateline.records import content_id
from dateline.storage import export_events, open_store

RIVERTON = "Protesters marched on the council in Riverton on Sunday."
VALLEY = "Farmers blocked the valley road near Lowmoor in early May."


@pytest.fixture()
def store(store_url, extraction_factory):
    with open_store(store_url) as opened:
        opened.add_extractions(
            [
                extraction_factory(RIVERTON, actors=("protesters", "students")),
                extraction_factory(
                    VALLEY,
                    event_date="2025-05",
                    place=None,
                    actors=("farmers",),
                    targets=(),
                    source=None,
                    outlet=None,
                ),
            ]  # fmt: skip
        )
        opened.set_clusters({f"{content_id(RIVERTON)}/EV1": "c-1"})
        yield opened


def test_storage_export_parquet_keeps_types_and_lists(store, tmp_path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(store, "parquet", out) == 2
    rows = pq.read_table(out).to_pylist()
    first, second = rows  # ordered by date: May 2025 starts before 11 May
    assert second["mention_id"] == f"{content_id(RIVERTON)}/EV1"
    assert second["cluster"] == "c-1"
    assert (second["lat"], second["lon"], second["country"]) == (51.25, -0.5, "GB")
    assert second["actors"] == ["protesters", "students"]
    assert second["targets"] == ["the council"] and second["sources"] == ["police"]
    assert second["date_start"] == date(2025, 5, 11) and second["published"] == date(2025, 5, 12)
    assert (first["date"], first["date_start"], first["date_end"]) == (
        "2025-05",
        date(2025, 5, 1),
        date(2025, 5, 31),
    )
    assert (first["cluster"], first["lat"], first["outlet"], first["targets"]) == (
        None, None, None, []
    )  # fmt: skip


def test_storage_export_csv_joins_lists(store, tmp_path) -> None:
    out = tmp_path / "events.csv"
    export_events(store, "csv", out)
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["type"] for r in rows] == ["PROTEST", "PROTEST"]
    assert rows[1]["actors"] == "protesters; students"
    assert (rows[1]["lat"], rows[1]["date"], rows[1]["cluster"]) == ("51.25", "2025-05-11", "c-1")
    assert rows[0]["place"] == "" and rows[0]["targets"] == ""


def test_storage_export_geojson_points(store, tmp_path) -> None:
    out = tmp_path / "events.geojson"
    export_events(store, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    undated_place, riverton = data["features"]
    assert riverton["geometry"] == {"type": "Point", "coordinates": [-0.5, 51.25]}
    assert riverton["properties"]["cluster"] == "c-1"
    assert riverton["properties"]["actors"] == ["protesters", "students"]
    assert riverton["properties"]["date_start"] == "2025-05-11"
    assert undated_place["geometry"] is None


def test_storage_export_replaces_atomically(store, tmp_path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "events.csv"
    out.write_text("old contents\n", encoding="utf-8")
    export_events(store, "csv", out)
    assert out.read_text(encoding="utf-8").startswith('"mention_id"')
    assert sorted(p.name for p in folder.iterdir()) == ["events.csv"]  # no temporary left


def test_storage_export_to_missing_folder_is_dl408(store, tmp_path) -> None:
    with pytest.raises(StoreError) as info:
        export_events(store, "parquet", tmp_path / "nope" / "events.parquet")
    assert info.value.code == "DL408"
    assert not (tmp_path / "nope").exists()


def test_storage_export_unknown_format_is_dl209(store, tmp_path) -> None:
    with pytest.raises(InputError) as info:
        export_events(store, "xlsx", tmp_path / "events.xlsx")
    assert info.value.code == "DL209"
    assert "csv, parquet, geojson" in str(info.value)
