"""End-to-end: ``dateline ingest`` and ``dateline stats`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()


def test_cli_ingest_then_stats_json(story_jsonl: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.duckdb")
    result = runner.invoke(app, ["ingest", str(story_jsonl), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 4 article(s)" in result.output
    again = runner.invoke(app, ["ingest", str(story_jsonl), "--db", db])
    assert again.exit_code == 0 and "skipped 4 already stored" in again.output
    stats = runner.invoke(app, ["stats", "--db", db, "--format", "json"])
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.stdout)
    assert (data["articles"], data["outlets"], data["backend"]) == (4, 3, "duckdb")
    assert data["events"] >= 4 and 1 <= data["clusters"] <= data["events"]
    table = runner.invoke(app, ["stats", "--db", db])
    assert "articles" in table.stdout and "linked events" in table.stdout


def test_cli_ingest_default_store_in_working_dir(story_jsonl: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", str(story_jsonl)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dateline.duckdb").is_file()


def test_cli_ingest_exit_codes_reflect_rejections(tmp_path: Path) -> None:
    db = str(tmp_path / "news.duckdb")
    good = tmp_path / "good.txt"
    good.write_text("Police arrested 12 protesters in York on Monday.\n", encoding="utf-8")
    some = runner.invoke(app, ["ingest", str(good), str(tmp_path / "missing.txt"), "--db", db])
    assert some.exit_code == 1
    assert "[DL201]" in some.output and "[W002]" in some.output
    none = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", db])
    assert none.exit_code == 2


def test_cli_bad_store_url_is_a_coded_error_not_a_traceback(story_jsonl: Path) -> None:
    result = runner.invoke(app, ["ingest", str(story_jsonl), "--db", "mysql://u@h/db"])
    assert result.exit_code == 2
    assert "[DL401]" in result.output and "Traceback" not in result.output
    stats = runner.invoke(app, ["stats", "--db", "mysql://u@h/db"])
    assert stats.exit_code == 2 and "[DL401]" in stats.output


def test_cli_ingest_into_postgresql(story_jsonl: Path, pg_url: str) -> None:
    result = runner.invoke(app, ["ingest", str(story_jsonl), "--db", pg_url])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", pg_url, "-f", "json"]).stdout)
    assert (stats["articles"], stats["backend"]) == (4, "postgresql")


def test_cli_ingest_rejects_batch_size_zero(story_jsonl: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.duckdb")
    result = runner.invoke(app, ["ingest", str(story_jsonl), "--db", db, "--batch-size", "0"])
    assert result.exit_code == 2


def test_cli_stats_on_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    db = tmp_path / "absent.duckdb"
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 2 and "[DL410]" in result.output
    assert not db.exists()
