"""Golden test on the defining example, scored by its own (third-party) scorer."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import dateline

# (scorer output line, measure, floor): the acceptance levels for the defining example.
FLOORS = [
    ("timexes", "correct", 1.00),
    ("places", "resolved", 1.00),
    ("entities", "merged+roles", 0.85),
    ("quotes", "F1", 0.85),
    ("events", "F1", 0.80),
    ("events", "fields", 0.75),
]
OVERALL_FLOOR = 0.90


def _measure(report: str, line: str, name: str) -> float:
    found = re.search(rf"^{line}\b.*?\b{re.escape(name)}=([0-9.]+)", report, re.MULTILINE)
    assert found, f"no {line} {name} in the scorer's report:\n{report}"
    return float(found.group(1))


def test_golden_seed_meets_acceptance_levels(seed_example: dict, tmp_path: Path, nlp) -> None:
    del nlp  # warm-up only
    extraction = dateline.extract(seed_example["text"], published=seed_example["published"])
    out = tmp_path / "out.json"
    out.write_text(
        json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False), encoding="utf-8"
    )
    folder = seed_example["folder"]
    run = subprocess.run(
        [
            sys.executable,
            str(seed_example["scorer"]),
            str(folder / "gold.json"),
            str(folder / "article.txt"),
            str(out),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = run.stdout
    overall = float(re.search(r"^score: ([0-9.]+)$", report, re.MULTILINE).group(1))
    assert overall >= OVERALL_FLOOR, report
    for line, name, floor in FLOORS:
        assert _measure(report, line, name) >= floor, f"{line} {name} < {floor}\n{report}"
