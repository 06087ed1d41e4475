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

from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.training._corpus import ecb_train_parsed, write_word_list

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
    human: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for rec, doc in ecb_train_parsed():
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
    write_word_list("data/events/party_nouns.txt", header, nouns)


if __name__ == "__main__":
    main()
