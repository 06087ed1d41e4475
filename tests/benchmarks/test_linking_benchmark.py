"""The linking cost benchmark: rows per size, growth ratios, the same clusters on 1 or 2 workers.

The corpus is synthetic (generated with a fixed seed), so no shared data is needed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.linking import with_growth

ROOT = Path(__file__).resolve().parents[2]


def _run(workers: int) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.linking", "--split", "dev", "--json",
         "--sizes", "2200,4400", "--batch", "2200", "--workers", str(workers)],
        cwd=ROOT, capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def runs() -> dict[int, dict]:
    return {workers: _run(workers) for workers in (1, 2)}


def test_linking_benchmark_prints_a_row_per_size_with_figures(runs) -> None:
    result = runs[2]
    assert result["workers"] == 2 and [r["mentions"] for r in result["sizes"]] == [2200, 4400]
    for row in result["sizes"]:
        assert row["cpu_seconds"] >= row["main_cpu_seconds"] > 0
        assert row["seconds"] > 0 and row["peak_rss_mb"] > 50 and row["worker_peak_rss_mb"] > 50
        assert row["cpu_us_per_mention"] == pytest.approx(
            1e6 * row["cpu_seconds"] / row["mentions"], rel=0.01
        )
        assert 0.3 < row["b3_f1"] <= 1.0
    assert result["sizes"][0]["cpu_growth_vs_first"] == 1.0


def test_linking_benchmark_clusters_do_not_depend_on_workers(runs) -> None:
    for one, two in zip(runs[1]["sizes"], runs[2]["sizes"], strict=True):
        assert (one["clusters"], one["events"], one["b3_f1"]) == (
            two["clusters"], two["events"], two["b3_f1"]
        )  # fmt: skip
    assert runs[1]["sizes"][0]["worker_peak_rss_mb"] == 0.0


def test_linking_benchmark_growth_ratios() -> None:
    rows = with_growth(
        [
            {"cpu_us_per_mention": 400.0, "us_per_mention": 1000.0},
            {"cpu_us_per_mention": 500.0, "us_per_mention": 1000.0},
            {"cpu_us_per_mention": 550.0, "us_per_mention": 3000.0},
        ]
    )
    assert [(r["cpu_growth_vs_first"], r["cpu_growth_vs_previous"]) for r in rows] == [
        (1.0, 1.0), (1.25, 1.25), (1.38, 1.1)
    ]  # fmt: skip
    assert [r["wall_growth_vs_previous"] for r in rows] == [1.0, 1.0, 3.0]
