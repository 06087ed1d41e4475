"""End-to-end: the dateline CLI over fixture articles, in process and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()

CHRONICLE = (
    "Port reopens after storm\n"
    "On March 3, the weather service issued a red warning for Porto. "
    "On the same day, the government ordered schools to close.\n"
    "On March 5, the prime minister visited the harbour and promised aid of 20 million euros.\n"
    "The next day, the port authority said that about 40 ships were waiting at anchor.\n"
)


@pytest.fixture()
def chronicle(tmp_path: Path) -> Path:
    f = tmp_path / "chronicle.txt"
    f.write_text(CHRONICLE, encoding="utf-8")
    return f


def test_cli_extract_json_one_object(chronicle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(
        app, ["extract", str(chronicle), "--published", "2025-03-14", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    for key in ("article", "timexes", "quantities", "entities", "places", "quotes", "events"):
        assert key in data
    values = {(t["text"], t["value"]) for t in data["timexes"]}
    assert ("March 3", "2025-03-03") in values
    same_day = [t for t in data["timexes"] if "same day" in t["text"]]
    assert same_day and same_day[0]["value"] == "2025-03-03"
    next_day = [t for t in data["timexes"] if "next day" in t["text"]]
    assert next_day and next_day[0]["value"] == "2025-03-06"
    for t in data["timexes"]:
        start, end = t["span"]
        assert data["article"]["text"][start:end] == t["text"]


def test_cli_extract_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "doc-7", "text": CHRONICLE, "published": "2025-03-14"}),
                "{broken",
                json.dumps(
                    {"id": "doc-8", "text": "Yesterday the council met.", "published": "2025-01-10"}
                ),
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["id"] for r in rows] == ["doc-7", "doc-8"]
    assert rows[1]["timexes"][0]["value"] == "2025-01-09"
    assert "line 2" in result.stderr and "DL204" in result.stderr
    assert "1 article(s) rejected out of 3" in result.stderr


def test_cli_extract_missing_file_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "[DL201]" in result.stderr and "nope.txt" in result.stderr
    assert "Traceback" not in result.output


def test_cli_extract_invalid_published_date(chronicle: Path) -> None:
    result = runner.invoke(app, ["extract", str(chronicle), "--published", "14/03/2025"])
    assert result.exit_code == 2
    assert "[DL205]" in result.stderr and "14/03/2025" in result.stderr


def test_cli_extract_without_date_warns_and_keeps_expression(tmp_path: Path) -> None:
    f = tmp_path / "undated.txt"
    f.write_text("Yesterday the council met and voted on the budget.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (timex,) = [t for t in data["timexes"] if t["text"].lower() == "yesterday"]
    assert timex["value"] is None
    assert "W001" in result.stderr


def test_cli_extract_table_sorted_by_date(chronicle: Path) -> None:
    result = runner.invoke(app, ["extract", str(chronicle), "-p", "2025-03-14", "-f", "table"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()]
    dates = [cells[1] for cells in rows if len(cells) > 1 and cells[1][:4] == "2025"]
    assert len(dates) >= 2
    assert dates == sorted(dates)


def test_cli_extract_stdin_summary() -> None:
    result = runner.invoke(
        app, ["extract", "-", "-p", "2025-03-14", "-f", "summary"], input=CHRONICLE
    )
    assert result.exit_code == 0, result.output
    assert "Port reopens after storm" in result.stdout
    assert "2025-03-03" in result.stdout


def test_cli_schema_is_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Extraction" and "events" in schema["properties"]


def test_cli_summary_of_the_bundled_article() -> None:
    from importlib import resources

    sample = resources.files("dateline").joinpath("sample", "harbour-chronicle.txt")
    result = runner.invoke(app, ["extract", str(sample), "-p", "2025-03-14", "-f", "summary"])
    assert result.exit_code == 0, result.output
    assert "Storm Elsa" in result.stdout
    assert "Dates (" in result.stdout and "2025-03-03" in result.stdout


def test_cli_subprocess_binary_input_no_traceback(tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"\x00\xff\x00\xfe" * 10)
    proc = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "extract", str(blob)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "[DL202]" in proc.stderr and "Traceback" not in proc.stderr
