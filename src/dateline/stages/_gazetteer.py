"""The places gazetteer: loading, name keys and transliteration variants (not stable API).

The data file ``dateline/data/places/gazetteer.npz`` (built by
``python -m dateline.data.build_gazetteer``) holds the places column-wise as numpy
arrays: UTF-8 string blobs with offsets, coded kinds, countries and region codes, and
a name index of keys sorted as UTF-8 bytes (searched by bisection) with one posting
list of row numbers per key. It is read once per process on first use (about 20 MB in
memory, against some 300 MB for the same table as Python objects) and shared by every
article of a batch.
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple, overload

import numpy as np

from dateline.data import load_rows
from dateline.errors import DatelineWarning

logger = logging.getLogger(__name__)

GAZETTEER_FILE = "gazetteer.npz"

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

FEATURES = {
    "country": "country",
    "continent": "continent",
    "region": "region",
    "district": "district",
    "city": "city",
    "landmark": "landmark",
    "water": "water",
}


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


def _fast(array: np.ndarray) -> memoryview:
    """A read-only view whose items index as Python ints and floats.

    Indexing a numpy array makes a numpy scalar (slow to build and to compare); a
    memoryview over the same buffer returns plain Python numbers at a fraction of the cost.
    """
    return memoryview(np.ascontiguousarray(array)).toreadonly()


class _Strings:
    """A column of strings stored as one UTF-8 blob and an offsets array."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self._blob = blob.tobytes()
        self._offsets = _fast(offsets)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, idx: int) -> str:
        return self.raw(idx).decode("utf-8")

    def raw(self, idx: int) -> bytes:
        return self._blob[self._offsets[idx] : self._offsets[idx + 1]]


class Entries(Sequence[Entry]):
    """The place rows, held column-wise; ``entries[i]`` builds the ``Entry`` of row ``i``."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self._ids = _Strings(arrays["id_blob"], arrays["id_offsets"])
        self._names = _Strings(arrays["name_blob"], arrays["name_offsets"])
        self._kind_table = arrays["kind_table"].tolist()
        self._country_table = arrays["country_table"].tolist()
        self._admin1_table = arrays["admin1_table"].tolist()
        self._kind = _fast(arrays["kind"])
        self._country = _fast(arrays["country"])
        self._admin1 = _fast(arrays["admin1"])
        self._lat = _fast(arrays["lat"])
        self._lon = _fast(arrays["lon"])
        self._population = _fast(arrays["population"])

    def __len__(self) -> int:
        return len(self._lat)

    @overload
    def __getitem__(self, idx: int) -> Entry: ...

    @overload
    def __getitem__(self, idx: slice) -> list[Entry]: ...

    def __getitem__(self, idx: int | slice) -> Entry | list[Entry]:
        if isinstance(idx, slice):
            return [self[i] for i in range(*idx.indices(len(self)))]
        return _entry_at(self, idx)

    def kind_of(self, idx: int) -> str:
        return self._kind_table[self._kind[idx]]

    def rows_of_kind(self, kind: str) -> list[int]:
        """Row numbers of one feature kind, in file order (none for a kind not in the table)."""
        if kind not in self._kind_table:
            return []
        code = self._kind_table.index(kind)
        return np.flatnonzero(np.asarray(self._kind) == code).tolist()


@functools.lru_cache(maxsize=1 << 16)
def _entry_at(entries: Entries, idx: int) -> Entry:
    # Cached: a document asks for the same candidates again and again, and building a row
    # from the columns costs a dozen array reads.
    if idx < 0:
        idx += len(entries)
    return Entry(
        entries._ids[idx],
        entries._kind_table[entries._kind[idx]],
        entries._country_table[entries._country[idx]],
        entries._admin1_table[entries._admin1[idx]],
        entries._lat[idx],
        entries._lon[idx],
        entries._population[idx],
        entries._names[idx],
    )


class NameIndex:
    """Name key -> row numbers: the keys sorted as UTF-8 bytes, a posting list per key."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self._keys = _Strings(arrays["key_blob"], arrays["key_offsets"])
        self._posting_offsets = _fast(arrays["posting_offsets"])
        self._postings = _fast(arrays["postings"])
        self._primary = _fast(arrays["primary_key"])
        # Cached per instance: the places stage asks for the same few names many times.
        self.key_id = functools.lru_cache(maxsize=1 << 16)(self._find_key)
        self.rows = functools.lru_cache(maxsize=1 << 16)(self._rows_of)

    def __len__(self) -> int:
        return len(self._keys)

    def _find_key(self, key: str) -> int:
        """Position of ``key`` in the key table, or -1 when the gazetteer has no such name."""
        wanted = key.encode("utf-8")
        pos = bisect.bisect_left(range(len(self._keys)), wanted, key=self._keys.raw)
        if pos < len(self._keys) and self._keys.raw(pos) == wanted:
            return pos
        return -1

    def _rows_of(self, key: str) -> tuple[int, ...]:
        """The row numbers of the places named ``key`` (cached as ``rows``)."""
        pos = self.key_id(key)
        if pos < 0:
            return ()
        start, end = self._posting_offsets[pos], self._posting_offsets[pos + 1]
        return tuple(self._postings[start:end])

    def is_primary(self, key: str, idx: int) -> bool:
        """Whether ``key`` is the key of row ``idx``'s main name (not an alternate)."""
        pos = self.key_id(key)
        return pos >= 0 and self._primary[idx] == pos


@dataclass
class Gazetteer:
    """All places, a name-key index and lookups by country and region code."""

    entries: Entries
    index: NameIndex
    regions: dict[tuple[str, str], int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._rows = functools.lru_cache(maxsize=1 << 16)(self.index.rows)

    def lookup(self, key: str) -> tuple[int, ...]:
        return self._rows(key)

    def lookup_fuzzy(self, key: str) -> tuple[int, ...]:
        """Entries whose name matches the key or, failing that, one of its variants."""
        found = self._rows(key)
        if found:
            return found
        hits: list[int] = []
        for form in sorted(variants(key)):
            hits.extend(self._rows(form))
        return tuple(dict.fromkeys(hits))

    def is_primary(self, key: str, idx: int) -> bool:
        return self.index.is_primary(key, idx)

    def region_of(self, idx: int) -> int | None:
        entry = self.entries[idx]
        return self.regions.get((entry.country, entry.admin1))

    def country_of(self, code: str) -> int | None:
        return self.countries.get(code)


def _data_text(name: str) -> str:
    return resources.files("dateline").joinpath("data", "places", name).read_text("utf-8")


def _words(name: str) -> frozenset[str]:
    return frozenset(
        line.strip()
        for line in _data_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    )


def read_tables() -> dict[str, np.ndarray]:
    """Read the packaged gazetteer arrays (``GAZETTEER_FILE``) into memory.

    A missing file is a broken installation, not bad input: it warns W003 and gives empty
    tables, so every article is still processed, with its places unresolved.
    """
    data = resources.files("dateline").joinpath("data", "places", GAZETTEER_FILE)
    if not data.is_file():
        # Imported here: the builder is only needed to make the empty tables.
        from dateline.data.build_gazetteer import tables

        warnings.warn(DatelineWarning("W003", path=str(data)), stacklevel=2)
        return tables([])
    with data.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
        return {name: npz[name] for name in npz.files}


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read the packaged gazetteer once per process."""
    arrays = read_tables()
    gaz = Gazetteer(entries=Entries(arrays), index=NameIndex(arrays))
    for kind in ("region", "country", "continent"):
        for idx in gaz.entries.rows_of_kind(kind):
            entry = gaz.entries[idx]
            if kind == "region":
                gaz.regions[(entry.country, entry.admin1)] = idx
            elif kind == "country":
                gaz.countries[entry.country] = idx
            else:
                gaz.countries[f"cont:{entry.admin1}"] = idx
    gaz.demonyms = {name_key(form): code for form, code in load_rows("demonyms")}
    gaz.generic = _words("generic_words.txt")
    gaz.media_words = _words("media_words.txt")
    logger.info("gazetteer loaded: %d places, %d names", len(gaz.entries), len(gaz.index))
    return gaz


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def distances_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """``distance_km`` from one point to many at once (``lats``/``lons`` in radians)."""
    p1 = math.radians(lat)
    a = (
        np.sin((lats - p1) / 2) ** 2
        + math.cos(p1) * np.cos(lats) * np.sin((lons - math.radians(lon)) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
