"""Geoparsing benchmark: toponym recognition and resolution on LGL, GeoWebNews, TR-News, GeoVirus.

``python -m benchmarks.geoparse --split dev|test [--json] [--limit N] [--corpus NAME]``

Reads ``shared/data/geoparsing/<split>.jsonl``. Per corpus:

- recognition precision / recall / F1: a predicted toponym mention matches a gold toponym
  when their character spans overlap (each gold and each prediction matched at most once,
  in text order);
- on the matched toponyms, accuracy@161 km (the share resolved within 161 km, i.e.
  100 miles, of the gold coordinates; an unresolved one counts as a miss) and the mean
  error in km;
- speed (documents per second of the places stage alone, and with parsing and the entities
  stage, whose records places reads, as in the pipeline) and peak RSS.

Demonyms are reported as places (``places.demonyms = true``) for LGL, GeoWebNews and
TR-News, whose guidelines annotate adjectival uses of place names ("Russian") as
toponyms; GeoVirus does not, so it is run with the default (off).
"""

from __future__ import annotations

import time
from collections import defaultdict

from benchmarks._common import arg_parser, emit, peak_rss_mb, prf, read_jsonl, shared_dir
from dateline.config import PlaceSettings, Settings
from dateline.records import Article
from dateline.stages._gazetteer import distance_km, load_gazetteer
from dateline.stages.entities import extract_entities
from dateline.stages.parse import model_for
from dateline.stages.places import extract_places

CORPORA = ("lgl", "geowebnews", "trnews", "geovirus")
ACC_KM = 161.0
DEMONYM_CORPORA = frozenset({"lgl", "geowebnews", "trnews"})


def _match(
    pred: list[tuple[int, int, float | None, float | None]], gold: list[dict]
) -> list[tuple[dict, tuple]]:
    """Pair predictions with gold toponyms by span overlap, one-to-one, in text order."""
    pairs = []
    used: set[int] = set()
    for g in sorted(gold, key=lambda t: t["start"]):
        for i, p in enumerate(pred):
            if i not in used and p[0] < g["end"] and g["start"] < p[1]:
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def main(argv: list[str] | None = None) -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=CORPORA, default=None, help="only this corpus")
    args = parser.parse_args(argv)
    path = shared_dir() / "data" / "geoparsing" / f"{args.split}.jsonl"
    if not path.is_file():
        raise SystemExit(f"benchmark data not found: {path} (set DATELINE_SHARED)")
    settings = Settings()
    with_demonyms = PlaceSettings(**{**settings.places.model_dump(), "demonyms": True})
    nlp = model_for(settings.parse)
    t0 = time.perf_counter()
    load_gazetteer()
    load_s = time.perf_counter() - t0

    docs = [d for d in read_jsonl(path) if args.corpus in (None, d["corpus"])]
    if args.limit:
        docs = docs[: args.limit]
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    parse_s = places_s = 0.0
    for d in docs:
        t1 = time.perf_counter()
        doc = nlp(d["text"])
        article = Article(text=d["text"])
        # The places stage reads the entities stage's records, as in the pipeline.
        entities = extract_entities(article=article, doc=doc, settings=settings.entities)
        t2 = time.perf_counter()
        places = extract_places(
            article=article,
            doc=doc,
            entities=entities,
            settings=with_demonyms if d["corpus"] in DEMONYM_CORPORA else settings.places,
        )
        t3 = time.perf_counter()
        parse_s += t2 - t1
        places_s += t3 - t2
        pred = [(s, e, p.lat, p.lon) for p in places for s, e in p.mentions]
        pred.sort()
        pairs = _match(pred, d["toponyms"])
        st = stats[d["corpus"]]
        st["docs"] += 1
        st["gold"] += len(d["toponyms"])
        st["pred"] += len(pred)
        st["tp"] += len(pairs)
        for g, p in pairs:
            if p[2] is None:
                continue
            km = distance_km(g["lat"], g["lon"], p[2], p[3])
            st["within"] += km <= ACC_KM
            st["km_sum"] += km

    figures: dict[str, object] = {"split": args.split, "docs": len(docs)}
    for corpus in CORPORA:
        st = stats.get(corpus)
        if not st:
            continue
        p, r, f = prf(int(st["tp"]), int(st["pred"]), int(st["gold"]))
        figures[f"{corpus}.toponym_p"] = round(p, 4)
        figures[f"{corpus}.toponym_r"] = round(r, 4)
        figures[f"{corpus}.toponym_f1"] = round(f, 4)
        figures[f"{corpus}.acc161"] = round(st["within"] / st["tp"], 4) if st["tp"] else 0.0
        figures[f"{corpus}.mean_error_km"] = round(st["km_sum"] / st["tp"], 1) if st["tp"] else 0.0
        figures[f"{corpus}.matched"] = int(st["tp"])
    figures["gazetteer_load_s"] = round(load_s, 2)
    figures["docs_per_s_places"] = round(len(docs) / places_s, 1) if places_s else 0.0
    figures["docs_per_s_with_parse"] = round(len(docs) / (parse_s + places_s), 2) if docs else 0.0
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    emit(
        figures,
        f"geoparsing ({args.split}): span-overlap match, accuracy@{ACC_KM:.0f} km",
        args.json,
    )


if __name__ == "__main__":
    main()
