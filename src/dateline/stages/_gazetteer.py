"""The places gazetteer: loading, name keys and transliteration variants (not stable API).

The data file ``dateline/data/places/gazetteer.tsv.gz`` (built by
``python -m dateline.data.build_gazetteer``) is read once per process on first use
and shared by every article of a batch.
"""

from __future__ import annotations

import functools
import gzip
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

logger = logging.getLogger(__name__)

_APOSTROPHES = re.compile(r"['\u2019\u02bc\u02b9`\u00b4\u2018]")
_DROP = re.compile(r"[.]")
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013_/]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")
_SAINT = re.compile(r"\b(saint|st)\b")
_SAINTE = re.compile(r"\b(sainte|ste)\b")

# Romanisation alternations seen in English news for places of the former Soviet Union and
# beyond (Ukrainian vs Russian forms, BGN/PCGN vs older spellings). Each pair is tried in
# both directions on a name that is not in the gazetteer as written.
_VARIANT_PAIRS: tuple[tuple[str, str], ...] = (
    ("kh", "h"),
    ("iy", "y"),
    ("iy", "yi"),
    ("yi", "i"),
    ("ii", "iy"),
    ("yy", "y"),
    ("iev", "yiv"),
    ("ov", "iv"),
    ("ev", "iv"),
    ("zh", "z"),
    ("zh", "j"),
    ("ts", "c"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("ye", "ie"),
    ("ye", "e"),
    ("y", "i"),
    ("ss", "s"),
    ("ll", "l"),
    ("zhzh", "zh"),
    ("ia", "ye"),
    ("shch", "sch"),
    ("j", "y"),
    ("g", "h"),
    ("w", "v"),
)
_SUFFIX_PAIRS: tuple[tuple[str, str], ...] = (
    ("sk", "skiy"),
    ("sk", "skyi"),
    ("sk", "skyy"),
    ("sk", "ske"),
    ("skiy", "skyi"),
    ("skiy", "sky"),
    ("skaya", "ska"),
    ("skaya", "s'ka"),
    ("ye", "ia"),
    ("ye", "ya"),
    ("iya", "ia"),
    ("a", "e"),
)

FEATURES = {"country": "country", "continent": "continent", "region": "region",
            "district": "district", "city": "city"}


def name_key(text: str) -> str:
    """Normalised lookup key of a place name: case, accents, apostrophes, dots, hyphens.

    "Khar'kov" -> "kharkov", "U.S." -> "us", "Ivano-Frankivsk" -> "ivano frankivsk",
    "Saint Louis" and "St. Louis" -> "st louis".
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", _APOSTROPHES.sub("", text))
    text = _SEPARATORS.sub(" ", text)
    text = _NON_WORD.sub("", text).strip()
    text = _SAINTE.sub("ste", _SAINT.sub("st", text))
    return text


def variants(key: str, depth: int = 2) -> set[str]:
    """Transliteration variants of a name key (the key itself excluded).

    Applies each alternation of ``_VARIANT_PAIRS`` (all occurrences, both directions)
    and each ending swap of ``_SUFFIX_PAIRS``, up to ``depth`` rules deep:
    "kharkov" -> {"harkov", "kharkiv", "harkiv", ...}; "kiev" -> {"kyiv", ...}.
    """
    frontier = {key}
    seen = {key}
    for _ in range(depth):
        step: set[str] = set()
        for form in frontier:
            for a, b in _VARIANT_PAIRS:
                for x, y in ((a, b), (b, a)):
                    if x in form:
                        step.add(form.replace(x, y))
            for a, b in _SUFFIX_PAIRS:
                for x, y in ((a, b), (b, a)):
                    if form.endswith(x) and len(form) > len(x) + 2:
                        step.add(form[: -len(x)] + y)
        frontier = step - seen
        seen |= step
    seen.discard(key)
    return {v for v in seen if len(v) >= 3}


class Entry(NamedTuple):
    """One gazetteer row."""

    id: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    name: str


@dataclass
class Gazetteer:
    """All places, a name-key index and lookups by country and region code."""

    entries: list[Entry] = field(default_factory=list)
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)
    primary: set[tuple[str, int]] = field(default_factory=set)
    regions: dict[tuple[str, str], int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()

    def lookup(self, key: str) -> tuple[int, ...]:
        return self.index.get(key, ())

    def lookup_fuzzy(self, key: str) -> tuple[int, ...]:
        """Entries whose name matches the key or, failing that, one of its variants."""
        found = self.index.get(key)
        if found:
            return found
        hits: list[int] = []
        for form in sorted(variants(key)):
            hits.extend(self.index.get(form, ()))
        return tuple(dict.fromkeys(hits))

    def is_primary(self, key: str, idx: int) -> bool:
        return (key, idx) in self.primary

    def region_of(self, idx: int) -> int | None:
        entry = self.entries[idx]
        return self.regions.get((entry.country, entry.admin1))

    def country_of(self, code: str) -> int | None:
        return self.countries.get(code)


def _data_text(name: str) -> str:
    return resources.files("dateline").joinpath("data", "places", name).read_text("utf-8")


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read the packaged gazetteer once per process."""
    gaz = Gazetteer()
    index: dict[str, list[int]] = {}
    raw = resources.files("dateline").joinpath("data", "places", "gazetteer.tsv.gz").read_bytes()
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        pid, kind, cc, admin1, lat, lon, pop, name, keys = line.split("\t")
        idx = len(gaz.entries)
        gaz.entries.append(Entry(pid, kind, cc, admin1, float(lat), float(lon), int(pop), name))
        if kind == "region":
            gaz.regions[(cc, admin1)] = idx
        elif kind == "country":
            gaz.countries[cc] = idx
        elif kind == "continent":
            gaz.countries[f"cont:{admin1}"] = idx
        key_list = keys.split("|")
        if key_list[0]:
            gaz.primary.add((key_list[0], idx))
        for key in key_list:
            if key:
                index.setdefault(key, []).append(idx)
    gaz.index = {key: tuple(ids) for key, ids in index.items()}
    for line in _data_text("demonyms.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            code, *forms = line.split("\t")
            for form in forms:
                gaz.demonyms[name_key(form)] = code.strip()
    gaz.generic = frozenset(
        line.strip() for line in _data_text("generic_words.txt").splitlines()
        if line.strip() and not line.startswith("#"))
    gaz.media_words = frozenset(
        line.strip() for line in _data_text("media_words.txt").splitlines()
        if line.strip() and not line.startswith("#"))
    logger.info("gazetteer loaded: %d places, %d names", len(gaz.entries), len(gaz.index))
    return gaz


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
