"""Entity timeline benchmark on SemEval-2015 Task 4 TimeLine (Track A: from raw text).

usage: python -m benchmarks.timeline --split dev|test [--json] [--limit N] [--system-out PATH]
       [--breakdown] [--min-event-probability P] [--min-inclusion P] [--sentence-mates]

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
from dateline.entity_timeline import (
    MIN_EVENT_PROBABILITY,
    MIN_INCLUSION,
    Anaphor,
    EntityTimelineRow,
    EventWord,
    build_entity_timeline,
    entity_spans,
    extract_timeline_inputs,
)
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


def system_timelines(
    targets: Iterable[dict],
    corpus_of: dict[str, str],
    extractions: list[Extraction],
    words: list[EventWord],
    anaphors: list[Anaphor],
    options: dict | None = None,
) -> list[dict]:
    """Each target's timeline, built from its corpus's articles, in the task's system format.

    ``options`` are passed to ``build_entity_timeline`` (the trained components' thresholds).
    """
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
            **(options or {}),
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


def breakdown(
    scorer: ModuleType,
    folder: Path,
    split: str,
    timelines: list[dict],
    corpus_of: dict[str, str],
    extractions: list[Extraction],
    words: list[EventWord],
    anaphors: list[Anaphor],
) -> dict[str, int]:
    """Where the gold mentions at a position above 0 go, and how many system mentions are
    in no gold row (error analysis; the caller allows it on dev only).

    A gold mention is found when a system mention of the same target overlaps it; found,
    it has the right date, a wrong one, or none (position 0). Not found, it has no event
    word at its place (detection), an event word left out as negated, modal or conditional,
    or an event word whose sentence names the entity (by name, abbreviation, quote speaker
    or pronoun: the argument structure missed it) or does not (coreference).
    """
    gold = {(g["corpus"], g["target"]): g for g in scorer.load_gold(str(folder), split)}
    by_id = {x.article.id: x for x in extractions}
    words_of = defaultdict(list)
    for word in words:
        words_of[word.article_id].append(word)
    counts: dict[str, int] = dict.fromkeys(BREAKDOWN_KEYS, 0)
    for timeline in timelines:
        gold_rows = gold[(timeline["corpus"], timeline["target"])]["rows"]
        system = [(row, m) for row in timeline["rows"] for m in row["mentions"]]
        articles = [x for x in extractions if corpus_of[x.article.id] == timeline["corpus"]]
        ids = {x.article.id for x in articles}
        spans = entity_spans(
            articles, timeline["target"], anaphors=[a for a in anaphors if a.article_id in ids]
        )
        matched: set[int] = set()
        for row in gold_rows:
            for mention in row["mentions"]:
                if row["position"] == 0:
                    continue
                hit = _overlapping(mention, system)
                if hit is not None:
                    matched.add(hit)
                    key = _found_key(scorer, row, system[hit][0])
                else:
                    key = _missed_key(mention, by_id, words_of, spans)
                counts[key] += 1
        counts["system_not_in_gold"] += sum(
            1
            for i, (row, m) in enumerate(system)
            if row["position"] > 0 and i not in matched and not _in_gold(m, gold_rows)
        )
    return counts


BREAKDOWN_KEYS = (
    "found_right_date",
    "found_wrong_date",
    "found_undated",
    "no_event_word",
    "event_word_not_factual",
    "entity_in_sentence",
    "entity_not_in_sentence",
    "system_not_in_gold",
)


def _overlapping(mention: dict, system: list[tuple[dict, dict]]) -> int | None:
    for i, (_, other) in enumerate(system):
        if other["doc_id"] == mention["doc_id"] and _overlap(other, mention):
            return i
    return None


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _in_gold(mention: dict, gold_rows: list[dict]) -> bool:
    return any(
        g["doc_id"] == mention["doc_id"] and _overlap(g, mention)
        for row in gold_rows
        for g in row["mentions"]
    )


def _found_key(scorer: ModuleType, gold_row: dict, system_row: dict) -> str:
    if system_row["position"] == 0:
        return "found_undated"
    same = scorer.norm_date(gold_row["date"]) == scorer.norm_date(system_row["date"])
    return "found_right_date" if same else "found_wrong_date"


def _missed_key(
    mention: dict,
    by_id: dict[str, Extraction],
    words_of: dict[str, list[EventWord]],
    spans: dict[str, list[tuple[int, int]]],
) -> str:
    doc_id, start, end = mention["doc_id"], mention["start"], mention["end"]
    word = next((w for w in words_of[doc_id] if w.span[0] < end and start < w.span[1]), None)
    if word is None:
        return "no_event_word"
    if not word.factual:
        return "event_word_not_factual"
    sentence_start, sentence_end = word.sentence
    named = any(sentence_start <= s < sentence_end for s, _ in spans.get(doc_id, []))
    return "entity_in_sentence" if named else "entity_not_in_sentence"


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
    if "breakdown" in figures:
        print()
        print("gold mentions at a position above 0, and system mentions in no gold row")
        for key, count in figures["breakdown"].items():
            print(f"  {key.replace('_', ' '):<44}{count:>6}")
    print(f"time {figures['seconds']} s, peak RSS {figures['peak_rss_mb']} MiB")


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--system-out",
        type=Path,
        default=None,
        help="also write the system timelines (task format) to this JSON file",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also count where the gold mentions go (detection, involvement, dates); dev only",
    )
    parser.add_argument(
        "--min-event-probability",
        type=float,
        default=MIN_EVENT_PROBABILITY,
        help="leave out event words below this event-filter probability",
    )
    parser.add_argument(
        "--min-inclusion",
        type=float,
        default=MIN_INCLUSION,
        help="leave out candidates below this inclusion-scorer probability (0: keep all)",
    )
    parser.add_argument(
        "--sentence-mates",
        action="store_true",
        help="let the inclusion scorer judge words that share a sentence with the entity too",
    )
    args = parser.parse_args()
    if args.breakdown and args.split != "dev":
        parser.error("--breakdown reads the gold timelines beyond their score: dev only")
    folder = timeline_dir()
    started = time.perf_counter()
    pairs = read_articles(folder, args.split, args.limit)
    corpus_of = {article.id: corpus for corpus, article in pairs}
    extractions, words, anaphors = extract_timeline_inputs([article for _, article in pairs])
    targets = [t for t in read_jsonl(folder / "targets.jsonl") if t["split"] == args.split]
    options = {
        "min_event_probability": args.min_event_probability,
        "min_inclusion": args.min_inclusion,
        "sentence_mates": args.sentence_mates,
    }
    timelines = system_timelines(targets, corpus_of, extractions, words, anaphors, options)
    if args.system_out is not None:
        args.system_out.write_text(json.dumps({"timelines": timelines}, indent=1), encoding="utf-8")
    result = score(load_scorer(folder), folder, args.split, timelines)
    figures = figures_of(result, args.split, len(pairs), time.perf_counter() - started)
    if args.breakdown:
        figures["breakdown"] = breakdown(
            load_scorer(folder),
            folder,
            args.split,
            timelines,
            corpus_of,
            extractions,
            words,
            anaphors,
        )
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print_report(figures)


if __name__ == "__main__":
    main()
