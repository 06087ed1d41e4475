"""Entities benchmark: how many named speakers the entities stage covers (PolNeAR quotes).

PolNeAR annotates the source of every attribution. The speaker mentions that are proper
names (every word capitalised apart from "of/the/and/for", not a pronoun, at least one
word tagged PROPN by the parser: "The New York Post", "Hillary Clinton") should each be
covered by a mention of some extracted entity (of type PERSON or ORG for the typed
figure). We report that coverage with the NER corrections on and off, so that their
effect is measured, plus how many mentions and entities each variant produces
(corrections must not buy coverage by tagging everything) and the stage's time next to
the spaCy parse.

    python -m benchmarks.entities --split dev [--json] [--limit N]
"""

from __future__ import annotations

import re
import time

from benchmarks._common import arg_parser, corpus_file, emit, peak_rss_mb, read_jsonl
from dateline.config import EntitySettings, ParseSettings
from dateline.records import Article
from dateline.stages import entities
from dateline.stages.parse import model_for

_MINOR = {"of", "the", "and", "for", "on", "in", "at", "de", "von", "van", "al", "bin"}
_PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "who",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "our",
    "some",
    "many",
    "others",
    "one",
}


def is_proper_name(text: str) -> bool:
    """A speaker mention written as a proper name."""
    words = re.findall(r"[A-Za-z][\w'.-]*", text)
    if not words or words[0].lower() in _PRONOUNS:
        return False
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return False
    return all(w[0].isupper() or w.lower() in _MINOR for w in words) and words[0][0].isupper()


def main() -> None:
    args = arg_parser(__doc__.splitlines()[0]).parse_args()
    nlp = model_for(ParseSettings())
    settings = EntitySettings()
    variants = {"before": False, "after": True}
    covered = dict.fromkeys(variants, 0)
    covered_typed = dict.fromkeys(variants, 0)
    n_mentions = dict.fromkeys(variants, 0)
    n_entities = dict.fromkeys(variants, 0)
    stage_seconds = 0.0
    parse_seconds = 0.0
    gold = 0
    docs = 0
    for doc_row in read_jsonl(corpus_file("quotes", args.split)):
        if args.limit is not None and docs >= args.limit:
            break
        docs += 1
        text = doc_row["text"]
        article = Article(text=text)
        t0 = time.perf_counter()
        doc = nlp(text)
        parse_seconds += time.perf_counter() - t0
        speakers = []
        for quote in doc_row["quotes"]:
            for start, end in quote.get("speaker_spans") or []:
                span = doc.char_span(start, end, alignment_mode="expand")
                # A proper name: capitalised words, and at least one tagged as a proper
                # noun (drops sentence-initial "Protesters", "Polls").
                if (
                    is_proper_name(text[start:end])
                    and span is not None
                    and any(t.pos_ == "PROPN" for t in span)
                ):
                    speakers.append((start, end))
        speakers = sorted(set(speakers))
        gold += len(speakers)
        for variant, corrections in variants.items():
            t0 = time.perf_counter()
            found = entities._extract(article, doc, settings, corrections=corrections)
            if corrections:
                stage_seconds += time.perf_counter() - t0
            n_entities[variant] += len(found)
            spans = [(s, e, ent.type) for ent in found for s, e in ent.mentions]
            n_mentions[variant] += len(spans)
            for start, end in speakers:
                hits = [typ for s, e, typ in spans if s < end and start < e]
                covered[variant] += bool(hits)
                covered_typed[variant] += any(t in ("PERSON", "ORG") for t in hits)
    figures = {
        "docs": docs,
        "named_speaker_mentions": gold,
        "coverage_before": covered["before"] / gold if gold else 0.0,
        "coverage_after": covered["after"] / gold if gold else 0.0,
        "person_org_coverage_before": covered_typed["before"] / gold if gold else 0.0,
        "person_org_coverage_after": covered_typed["after"] / gold if gold else 0.0,
        "entity_mentions_before": n_mentions["before"],
        "entity_mentions_after": n_mentions["after"],
        "entities_before": n_entities["before"],
        "entities_after": n_entities["after"],
        "stage_time_vs_parse": stage_seconds / parse_seconds if parse_seconds else 0.0,
        "peak_rss_mb": peak_rss_mb(),
    }
    emit(figures, f"entities on PolNeAR {args.split}: named speaker coverage", args.json)


if __name__ == "__main__":
    main()
