"""Toponym detection's one owner: is this name a known populated place? (not stable API).

The entities stage (retyping a "person" or an "organisation" as a place), the parse
(joining "X-Y" around a country's name) and the places stage (accepting a name nobody
tagged) ask here, with the one set of thresholds of ``[toponyms]``
(``dateline.config.ToponymSettings``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.config import ToponymSettings
from dateline.stages._gazetteer import load_gazetteer, name_key

_AREAS = ("region", "district", "country")


@dataclass(frozen=True)
class KnownPlaces:
    """The test "is this name a known populated place?" under one set of thresholds."""

    settings: ToponymSettings = field(default_factory=ToponymSettings)

    def __call__(self, name: str, fuzzy: bool = False) -> bool:
        """Whether ``name`` is a region, district or country, or a city of at least
        ``known_place_population`` people under its main name, in the places gazetteer.

        With ``fuzzy`` (a name listed next to a place), an alternate name or a
        transliteration variant of such a city will do.
        """
        gaz = load_gazetteer()
        key = name_key(name)
        floor = self.settings.known_place_population
        for idx in gaz.lookup_fuzzy(key) if fuzzy else gaz.lookup(key):
            entry = gaz.entries[idx]
            if entry.kind in _AREAS:
                return True
            # A city only under its main name, unless listed next to a place: alternate
            # and historical names of small towns match too many personal names.
            if (
                entry.kind == "city"
                and entry.population >= floor
                and (fuzzy or gaz.is_primary(key, idx))
            ):
                return True
        return False

    def joined_name(self, population: int) -> bool:
        """A joined name whole in the gazetteer ("Viana do Castelo") of this size is a place."""
        return population >= self.settings.joined_name_population

    def lone_name(self, population: int) -> bool:
        """A name nobody tagged as a place, uncued, of this size is a place."""
        return population >= self.settings.lone_name_population


# The test under the packaged thresholds, for callers without settings (hand-built Docs,
# unit tests of one pass).
DEFAULT_KNOWN_PLACES = KnownPlaces()
