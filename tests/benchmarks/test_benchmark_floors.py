"""Quality gate: benchmark figures on dev must not fall below the pinned floors.

``benchmarks/floors.json`` pins, per benchmark, the dev corpus file's SHA-256 and a
floor per figure. Running the benchmarks is slow (opt in with ``--runslow``); the
check that no floor was lowered without a written reason is fast and always runs.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS_FILE = ROOT / "benchmarks" / "floors.json"
FLOORS = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))


def _previous_floors() -> dict | None:
    """floors.json as of the commit before the last one that changed it, if any."""
    log = subprocess.run(["git", "log", "-n", "2", "--format=%H", "--", str(FLOORS_FILE)],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    commits = log.stdout.split()
    if log.returncode != 0 or not commits:
        return None
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", str(FLOORS_FILE)], cwd=ROOT,
                           check=False).returncode != 0
    base = commits[0] if dirty else (commits[1] if len(commits) > 1 else None)
    if base is None:
        return None
    shown = subprocess.run(["git", "show", f"{base}:benchmarks/floors.json"], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    return json.loads(shown.stdout) if shown.returncode == 0 else None


def test_floors_are_never_lowered_silently() -> None:
    previous = _previous_floors()
    if previous is None:
        return  # first version of the file: nothing to compare against
    lowered = []
    for bench, entry in previous.items():
        now = FLOORS.get(bench, {})
        for figure, old in entry["floors"].items():
            new = now.get("floors", {}).get(figure)
            reason = now.get("lowered", {}).get(figure)
            if (new is None or new < old) and not reason:
                lowered.append(f"{bench}.{figure}: {old} -> {new}")
    assert not lowered, f"floors lowered without a reason in 'lowered': {lowered}"


@pytest.mark.slow
@pytest.mark.parametrize("bench", sorted(FLOORS))
def test_benchmark_meets_floor(bench: str, shared_dir: Path) -> None:
    entry = FLOORS[bench]
    corpus = shared_dir / "data" / entry["corpus"]
    digest = hashlib.sha256(corpus.read_bytes()).hexdigest()
    assert digest == entry["sha256"], f"{corpus} changed: re-measure and update floors.json"
    proc = subprocess.run([sys.executable, "-m", f"benchmarks.{bench}", "--split", "dev", "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    noise = entry.get("noise", 0.01)
    below = {name: (figures.get(name), floor) for name, floor in entry["floors"].items()
             if figures.get(name, float("-inf")) < floor - noise}
    assert not below, f"{bench}: figures below floor - {noise}: {below}"
