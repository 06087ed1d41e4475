"""TempEval-3 timex benchmark: extents, types and values of TIMEX3 expressions.

``python -m benchmarks.tempeval --split dev|test [--json] [--limit N] [--errors FILE]
[--analyse]``

Reads ``shared/data/tempeval3/<split>.jsonl`` (dev: TBAQ-cleaned TimeBank + AQUAINT;
test: TE3-Platinum). Each document's creation time (``dct``) is the publication
date; the title is not part of the text. Only the parse and timexes stages run.

Figures follow the TempEval-3 definitions: strict extent match = identical span,
relaxed = any overlap (one-to-one); type accuracy over relaxed matches; value F1 =
F1 of (relaxed match and value equal), the official attribute F1.

``--analyse`` (dev only: error analysis must never look at test documents) groups
the errors into missed extents, spurious extents, extent mismatches, wrong types and
wrong values, and lists the most frequent surface forms of each group.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from benchmarks._common import arg_parser, corpus_file, emit, peak_rss_mb, prf, read_jsonl
from dateline.config import Settings
from dateline.pipeline import STAGES, run_stages
from dateline.records import Article, Timex
from dateline.stages.parse import model_for

_NEEDED = ("parse", "timexes")
_SHOWN = 25


def _group(error: dict) -> list[str]:
    """The error groups one error record falls in (a mismatch can be in several)."""
    if error["kind"] != "mismatch":
        return ["missed extent" if error["kind"] == "miss" else "spurious extent"]
    gold, pred = error["gold"], error["pred"]
    groups = []
    if gold[0] != pred[0]:
        groups.append("extent mismatch")
    if gold[1] != pred[1]:
        groups.append(f"wrong type {gold[1]}->{pred[1]}")
    elif gold[2] != pred[2]:
        groups.append(f"wrong value ({gold[1]})")
    return groups


def _analyse(errors: list[dict]) -> None:
    """Print error groups with counts and their most frequent surface forms."""
    by_group: dict[str, Counter] = {}
    for error in errors:
        record = error["gold"] if error["kind"] != "false_alarm" else error["pred"]
        form = " ".join(record[0].lower().split())
        if error["kind"] == "mismatch":
            form = f"{form} [{error['gold'][2]} vs {error['pred'][2]}]"
        for group in _group(error):
            by_group.setdefault(group, Counter())[form] += 1
    for group, forms in sorted(by_group.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"== {group}: {sum(forms.values())}")
        for form, count in forms.most_common(_SHOWN):
            print(f"  {count:3d}  {form}")


def _match(gold: list[dict], pred: list[Timex]) -> list[tuple[dict, Timex]]:
    """Pair gold and predicted timexes one-to-one, exact spans first, then largest overlap."""
    pairs: list[tuple[dict, Timex]] = []
    used: set[int] = set()
    pending = []
    for g in gold:
        exact = next((i for i, p in enumerate(pred)
                      if i not in used and p.span == (g["start"], g["end"])), None)
        if exact is None:
            pending.append(g)
        else:
            used.add(exact)
            pairs.append((g, pred[exact]))
    for g in pending:
        best, best_overlap = None, 0
        for i, p in enumerate(pred):
            overlap = min(p.span[1], g["end"]) - max(p.span[0], g["start"])
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument("--errors", type=Path, default=None,
                        help="write misses, false alarms and wrong values to this JSONL file")
    parser.add_argument("--analyse", action="store_true",
                        help="print grouped errors with their frequent forms (dev split only)")
    args = parser.parse_args()
    if args.analyse and args.split != "dev":
        parser.error("--analyse runs on the dev split only")
    collect = bool(args.errors or args.analyse)
    docs = list(read_jsonl(corpus_file("tempeval3", args.split)))[: args.limit]
    settings = Settings()
    nlp = model_for(settings.parse)
    stages = [s for s in STAGES if s.name in _NEEDED]
    disabled = [p for p in ("ner", "lemmatizer") if p in nlp.pipe_names]

    counts = Counter()
    # Every type listed, zeros included, so the JSON has the same keys on every split.
    per_type: Counter = Counter({f"{prefix}_{kind}": 0 for prefix in ("gold", "pred", "value_ok")
                                 for kind in ("DATE", "DURATION", "SET", "TIME")})
    errors: list[dict] = []
    parse_seconds = stage_seconds = 0.0
    words = 0
    for record in docs:
        article = Article(text=record["text"], published=record["dct"], id=record["doc_id"])
        started = time.perf_counter()
        doc = nlp(article.text, disable=disabled)
        parse_seconds += time.perf_counter() - started
        words += len(doc)
        started = time.perf_counter()
        pred = run_stages(article, doc, settings, stages).timexes
        stage_seconds += time.perf_counter() - started
        gold = record["timexes"]
        pairs = _match(gold, pred)
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        for g in gold:
            per_type[f"gold_{g['type']}"] += 1
        for p in pred:
            per_type[f"pred_{p.type}"] += 1
        for g, p in pairs:
            counts["relaxed"] += 1
            counts["strict"] += p.span == (g["start"], g["end"])
            counts["type"] += p.type == g["type"]
            counts["value"] += p.value == g["value"]
            per_type[f"value_ok_{g['type']}"] += p.value == g["value"]
            if collect and (p.value != g["value"] or p.span != (g["start"], g["end"])):
                errors.append({"doc": record["doc_id"], "dct": record["dct"], "kind": "mismatch",
                               "gold": [g["text"], g["type"], g["value"]],
                               "pred": [p.text, p.type, p.value, p.anchor_source]})
        if collect:
            matched_gold = {id(g) for g, _ in pairs}
            matched_pred = {id(p) for _, p in pairs}
            for g in gold:
                if id(g) not in matched_gold:
                    context = record["text"][max(0, g["start"] - 40):g["end"] + 40]
                    errors.append({"doc": record["doc_id"], "kind": "miss",
                                   "gold": [g["text"], g["type"], g["value"]],
                                   "context": context})
            for p in pred:
                if id(p) not in matched_pred:
                    context = record["text"][max(0, p.span[0] - 40):p.span[1] + 40]
                    errors.append({"doc": record["doc_id"], "kind": "false_alarm",
                                   "pred": [p.text, p.type, p.value], "context": context})

    figures: dict[str, object] = {"documents": len(docs), "gold_timexes": counts["gold"],
                                  "predicted_timexes": counts["pred"]}
    for name in ("strict", "relaxed", "value"):
        p, r, f = prf(counts[name], counts["pred"], counts["gold"])
        figures.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    figures["type_accuracy"] = counts["type"] / counts["relaxed"] if counts["relaxed"] else 0.0
    figures.update(sorted(per_type.items()))
    figures["parse_seconds"] = round(parse_seconds, 2)
    figures["timex_stage_seconds"] = round(stage_seconds, 3)
    figures["words_per_second"] = round(words / (parse_seconds + stage_seconds), 1)
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for error in errors:
                fh.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.analyse:
        _analyse(errors)
    emit(figures, f"TempEval-3 timexes ({args.split})", args.json)


if __name__ == "__main__":
    main()
