"""Scaling: seconds per 1,000 words for each stage as one article grows from 1k to 80k words.

``python -m benchmarks.scaling --split dev|test [--json] [--limit MAX_WORDS]``

A near-linear stage keeps a flat time per 1,000 words; a quadratic one grows with
the length. The article is the sample bundled with dateline (our own writing),
repeated as paragraphs to each length, so the figures need no corpus (``--split``
is accepted for the common benchmark interface and changes nothing). Each length
runs in its own subprocess so its peak RSS is its own. A stage whose projected time
at the next length exceeds the budget is skipped from there on (only the last stage
can be: no later stage needs its records), and reported as such. Also times a
200,000-character article end to end and checks that a 1 MB one is refused (DL211).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from importlib import resources

from benchmarks._common import arg_parser, emit, peak_rss_mb

SIZES = (1_000, 5_000, 10_000, 20_000, 40_000, 80_000)
STAGE_BUDGET_SECONDS = 120.0
PUBLISHED = "2025-03-14"


def sample_text(words: int) -> str:
    """The bundled sample article repeated as paragraphs, cut to ``words`` words."""
    base = (
        resources.files("dateline").joinpath("sample", "harbour-chronicle.txt").read_text("utf-8")
    )
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for paragraph in base.split("\n"):
            if paragraph.strip():
                paragraphs.append(paragraph)
                count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(paragraphs)


def time_stages(words: int, skip: list[str]) -> dict:
    """Parse and run each stage on one article of ``words`` words; seconds per stage."""
    from dateline.config import load_settings

    settings = load_settings(None, ["parse.max_chars=10000000"])
    # One short article through every stage first: one-off loading (lexicons, the
    # gazetteer, compiled patterns) is start-up, not a cost per word.
    _run_stages(sample_text(300), settings, [])
    text = sample_text(words)
    seconds = _run_stages(text, settings, skip)
    return {
        "words": len(text.split()),
        "chars": len(text),
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def _run_stages(text: str, settings, skip: list[str]) -> dict[str, float | None]:
    from dateline._gc import paused_gc
    from dateline.pipeline import STAGES, parse_batch
    from dateline.records import Article

    started = time.perf_counter()
    (doc,) = list(parse_batch([text], settings))
    seconds: dict[str, float | None] = {"spacy": time.perf_counter() - started}
    work = {"article": Article(text=text, published=PUBLISHED), "doc": doc}
    with paused_gc():  # as ``run_stages`` runs them
        for stage in STAGES:
            if stage.name in skip:
                seconds[stage.name] = None
                continue
            kwargs = {name: work[name] for name in stage.requires}
            if stage.section is not None:
                kwargs["settings"] = getattr(settings, stage.section)
            started = time.perf_counter()
            work[stage.provides] = stage.run(**kwargs)
            seconds[stage.name] = time.perf_counter() - started
    return seconds


def time_whole(chars: int) -> dict:
    """``extract_many`` end to end on an article of about ``chars`` characters."""
    from dateline import extract_many
    from dateline.records import Rejection

    text = sample_text(chars // 5)
    while len(text) < chars:
        text += "\n\n" + text
    text = text[:chars]
    list(extract_many([sample_text(300)], published=PUBLISHED))
    started = time.perf_counter()
    (result,) = extract_many([text], published=PUBLISHED)
    return {
        "chars": len(text),
        "seconds": time.perf_counter() - started,
        "outcome": result.code if isinstance(result, Rejection) else "extracted",
        "peak_rss_mb": peak_rss_mb(),
    }


def _child(argument: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.scaling", "--child", argument],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _projected(history: list[dict], stage: str, words: int) -> float:
    """A quadratic projection of a stage's time at ``words`` from its last measurement."""
    last = history[-1]
    value = last["seconds"].get(stage)
    return 0.0 if value is None else value * (words / last["words"]) ** 2


def run(max_words: int) -> tuple[dict, list[dict]]:
    import warnings

    warnings.simplefilter("ignore")
    history: list[dict] = []
    skip: list[str] = []
    for words in (s for s in SIZES if s <= max_words):
        if history and _projected(history, "events", words) > STAGE_BUDGET_SECONDS:
            skip = ["events"]
        history.append(_child(json.dumps({"words": words, "skip": skip})))
    whole_200k = _child(json.dumps({"chars": 200_000}))
    whole_1mb = _child(json.dumps({"chars": 1_000_000}))
    figures: dict[str, float | str | None] = {}
    for row in history:
        per_k = {
            k: (v / row["words"] * 1000 if v is not None else None)
            for k, v in row["seconds"].items()
        }
        for stage, value in per_k.items():
            figures[f"{row['words'] // 1000}k_{stage}_s_per_1k_words"] = (
                round(value, 4) if value is not None else "skipped"
            )
        figures[f"{row['words'] // 1000}k_peak_rss_mb"] = round(row["peak_rss_mb"], 1)
    figures["200k_chars_seconds"] = round(whole_200k["seconds"], 2)
    figures["200k_chars_outcome"] = whole_200k["outcome"]
    figures["200k_chars_peak_rss_mb"] = round(whole_200k["peak_rss_mb"], 1)
    figures["1mb_seconds"] = round(whole_1mb["seconds"], 3)
    figures["1mb_outcome"] = whole_1mb["outcome"]
    figures["1mb_peak_rss_mb"] = round(whole_1mb["peak_rss_mb"], 1)
    return figures, history


def print_grid(history: list[dict]) -> None:
    """Rows: stages; columns: article length; cells: seconds per 1,000 words."""
    stages = list(history[0]["seconds"])
    header = "stage        " + "".join(f"{row['words'] // 1000:>8}k" for row in history)
    print("seconds per 1,000 words")
    print(header)
    for stage in stages:
        cells = []
        for row in history:
            value = row["seconds"][stage]
            cells.append(
                f"{value / row['words'] * 1000:>9.3f}" if value is not None else f"{'skipped':>9}"
            )
        print(f"{stage:<13}" + "".join(cells))
    print("peak RSS MB  " + "".join(f"{row['peak_rss_mb']:>9.0f}" for row in history))
    print()


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        spec = json.loads(sys.argv[2])
        import warnings

        warnings.simplefilter("ignore")
        result = (
            time_whole(spec["chars"])
            if "chars" in spec
            else time_stages(spec["words"], spec["skip"])
        )
        print(json.dumps(result))
        return
    parser = arg_parser(__doc__.splitlines()[0])
    args = parser.parse_args()
    figures, history = run(args.limit or SIZES[-1])
    if not args.json:
        print_grid(history)
    emit(figures, "scaling", args.json)


if __name__ == "__main__":
    main()
