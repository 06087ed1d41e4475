"""Train the inclusion scorer of entity timelines and write it, with its model card.

usage: python -m dateline.training.timeline_inclusion [--output DIR] [--no-card]
       [--threshold P ...]

The scorer decides which candidates of ``dateline.entity_timeline.timeline_candidates``
(event words whose participants hold a mention of the target entity) go on the entity's
timeline. Its training data is the dev split of SemEval-2015 TimeLine
(``../shared/data/timeline/``): every article goes through ``dateline.extract_many``; each
candidate of each dev target is an example, included when its word overlaps a mention of
the target's gold timeline. Only the raw texts, titles and dates of the articles and the
gold timelines of the dev split are read; the test split never is.

The dev split has two corpora about different stories (trial: Apple; corpus_1: Airbus and
Boeing). The figures are leave-one-corpus-out: fitted on one corpus, the timelines of the
other are built with the scorer and scored with the task's official metric (the corpus
folder's ``score_timeline.py``), beside the same timelines without the scorer. Only then
is the shipped model fitted on both corpora.

The model is a binary logistic regression (scikit-learn, fixed seed) over the string
features of ``dateline.entity_timeline.inclusion_features``, shipped as a NumPy archive.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import ModuleType

from dateline.entity_timeline import (
    INCLUDED,
    INCLUSION_FILE,
    MIN_INCLUSION,
    Anaphor,
    EntityTimelineRow,
    EventWord,
    TimelineCandidate,
    build_entity_timeline,
    extract_timeline_inputs,
    inclusion_features,
    timeline_candidates,
)
from dateline.records import Article, Extraction
from dateline.stages._event_model import EventModel, save_model
from dateline.training import timeml_events
from dateline.training._corpus import shared_dir

LEFT_OUT = "NONE"
CARD_FILE = "MODEL_CARD.md"
C = 0.5
THRESHOLDS = (0.2, 0.3, 0.4, 0.5)
# Whether the words sharing a sentence with the entity without holding it are candidates.
SENTENCE_MATES = False


@dataclass
class DevSplit:
    """The dev articles run through the pipeline, their event words, pronouns and targets."""

    corpus_of: dict[str, str]
    extractions: list[Extraction]
    words: list[EventWord]
    anaphors: list[Anaphor]
    targets: list[dict]
    gold: dict[tuple[str, str], dict] = field(default_factory=dict)

    def corpus(self, name: str) -> tuple[list[Extraction], list[EventWord], list[Anaphor]]:
        """The articles, words and anaphors of one corpus."""
        ids = {a for a, c in self.corpus_of.items() if c == name}
        return (
            [x for x in self.extractions if x.article.id in ids],
            [w for w in self.words if w.article_id in ids],
            [a for a in self.anaphors if a.article_id in ids],
        )


def timeline_folder() -> Path:
    """The TimeLine corpus folder under the shared data folder."""
    folder = shared_dir() / "data" / "timeline"
    if not (folder / "docs.jsonl").is_file():
        raise SystemExit(f"training data not found: {folder} (set DATELINE_SHARED)")
    return folder


def load_scorer(folder: Path) -> ModuleType:
    """Import the official metric's script from the corpus folder."""
    spec = importlib.util.spec_from_file_location("score_timeline", folder / "score_timeline.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found in {folder}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_dev(folder: Path, scorer: ModuleType) -> DevSplit:
    """Run the dev articles through the pipeline and list their words and pronouns."""
    rows = [r for r in _read_jsonl(folder / "docs.jsonl") if r["split"] == "dev"]
    articles = [
        Article(
            id=r["doc_id"],
            title=r["title"],
            text=r["text"],
            published=r["published"],
            outlet="Wikinews",
        )
        for r in rows
    ]
    extractions, words, anaphors = extract_timeline_inputs(articles)
    gold = {(g["corpus"], g["target"]): g for g in scorer.load_gold(str(folder), "dev")}
    return DevSplit(
        corpus_of={r["doc_id"]: r["corpus"] for r in rows},
        extractions=extractions,
        words=words,
        anaphors=anaphors,
        targets=[t for t in _read_jsonl(folder / "targets.jsonl") if t["split"] == "dev"],
        gold=gold,
    )


def examples_of(split: DevSplit, corpus: str) -> timeml_events.Examples:
    """Every candidate of every target of one corpus, labelled by the gold timeline."""
    extractions, words, anaphors = split.corpus(corpus)
    by_article = {x.article.id: x for x in extractions}
    examples = timeml_events.Examples()
    for target in split.targets:
        if target["corpus"] != corpus:
            continue
        gold_spans = defaultdict(list)
        for row in split.gold[(corpus, target["target"])]["rows"]:
            for m in row["mentions"]:
                gold_spans[m["doc_id"]].append((m["start"], m["end"]))
        for candidate in timeline_candidates(
            extractions, words, target["target"], anaphors=anaphors, sentence_mates=SENTENCE_MATES
        ):
            examples.features.append(
                inclusion_features(candidate, by_article[candidate.word.article_id])
            )
            examples.labels.append(INCLUDED if _in_gold(candidate, gold_spans) else LEFT_OUT)
            examples.lemmas.append(candidate.word.lemma)
    return examples


def _in_gold(candidate: TimelineCandidate, gold_spans: dict[str, list[tuple[int, int]]]) -> bool:
    start, end = candidate.word.span
    return any(s < end and start < e for s, e in gold_spans[candidate.word.article_id])


def corpus_f1(
    split: DevSplit,
    scorer: ModuleType,
    folder: Path,
    corpus: str,
    model: EventModel | None,
    threshold: float,
) -> dict[str, float]:
    """Official P/R/F1 of one corpus's timelines built with the scorer at ``threshold``
    (without it when ``model`` is None)."""
    extractions, words, anaphors = split.corpus(corpus)
    timelines = []
    for target in split.targets:
        if target["corpus"] != corpus:
            continue
        rows = build_entity_timeline(
            extractions,
            words,
            target["target"],
            anaphors=anaphors,
            inclusion=model,
            min_inclusion=threshold if model is not None else 0.0,
            sentence_mates=SENTENCE_MATES and model is not None,
        )
        timelines.append(
            {"target": target["target"], "corpus": corpus, "rows": [_row(r) for r in rows]}
        )
    gold = [g for g in scorer.load_gold(str(folder), "dev") if g["corpus"] == corpus]
    result = scorer.evaluate(gold, timelines, scorer.Docs(str(folder / "docs.jsonl")))
    overall = result["summary"]["all"]
    return {k: round(overall[k], 4) for k in ("p", "r", "f1")}


def _row(row: EntityTimelineRow) -> dict:
    return {
        "position": row.position,
        "date": row.date or "XXXX-XX-XX",
        "mentions": [
            {"doc_id": m.article_id, "start": m.span[0], "end": m.span[1]} for m in row.mentions
        ],
    }


def fit(examples: timeml_events.Examples) -> EventModel:
    """Fit the binary logistic regression (the event filter's fitting, same seed)."""
    return timeml_events.fit(examples, c=C)


def folds(
    split: DevSplit, scorer: ModuleType, folder: Path, thresholds: tuple[float, ...]
) -> dict[str, dict]:
    """Leave-one-corpus-out: fit on one dev corpus, score the other's timelines."""
    corpora = sorted({t["corpus"] for t in split.targets})
    examples = {c: examples_of(split, c) for c in corpora}
    found: dict[str, dict] = {}
    for held in corpora:
        train = timeml_events.Examples()
        for other in corpora:
            if other != held:
                train.features += examples[other].features
                train.labels += examples[other].labels
        model = fit(train)
        found[held] = {
            "without": corpus_f1(split, scorer, folder, held, None, 0.0),
            **{
                f"threshold {t}": corpus_f1(split, scorer, folder, held, model, t)
                for t in thresholds
            },
            "examples": len(examples[held].labels),
            "included": examples[held].labels.count(INCLUDED),
        }
    return found


def write_card(path: Path, fold_figures: dict, sizes: dict, trained: str) -> None:
    """The model card: data, method, leave-one-corpus-out figures, use and limits."""
    lines = []
    for held, figures in fold_figures.items():
        for name, value in figures.items():
            if isinstance(value, dict):
                lines.append(
                    f"| {held} | {name} | {value['p']:.3f} | {value['r']:.3f} | {value['f1']:.3f} |"
                )
    table = "\n".join(lines)
    path.write_text(
        f"""# Inclusion scorer of entity timelines

Written by `python -m dateline.training.timeline_inclusion` on {trained}.

**What it does.** For an event word whose participants hold a mention of the target
entity (`dateline.entity_timeline.timeline_candidates`), the probability that the word is
on the entity's timeline. `build_entity_timeline` leaves out the candidates below
`min_inclusion` (default {MIN_INCLUSION}; 0 keeps every candidate).

**Model.** Binary logistic regression (scikit-learn, C={C}, seed {timeml_events.SEED})
over the string features of `dateline.entity_timeline.inclusion_features`: the entity's
role (subject, object, oblique, possessor, modifier) and whether it is named by a pronoun,
the word's part of speech, tense, event-filter probability and support-verb status, the
source and precision of its date, its distance from the mention and the place of its
sentence in the article. No lemma is a feature: the scorer must carry to other stories.
{sizes["features"]} features, weights only, read with NumPy at run time.

**Data.** SemEval-2015 Task 4 TimeLine, dev split (trial: Apple, 6 targets; corpus_1:
Airbus and Boeing, 13 targets): {sizes["examples"]} candidates of the dev targets, of which
{sizes["included"]} overlap a mention of their target's gold timeline. No text is shipped.
The test split is never read.

**Leave-one-corpus-out figures** (official metric, micro over the held-out corpus's
targets; fitted on the other corpus):

| held-out corpus | timelines | P | R | F1 |
|---|---|---|---|---|
{table}

**Limits.** Two corpora, two stories: what a fold shows is weak evidence of what holds on
a third. The labels mark candidates that overlap a gold mention, whatever their date, so
the scorer learns involvement, not dating.
""",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="model folder (default: package)")
    parser.add_argument("--no-card", action="store_true", help="do not rewrite the model card")
    parser.add_argument(
        "--threshold", type=float, action="append", help="thresholds to report (repeatable)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    folder = timeline_folder()
    scorer = load_scorer(folder)
    split = read_dev(folder, scorer)
    thresholds = tuple(args.threshold) if args.threshold else THRESHOLDS
    fold_figures = folds(split, scorer, folder, thresholds)
    everything = timeml_events.Examples()
    for corpus in sorted({t["corpus"] for t in split.targets}):
        part = examples_of(split, corpus)
        everything.features += part.features
        everything.labels += part.labels
    model = fit(everything)
    default = Path(str(resources.files("dateline").joinpath(INCLUSION_FILE))).parent
    out = args.output or default
    out.mkdir(parents=True, exist_ok=True)
    save_model(out / Path(INCLUSION_FILE).name, model)
    sizes = {
        "features": len(model.vocabulary),
        "examples": len(everything.labels),
        "included": everything.labels.count(INCLUDED),
    }
    if not args.no_card:
        write_card(out / CARD_FILE, fold_figures, sizes, datetime.date.today().isoformat())
    print(json.dumps({"folds": fold_figures, "sizes": sizes}, sort_keys=True))
    print(f"written {out} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
