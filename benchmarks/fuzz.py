"""Fuzz campaign: bad and odd inputs through ``extract``, ``ingest`` and the HTTP API, counted.

``python -m benchmarks.fuzz --split dev|test [--json] [--limit N] [--targets extract,ingest,api]``

``--limit`` is the total number of inputs (default 10,000), shared among the targets:
extract 60%, ingest 25% (API and CLI, each run twice to check that a re-run stores
nothing), HTTP requests 15% (to a live server over a store of hostile articles).

Generated inputs come from ``tests/fuzz/_corpus.py`` (seeded: dev and test draw
different seeds). With the shared corpora present, ``--split`` also mixes in
snippets of that split's articles cut at random character offsets (read at run
time, never stored), as a new user pasting fragments would. Prints the number of
inputs, tracebacks, stage crashes (DL301), coded rejections by code, notices by
code, the longest time spent on one input and peak RSS; the CLI half reports its
exit code and any broken promise (a bad input not reported, a batch cut short).
The ingest half counts the same, plus articles stored, skipped and stored again by
the re-run (must be 0); the API half counts requests, statuses, 5xx and error codes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path
from types import ModuleType

from benchmarks._common import PROJECT_ROOT, arg_parser, emit, peak_rss_mb, shared_dir

SEEDS = {"dev": 101, "test": 202}
DEFAULT_INPUTS = 10_000
SNIPPET_CORPORA = ("quotes", "tempeval3", "geoparsing", "ecbplus")
SNIPPET_SHARE = 0.1  # of the inputs, as JSONL lines of real-article fragments
SNIPPET_LINES_PER_FILE = 50
TARGETS = ("extract", "ingest", "api")
SHARES = {"extract": 0.6, "ingest": 0.25, "api": 0.15}
INGEST_CLI_SHARE = 0.3  # of the ingest inputs, through `dateline ingest` in a subprocess


def _load(filename: str, name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    path = PROJECT_ROOT / "tests" / "fuzz" / filename
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_corpus() -> ModuleType:
    return _load("_corpus.py", "dateline_fuzz_corpus")


def load_harness() -> ModuleType:
    return _load("_ingest_api.py", "dateline_fuzz_ingest_api")


def snippet_files(corpus: ModuleType, split: str, count: int, seed: int) -> list:
    """JSONL FileCases of article fragments from the split's corpora (none if absent)."""
    texts = []
    for name in SNIPPET_CORPORA:
        path = shared_dir() / "data" / name / f"{split}.jsonl"
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                texts.extend(json.loads(line).get("text") or "" for line in fh if line.strip())
    texts = [t for t in texts if len(t) > 40]
    if not texts:
        return []
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        text = rng.choice(texts)
        start = rng.randrange(len(text) - 20)
        cut = text[start : start + rng.randint(20, 2000)]
        line = json.dumps({"text": cut, "published": rng.choice(("2024-02-29", "9999-12-31"))})
        expect = "ok" if cut.strip() else "reject"
        lines.append(corpus.LineCase("snippet", line, expect))
    files = []
    for first in range(0, len(lines), SNIPPET_LINES_PER_FILE):
        chunk = tuple(lines[first : first + SNIPPET_LINES_PER_FILE])
        data = "\n".join(c.line for c in chunk).encode("utf-8")
        files.append(corpus.FileCase("snippets", ".jsonl", data, "ok", chunk))
    return files


def run_extract(split: str, inputs: int) -> dict:
    """The extract campaign (API files, API items, CLI); its figures."""
    from dateline.config import load_settings

    corpus = load_corpus()
    seed = SEEDS[split]
    snippets = snippet_files(corpus, split, int(inputs * SNIPPET_SHARE), seed)
    generated = inputs - sum(f.count for f in snippets)
    api_items = generated // 10
    cli_inputs = generated * 3 // 10
    api_file_inputs = generated - api_items - cli_inputs
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        api_dir, cli_dir = Path(folder) / "api", Path(folder) / "cli"
        api_dir.mkdir()
        cli_dir.mkdir()
        api_cases = list(corpus.campaign(seed, api_file_inputs)) + snippets
        files = corpus.write_files(api_cases, api_dir)
        # One article per parse batch, so the time between results is one input's own.
        single = load_settings(None, ["parse.batch_size=1"])
        outcome = corpus.run_files(files, settings=single)
        items = corpus.run_api(corpus.api_campaign(seed, api_items))
        cli_files = corpus.write_files(list(corpus.campaign(seed + 1, cli_inputs)), cli_dir)
        code, stderr, rows = corpus.run_cli(cli_files, Path(folder) / "out.jsonl")
        cli_problems = corpus.check_cli(cli_files, code, stderr, rows)
    cli_count = sum(case.count for _, case in cli_files)
    rejections = dict(outcome.rejections)
    for name, count in items.rejections.items():
        rejections[name] = rejections.get(name, 0) + count
    figures = {
        "inputs": outcome.inputs + items.inputs + cli_count,
        "inputs_api": outcome.inputs + items.inputs,
        "inputs_cli": cli_count,
        "snippets": sum(f.count for f in snippets),
        "extractions_api": outcome.extractions + items.extractions,
        "rows_cli": rows,
        "cli_exit_code": code,
        "tracebacks": outcome.tracebacks + items.tracebacks + stderr.count("Traceback"),
        "crashes": outcome.crashes + items.crashes + stderr.count("[DL301]"),
        "broken_promises": len(outcome.violations) + len(items.violations) + len(cli_problems),
        "max_seconds_per_input": round(outcome.max_seconds, 3),
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    figures.update({f"rejected_{k}": v for k, v in sorted(rejections.items())})
    figures.update({f"notice_{k}": v for k, v in sorted(outcome.warnings.items())})
    for problem in (outcome.violations + items.violations + cli_problems)[:20]:
        print(f"broken promise: {problem[:300]}", file=sys.stderr)
    return figures


def run_ingest(split: str, inputs: int) -> dict:
    """Ingest campaign files twice with the API and the CLI into DuckDB stores; its figures."""
    corpus, harness = load_corpus(), load_harness()
    seed = SEEDS[split] + 10
    cli_inputs = int(inputs * INGEST_CLI_SHARE)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        api_dir, cli_dir = Path(folder) / "api", Path(folder) / "cli"
        api_dir.mkdir()
        cli_dir.mkdir()
        files = corpus.write_files(list(corpus.campaign(seed, inputs - cli_inputs)), api_dir)
        api = harness.run_ingest_api(files, str(Path(folder) / "api.duckdb"))
        cli_files = corpus.write_files(list(corpus.campaign(seed + 1, cli_inputs)), cli_dir)
        cli, _ = harness.run_ingest_cli(cli_files, str(Path(folder) / "cli.duckdb"))
    rejections = dict(api.rejections)
    for code, count in cli.rejections.items():
        rejections[code] = rejections.get(code, 0) + count
    figures = {
        "ingest_inputs": api.inputs + cli.inputs,
        "ingest_inputs_cli": cli.inputs,
        "ingest_stored": api.stored + cli.stored,
        "ingest_skipped_duplicates": api.skipped + cli.skipped,
        "ingest_stored_by_rerun": api.rerun_stored + cli.rerun_stored,
        "ingest_tracebacks": api.tracebacks + cli.tracebacks,
        "ingest_crashes": api.crashes + cli.crashes,
        "ingest_broken_promises": len(api.violations) + len(cli.violations),
        "ingest_seconds": round(time.perf_counter() - started, 1),
    }
    figures.update({f"ingest_rejected_{k}": v for k, v in sorted(rejections.items())})
    for problem in (api.violations + cli.violations)[:20]:
        print(f"broken promise (ingest): {problem[:300]}", file=sys.stderr)
    return figures


def run_api(split: str, inputs: int) -> dict:
    """Odd requests to a live server over a store of hostile articles; its figures."""
    import httpx

    from dateline.api import ingest
    from dateline.storage import open_store

    corpus, harness = load_corpus(), load_harness()
    web_support = _load("../e2e/web_support.py", "web_support")
    seed = SEEDS[split] + 20
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        hostile = Path(folder) / "hostile.jsonl"
        hostile.write_text("\n".join(harness.hostile_lines()) + "\n", encoding="utf-8")
        files = corpus.write_files(list(corpus.campaign(seed, 100)), folder)
        db = str(Path(folder) / "store.duckdb")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # notices about the corpus slice, not findings
            ingest([str(hostile), *(p for p, _ in files)], db=db)
        with open_store(db, create=False, read_only=True) as store:
            ids = sorted({e.article_id for e in store.events(limit=1000)})
        ids = [a["id"] for a in harness.HOSTILE_ARTICLES] + ids
        with (
            web_support.live_server(db) as base,
            httpx.Client(base_url=base, timeout=60) as client,
        ):
            outcome = harness.run_requests(client, harness.request_campaign(seed, inputs, ids))
            harness.check_stored_text_is_data(client, harness.HOSTILE_ARTICLES, outcome)
    figures = {
        "api_requests": outcome.inputs,
        "api_5xx": outcome.server_errors,
        "api_tracebacks": outcome.tracebacks,
        "api_broken_promises": len(outcome.violations),
        "api_seconds": round(time.perf_counter() - started, 1),
    }
    figures.update({f"api_status_{k}": v for k, v in sorted(outcome.statuses.items())})
    figures.update({f"api_error_{k}": v for k, v in sorted(outcome.codes.items())})
    for problem in outcome.violations[:20]:
        print(f"broken promise (api): {problem[:300]}", file=sys.stderr)
    return figures


def run(split: str, inputs: int, targets: tuple[str, ...] = TARGETS) -> dict:
    """Run the chosen targets on their share of ``inputs``; all figures, with totals."""
    total = sum(SHARES[t] for t in targets)
    share = {t: int(inputs * SHARES[t] / total) for t in targets}
    figures: dict = {}
    if "extract" in targets:
        figures.update(run_extract(split, share["extract"]))
    if "ingest" in targets:
        figures.update(run_ingest(split, share["ingest"]))
    if "api" in targets:
        figures.update(run_api(split, share["api"]))
    figures["total_inputs"] = sum(
        figures.get(k, 0) for k in ("inputs", "ingest_inputs", "api_requests")
    )
    figures["total_tracebacks"] = sum(
        figures.get(k, 0) for k in ("tracebacks", "ingest_tracebacks", "api_tracebacks")
    )
    figures["total_crashes"] = figures.get("crashes", 0) + figures.get("ingest_crashes", 0)
    figures["total_5xx"] = figures.get("api_5xx", 0)
    figures["total_broken_promises"] = sum(
        figures.get(k, 0)
        for k in ("broken_promises", "ingest_broken_promises", "api_broken_promises")
    )
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return figures


def _targets(value: str) -> tuple[str, ...]:
    chosen = tuple(t.strip() for t in value.split(",") if t.strip())
    unknown = [t for t in chosen if t not in TARGETS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(TARGETS)}; got {value!r}")
    return chosen


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--targets",
        type=_targets,
        default=TARGETS,
        help="comma-separated: extract, ingest, api (default: all three)",
    )
    args = parser.parse_args()
    figures = run(args.split, args.limit or DEFAULT_INPUTS, args.targets)
    emit(figures, f"fuzz campaign ({args.split})", args.json)


if __name__ == "__main__":
    main()
