"""Events benchmark: detection, typing and fields on real news and PLOVER sentences.

usage: python -m benchmarks.events --split dev|test [--json] [--limit N]

Sets (``shared/data``): ``events/dev.jsonl`` (real articles with hand-made event gold) and
``plover/dev.jsonl`` (PLOVER gold-standard sentences; one coded event per sentence, so its
precision is not meaningful). Both are scored with ``shared/tools/score_events.py``: event
P/R/F1 (a prediction matches a gold event when its span overlaps the anchor), type
accuracy and each field's accuracy over matched events, and the micro field accuracy.

``shared_events`` and ``<design>.type_on_shared``: each design's type accuracy on the gold
events both designs match (a design's own type accuracy is over the events it finds, and the
trained design finds harder ones the lexicon misses).

Designs: ``trained`` (the classifier) and ``lexicon`` (the previous hand-written trigger
lexicon, kept as a baseline). The trained model learns from both sets, so its figures on
them are **cross-validated**: documents are split into 5 folds by a hash of their id, and
each document is scored with a model trained without its fold (our own sentences and the
hand-labelled references are in every fold).

Coverage: recall of ECB+ annotated action mentions (``kind == "event"``, in validated
sentences, excluding ``ACTION_REPORTING``) whose span overlaps a predicted trigger, on the
ECB+ dev topics (``--split dev``) or test topics (``--split test``), with the shipped
model. ``--split test`` has no events corpus (the events and PLOVER test sets are held
out), so it reports ECB+ test coverage only.
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from benchmarks._common import arg_parser, corpus_file, emit, read_jsonl, shared_dir
from dateline.config import EventSettings
from dateline.stages._event_model import save_model
from dateline.stages.events import extract_events
from dateline.training import events as training
from dateline.training._corpus import Prepared, prepare

VARIANTS = ("trained", "lexicon")
REPORTING = frozenset({"ACTION_REPORTING", "NEG_ACTION_REPORTING"})
# Lines of the scorer's report: a gold event without a prediction, and one with wrong fields.
_MISSED = re.compile(r"\s*\S+ missed (\S+):")
_WRONG = re.compile(r"\s*\S+ (\S+) wrong (\S+):")


def _scorer() -> ModuleType:
    path = shared_dir() / "tools" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(prepared: Prepared, settings: EventSettings) -> dict:
    events = extract_events(**prepared.stage_inputs(), settings=settings)
    return {
        "article": {"id": prepared.article.id, "text": prepared.article.text},
        "events": [e.model_dump(mode="json") for e in events],
    }


def _score(scorer: ModuleType, gold: list[dict], preds: dict[str, dict]) -> tuple[dict, dict]:
    """The scorer's summary, and per matched gold event (doc_id, event id) whether its type
    was right (read from the scorer's report: "missed ID" and "ID wrong FIELDS" lines)."""
    tally: defaultdict[str, int] = defaultdict(int)
    typed: dict[tuple[str, str], bool] = {}
    for record in gold:
        report: list[str] = []
        scorer.score_article(record, preds.get(record["doc_id"]), tally, report)
        missed = {m.group(1) for line in report if (m := _MISSED.match(line))}
        wrong = {m.group(1): m.group(2).split(",") for line in report if (m := _WRONG.match(line))}
        for event in record["events"]:
            if event.get("optional") or "types" not in event or event["id"] in missed:
                continue
            typed[record["doc_id"], event["id"]] = "type" not in wrong.get(event["id"], ())
    return scorer.summarise(tally), typed


def _shared_type_accuracy(prefix: str, typed: dict[str, dict]) -> dict[str, float]:
    """Type accuracy of each design on the gold events both designs match: the designs'
    own type accuracies are over different events (the trained one finds harder ones)."""
    shared = set.intersection(*(set(t) for t in typed.values()))
    out: dict[str, float] = {f"{prefix}.shared_events": len(shared)}
    for variant, outcome in typed.items():
        right = sum(outcome[key] for key in shared)
        out[f"{prefix}.{variant}.type_on_shared"] = round(right / len(shared), 4) if shared else 0.0
    return out


def _figures(prefix: str, summary: dict) -> dict[str, float]:
    out = {
        f"{prefix}.p": summary["p"],
        f"{prefix}.r": summary["r"],
        f"{prefix}.f1": summary["f1"],
        f"{prefix}.field_acc": summary["field_acc"],
    }
    out.update({f"{prefix}.{name}": value for name, value in summary["fields"].items()})
    return out


def _cross_validated_settings(
    items: list[training.Labelled], prepared_by_id: dict[str, Prepared], folder: Path
) -> dict[str, EventSettings]:
    """Per benchmark doc_id, settings pointing to a model trained without its fold."""
    known = [p for i in items if (p := prepared_by_id.get(i.doc_id)) is not None]
    others = [i for i in items if i.doc_id not in prepared_by_id]
    examples = training.build_examples(
        [i for i in items if i.doc_id in prepared_by_id], known
    ) + training.build_examples(others)
    assignment, models = training.cross_validated_models(examples)
    paths = []
    for k, model in enumerate(models):
        path = folder / f"fold{k}.npz"
        save_model(path, model)
        paths.append(path)
    return {doc_id: EventSettings(model=str(paths[k])) for doc_id, k in assignment.items()}


def _coverage(split: str, limit: int | None) -> dict[str, float]:
    docs = [
        d
        for d in read_jsonl(corpus_file("ecbplus", split))
        if split == "test" or d["split"] == "dev"
    ]
    docs = docs[:limit]
    prepared = prepare([{"id": d["doc_id"], "text": d["text"]} for d in docs], skip_failures=True)
    out: dict[str, float] = {f"ecbplus_{split}.failed_documents": prepared.count(None)}
    for variant in VARIANTS:
        found = total = 0
        for doc, prep in zip(docs, prepared, strict=True):
            if prep is None:
                # An earlier stage failed on it (reported above): its mentions are not counted.
                continue
            events = extract_events(**prep.stage_inputs(), settings=EventSettings(variant=variant))
            triggers = [e.trigger_span for e in events]
            for m in doc["mentions"]:
                if m["kind"] != "event" or not m["in_validated_sentence"] or m["type"] in REPORTING:
                    continue
                total += 1
                found += any(s < m["end"] and m["start"] < e for s, e in triggers)
        out[f"ecbplus_{split}.coverage.{variant}"] = round(found / total, 4) if total else 0.0
        out[f"ecbplus_{split}.mentions"] = total
    return out


def main() -> None:
    args = arg_parser(__doc__.splitlines()[0]).parse_args()
    started = time.perf_counter()
    figures: dict[str, float | str] = {}
    warnings.simplefilter("ignore")
    if args.split == "test":
        figures["note"] = "events and plover test sets are held out: ECB+ test coverage only"
    else:
        scorer = _scorer()
        items = training.all_articles()
        gold_sets = {
            name: list(read_jsonl(corpus_file(name, "dev")))[: args.limit]
            for name in ("events", "plover")
        }
        prepared_by_id: dict[str, Prepared] = {}
        for name, gold in gold_sets.items():
            records = [
                {"id": g["doc_id"], "text": g["text"], "published": g["published"]} for g in gold
            ]
            for g, p in zip(gold, prepare(records), strict=True):
                prepared_by_id[f"{name}/{g['doc_id']}"] = p
        with tempfile.TemporaryDirectory() as tmp:
            fold_settings = _cross_validated_settings(items, prepared_by_id, Path(tmp))
            for name, gold in gold_sets.items():
                typed = {}
                for variant in VARIANTS:
                    preds = {}
                    for g in gold:
                        key = f"{name}/{g['doc_id']}"
                        settings = (
                            fold_settings[key]
                            if variant == "trained"
                            else EventSettings(variant="lexicon")
                        )
                        preds[g["doc_id"]] = _predict(prepared_by_id[key], settings)
                    summary, typed[variant] = _score(scorer, gold, preds)
                    figures.update(_figures(f"{name}_dev.{variant}", summary))
                figures.update(_shared_type_accuracy(f"{name}_dev", typed))
    figures.update(_coverage(args.split, args.limit))
    figures["seconds"] = round(time.perf_counter() - started, 1)
    emit(figures, f"Events ({args.split}): trained (cross-validated) vs lexicon", args.json)


if __name__ == "__main__":
    main()
