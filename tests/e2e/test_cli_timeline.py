"""End to end: `dateline timeline` forms, filters and errors, `dateline demo`, and the
timeline JSON Schema, over the bundled story ingested into a temporary DuckDB."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.timeline_format import CSV_COLUMNS, WIDTH

runner = CliRunner()
STORY = str(resources.files("dateline").joinpath("sample", "story", "patras-fire.jsonl"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("timeline") / "t.duckdb")
    result = runner.invoke(app, ["ingest", STORY, "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_cli_timeline_table_is_readable_and_names_relays(store: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", store])
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == "Timeline: 18 events, 3 contradictions, 2 figure series"
    assert max(len(line) for line in lines) <= WIDTH
    assert "2025-08-11..2025-08-12 (range)  COERCE  Police arrested two men" in out
    flat = " ".join(out.split())  # wrapped lines joined back
    assert (
        "relay: Northern Ledger and Patras Post both relay Meridian News Agency: "
        "2 outlets, 1 source" in flat
    )
    assert "denied by: Radio Achaia 2025-08-13 citing Citizen Protection Ministry" in flat
    assert (
        "corroboration: 2 outlets, 1 independent source (Meridian News Agency); not corroborated"
        in flat
    )
    assert "2025-08-12  DEMAND  Eleni Marka: the government should declare" in out
    assert "contradiction C1 (occurrence)" in out and "contradiction C2 (date)" in out
    series = out[out.index("Figure series") :].splitlines()
    assert series[1:6] == [
        "  F1 men arrested (COERCE)",
        "    2025-08-11  two            Patras Post, citing Meridian News Agency",
        "    2025-08-12  two            Northern Ledger, citing Meridian News Agency",
        "  F2 residents evacuated (AID)",
        "    2025-08-11  over 100       Aegean Daily, citing the fire service",
    ]


def test_cli_timeline_csv_has_one_row_per_event(store: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", store, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 18
    arrests = next(r for r in rows if r["action"] == "arrested")
    assert (arrests["date"], arrests["precision"], arrests["outlet_count"]) == (
        "2025-08-11/2025-08-12", "range", "2",
    )  # fmt: skip
    assert (arrests["independent_count"], arrests["contradictions"]) == ("1", "C1; C2")
    assert arrests["independent_sources"] == "Meridian News Agency"


@pytest.mark.parametrize(
    ("options", "actions"),
    [
        (["--about", "arrest"], ["arrested"]),
        (["--about", "Meridian police"], ["arrested"]),
        # "brought the blaze under control" is a disaster response (OTHER), no longer an
        # ASSAULT.
        (["--from", "2025-08-13"], ["evacuated", "released", "returned", "brought", "thanked"]),
        (
            ["--to", "2025-08-11"],
            # The men burning farm waste (11 Aug); the hives burned on 12 Aug are another event.
            # The blaze pushed towards the coast (11 Aug) is not the flames pushed away from
            # the village by a change in the wind (12 Aug).
            ["burning", "pushed", "started", "asked", "arrested", "evacuated"],
        ),
        (["--about", "evacuated", "--from", "2025-08-12", "--to", "2025-08-12"], ["evacuated"]),
        (["--about", "earthquake"], []),
    ],
)
def test_cli_timeline_filters(store: str, options: list[str], actions: list[str]) -> None:
    result = runner.invoke(app, ["timeline", "--db", store, "-f", "json", *options])
    assert result.exit_code == 0, result.output
    assert [e["action"] for e in json.loads(result.stdout)["entries"]] == actions


def test_cli_timeline_filtered_figures_and_contradictions_follow_the_entries(store: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", store, "-f", "json", "--about", "arrest"])
    payload = json.loads(result.stdout)
    assert [c["kind"] for c in payload["contradictions"]] == ["occurrence", "date"]
    assert [s["label"] for s in payload["figures"]] == ["men arrested"]
    assert payload["about"] == "arrest"


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (["--from", "2025-08-13", "--to", "2025-08-11"], "[DL240]"),
        (["--from", "2025-13-01"], "[DL205]"),
        (["--to", "tomorrow"], "[DL205]"),
    ],
)
def test_cli_timeline_bad_window_is_a_coded_error(store: str, options, code) -> None:
    result = runner.invoke(app, ["timeline", "--db", store, *options])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {code}")


def test_cli_timeline_unsupported_store_url_is_a_coded_error() -> None:
    result = runner.invoke(app, ["timeline", "--db", "mysql://host/db"])
    assert result.exit_code == 2
    assert "[DL401]" in result.stderr


def test_cli_timeline_missing_store_is_a_coded_error_and_creates_nothing(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "none.duckdb"
    for db in (str(missing), f"duckdb:///{missing}"):
        result = runner.invoke(app, ["timeline", "--db", db])
        assert result.exit_code == 2
        assert result.stderr.startswith("error: [DL410] No store at ")
    assert not missing.exists()


def test_cli_timeline_writes_to_a_file(store: str, tmp_path: Path) -> None:
    out = tmp_path / "timeline.json"
    result = runner.invoke(app, ["timeline", "--db", store, "-f", "json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text("utf-8"))["entries"]) == 18


def test_cli_schema_of_the_timeline_record() -> None:
    result = runner.invoke(app, ["schema", "--record", "timeline"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["title"] == "Timeline"
    defs = schema["$defs"]
    assert set(defs["Contradiction"]["properties"]["kind"]["enum"]) == {
        "occurrence", "date", "figure",
    }  # fmt: skip
    assert "independent_count" in defs["Corroboration"]["properties"]
    assert "points" in defs["FigureSeries"]["properties"]


def test_cli_demo_ingests_the_story_and_prints_its_timeline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--workdir", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "stored 4 article(s) with 24 event(s)" in result.stderr
    assert result.stdout.startswith("Timeline: 18 events, 3 contradictions, 2 figure series")
    assert (tmp_path / "demo" / "dateline.duckdb").is_file()
    again = runner.invoke(app, ["timeline", "--db", str(tmp_path / "demo" / "dateline.duckdb")])
    assert again.stdout == result.stdout


def test_cli_demo_subprocess_leaves_no_store_behind(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "demo", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert [c["kind"] for c in json.loads(proc.stdout)["contradictions"]] == [
        "occurrence", "date", "figure",
    ]  # fmt: skip
    assert list(tmp_path.iterdir()) == []
