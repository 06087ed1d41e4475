"""Cross-document event coreference on ECB+ with gold mentions (dateline's linker).

usage: python -m benchmarks.ecbplus --split dev|test [--json] [--scorer trained|rules]

Set-up (the standard one; see docs/linking.md): gold event mentions (``kind == "event"``)
in the validated sentences, clustered within each gold topic; ``--split dev`` reads the
train and dev topics of ``shared/data/ecbplus/dev.jsonl`` (figures for the dev topics
alone are printed beside them), ``--split test`` the test topics 36-45.

Each gold mention becomes an ``EventMention`` (``dateline.training.linking_ecbplus``) and
each topic is linked by ``dateline.linker.link_mentions``, the linker dateline itself runs.
The same-lemma baseline is computed here on the same mentions: mentions of one topic whose
head words share a spaCy lemma form one cluster.

Figures (fractions): MUC, B³, CEAF-e F1 and their CoNLL average, for the linker and for the
baseline (``lemma_*``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from benchmarks._common import arg_parser, corpus_file, emit, peak_rss_mb
from dateline.config import LinkingSettings, Settings
from dateline.linker import link_mentions
from dateline.stages.parse import model_for
from dateline.training.linking_ecbplus import (
    DEV,
    TEST,
    TRAIN,
    GoldMention,
    by_topic,
    gold_mentions,
    read_rows,
)
from dateline.training.linking_metrics import coref_scores


def link_topics(mentions: Sequence[GoldMention], settings: LinkingSettings) -> dict[str, str]:
    """Link each topic's mentions with dateline's linker; return mention id -> cluster."""
    predicted: dict[str, str] = {}
    for topic, members in by_topic(mentions).items():
        result = link_mentions([g.mention for g in members], settings=settings)
        for mention in result.mentions:
            predicted[mention.mention_id] = f"{topic}:{mention.cluster}"
    return predicted


def head_lemmas(mentions: Sequence[GoldMention]) -> dict[str, str]:
    """The spaCy lemma of each mention's syntactic head, parsed in its sentence."""
    nlp = model_for(Settings().parse)
    sentences = sorted({g.mention.text for g in mentions})
    docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64), strict=True))
    lemmas: dict[str, str] = {}
    for gold in mentions:
        doc = docs[gold.mention.text]
        start = gold.mention.text.find(gold.head_text)
        span = doc.char_span(start, start + len(gold.head_text), alignment_mode="expand")
        if start < 0 or span is None or len(span) == 0:
            lemmas[gold.mention.mention_id] = gold.head_text.lower()
        else:
            lemmas[gold.mention.mention_id] = span.root.lemma_.lower()
    return lemmas


def lemma_baseline(mentions: Sequence[GoldMention], lemmas: dict[str, str]) -> dict[str, str]:
    """Cluster mentions of one topic that share a head lemma."""
    return {g.mention.mention_id: f"{g.topic}:{lemmas[g.mention.mention_id]}" for g in mentions}


def _scores(
    mentions: Sequence[GoldMention], predicted: dict[str, str], prefix: str = ""
) -> dict[str, float]:
    key = {g.mention.mention_id: g.cluster for g in mentions}
    response = {g.mention.mention_id: predicted[g.mention.mention_id] for g in mentions}
    figures = coref_scores(key, response)
    return {
        f"{prefix}{name}": round(figures[name], 4)
        for name in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1")
    }


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--scorer", choices=("trained", "rules"), default="trained", help="pairwise scorer"
    )
    args = parser.parse_args()
    path = corpus_file("ecbplus", args.split)
    splits = (TRAIN, DEV) if args.split == "dev" else (TEST,)
    mentions = gold_mentions(read_rows(path), splits)
    if args.limit is not None:
        keep = set(list(by_topic(mentions))[: args.limit])
        mentions = [g for g in mentions if g.topic in keep]
    settings = LinkingSettings(scorer=args.scorer)
    started = time.perf_counter()
    predicted = link_topics(mentions, settings)
    link_seconds = time.perf_counter() - started
    baseline = lemma_baseline(mentions, head_lemmas(mentions))
    figures: dict[str, float | int | str] = {
        "split": args.split,
        "scorer": args.scorer,
        "topics": len(by_topic(mentions)),
        "mentions": len(mentions),
    }
    figures.update(_scores(mentions, predicted))
    figures.update(_scores(mentions, baseline, "lemma_"))
    if args.split == "dev":
        held_out = [g for g in mentions if g.split == DEV]
        if held_out:
            figures.update(_scores(held_out, predicted, "dev_topics_"))
            figures.update(_scores(held_out, baseline, "dev_topics_lemma_"))
    figures["link_seconds"] = round(link_seconds, 2)
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    emit(figures, f"ECB+ event coreference ({args.split}, gold mentions, gold topics)", args.json)


if __name__ == "__main__":
    main()
