"""Linking cost: synthetic event mentions linked incrementally at growing sizes.

usage: python -m benchmarks.linking [--split dev] [--json] [--sizes 10000,30000,100000,1000000]
       [--batch 5000] [--per-day 300] [--max-block N] [--max-candidates N] [--workers N]

The corpus is generated deterministically (fixed seed), day by day at ``--per-day``
mentions a day (a larger corpus covers more days; raise ``--per-day`` to test density):
real-world events (type, day, place, parties, words) each reported by one to eight
mentions, each its own article, published up to three days later, with the noise real
extraction has (no date, a date a day off or only a month, no place, another trigger
word, other words around it). Mentions are ingested in publication order in batches, as
``dateline ingest`` does: for each batch the mentions sharing a block key with it are
fetched from an in-memory block index (what the store's query returns) and a
``dateline.link_parallel.LinkPool`` of ``--workers`` processes (default: one per core)
links the batch against them, with the clusters ``dateline.linker.link_mentions`` gives.
The next batch is generated in a thread meanwhile.

Each size runs in a fresh process so that its peak RSS is its own. Printed per size:
wall and CPU seconds (CPU of the main process and its workers, and of the main process
alone), microseconds per mention, growth ratios of the time per mention against the
first and the previous size (1.0 = linear growth; the CPU ratios hold on a shared
machine, the wall ones only on a quiet one), peak RSS of the main process and of the
largest worker, clusters, and B³ F1 against the generating events. ``--split`` is
accepted for uniformity with the other benchmarks; the corpus is synthetic and the same
for both.
"""

from __future__ import annotations

import functools
import gc
import itertools
import json
import math
import queue
import random
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta

from benchmarks._common import PROJECT_ROOT, arg_parser, peak_rss_mb
from dateline.config import LinkingSettings
from dateline.link_parallel import LinkPool
from dateline.linker import GRID_SHIFT, WEEK, block_keys
from dateline.parallel import default_workers
from dateline.records import Argument, EventMention, PlaceRef
from dateline.training.linking_metrics import b_cubed_counts

SEED = 2024
KEEP_DAYS = 60
DEFAULT_SIZES = (10_000, 30_000, 100_000, 1_000_000)
FIRST_DAY = date(2022, 1, 1)
MENTIONS_PER_DAY = 300
COUNTRIES = 120
PLACES_PER_COUNTRY = 12
# Trigger words by PLOVER type; a mention picks one of its event's words.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("attacked", "shelled", "struck", "bombed", "attack", "strike", "raid"),
    "PROTEST": ("protested", "marched", "rallied", "protest", "demonstration"),
    "CONSULT": ("met", "talks", "meeting", "visited", "discussed"),
    "AGREE": ("agreed", "signed", "deal", "accord", "pact"),
    "ACCUSE": ("accused", "blamed", "charged", "accusation"),
    "COERCE": ("arrested", "detained", "seized", "arrest", "raid"),
    "SANCTION": ("sanctioned", "banned", "sanctions", "embargo"),
    "AID": ("delivered", "aid", "donated", "supplies"),
    "DEMAND": ("demanded", "called", "urged", "demand"),
    "OTHER": ("flooded", "earthquake", "collapsed", "fire", "storm"),
}
TYPES = tuple(TRIGGERS)
WORDS = tuple(
    f"{a}{b}"
    for a in ("bar", "cor", "del", "fen", "gal", "hol", "kir", "lum", "mar", "nor", "pel", "sar")
    for b in ("an", "et", "ic", "on", "ul", "ys", "ad", "em", "ir", "ot")
)


class _Event:
    """One generated real-world event."""

    def __init__(self, rng: random.Random, number: int, places: list[PlaceRef], day: date) -> None:
        self.number = number
        self.type = rng.choice(TYPES)
        self.day = day
        # A few places take many events, as in news (Zipf: weight 1/rank).
        self.place = rng.choices(places, cum_weights=_zipf_weights(len(places)))[0]
        self.actors = [f"group {rng.randrange(2000)}"]
        self.targets = [f"group {rng.randrange(2000)}"] if rng.random() < 0.6 else []
        self.words = rng.sample(WORDS, 6)
        self.triggers = rng.sample(TRIGGERS[self.type], 2)


@functools.cache
def _zipf_weights(count: int) -> list[float]:
    return list(itertools.accumulate(1.0 / rank for rank in range(1, count + 1)))


def _places(rng: random.Random) -> list[PlaceRef]:
    places = []
    for country in range(COUNTRIES):
        lat, lon = rng.uniform(-50, 60), rng.uniform(-120, 140)
        for town in range(PLACES_PER_COUNTRY):
            places.append(
                PlaceRef(
                    name=f"town {country}-{town}",
                    country=f"C{country:03d}",
                    lat=lat + rng.uniform(-3, 3),
                    lon=lon + rng.uniform(-3, 3),
                )
            )
    rng.shuffle(places)
    return places


def _mention(rng: random.Random, event: _Event, index: int) -> EventMention:
    published = event.day + timedelta(days=rng.randrange(4))
    roll = rng.random()
    if roll < 0.2:
        when = None
    elif roll < 0.3:
        when = (event.day + timedelta(days=rng.choice((-1, 1)))).isoformat()
    elif roll < 0.35:
        when = event.day.isoformat()[:7]
    else:
        when = event.day.isoformat()
    words = event.words[:4] + rng.sample(WORDS, 3)
    trigger = rng.choice(event.triggers)
    article = f"art{index:07d}"  # one report per article: different outlets
    return EventMention(
        mention_id=f"{article}/EV1",
        article_id=article,
        event_id="EV1",
        published=published,
        type=event.type if rng.random() < 0.9 else rng.choice(TYPES),
        trigger=trigger,
        text=f"{event.actors[0]} {trigger} " + " ".join(words),
        span=(0, 10),
        date=when,
        location=event.place if rng.random() < 0.8 else None,
        actors=[Argument(name=a, span=(0, 1)) for a in event.actors],
        targets=[Argument(name=t, span=(0, 1)) for t in event.targets],
    )


def synthetic_mentions(
    size: int, mentions_per_day: int = MENTIONS_PER_DAY, seed: int = SEED
) -> Iterator[tuple[EventMention, int]]:
    """Yield ``size`` mentions in publication order with their generating event's number.

    ``mentions_per_day`` mentions are published a day (a large newsroom's archive); a
    larger corpus covers more days.
    """
    rng = random.Random(seed)
    places = _places(rng)
    per_day = mentions_per_day / 4.5  # 4.5 mentions per event on average
    days = math.ceil(size / mentions_per_day) + 1
    pending: dict[int, list[tuple[EventMention, int]]] = {}
    produced = number = 0
    for day in range(days + 4):
        if day < days and produced < size:
            count = int(per_day * (day + 1)) - int(per_day * day)
            for _ in range(count):
                event = _Event(rng, number, places, FIRST_DAY + timedelta(days=day))
                for _ in range(rng.randint(1, 8)):
                    if produced >= size:
                        break
                    mention = _mention(rng, event, produced)
                    day_key = mention.published.toordinal()  # type: ignore[union-attr]
                    pending.setdefault(day_key, []).append((mention, number))
                    produced += 1
                number += 1
        today = pending.pop((FIRST_DAY + timedelta(days=day)).toordinal(), [])
        yield from sorted(today, key=lambda item: item[0].mention_id)


def _batches(
    items: Iterator[tuple[EventMention, int]], size: int
) -> Iterator[list[tuple[EventMention, int]]]:
    batch: list[tuple[EventMention, int]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _keyed_batches(
    items: Iterator[tuple[EventMention, int]], size: int
) -> Iterator[list[tuple[EventMention, int, list[str]]]]:
    """Batches of (mention, generating event, block keys), the keys computed once."""
    for batch in _batches(items, size):
        yield [(mention, number, block_keys(mention)) for mention, number in batch]


def _read_ahead(batches: Iterator[list], depth: int = 2) -> Iterator[list]:
    """Yield ``batches``, producing the next ones in a thread while the caller works.

    The caller mostly waits for the linking workers, so generating the following batch
    meanwhile hides its cost; ``depth`` batches at most are held ready.
    """
    ready: queue.Queue = queue.Queue(maxsize=depth)
    done = object()

    def produce() -> None:
        try:
            for batch in batches:
                ready.put(batch)
        finally:
            ready.put(done)

    thread = threading.Thread(target=produce, daemon=True)
    thread.start()
    while (batch := ready.get()) is not done:
        yield batch
    thread.join()


def _window_day(key: str) -> int | None:
    """First day of a block key's date window, None for the unknown window."""
    window = key.split("|")[1]
    if window == "d?":
        return None
    return int(window[1:]) * WEEK - (GRID_SHIFT if window[0] == "b" else 0)


def link_incrementally(
    mentions: Iterator[tuple[EventMention, int]],
    batch: int,
    settings: LinkingSettings,
    workers: int = 1,
) -> tuple[dict[str, str], dict[str, int]]:
    """Link mentions batch by batch against what an index of earlier batches returns.

    The in-memory index stands for the store; windows that ended ``KEEP_DAYS`` before the
    batch are dropped from it, as a store's query would not return them for this batch.
    Each batch is linked by a ``LinkPool`` of ``workers`` processes (the same clusters
    as ``link_mentions`` in this process).

    Returns:
        Each mention's cluster and each mention's generating event.
    """
    index: dict[str, list[tuple[EventMention, list[str]]]] = {}  # key -> (mention, its keys)
    clusters: dict[str, str] = {}
    truth: dict[str, int] = {}
    with LinkPool(workers, settings=settings) as pool:
        for items in _read_ahead(_keyed_batches(mentions, batch)):
            new = [mention for mention, _, _ in items]
            keys_of = {mention.mention_id: keys for mention, _, keys in items}
            truth.update((mention.mention_id, number) for mention, number, _ in items)
            stored: dict[str, EventMention] = {}
            for key in {key for _, _, keys in items for key in keys}:  # one query per batch
                for old, old_keys in index.get(key, ()):
                    stored[old.mention_id] = old
                    keys_of[old.mention_id] = old_keys
            result = pool.link(new, list(stored.values()), keys=keys_of)
            for mention in result.mentions:
                clusters[mention.mention_id] = mention.cluster or ""
                keys = keys_of[mention.mention_id]
                for key in keys:
                    index.setdefault(key, []).append((mention, keys))
            horizon = min(m.published.toordinal() for m in new if m.published) - KEEP_DAYS
            for key in [k for k in index if (_window_day(k) or horizon) < horizon]:
                del index[key]
            # The index stands for the store, which a real run keeps out of the Python heap.
            # Frozen, its mentions cost no garbage-collector walks (they are still freed
            # when dropped: freezing only hides them from the cycle collector).
            gc.freeze()
    return clusters, truth


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_one(
    size: int,
    batch: int,
    settings: LinkingSettings,
    per_day: int = MENTIONS_PER_DAY,
    workers: int = 1,
) -> dict[str, float | int]:
    """Generate, link and measure one size in this process (and its linking workers).

    CPU seconds add the workers' to this process's; peak RSS is this process's, and the
    largest worker's beside it.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    children_started = _children_cpu_seconds()
    clusters, truth = link_incrementally(
        synthetic_mentions(size, per_day), batch, settings, workers
    )
    seconds = time.perf_counter() - started
    main_cpu_seconds = time.process_time() - cpu_started
    cpu_seconds = main_cpu_seconds + _children_cpu_seconds() - children_started
    figures: dict[str, float | int] = {
        "mentions": size,
        "workers": workers,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "main_cpu_seconds": round(main_cpu_seconds, 2),
        "us_per_mention": round(1e6 * seconds / size, 1),
        "cpu_us_per_mention": round(1e6 * cpu_seconds / size, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "worker_peak_rss_mb": round(_children_peak_rss_mb(), 1) if workers > 1 else 0.0,
        "clusters": len(set(clusters.values())),
        "events": len(set(truth.values())),
    }
    _, _, b3_f1 = b_cubed_counts(truth, clusters)
    figures["b3_f1"] = round(b3_f1, 4)
    return figures


GROWTH = (("cpu_growth", "cpu_us_per_mention"), ("wall_growth", "us_per_mention"))


def with_growth(rows: list[dict]) -> list[dict]:
    """Add growth ratios: CPU and wall time per mention over the first and previous row.

    Flat per-mention time is linear growth; ``cpu_growth_vs_previous`` 1.1 from 100k to
    1M means ten times the mentions took eleven times the CPU.
    """
    for number, row in enumerate(rows):
        first, previous = rows[0], rows[max(0, number - 1)]
        for name, field in (
            ("cpu_growth", "cpu_us_per_mention"),
            ("wall_growth", "us_per_mention"),
        ):
            row[f"{name}_vs_first"] = _ratio(row[field], first[field])
            row[f"{name}_vs_previous"] = _ratio(row[field], previous[field])
    return rows


def _ratio(value: float, base: float) -> float:
    return round(value / base, 2) if base else 0.0


def main() -> None:
    parser = arg_parser(__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="comma-separated corpus sizes (e.g. 10000,100000,1000000)",
    )
    parser.add_argument("--batch", type=int, default=5000, help="mentions per ingest batch")
    parser.add_argument(
        "--max-block",
        type=int,
        default=LinkingSettings().max_block,
        help="linking.max_block (default: the packaged setting)",
    )
    parser.add_argument(
        "--max-candidates",
        type=int,
        default=LinkingSettings().max_candidates,
        help="linking.max_candidates (default: the packaged setting)",
    )
    parser.add_argument(
        "--per-day", type=int, default=MENTIONS_PER_DAY, help="mentions published a day"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help="linking processes (default: the number of cores; 1 links in one process)",
    )
    parser.add_argument("--one", type=int, default=None, help=argparse_hidden())
    args = parser.parse_args()
    settings = LinkingSettings(max_block=args.max_block, max_candidates=args.max_candidates)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.batch, settings, args.per_day, args.workers)))
        return
    rows = with_growth([_run_size(size, args) for size in _sizes(args.sizes)])
    if args.json:
        print(
            json.dumps(
                {
                    "split": args.split,
                    "batch": args.batch,
                    "max_block": args.max_block,
                    "max_candidates": args.max_candidates,
                    "per_day": args.per_day,
                    "workers": args.workers,
                    "sizes": rows,
                }
            )
        )
        return
    print(
        f"Linking synthetic mentions ({args.per_day} a day, batches of {args.batch}, "
        f"max_block {args.max_block}, max_candidates {args.max_candidates}, "
        f"{args.workers} worker(s))"
    )
    print("  ".join(f"{header:>{width}}" for header, _, width in COLUMNS))
    for row in rows:
        print("  ".join(f"{row.get(field, '-')!s:>{width}}" for _, field, width in COLUMNS))


# (header, field, width) of the printed table.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("mentions", "mentions", 9),
    ("wall s", "seconds", 8),
    ("CPU s", "cpu_seconds", 8),
    ("main CPU s", "main_cpu_seconds", 10),
    ("CPU us/m", "cpu_us_per_mention", 8),
    ("wall us/m", "us_per_mention", 9),
    ("CPU x1st", "cpu_growth_vs_first", 8),
    ("CPU xprev", "cpu_growth_vs_previous", 9),
    ("wall xprev", "wall_growth_vs_previous", 10),
    ("RSS MB", "peak_rss_mb", 7),
    ("worker RSS MB", "worker_peak_rss_mb", 13),
    ("clusters", "clusters", 8),
    ("events", "events", 7),
    ("B3 F1", "b3_f1", 6),
)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        sys.exit(f"--sizes takes comma-separated whole numbers, got {text!r}")
    if not sizes or min(sizes) < 1:
        sys.exit(f"--sizes takes positive counts, got {text!r}")
    return sizes


def _run_size(size: int, args) -> dict:
    """Run one size in a fresh process, so that its peak RSS is its own."""
    child = subprocess.run(
        [
            sys.executable, "-m", "benchmarks.linking", "--one", str(size),
            "--batch", str(args.batch), "--max-block", str(args.max_block),
            "--max-candidates", str(args.max_candidates), "--per-day", str(args.per_day),
            "--workers", str(args.workers),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if child.returncode != 0:
        sys.exit(f"linking {size} mentions failed:\n{child.stderr.strip()[-2000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def argparse_hidden() -> str:
    """Help text that hides the internal per-size option."""
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
