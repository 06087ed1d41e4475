"""Packaged general knowledge: every hand-written table, with its source, and one loader.

Stages read a table through ``load_table(kind)``, never by path. Each table's source and
licence are described beside it, in the ``SOURCES.md`` of its folder; ``TABLES`` names
that file for every kind. Not stable API.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Table:
    """One packaged table: its path under ``dateline/data`` and where its source is told."""

    path: str
    source: str


TABLES: dict[str, Table] = {
    # General knowledge shared by several stages: one table per kind, with a uses column
    # where the stages need different parts of it.
    "demonyms": Table("general/demonyms.tsv", "general/SOURCES.md"),
    "titles": Table("general/titles.tsv", "general/SOURCES.md"),
    "title_abbreviations": Table("general/title_abbreviations.tsv", "general/SOURCES.md"),
    "reporting_verbs": Table("general/reporting_verbs.tsv", "general/SOURCES.md"),
    "organisation_words": Table("general/organisation_words.tsv", "general/SOURCES.md"),
    "directive_verbs": Table("general/directive_verbs.tsv", "general/SOURCES.md"),
    # Tables of one stage.
    "role_modifiers": Table("entities/role_modifiers.txt", "entities/SOURCES.md"),
    "department_titles": Table("entities/department_titles.txt", "entities/SOURCES.md"),
    "organisation_patterns": Table("entities/orgs.json", "entities/SOURCES.md"),
    "countries": Table("entities/countries.json", "entities/SOURCES.md"),
    "speech_words": Table("quotes/speech.json", "quotes/SOURCES.md"),
    "modality": Table("claims/modality.toml", "claims/SOURCES.md"),
    "event_verbs": Table("events/verbs.tsv", "events/SOURCES.md"),
    "event_nouns_by_role": Table("events/nouns.tsv", "events/SOURCES.md"),
    "party_nouns": Table("events/party_nouns.txt", "events/SOURCES.md"),
    "thing_nouns": Table("events/thing_nouns.txt", "events/SOURCES.md"),
    "event_function_words": Table("events/function_words.tsv", "events/SOURCES.md"),
    "event_aspectual_particles": Table("events/aspectual_particles.tsv", "events/SOURCES.md"),
}


def load_table(kind: str) -> str:
    """The text of the packaged table ``kind`` (a key of ``TABLES``).

    Raises:
        KeyError: ``kind`` is not a packaged table; the message lists the valid kinds.
    """
    table = TABLES.get(kind)
    if table is None:
        raise KeyError(f"no packaged table {kind!r}; tables: {', '.join(sorted(TABLES))}")
    return resources.files("dateline").joinpath("data", table.path).read_text(encoding="utf-8")


def load_rows(kind: str) -> list[tuple[str, ...]]:
    """The tab-separated rows of the packaged table ``kind``, comments and blank lines left out.

    Raises:
        KeyError: ``kind`` is not a packaged table; the message lists the valid kinds.
    """
    return [
        tuple(cell.strip() for cell in line.split("\t"))
        for line in load_table(kind).splitlines()
        if line.strip() and not line.startswith("#")
    ]


@functools.cache
def load_words(kind: str, use: str) -> frozenset[str]:
    """The words of the word table ``kind`` (rows: word, comma-separated uses) listed for ``use``.

    Raises:
        KeyError: ``kind`` is not a packaged table, or no row of it lists ``use``.
    """
    words = frozenset(row[0] for row in load_rows(kind) if use in row[1].split(","))
    if not words:
        raise KeyError(f"table {kind!r} lists no word for the use {use!r}")
    return words
