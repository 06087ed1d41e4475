"""Fuzz campaign: bad and odd inputs through ``extract`` (API and CLI), counted.

``python -m benchmarks.fuzz --split dev|test [--json] [--limit N]``

Generated inputs come from ``tests/fuzz/_corpus.py`` (seeded: dev and test draw
different seeds). With the shared corpora present, ``--split`` also mixes in
snippets of that split's articles cut at random character offsets (read at run
time, never stored), as a new user pasting fragments would. Prints the number of
inputs, tracebacks, stage crashes (DL301), coded rejections by code, notices by
code, the longest time spent on one input and peak RSS; the CLI half reports its
exit code and any broken promise (a bad input not reported, a batch cut short).
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from benchmarks._common import PROJECT_ROOT, arg_parser, emit, peak_rss_mb, shared_dir

SEEDS = {"dev": 101, "test": 202}
DEFAULT_INPUTS = 10_000
SNIPPET_CORPORA = ("quotes", "tempeval3", "geoparsing", "ecbplus")
SNIPPET_SHARE = 0.1  # of the inputs, as JSONL lines of real-article fragments
SNIPPET_LINES_PER_FILE = 50


def load_corpus() -> ModuleType:
    path = PROJECT_ROOT / "tests" / "fuzz" / "_corpus.py"
    spec = importlib.util.spec_from_file_location("dateline_fuzz_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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


def run(split: str, inputs: int) -> dict:
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


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    args = parser.parse_args()
    figures = run(args.split, args.limit or DEFAULT_INPUTS)
    emit(figures, f"fuzz campaign ({args.split})", args.json)


if __name__ == "__main__":
    main()
