"""Build ``events/thing_nouns.txt``: English nouns that name a physical thing, from WordNet 3.0.

usage: python -m dateline.data.build_thing_nouns [WORDNET_DIR]

WORDNET_DIR holds WordNet's ``index.noun`` and ``data.noun`` (Debian package
``wordnet-base``: /usr/share/wordnet, the default). A single-word noun is listed when one
of its two most frequent senses belongs to the lexicographer files of artifacts, natural
objects or substances (noun.artifact, noun.object, noun.substance): "tank", "bus",
"pipeline", "roof". The events stage reads it to tell a thing that an explosion, a collapse
or a crash befell from a party that acted ("the tank exploded" against "the rebels
struck"). The list is sorted, one lemma a line; run-time code only reads it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.data.build_event_nouns import nouns_in_lexfiles

# WordNet lexicographer file numbers (lexnames(5WN)).
THING_FILES = frozenset({6, 17, 27})  # noun.artifact, noun.object, noun.substance
SENSES_READ = 2
OUT = Path(__file__).parent / "events" / "thing_nouns.txt"
HEADER = (
    "# Nouns that name a physical thing: one of their two most frequent WordNet 3.0 senses is\n"
    "# an artifact, a natural object or a substance. Built by\n"
    "# `python -m dateline.data.build_thing_nouns` (WordNet licence: see SOURCES.md).\n"
)


def main(argv: list[str]) -> None:
    wordnet_dir = Path(argv[0]) if argv else Path("/usr/share/wordnet")
    nouns = nouns_in_lexfiles(wordnet_dir, THING_FILES, SENSES_READ, single_words=True)
    OUT.write_text(HEADER + "\n".join(nouns) + "\n", encoding="utf-8")
    print(f"wrote {len(nouns)} nouns to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
