"""Rebuild ``data/events/event_nouns.txt``, the event-noun list of the events candidates.

usage: python -m dateline.training.event_nouns

The list is the union of
(1) the lemmas of single-word noun event mentions (ECB+ ``ACTION_*`` / ``NEG_ACTION_*``
    tags) in the ECB+ *train* topics under ``../shared/data/ecbplus/dev.jsonl``, seen at
    least twice, as spaCy's tagger reads them in context; only lemmas are kept, never text;
(2) ``SEED_NOUNS``, a hand-written list of news event nouns (conflict, crime, disaster,
    politics) that must be candidates whatever a corpus holds.
The nouns of the trigger lexicon are added at run time.
"""

from __future__ import annotations

from collections import Counter

from dateline.training._corpus import ecb_train_parsed, write_word_list

MIN_COUNT = 2
SEED_NOUNS = """
abduction accident agreement airstrike ambush appeal arrest assassination assault attack
ballot battle beating blast blockade bombardment bombing boycott breach bushfire campaign
capture ceasefire charge clash collapse collision conviction coup crackdown crash curfew
cyclone deal death defeat demonstration deployment deportation derailment detention
disaster downpour drought election embargo eruption evacuation execution explosion
fighting fire firefight flood flooding gunfight hijacking hostage hurricane inauguration
incursion indictment injury invasion investigation kidnapping killing landslide launch
lockdown march massacre meeting merger mudslide murder negotiation offensive outbreak
protest quake raid rally rape rebellion referendum resignation rescue retreat riot robbery
sanction seizure shelling shooting siege stabbing storm strike summit takeover talk
tornado trial truce tsunami typhoon uprising veto victory violence visit vote walkout war
wildfire withdrawal
""".split()


def ecb_noun_lemmas() -> Counter[str]:
    """Lemma counts of single-word noun event mentions in the ECB+ train topics."""
    counts: Counter[str] = Counter()
    for rec, doc in ecb_train_parsed():
        starts = {tok.idx: tok for tok in doc}
        for mention in rec["mentions"]:
            if mention["kind"] != "event" or " " in mention["text"]:
                continue
            tok = starts.get(mention["start"])
            if tok is not None and tok.pos_ == "NOUN" and tok.is_alpha:
                counts[tok.lemma_.lower()] += 1
    return counts


def main() -> None:
    counts = ecb_noun_lemmas()
    nouns = sorted({w for w, n in counts.items() if n >= MIN_COUNT} | set(SEED_NOUNS))
    header = [
        "# Nouns that can name an event: candidates of the trained events classifier.",
        "# Built by `python -m dateline.training.event_nouns` (see its docstring): lemmas of",
        f"# noun event mentions in the ECB+ train topics seen at least {MIN_COUNT} times",
        "# (ECB+ annotation, CC BY 3.0, Cybulska & Vossen 2014), plus a hand-written seed list.",
    ]
    write_word_list("data/events/event_nouns.txt", header, nouns)


if __name__ == "__main__":
    main()
