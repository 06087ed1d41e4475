"""Build ``event_nouns.txt``: English nouns that name a happening, from WordNet 3.0.

usage: python -m dateline.data.build_event_nouns [WORDNET_DIR]

WORDNET_DIR holds WordNet's ``index.noun`` and ``data.noun`` (Debian package
``wordnet-base``: /usr/share/wordnet, the default). A noun lemma is listed when one of its
two most frequent senses belongs to the lexicographer files of acts, communications,
events or processes (noun.act, noun.communication, noun.event, noun.process): "deal",
"launch", "delivery", "lawsuit", "announcement". Multi-word lemmas keep WordNet's
underscore ("court_case"). The list is sorted, one lemma a line; run-time code only reads
it (``dateline.entity_timeline``).
"""

from __future__ import annotations

import sys
from pathlib import Path

# WordNet lexicographer file numbers (lexnames(5WN)).
EVENT_FILES = frozenset({4, 10, 11, 22})  # noun.act, noun.communication, noun.event, noun.process
SENSES_READ = 2
OUT = Path(__file__).parent / "timeline" / "event_nouns.txt"


def lexfile_of_synsets(data_noun: Path) -> dict[str, int]:
    """Synset offset -> lexicographer file number, from ``data.noun``."""
    files = {}
    with data_noun.open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):  # licence header
                continue
            fields = line.split(maxsplit=2)
            files[fields[0]] = int(fields[1])
    return files


def nouns_in_lexfiles(
    wordnet_dir: Path, lexfiles: frozenset[int], senses: int, single_words: bool = False
) -> list[str]:
    """Noun lemmas with a sense in ``lexfiles`` among their ``senses`` most frequent ones,
    sorted; with ``single_words``, lemmas of letters only."""
    files = lexfile_of_synsets(wordnet_dir / "data.noun")
    nouns = set()
    with (wordnet_dir / "index.noun").open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            fields = line.split()
            if single_words and not fields[0].isalpha():
                continue
            pointers = int(fields[3])
            offsets = fields[4 + pointers + 2 :]
            if any(files[o] in lexfiles for o in offsets[:senses]):
                nouns.add(fields[0])
    return sorted(nouns)


def event_nouns(wordnet_dir: Path) -> list[str]:
    """Noun lemmas with an event sense among their most frequent ones, sorted."""
    return nouns_in_lexfiles(wordnet_dir, EVENT_FILES, SENSES_READ)


def main(argv: list[str]) -> None:
    wordnet_dir = Path(argv[0]) if argv else Path("/usr/share/wordnet")
    nouns = event_nouns(wordnet_dir)
    OUT.write_text("\n".join(nouns) + "\n", encoding="utf-8")
    print(f"wrote {len(nouns)} nouns to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
