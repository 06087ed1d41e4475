"""Multi-article stories: linking, contradictions and corroboration against gold.

usage: python -m benchmarks.stories --split dev|test [--json] [--story NAME]

Each story set under ``benchmarks/stories/<split>/`` is a JSON-lines file of short reports
(our own writing, see the README there) and a ``.gold.json`` beside it. For each set the
reports are ingested into a temporary DuckDB store with ``dateline.ingest`` and the
timeline is read with ``dateline.timeline`` (what ``dateline timeline --format json``
prints). The figures, per set and over all sets:

- **Mention matching.** A predicted mention (its article and character span) matches a gold
  mention when the span overlaps the gold anchor. Pairs are taken one to one, largest
  overlap first. ``mention_recall`` is the share of gold mentions matched, ``event_recall``
  the share of gold events with at least one matched mention.
- **Linking** (pairwise and B³ precision, recall, F1) over the matched mentions only: a
  predicted mention that matches no anchor is left out (the gold does not list speech acts,
  states or plans, so it is not counted wrong), and a gold mention that nothing matched is
  left out too (``mention_recall`` reports it). Pairwise: pairs of mentions in one cluster;
  with no pair on a side, that side's score is 1 (nothing to get wrong).
- **Contradictions** (precision, recall, F1, overall and per kind): a predicted contradiction
  matches a gold one of the same kind when at least two of its mentions match mentions of
  the gold one; pairs are taken one to one, largest shared set first.
- **Corroboration** over the gold events with two or more mentions: the predicted entry of a
  gold event is the timeline entry holding most of its matched mentions (none: counts 0).
  Exact-match rate and mean absolute error of the distinct outlet count and of the
  independent source count.
- **Figures**: the share of gold figure points found (a predicted point of the same article
  whose text lies within the gold anchor, or the anchor within it), and the share of gold
  series with at least two of their points in one predicted series.

``--split test`` reads the two held-out sets, never used to tune anything.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from benchmarks._common import PROJECT_ROOT

STORIES_DIR = PROJECT_ROOT / "benchmarks" / "stories"
KINDS = ("occurrence", "date", "figure")


@dataclass(frozen=True)
class Span:
    """A character span in one article (not stable API)."""

    article: str
    start: int
    end: int

    def overlap(self, other: Span) -> int:
        """Characters shared with another span (0 for different articles)."""
        if self.article != other.article:
            return 0
        return max(0, min(self.end, other.end) - max(self.start, other.start))


@dataclass
class Story:
    """One story set: its reports file, gold, and the gold mentions resolved to spans."""

    name: str
    reports: Path
    gold: dict
    texts: dict[str, str]
    mentions: dict[str, Span] = field(default_factory=dict)
    event_of: dict[str, str] = field(default_factory=dict)


def load_story(gold_path: Path) -> Story:
    """Read a gold file and resolve every anchor to its unique span in its article.

    Raises:
        ValueError: an anchor is missing from its article or occurs more than once.
    """
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    reports = gold_path.with_name(gold["articles"])
    texts = {}
    for line in reports.read_text(encoding="utf-8").splitlines():
        if line.strip():
            article = json.loads(line)
            texts[article["id"]] = article["text"]
    story = Story(gold["story"], reports, gold, texts)
    for event in gold["events"]:
        for mention in event["mentions"]:
            span = anchor_span(texts, mention["article"], mention["anchor"])
            story.mentions[mention["id"]] = span
            story.event_of[mention["id"]] = event["id"]
    return story


def anchor_span(texts: Mapping[str, str], article: str, anchor: str) -> Span:
    """The span of an anchor that occurs exactly once in its article."""
    text = texts[article]
    count = text.count(anchor)
    if count != 1:
        raise ValueError(f"anchor {anchor!r} occurs {count} times in {article}, not once")
    start = text.index(anchor)
    return Span(article, start, start + len(anchor))


def match_mentions(predicted: Mapping[str, Span], gold: Mapping[str, Span]) -> dict[str, str]:
    """Pair predicted and gold mentions one to one by span overlap, largest overlap first.

    Returns:
        ``{predicted mention id: gold mention id}`` for the matched pairs.
    """
    candidates = sorted(
        (
            (-p_span.overlap(g_span), p_id, g_id)
            for p_id, p_span in predicted.items()
            for g_id, g_span in gold.items()
            if p_span.overlap(g_span) > 0
        ),
    )
    matched: dict[str, str] = {}
    taken: set[str] = set()
    for _, p_id, g_id in candidates:
        if p_id not in matched and g_id not in taken:
            matched[p_id] = g_id
            taken.add(g_id)
    return matched


def cluster_pairs(labels: Mapping[Hashable, Hashable]) -> set[frozenset]:
    """Unordered pairs of items that share a label."""
    groups: dict[Hashable, list[Hashable]] = {}
    for item, label in labels.items():
        groups.setdefault(label, []).append(item)
    return {frozenset(pair) for members in groups.values() for pair in combinations(members, 2)}


def pairwise_counts(
    key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]
) -> tuple[int, int, int]:
    """Shared, response and key pair counts of two labellings of the same items."""
    key_pairs, response_pairs = cluster_pairs(key), cluster_pairs(response)
    return len(key_pairs & response_pairs), len(response_pairs), len(key_pairs)


def ratio_scores(shared: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1; a side with nothing to score scores 1."""
    precision = shared / n_predicted if n_predicted else 1.0
    recall = shared / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def b_cubed(
    key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of two labellings of the same items (0s when empty)."""
    from dateline.training.linking_metrics import b_cubed_counts

    recall, precision, f1 = b_cubed_counts(key, response)
    return precision, recall, f1


def match_contradictions(
    predicted: Iterable[tuple[str, frozenset[str]]], gold: Iterable[tuple[str, frozenset[str]]]
) -> list[tuple[int, int]]:
    """Pair predicted and gold contradictions one to one.

    Args:
        predicted: (kind, gold mention ids its mentions matched) per predicted contradiction.
        gold: (kind, gold mention ids) per gold contradiction.

    Returns:
        (predicted index, gold index) pairs: same kind, at least two mentions shared,
        largest shared set first.
    """
    predicted, gold = list(predicted), list(gold)
    candidates = sorted(
        (-len(p_ids & g_ids), p, g)
        for p, (p_kind, p_ids) in enumerate(predicted)
        for g, (g_kind, g_ids) in enumerate(gold)
        if p_kind == g_kind and len(p_ids & g_ids) >= 2
    )
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, p, g in candidates:
        if p not in used_p and g not in used_g:
            pairs.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return pairs


def count_errors(gold_counts: list[int], predicted_counts: list[int]) -> tuple[float, float]:
    """Exact-match rate and mean absolute error of predicted against gold counts."""
    if not gold_counts:
        return 1.0, 0.0
    exact = sum(g == p for g, p in zip(gold_counts, predicted_counts, strict=True))
    error = sum(abs(g - p) for g, p in zip(gold_counts, predicted_counts, strict=True))
    return exact / len(gold_counts), error / len(gold_counts)


def run_timeline(story: Story, workdir: Path) -> dict:
    """Ingest a story's reports into a fresh DuckDB store and return its timeline as JSON."""
    import dateline

    db = workdir / f"{story.name}.duckdb"
    report = dateline.ingest(str(story.reports), db=str(db))
    if report.added != len(story.texts):
        # A story scored without one of its reports would report figures for another story.
        refused = "; ".join(str(r) for r in report.rejected) or "none reported"
        sys.exit(
            f"story {story.name}: {report.added} of {len(story.texts)} reports stored "
            f"(rejected: {refused})"
        )
    return json.loads(dateline.timeline(str(db)).model_dump_json())


def predicted_mentions(timeline: dict) -> tuple[dict[str, Span], dict[str, str]]:
    """Spans of the timeline's mentions and the entry (cluster) id of each."""
    spans: dict[str, Span] = {}
    entry_of: dict[str, str] = {}
    for entry in timeline["entries"]:
        for mention in entry["mentions"]:
            start, end = mention["span"]
            spans[mention["mention_id"]] = Span(mention["article_id"], start, end)
            entry_of[mention["mention_id"]] = entry["id"]
    return spans, entry_of


@dataclass
class Counts:
    """The raw counts of one or more stories, summed before any ratio (not stable API)."""

    gold_mentions: int = 0
    matched_mentions: int = 0
    predicted_mentions: int = 0
    gold_events: int = 0
    found_events: int = 0
    pairs: Counter = field(default_factory=Counter)
    key: dict = field(default_factory=dict)
    response: dict = field(default_factory=dict)
    contradictions: Counter = field(default_factory=Counter)
    outlet_counts: list = field(default_factory=list)
    source_counts: list = field(default_factory=list)
    figure_points: Counter = field(default_factory=Counter)
    figure_series: Counter = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        """Add another story's counts to these."""
        for name in ("gold_mentions", "matched_mentions", "predicted_mentions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.gold_events += other.gold_events
        self.found_events += other.found_events
        for name in ("pairs", "contradictions", "figure_points", "figure_series"):
            getattr(self, name).update(getattr(other, name))
        self.key.update(other.key)
        self.response.update(other.response)
        self.outlet_counts += other.outlet_counts
        self.source_counts += other.source_counts


def score_story(story: Story, timeline: dict) -> Counts:
    """Count what a story's timeline got right against its gold."""
    spans, entry_of = predicted_mentions(timeline)
    matched = match_mentions(spans, story.mentions)
    gold_of = {g: p for p, g in matched.items()}
    counts = Counts(
        gold_mentions=len(story.mentions),
        matched_mentions=len(matched),
        predicted_mentions=len(spans),
        gold_events=len(story.gold["events"]),
        found_events=len({story.event_of[g] for g in matched.values()}),
    )
    # Labels carry the story name: event and cluster ids repeat from one story to the next.
    counts.key = {(story.name, g): (story.name, story.event_of[g]) for g in matched.values()}
    counts.response = {(story.name, g): (story.name, entry_of[p]) for p, g in matched.items()}
    counts.pairs.update(
        dict(
            zip(
                ("shared", "predicted", "gold"),
                pairwise_counts(counts.key, counts.response),
                strict=True,
            )
        )
    )
    _count_contradictions(counts, story, timeline, matched)
    _count_corroboration(counts, story, timeline, gold_of, entry_of)
    _count_figures(counts, story, timeline)
    return counts


def _count_contradictions(counts: Counts, story: Story, timeline: dict, matched: dict) -> None:
    predicted = [
        (c["kind"], frozenset(matched[m] for m in c["mentions"] if m in matched))
        for c in timeline["contradictions"]
    ]
    gold = [(c["kind"], frozenset(c["mentions"])) for c in story.gold["contradictions"]]
    pairs = match_contradictions(predicted, gold)
    for kind in KINDS:
        counts.contradictions[f"{kind}_predicted"] += sum(k == kind for k, _ in predicted)
        counts.contradictions[f"{kind}_gold"] += sum(k == kind for k, _ in gold)
        counts.contradictions[f"{kind}_shared"] += sum(predicted[p][0] == kind for p, _ in pairs)


def _count_corroboration(
    counts: Counts, story: Story, timeline: dict, gold_of: dict, entry_of: dict
) -> None:
    entries = {entry["id"]: entry["corroboration"] for entry in timeline["entries"]}
    for event in story.gold["events"]:
        if len(event["mentions"]) < 2:
            continue
        votes = Counter(entry_of[gold_of[m["id"]]] for m in event["mentions"] if m["id"] in gold_of)
        found = entries[votes.most_common(1)[0][0]] if votes else None
        gold = event["corroboration"]
        counts.outlet_counts.append((gold["outlet_count"], found["outlet_count"] if found else 0))
        counts.source_counts.append(
            (gold["independent_count"], found["independent_count"] if found else 0)
        )


def _count_figures(counts: Counts, story: Story, timeline: dict) -> None:
    article_of = {
        m["mention_id"]: m["article_id"] for e in timeline["entries"] for m in e["mentions"]
    }
    for series in story.gold["figures"]:
        found_in: Counter = Counter()
        for point in series["points"]:
            anchor = point["anchor"].lower()
            hits = {
                predicted["id"]
                for predicted in timeline["figures"]
                for p in predicted["points"]
                if article_of.get(p["mention_id"]) == point["article"]
                and (p["text"].lower() in anchor or anchor in p["text"].lower())
            }
            counts.figure_points["found"] += bool(hits)
            found_in.update(hits)
        counts.figure_points["gold"] += len(series["points"])
        counts.figure_series["gold"] += 1
        counts.figure_series["grouped"] += bool(found_in) and found_in.most_common(1)[0][1] >= 2


def figures_of(counts: Counts) -> dict[str, float | int]:
    """The benchmark's figures from summed counts: fractions, errors and sizes."""
    figures: dict[str, float | int] = {
        "gold_mentions": counts.gold_mentions,
        "predicted_mentions": counts.predicted_mentions,
        "matched_mentions": counts.matched_mentions,
        "mention_recall": _share(counts.matched_mentions, counts.gold_mentions),
        "event_recall": _share(counts.found_events, counts.gold_events),
    }
    pair = counts.pairs
    p, r, f = ratio_scores(pair["shared"], pair["predicted"], pair["gold"])
    figures.update(pairwise_p=p, pairwise_r=r, pairwise_f1=f)
    p, r, f = b_cubed(counts.key, counts.response)
    figures.update(b3_p=p, b3_r=r, b3_f1=f)
    c = counts.contradictions
    totals = [sum(c[f"{k}_{part}"] for k in KINDS) for part in ("shared", "predicted", "gold")]
    p, r, f = ratio_scores(*totals)
    figures.update(contradiction_p=p, contradiction_r=r, contradiction_f1=f)
    for kind in KINDS:
        p, r, _ = ratio_scores(c[f"{kind}_shared"], c[f"{kind}_predicted"], c[f"{kind}_gold"])
        figures.update({f"{kind}_p": p, f"{kind}_r": r})
    figures["contradictions_predicted"], figures["contradictions_gold"] = totals[1], totals[2]
    for name, pairs in (("outlets", counts.outlet_counts), ("sources", counts.source_counts)):
        exact, mae = count_errors([g for g, _ in pairs], [p for _, p in pairs])
        figures.update({f"{name}_exact": exact, f"{name}_mae": mae})
    figures["figure_point_recall"] = _share(
        counts.figure_points["found"], counts.figure_points["gold"]
    )
    figures["figure_series_recall"] = _share(
        counts.figure_series["grouped"], counts.figure_series["gold"]
    )
    return figures


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def story_files(split: str, only: str | None = None) -> list[Path]:
    """The gold files of a split, sorted; only the named story when ``only`` is given."""
    files = sorted((STORIES_DIR / split).glob("*.gold.json"))
    if only is not None:
        files = [f for f in files if f.name == f"{only}.gold.json"]
    return files


def run(split: str, only: str | None = None) -> dict:
    """Run the benchmark over a split and return the figures, per story and overall."""
    total = Counts()
    per_story: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="stories-") as tmp:
        for gold_path in story_files(split, only):
            story = load_story(gold_path)
            counts = score_story(story, run_timeline(story, Path(tmp)))
            per_story[story.name] = figures_of(counts)
            total.add(counts)
    figures = figures_of(total)
    figures.update(split=split, stories=per_story)
    return figures


def print_figures(figures: dict) -> None:
    """Print the figures as a table: one row per figure, one column per story and overall."""
    names = list(figures["stories"])
    columns = [*names, "overall"]
    values = {**figures["stories"], "overall": figures}
    rows = [k for k in figures["stories"][names[0]]] if names else []
    width = max(len(r) for r in rows)
    print(f"Multi-article stories, {figures['split']} split")
    print(" " * width + "".join(f"  {c[:22]:>22}" for c in columns))
    for row in rows:
        cells = "".join(f"  {_shown(values[c][row]):>22}" for c in columns)
        print(f"{row:<{width}}{cells}")


def _shown(value: float | int) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("dev", "test"),
        default="dev",
        help="story sets to score (tune on dev only)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    parser.add_argument("--story", default=None, help="only the story set of this name")
    args = parser.parse_args(argv)
    if not story_files(args.split, args.story):
        print(
            f"no story set found for split {args.split!r}"
            + (f" and story {args.story!r}" if args.story else ""),
            file=sys.stderr,
        )
        return 2
    try:
        figures = run(args.split, args.story)
    except ValueError as error:  # a gold anchor that does not resolve
        print(f"invalid story gold: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
