"""Packaged general knowledge: every hand-written table, with its source, and one loader.

Stages read a table through ``load_table(kind)``, never by path. Each table's source and
licence are described beside it, in the ``SOURCES.md`` of its folder; ``TABLES`` names
that file for every kind. Not stable API.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Table:
    """One packaged table: its path under ``dateline/data`` and where its source is told."""

    path: str
    source: str


TABLES: dict[str, Table] = {
    "titles": Table("entities/titles.txt", "entities/SOURCES.md"),
    "role_modifiers": Table("entities/role_modifiers.txt", "entities/SOURCES.md"),
    "department_titles": Table("entities/department_titles.txt", "entities/SOURCES.md"),
    "organisation_words": Table("entities/orgs.json", "entities/SOURCES.md"),
    "countries": Table("entities/countries.json", "entities/SOURCES.md"),
    "speech_words": Table("quotes/speech.json", "quotes/SOURCES.md"),
    "modality": Table("claims/modality.toml", "claims/SOURCES.md"),
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
