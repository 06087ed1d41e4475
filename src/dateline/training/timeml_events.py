"""Train the event-mention filter of entity timelines and write it, with its model card.

usage: python -m dateline.training.timeml_events [--output DIR] [--no-card]

The filter says whether a verb or noun is an event mention in the TimeML sense (an
occurrence, a report, a state, an aspectual or perception verb), the convention the
SemEval-2015 TimeLine gold follows. The TimeML EVENT annotations themselves (TimeBank,
AQUAINT) are not in the shared data folder: its TempEval-3 copy keeps the temporal
expressions only. The training data is therefore the ECB+ corpus
(``../shared/data/ecbplus/dev.jsonl``), whose action mentions follow classes taken from
TimeML (ACTION_OCCURRENCE, ACTION_REPORTING, ACTION_STATE, ACTION_ASPECTUAL,
ACTION_PERCEPTION, ACTION_CAUSATIVE, ACTION_GENERIC and their negated forms) and are
annotated in every validated sentence:

- examples: every verb and noun of a validated sentence (as spaCy parses it); an event
  when an action mention covers it, else not;
- held-out figures: fitted on the standard train topics, scored on the standard dev
  topics; the shipped model is then fitted on both. The ECB+ test topics are never read.

The model is a binary logistic regression (scikit-learn, fixed seed) over the string
features of ``dateline.entity_timeline.event_features``; only its weights are shipped, as
a NumPy archive that ``dateline.entity_timeline.event_probabilities`` reads with NumPy.
"""

from __future__ import annotations

import argparse
import datetime
import json
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy
from scipy import sparse as sp

from dateline.entity_timeline import EVENT_FILTER_FILE, IS_EVENT, event_features, event_nouns
from dateline.stages._event_model import EventModel, save_model
from dateline.training._corpus import shared_dir

NOT_EVENT = "NONE"
SEED = 0
C = 0.5
MAX_ITER = 2000
CANDIDATE_POS = frozenset({"VERB", "NOUN"})
CARD_FILE = "MODEL_CARD.md"


@dataclass
class Examples:
    """Featurised tokens with their labels, and the lemmas (for the card's error table)."""

    features: list[list[str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)


def ecbplus_documents(split: str) -> list[dict]:
    """The ECB+ documents of one standard split ("train" or "dev") of ``dev.jsonl``."""
    path = shared_dir() / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        raise SystemExit(f"training data not found: {path} (set DATELINE_SHARED)")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [row for row in rows if row["split"] == split]


def validated_sentences(document: dict) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """(start offset, text, event mention spans relative to it) per validated sentence."""
    lines = document["text"].split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    events = [m for m in document["mentions"] if m["kind"] == "event"]
    found = []
    for index in document["validated_sentences"]:
        start = starts[index]
        spans = [(m["start"] - start, m["end"] - start) for m in events if m["sentence"] == index]
        found.append((start, lines[index], spans))
    return found


def build_examples(documents: list[dict]) -> Examples:
    """Parse the validated sentences and featurise their verbs and nouns."""
    from dateline.stages.parse import load_model as load_parser

    nlp = load_parser()
    nouns = event_nouns()
    sentences = [s for d in documents for s in validated_sentences(d)]
    examples = Examples()
    for (_, _, spans), doc in zip(
        sentences, nlp.pipe(text for _, text, _ in sentences), strict=True
    ):
        for token in doc:
            if token.pos_ not in CANDIDATE_POS:
                continue
            covered = any(s <= token.idx < e for s, e in spans)
            examples.features.append(event_features(token, nouns))
            examples.labels.append(IS_EVENT if covered else NOT_EVENT)
            examples.lemmas.append(f"{token.lemma_.lower()}/{token.pos_}")
    return examples


def fit(examples: Examples, c: float = C) -> EventModel:
    """Fit the logistic regression (fixed seed, one BLAS thread)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for feats in examples.features:
        # first-seen order, never set order: the column order must not vary between runs
        for f in dict.fromkeys(feats):
            indices.append(vocabulary.setdefault(f, len(vocabulary)))
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (numpy.ones(len(indices), dtype="float32"), indices, indptr),
        shape=(len(examples.features), len(vocabulary)),
    )
    classifier = LogisticRegression(C=c, max_iter=MAX_ITER, random_state=SEED)
    with threadpool_limits(limits=1):
        classifier.fit(matrix, examples.labels)
    # binary: one weight column for the second class; written as two columns (softmax of
    # [0, w] is the logistic of w) so the multinomial scorer reads it unchanged
    weights = numpy.zeros((len(vocabulary), 2), dtype="float32")
    weights[:, 1] = classifier.coef_[0]
    intercept = numpy.asarray([0.0, classifier.intercept_[0]], dtype="float32")
    return EventModel(
        vocabulary=vocabulary,
        labels=tuple(str(label) for label in classifier.classes_),
        weights=weights,
        intercept=intercept,
    )


def evaluate(model: EventModel, examples: Examples, threshold: float = 0.5) -> dict[str, float]:
    """Token-level precision, recall and F1 of the EVENT label, and accuracy."""
    column = model.labels.index(IS_EVENT)
    predicted = model.probabilities(examples.features)[:, column] >= threshold
    gold = numpy.asarray([label == IS_EVENT for label in examples.labels])
    tp = int((predicted & gold).sum())
    precision = tp / int(predicted.sum()) if predicted.any() else 0.0
    recall = tp / int(gold.sum()) if gold.any() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "examples": len(gold),
        "events": int(gold.sum()),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round(float((predicted == gold).mean()), 4),
        "majority_accuracy": round(max(float(gold.mean()), 1 - float(gold.mean())), 4),
    }


def lemma_probabilities(model: EventModel, examples: Examples, lemmas: list[str]) -> dict:
    """Mean filter probability of a few lemmas on the held-out examples (for the card)."""
    column = model.labels.index(IS_EVENT)
    table = model.probabilities(examples.features)[:, column]
    found = {}
    for lemma in lemmas:
        rows = [i for i, name in enumerate(examples.lemmas) if name == lemma]
        if rows:
            found[lemma] = (len(rows), round(float(table[rows].mean()), 3))
    return found


def write_card(path: Path, held_out: dict, sizes: dict, lemmas: dict, trained: str) -> None:
    """The model card: data, method, held-out figures, use and limits."""
    lemma_rows = "\n".join(
        f"| {name} | {count} | {probability:.3f} |" for name, (count, probability) in lemmas.items()
    )
    path.write_text(
        f"""# Event-mention filter of entity timelines

Written by `python -m dateline.training.timeml_events` on {trained}.

**What it does.** For a verb or noun of a parsed sentence, the probability that it is an
event mention in the TimeML sense (occurrence, report, state, aspectual, perception).
`dateline.entity_timeline.find_event_words` stores it on every candidate word
(`EventWord.event_probability`), and `build_entity_timeline` can leave out the words below
a threshold (`min_event_probability`).

**Model.** Binary logistic regression (scikit-learn, C={C}, seed {SEED}) over the string
features of `dateline.entity_timeline.event_features`: lemma, part of speech and tag,
dependency label, the head's part of speech, the last three letters, whether the lemma is
on the packaged event-noun list, support verbs (*have, make, take, give*...) and whether
their object is an event noun, negation, modality and condition, tense and aspect, the
subject's kind, and for nouns plurality, determiner, suffix and governing verb. Weights
only, read with NumPy at run time ({sizes["features"]} features).

**Data.** ECB+ (Cybulska and Vossen, LREC 2014; annotation CC BY 3.0 by Agata Cybulska,
Piek Vossen and VU University Amsterdam), action mentions of its validated sentences,
whose classes follow TimeML. Every verb and noun in those sentences is an example: an
event when an action mention covers it. No text is shipped, only weights. TimeML's own
EVENT annotations (TimeBank, AQUAINT) were not available: the shared TempEval-3 copy keeps
only the temporal expressions.

| | documents | examples | events |
|---|---|---|---|
| train topics | {sizes["train_documents"]} | {sizes["train_examples"]} | {sizes["train_events"]} |
| dev topics | {sizes["dev_documents"]} | {sizes["dev_examples"]} | {sizes["dev_events"]} |

**Held-out figures** (fitted on the train topics, scored on the dev topics, threshold
0.5; the shipped model is then fitted on both; the ECB+ test topics are never read):

| precision | recall | F1 | accuracy | majority-class accuracy |
|---|---|---|---|---|
| {held_out["precision"]:.3f} | {held_out["recall"]:.3f} | {held_out["f1"]:.3f} | \
{held_out["accuracy"]:.3f} | {held_out["majority_accuracy"]:.3f} |

Mean probability of some lemmas on the dev topics (held out):

| lemma | tokens | mean probability |
|---|---|---|
{lemma_rows}

**Limits.** ECB+ counts nearly every verb of its validated sentences as an action, states
and reports included; the filter therefore separates verbs from non-events weakly and
mostly sorts nouns. Its sentences come from another set of news stories (disasters,
crimes, product launches) than the timelines it serves, and are tokenised with spaces
before punctuation, which the parser sees as written.
""",
        encoding="utf-8",
    )


CARD_LEMMAS = ["have/VERB", "make/VERB", "say/VERB", "include/VERB", "deal/NOUN", "company/NOUN"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="model folder (default: package)")
    parser.add_argument("--no-card", action="store_true", help="do not rewrite the model card")
    args = parser.parse_args()
    started = time.perf_counter()
    train_docs, dev_docs = ecbplus_documents("train"), ecbplus_documents("dev")
    train, dev = build_examples(train_docs), build_examples(dev_docs)
    held_model = fit(train)
    held_out = evaluate(held_model, dev)
    lemmas = lemma_probabilities(held_model, dev, CARD_LEMMAS)
    both = Examples(
        train.features + dev.features, train.labels + dev.labels, train.lemmas + dev.lemmas
    )
    model = fit(both)
    default = Path(str(resources.files("dateline").joinpath(EVENT_FILTER_FILE))).parent
    folder = args.output or default
    folder.mkdir(parents=True, exist_ok=True)
    save_model(folder / Path(EVENT_FILTER_FILE).name, model)
    sizes = {
        "features": len(model.vocabulary),
        "train_documents": len(train_docs),
        "train_examples": len(train.labels),
        "train_events": train.labels.count(IS_EVENT),
        "dev_documents": len(dev_docs),
        "dev_examples": len(dev.labels),
        "dev_events": dev.labels.count(IS_EVENT),
    }
    if not args.no_card:
        write_card(folder / CARD_FILE, held_out, sizes, lemmas, datetime.date.today().isoformat())
    print(json.dumps({"held_out": held_out, "sizes": sizes, "lemmas": lemmas}, sort_keys=True))
    print(f"written {folder} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
