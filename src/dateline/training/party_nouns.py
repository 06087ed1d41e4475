"""Rebuild ``data/events/party_nouns.txt``, the common nouns that name a party.

usage: python -m dateline.training.party_nouns

The events stage asks whether an argument names a party (who an event is done by, to or
with) or a thing ("mailed letters to officials": the officials, not the letters). The list
is the union of
(1) the lemmas of the lower-case common-noun heads of ECB+ human-participant mentions
    (``HUMAN_PART_*`` tags) in the ECB+ *train* topics under
    ``../shared/data/ecbplus/dev.jsonl``, seen at least ``MIN_COUNT`` times and more often
    as a human participant's head than as any other mention's; only lemmas are kept;
(2) ``SEED_NOUNS``, a hand-written list of news party nouns that must be parties whatever a
    corpus holds.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.config import load_settings
from dateline.pipeline import parse_batch
from dateline.training._corpus import shared_dir

MIN_COUNT = 3
SEED_NOUNS = """
activist army authority child citizen civilian crowd demonstrator diplomat envoy farmer
fighter force government group insurgent journalist lawmaker leader legislator man migrant
militant militia miner navy officer official opposition people pirate police prisoner
protester rebel refugee resident settler soldier striker student troop union voter woman
worker
""".split()


def participant_heads() -> tuple[Counter[str], Counter[str]]:
    """Head-lemma counts of human-participant mentions and of all other entity mentions in
    the ECB+ train topics."""
    path = shared_dir() / "data" / "ecbplus" / "dev.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    docs = [d for d in docs if d["split"] == "train"]
    human: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for rec, doc in zip(docs, parse_batch([d["text"] for d in docs], load_settings()), strict=True):
        for mention in rec["mentions"]:
            if mention["kind"] != "entity":
                continue
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            if head.pos_ != "NOUN" or not head.is_alpha or not head.text.islower():
                # Capitalised heads are mostly names read as nouns ("the Colts").
                continue
            counts = human if mention["type"].startswith("HUMAN_PART") else other
            counts[head.lemma_.lower()] += 1
    return human, other


def main() -> None:
    human, other = participant_heads()
    derived = {
        w
        for w, n in human.items()
        if n >= MIN_COUNT and n > other[w] and w not in STOP_WORDS and len(w) > 2
    }
    nouns = sorted(derived | set(SEED_NOUNS))
    header = [
        "# Common nouns that name a party (a person, group or institution), one lemma per line.",
        "# Built by `python -m dateline.training.party_nouns` (see its docstring): heads of",
        f"# human-participant mentions in the ECB+ train topics seen at least {MIN_COUNT} times",
        "# (ECB+ annotation, CC BY 3.0, Cybulska & Vossen 2014), plus a hand-written seed list.",
    ]
    out = Path(str(resources.files("dateline").joinpath("data/events/party_nouns.txt")))
    out.write_text("\n".join(header + nouns) + "\n", encoding="utf-8")
    print(f"{len(nouns)} nouns written to {out}")


if __name__ == "__main__":
    main()
