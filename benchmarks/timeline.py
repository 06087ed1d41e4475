"""Entity timeline benchmark on SemEval-2015 Task 4 TimeLine (Track A: from raw text).

usage: python -m benchmarks.timeline --split dev|test [--json] [--limit N] [--system-out PATH]

Reads ``shared/data/timeline/`` (docs.jsonl, targets.jsonl, timelines.jsonl and the official
metric re-implemented in score_timeline.py; see its README and SOURCES.md). Only the raw
texts, titles and publication dates of docs.jsonl are read, never its gold event mentions.
Each article goes through ``dateline.extract_many`` with its publication date; its event
words come from ``dateline.entity_timeline.find_event_words``; each target entity's
timeline is built by ``build_entity_timeline`` from the articles of the target's corpus.
The rows are written in the task's system format (character offsets of each event word)
and scored with the official metric: per-target and micro P/R/F1 over the split.

Published (official metric, percentages over the three evaluation corpora): Track A best
F1 7.85, Track B (gold event mentions) best F1 25.36; trivial baselines with the gold
mentions ordered by publication date: 0.358 dev / 0.269 test (SOURCES.md there).
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from benchmarks._common import arg_parser, peak_rss_mb, read_jsonl, shared_dir
from dateline import extract_many, load_settings
from dateline.entity_timeline import (
    Anaphor,
    EntityTimelineRow,
    EventWord,
    build_entity_timeline,
    find_anaphors,
    find_event_words,
)
from dateline.pipeline import parse_batch
from dateline.records import Article, Extraction

# Reference figures (fractions): SOURCES.md of the corpus folder.
PUBLISHED = {
    "track_a_best_f1": 0.0785,
    "track_b_best_f1": 0.2536,
}
GOLD_MENTION_BASELINE_F1 = {"dev": 0.358, "test": 0.269}


def timeline_dir() -> Path:
    """The corpus folder; exits with a clear message when it is absent."""
    folder = shared_dir() / "data" / "timeline"
    if not (folder / "docs.jsonl").is_file():
        sys.exit(f"benchmark data not found: {folder} (set DATELINE_SHARED to the shared folder)")
    return folder


def load_scorer(folder: Path) -> ModuleType:
    """Import the official metric's script from the corpus folder."""
    spec = importlib.util.spec_from_file_location("score_timeline", folder / "score_timeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_articles(folder: Path, split: str, limit: int | None) -> list[tuple[str, Article]]:
    """(corpus, Article) for each document of the split: text, title and date only."""
    articles = []
    for row in read_jsonl(folder / "docs.jsonl"):
        if row["split"] != split:
            continue
        article = Article(
            id=row["doc_id"],
            title=row["title"],
            text=row["text"],
            published=row["published"],
            outlet="Wikinews",
        )
        articles.append((row["corpus"], article))
    return articles[:limit] if limit is not None else articles


def extract_articles(
    articles: list[Article],
) -> tuple[list[Extraction], list[EventWord], list[Anaphor]]:
    """Run the pipeline on every article and list the event words and anaphors of each."""
    settings = load_settings()
    extractions = [
        x for x in extract_many(articles, settings=settings) if isinstance(x, Extraction)
    ]
    docs = parse_batch([x.article.text for x in extractions], settings)
    words: list[EventWord] = []
    anaphors: list[Anaphor] = []
    for extraction, doc in zip(extractions, docs, strict=True):
        words.extend(find_event_words(extraction, doc))
        anaphors.extend(find_anaphors(extraction, doc))
    return extractions, words, anaphors


def system_timelines(
    targets: Iterable[dict],
    corpus_of: dict[str, str],
    extractions: list[Extraction],
    words: list[EventWord],
    anaphors: list[Anaphor],
) -> list[dict]:
    """Each target's timeline, built from its corpus's articles, in the task's system format."""
    by_corpus: dict[str, list[Extraction]] = defaultdict(list)
    for extraction in extractions:
        by_corpus[corpus_of[extraction.article.id]].append(extraction)
    timelines = []
    for target in targets:
        articles = by_corpus.get(target["corpus"], [])
        ids = {x.article.id for x in articles}
        rows = build_entity_timeline(
            articles,
            [w for w in words if w.article_id in ids],
            target["target"],
            anaphors=[a for a in anaphors if a.article_id in ids],
        )
        timelines.append(
            {
                "target": target["target"],
                "corpus": target["corpus"],
                "rows": [_system_row(row) for row in rows],
            }
        )
    return timelines


def _system_row(row: EntityTimelineRow) -> dict:
    return {
        "position": row.position,
        "date": row.date or "XXXX-XX-XX",
        "mentions": [
            {"doc_id": m.article_id, "start": m.span[0], "end": m.span[1]} for m in row.mentions
        ],
    }


def score(scorer: ModuleType, folder: Path, split: str, timelines: list[dict]) -> dict:
    """Score with the official metric: micro figures over the split and per target."""
    gold = scorer.load_gold(str(folder), split)
    docs = scorer.Docs(str(folder / "docs.jsonl"))
    return scorer.evaluate(gold, timelines, docs)


def figures_of(result: dict, split: str, n_docs: int, seconds: float) -> dict:
    """The JSON figures: overall and per-target P/R/F1 as fractions, references beside them."""
    overall = result["summary"]["all"]
    per_target = {}
    for target in result["targets"]:
        p, r, f = _prf(target)
        per_target[f"{target['corpus']}/{target['target']}"] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
        }
    per_corpus = {
        name: {"precision": s["p"], "recall": s["r"], "f1": s["f1"]}
        for name, s in result["summary"].items()
        if name != "all"
    }
    return {
        "split": split,
        "documents": n_docs,
        "targets": len(result["targets"]),
        "precision": overall["p"],
        "recall": overall["r"],
        "f1": overall["f1"],
        "per_corpus": per_corpus,
        "per_target": per_target,
        "published_track_a_best_f1": PUBLISHED["track_a_best_f1"],
        "published_track_b_best_f1": PUBLISHED["track_b_best_f1"],
        "gold_mention_baseline_f1": GOLD_MENTION_BASELINE_F1[split],
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def _prf(counts: dict) -> tuple[float, float, float]:
    p = counts["prec_matched"] / counts["sys_total"] if counts["sys_total"] else 0.0
    r = counts["rec_matched"] / counts["gold_total"] if counts["gold_total"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_report(figures: dict) -> None:
    """The readable table: per target, per corpus, overall, and the reference figures."""
    print(
        f"SemEval-2015 TimeLine, Track A ({figures['split']}, {figures['documents']} documents, "
        f"{figures['targets']} targets)"
    )
    width = max(len(name) for name in figures["per_target"]) + 2
    print(f"{'target':<{width}}{'P':>8}{'R':>8}{'F1':>8}")
    print("-" * (width + 24))
    for name, s in figures["per_target"].items():
        print(f"{name:<{width}}{s['precision']:>8.4f}{s['recall']:>8.4f}{s['f1']:>8.4f}")
    print("-" * (width + 24))
    for name, s in figures["per_corpus"].items():
        print(
            f"{'corpus ' + name:<{width}}{s['precision']:>8.4f}{s['recall']:>8.4f}{s['f1']:>8.4f}"
        )
    print(
        f"{'overall (micro)':<{width}}{figures['precision']:>8.4f}{figures['recall']:>8.4f}"
        f"{figures['f1']:>8.4f}"
    )
    print()
    print("reference F1 (official metric)")
    print(
        f"  published Track A best (raw text)            {figures['published_track_a_best_f1']:.4f}"
    )
    print(
        f"  published Track B best (gold mentions)       {figures['published_track_b_best_f1']:.4f}"
    )
    print(
        f"  gold mentions ordered by publication date    {figures['gold_mention_baseline_f1']:.4f}"
    )
    print(f"time {figures['seconds']} s, peak RSS {figures['peak_rss_mb']} MiB")


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--system-out",
        type=Path,
        default=None,
        help="also write the system timelines (task format) to this JSON file",
    )
    args = parser.parse_args()
    folder = timeline_dir()
    started = time.perf_counter()
    pairs = read_articles(folder, args.split, args.limit)
    corpus_of = {article.id: corpus for corpus, article in pairs}
    extractions, words, anaphors = extract_articles([article for _, article in pairs])
    targets = [t for t in read_jsonl(folder / "targets.jsonl") if t["split"] == args.split]
    timelines = system_timelines(targets, corpus_of, extractions, words, anaphors)
    if args.system_out is not None:
        args.system_out.write_text(json.dumps({"timelines": timelines}, indent=1), encoding="utf-8")
    result = score(load_scorer(folder), folder, args.split, timelines)
    figures = figures_of(result, args.split, len(pairs), time.perf_counter() - started)
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print_report(figures)


if __name__ == "__main__":
    main()
