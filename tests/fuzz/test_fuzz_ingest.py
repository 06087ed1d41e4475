"""Fuzzing ``ingest`` (API and CLI, DuckDB and PostgreSQL) with bad and odd inputs (issue 10).

Asserted for every campaign: no traceback, no stage crash (DL301), each bad input a coded
rejection naming its file (and line, for JSONL), every good article stored exactly once
(a re-run stores nothing new), and the store still opens with ``stats`` agreeing. The
default run sends a few hundred inputs per target; the ``slow`` test sends the full
ingest share of the 10,000-input campaign.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [
    pytest.mark.issue(10),
    pytest.mark.filterwarnings("ignore::dateline.errors.DatelineWarning"),
]

API_INPUTS = 300
CLI_INPUTS = 200
POSTGRES_INPUTS = 120
FULL_INPUTS = 3000


def _assert_clean(outcome, at_least: int) -> None:
    assert outcome.inputs >= at_least
    assert outcome.tracebacks == 0, outcome.violations[:5]
    assert outcome.crashes == 0, outcome.violations[:5]
    assert outcome.violations == []


def _files(corpus: ModuleType, seed: int, inputs: int, folder: Path) -> list:
    folder.mkdir(exist_ok=True)
    return corpus.write_files(list(corpus.campaign(seed, inputs)), folder)


def test_fuzz_ingest_api_duckdb(corpus: ModuleType, harness: ModuleType, tmp_path: Path) -> None:
    files = _files(corpus, 31, API_INPUTS, tmp_path / "in")
    outcome = harness.run_ingest_api(files, str(tmp_path / "store.duckdb"))
    _assert_clean(outcome, API_INPUTS)
    assert outcome.stored > 0 and outcome.rerun_stored == 0
    assert set(outcome.rejections) <= {f"DL{n}" for n in range(200, 300)} | {"DL407"}


def test_fuzz_ingest_cli_duckdb(corpus: ModuleType, harness: ModuleType, tmp_path: Path) -> None:
    files = _files(corpus, 32, CLI_INPUTS, tmp_path / "in")
    outcome, stats = harness.run_ingest_cli(files, str(tmp_path / "store.duckdb"))
    _assert_clean(outcome, CLI_INPUTS)
    assert stats["articles"] == outcome.stored > 0


def test_fuzz_ingest_api_postgresql(
    corpus: ModuleType, harness: ModuleType, tmp_path: Path, pg_url: str
) -> None:
    files = _files(corpus, 33, POSTGRES_INPUTS, tmp_path / "in")
    outcome = harness.run_ingest_api(files, pg_url)
    _assert_clean(outcome, POSTGRES_INPUTS)
    assert outcome.stored > 0 and outcome.rerun_stored == 0


@pytest.mark.slow
def test_fuzz_ingest_full_campaign(
    corpus: ModuleType, harness: ModuleType, tmp_path: Path, pg_url: str
) -> None:
    """The ingest share of the full campaign: API and CLI on DuckDB, a slice on PostgreSQL."""
    api = harness.run_ingest_api(
        _files(corpus, 41, FULL_INPUTS, tmp_path / "api"), str(tmp_path / "api.duckdb")
    )
    _assert_clean(api, FULL_INPUTS)
    cli, _ = harness.run_ingest_cli(
        _files(corpus, 42, FULL_INPUTS // 3, tmp_path / "cli"), str(tmp_path / "cli.duckdb")
    )
    _assert_clean(cli, FULL_INPUTS // 3)
    pg = harness.run_ingest_api(_files(corpus, 43, FULL_INPUTS // 3, tmp_path / "pg"), pg_url)
    _assert_clean(pg, FULL_INPUTS // 3)


def test_fuzz_ingest_cli_rejection_summary_names_inputs(tmp_path: Path) -> None:
    """Regression: any rejected input made `dateline ingest` end in a KeyError traceback
    while writing its W002 summary; now the summary names each rejected file and line."""
    from typer.testing import CliRunner

    from dateline.cli import app

    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"text": "The mayor said on Monday the bridge would reopen."}\nnull\n')
    result = CliRunner().invoke(app, ["ingest", str(batch), "--db", str(tmp_path / "s.duckdb")])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1
    assert f"[W002] 1 article(s) rejected out of 2: {batch}:2" in result.output


def test_fuzz_ingest_oversized_and_hostile_articles(
    harness: ModuleType, tmp_path: Path, store_url: str
) -> None:
    """An article over the size cap is refused by line (DL211) and the rest of its batch is
    stored; hostile titles, outlets and ids are stored unchanged, on DuckDB and PostgreSQL."""
    import json

    from dateline.api import ingest
    from dateline.storage import open_store

    batch = tmp_path / "batch.jsonl"
    oversized = json.dumps({"text": "The port reopened on Monday. " * 20_000})
    batch.write_text("\n".join([*harness.hostile_lines(), oversized]) + "\n", encoding="utf-8")
    report = ingest([str(batch)], db=store_url)
    assert [r.code for r in report.rejected] == ["DL211"]
    assert f"{batch}:4" in report.rejected[0].message
    assert report.added == len(harness.HOSTILE_ARTICLES)
    with open_store(store_url, create=False, read_only=True) as store:
        for written in harness.HOSTILE_ARTICLES:
            stored = store.article(written["id"]).article
            assert (stored.title, stored.outlet, stored.text) == (
                written["title"],
                written["outlet"],
                written["text"],
            )
