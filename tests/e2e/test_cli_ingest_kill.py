"""A real SIGKILL of ``dateline ingest`` mid-run, then a re-run: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import dateline
from dateline.storage import open_store

ARTICLES = 40
KILL_AFTER_BATCH = 3


@pytest.fixture(scope="module")
def corpus(reports_jsonl: Path) -> Path:
    assert len(reports_jsonl.read_text().splitlines()) == ARTICLES
    return reports_jsonl


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Mention id -> event record JSON from one uninterrupted run."""
    url = str(tmp_path_factory.mktemp("reference") / "ref.duckdb")
    dateline.ingest(corpus, url)
    with open_store(url) as store:
        return {e.mention_id: e.event.model_dump_json() for e in store.events(limit=None)}


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_mid_run(corpus: Path, url: str) -> set[int]:
    """Run ingest in a subprocess and SIGKILL it right after batch KILL_AFTER_BATCH commits.

    Returns:
        The worker processes the killed ingest had started.
    """
    src = Path(dateline.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(src)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--db", url,
         "--batch-size", "2", "-v"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    guard = threading.Timer(300, proc.kill)  # never hang the suite
    guard.start()
    try:
        for line in proc.stderr:
            if f"committed batch {KILL_AFTER_BATCH}:" in line:
                workers = _children(proc.pid)
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait(timeout=60)
    finally:
        guard.cancel()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "ingest ended before it could be killed"
    return workers


def test_cli_ingest_killed_then_rerun_loses_and_duplicates_nothing(
    store_url: str, corpus: Path, reference: dict[str, str]
) -> None:
    _kill_mid_run(corpus, store_url)
    with open_store(store_url) as store:
        kept = store.stats().articles
    assert 2 * KILL_AFTER_BATCH <= kept < ARTICLES  # committed batches survived the kill

    report = dateline.ingest(corpus, store_url)
    assert (report.skipped, report.added, report.rejected) == (kept, ARTICLES - kept, [])
    with open_store(store_url) as store:
        stats = store.stats()
        stored = {e.mention_id: e.event.model_dump_json() for e in store.events(limit=None)}
        assert store.mentions(unlinked=True) == []
    assert stats.articles == ARTICLES
    assert stats.events == len(reference)
    assert stored == reference


def test_cli_ingest_killed_leaves_no_worker_behind(tmp_path: Path, corpus: Path) -> None:
    workers = _kill_mid_run(corpus, str(tmp_path / "store.duckdb"))
    assert workers, "ingest ran no worker processes"
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)]
