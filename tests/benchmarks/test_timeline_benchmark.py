"""Smoke test of the TimeLine benchmark on a few documents of the dev split.

Reads ``../shared/data/timeline`` (skips when the shared folder is absent) and checks the
JSON figures' shape and ranges, and that the system file is in the task's format.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def timeline_run(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    if not (shared_dir / "data" / "timeline" / "docs.jsonl").is_file():
        pytest.skip(f"TimeLine corpus not found under {shared_dir / 'data'}")
    system_file = tmp_path_factory.mktemp("timeline") / "system.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.timeline",
            "--split",
            "dev",
            "--json",
            "--limit",
            "4",
            "--system-out",
            str(system_file),
            "--breakdown",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    return figures, json.loads(system_file.read_text(encoding="utf-8"))


def test_timeline_benchmark_reports_fractions_per_target(timeline_run):
    figures, _ = timeline_run
    assert figures["split"] == "dev"
    assert figures["documents"] == 4
    assert figures["targets"] == 19
    assert len(figures["per_target"]) == 19
    for key in ("f1", "precision", "recall"):
        assert 0.0 <= figures[key] <= 1.0
    assert figures["published_track_a_best_f1"] == 0.0785
    assert figures["gold_mention_baseline_f1"] == 0.358


def test_timeline_benchmark_finds_events_in_the_first_documents(timeline_run):
    figures, system = timeline_run
    assert figures["precision"] > 0.0
    rows = [row for timeline in system["timelines"] for row in timeline["rows"]]
    assert rows, "no timeline row from the first documents"
    for row in rows:
        assert isinstance(row["position"], int) and row["position"] >= 0
        assert row["date"] == "XXXX-XX-XX" if row["position"] == 0 else "XXXX" not in row["date"]
        for mention in row["mentions"]:
            assert set(mention) == {"doc_id", "start", "end"}
            assert 0 <= mention["start"] < mention["end"]


def test_timeline_benchmark_breakdown_counts_every_gold_mention(timeline_run, shared_dir):
    figures, system = timeline_run
    counts = figures["breakdown"]
    assert set(counts) == {
        "found_right_date",
        "found_wrong_date",
        "found_undated",
        "no_event_word",
        "event_word_not_factual",
        "entity_in_sentence",
        "entity_not_in_sentence",
        "system_not_in_gold",
    }
    lines = (shared_dir / "data" / "timeline" / "timelines.jsonl").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in lines.splitlines() if line.strip()]
    dated = sum(
        len(row["mentions"])
        for g in gold
        if g["split"] == "dev"
        for row in g["rows"]
        if row["position"]
    )
    assert sum(v for k, v in counts.items() if k != "system_not_in_gold") == dated
    placed = sum(
        len(row["mentions"]) for t in system["timelines"] for row in t["rows"] if row["position"]
    )
    assert 0 <= counts["system_not_in_gold"] <= placed


def test_timeline_benchmark_breakdown_refuses_the_test_split():
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.timeline", "--split", "test", "--breakdown"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "dev only" in proc.stderr
