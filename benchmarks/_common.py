"""Shared helpers for benchmark scripts (not stable API).

Every benchmark reads a third-party corpus from ``../shared/data`` (never
committed), prints a readable table, and with ``--json`` prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
from collections.abc import Iterator
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """Locate the shared folder: $DATELINE_SHARED, else ../shared beside the project."""
    env = os.environ.get("DATELINE_SHARED")
    return Path(env) if env else PROJECT_ROOT.parent / "shared"


def corpus_file(corpus: str, split: str) -> Path:
    """Path of ``shared/data/<corpus>/<split>.jsonl``; exits with a clear message if absent."""
    path = shared_dir() / "data" / corpus / f"{split}.jsonl"
    if not path.is_file():
        sys.exit(f"benchmark data not found: {path} (set DATELINE_SHARED to the shared folder)")
    return path


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def arg_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--split", choices=("dev", "test"), default="dev",
                        help="corpus split (tune on dev only)")
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    return parser


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def print_table(title: str, rows: list[tuple[str, object]]) -> None:
    """Print a two-column table of figures."""
    width = max(len(name) for name, _ in rows)
    print(title)
    print("-" * (width + 14))
    for name, value in rows:
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        print(f"{name:<{width}}  {shown:>10}")


def emit(figures: dict, title: str, as_json: bool) -> None:
    """Print the figures as one JSON object or as a readable table."""
    if as_json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print_table(title, list(figures.items()))
