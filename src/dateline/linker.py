"""Cross-article event linking: which event mentions report the same real-world event.

Pure functions over ``records.EventMention``; no I/O, no clock.

- ``block_keys(mention)`` lists the blocks a mention belongs to: type family x date window x
  place. Two mentions are only ever compared when they share a block, which keeps the cost
  near-linear in the number of mentions.
- ``link_mentions(new, stored)`` assigns a ``cluster`` id to each new mention. ``stored`` are
  mentions linked earlier (as a store fetches them: those sharing a block key with a new
  mention). New mentions join a stored cluster or open a new one; stored clusters are never
  split, merged or renamed, so earlier results stay valid.

Clustering is average-link agglomeration over the pairwise probabilities of ``score_pair``,
merging the best pair of groups first until no pair reaches the threshold. Ties break on
mention ids, so the result does not depend on the order of the input.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import numpy
import snowballstemmer
from pydantic import Field
from rapidfuzz.fuzz import ratio
from spacy.lang.en.stop_words import STOP_WORDS

from dateline._gc import paused_gc
from dateline.config import LinkingSettings
from dateline.records import EventMention, Record
from dateline.stages._gazetteer import distance_km
from dateline.word_vectors import cosine, word_vectors

# --------------------------------------------------------------------------- result


class LinkResult(Record):
    """What ``link_mentions`` returns.

    ``mentions`` are the new mentions, in input order, each with ``cluster`` set; ``opened``
    lists the cluster ids this call created and ``joined`` the stored cluster ids that gained
    new mentions (both sorted).
    """

    mentions: list[EventMention] = Field(default_factory=list)
    opened: list[str] = Field(default_factory=list)
    joined: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- blocking

# PLOVER types grouped by the kind of happening: a report may type one event differently
# (PROTEST vs COERCE), but rarely across these families.
TYPE_FAMILIES: dict[str, str] = {
    "AGREE": "cooperation",
    "CONSULT": "cooperation",
    "SUPPORT": "cooperation",
    "CONCEDE": "cooperation",
    "COOPERATE": "cooperation",
    "AID": "cooperation",
    "RETREAT": "cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "DEMAND": "verbal_conflict",
    "DISAPPROVE": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
    "OTHER": "other",
}
WEEK = 7
# The second grid of date windows is shifted by 3 days: two days at most 3 apart always
# share a window of one of the two grids.
GRID_SHIFT = 3
UNDATED_LOOKBACK = 7  # an undated event is taken to lie within a week before publication
MAX_WINDOW_DAYS = 366  # vaguer dates (decades, PRESENT_REF) count as undated
MAX_ARGUMENT_COUNTRIES = 3
UNKNOWN = "?"


def families_of(*types: str | None) -> list[str]:
    """Return the sorted type families of the given PLOVER types (None skipped)."""
    return sorted({TYPE_FAMILIES.get(t.upper(), "other") for t in types if t})


def type_families(mention: EventMention) -> list[str]:
    """Return the sorted type families of a mention's type and alternative type."""
    return families_of(mention.type, mention.alt_type)


def date_interval(value: str | None) -> tuple[int, int] | None:
    """Return the first and last day (proleptic ordinals) a TIMEX3 date value covers.

    "2024-08-07" covers one day, "2024-08" a month, "2024" a year, "2024-W33" a week;
    anything vaguer or unparseable gives None.
    """
    if not value:
        return None
    text = value.split("T", 1)[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text).toordinal()
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            first = date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return first.toordinal(), following.toordinal() - 1
        if re.fullmatch(r"\d{4}-W\d{2}", text):
            first = date.fromisocalendar(int(text[:4]), int(text[6:]), 1).toordinal()
            return first, first + 6
        if re.fullmatch(r"\d{4}", text):
            year = int(text)
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def _when(mention: EventMention) -> tuple[int, int] | None:
    """The days the event may have happened on: its date, else the week before publication."""
    interval = date_interval(mention.date)
    if interval is not None and interval[1] - interval[0] < MAX_WINDOW_DAYS:
        return interval
    if mention.published is not None:
        last = mention.published.toordinal()
        return last - UNDATED_LOOKBACK, last
    return None


def _date_keys(interval: tuple[int, int] | None) -> list[str]:
    if interval is None:
        return ["d" + UNKNOWN]
    first, last = interval
    keys = {f"a{n}" for n in range(first // WEEK, last // WEEK + 1)}
    keys |= {f"b{n}" for n in range((first + GRID_SHIFT) // WEEK, (last + GRID_SHIFT) // WEEK + 1)}
    return sorted(keys)


def _place_keys(mention: EventMention) -> list[str]:
    """Where the event is: its place's country (or 1-degree cell), its parties' countries,
    and the unknown place.

    The parties' countries let an unplaced report ("Russian forces attacked") meet placed
    reports of the same event in their country; the unknown place lets a report with
    neither meet them.
    """
    keys: set[str] = set()
    where = mention.location
    if where is not None and where.country:
        keys.add(where.country.upper())
    elif where is not None and where.lat is not None and where.lon is not None:
        keys.add(f"g{math.floor(where.lat)}:{math.floor(where.lon)}")
    countries = sorted(
        {a.country.upper() for a in [*mention.actors, *mention.targets] if a.country}
    )
    keys.update(countries[:MAX_ARGUMENT_COUNTRIES])
    keys.add(UNKNOWN)
    return sorted(keys)


def block_keys(mention: EventMention) -> list[str]:
    """Return the blocks a mention is compared in: ``family|date window|place``.

    Steps:
      1. type family of ``type`` and ``alt_type`` (see ``TYPE_FAMILIES``);
      2. date windows: week windows on two grids shifted by 3 days, over every day the
         date covers (a month or a year covers many windows); an undated mention takes the
         week before its publication; with neither it is in window ``d?``;
      3. place: the location's country (or its 1-degree cell when it has only
         coordinates), the countries of its actors and targets, and for every mention
         ``?``, the unknown-place block where unplaced reports meet placed ones.

    Returns:
        Sorted, distinct keys; every mention has at least one.
    """
    families = type_families(mention)
    dates = _date_keys(_when(mention))
    places = _place_keys(mention)
    return sorted(f"{f}|{d}|{p}" for f in families for d in dates for p in places)


# --------------------------------------------------------------------------- features

FEATURES: tuple[str, ...] = (
    "trigger_same",
    "trigger_overlap",
    "trigger_fuzzy",
    "trigger_in_context",
    "context",
    "title",
    "same_article",
    "same_type",
    "date_known",
    "date_gap",
    "place_known",
    "place_near",
    "place_far",
    "arguments",
    "numbers",
    "published_gap",
    "names",
    "article_words",
    "article_names",
    "trigger_same_x_article",
    "trigger_overlap_x_context",
    "trigger_related",
    "parties_disjoint",
    "trigger_similar",
    "context_similar",
    "article_similar",
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d,.]*")
# A capitalised word not opening its text: a name ("Marlow", "Reuters") in most cases.
_NAME = re.compile(r"(?<=[\w,;:)] )[A-Z][\w-]+")
NEAR_KM = 50.0
FAR_KM = 300.0
GAP_SCALE_DAYS = 30.0


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@functools.lru_cache(maxsize=65_536)
def _content_stems(text: str | None) -> frozenset[str]:
    # Cached: a mention's sentence is read for its own words and again for its article's.
    if not text:
        return frozenset()
    words = (w.lower() for w in _WORD.findall(text))
    return frozenset(_stem(w) for w in words if w not in STOP_WORDS and len(w) > 1)


def _trigger_stems(trigger: str) -> frozenset[str]:
    stems = _content_stems(trigger)
    # A trigger made only of stop words ("did") still has a stem to compare.
    return stems or frozenset(_stem(w.lower()) for w in _WORD.findall(trigger))


def _numbers(mention: EventMention) -> frozenset[float]:
    values: set[float] = set()
    for q in mention.quantities:
        values.update(v for v in (q.value, q.min, q.max) if v is not None)
    for raw in _NUMBER.findall(mention.text):
        try:
            values.add(float(raw.replace(",", "").rstrip(".")))
        except ValueError:
            continue
    return frozenset(values)


def _names(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    return frozenset(w.lower() for w in _NAME.findall(text) if w.lower() not in STOP_WORDS)


def _party_words(mention: EventMention) -> tuple[frozenset[str], frozenset[str]]:
    """Content stems of the actors' and of the targets' names ("the men" -> {"men"})."""
    return (
        frozenset().union(*(_content_stems(a.name) for a in mention.actors)),
        frozenset().union(*(_content_stems(a.name) for a in mention.targets)),
    )


def _argument_names(mention: EventMention) -> frozenset[str]:
    names = {" ".join(a.name.lower().split()) for a in [*mention.actors, *mention.targets]}
    return frozenset(n for n in names if n)


@dataclass(frozen=True, slots=True)
class Profile:
    """What pairwise scoring reads of one mention, computed once (not stable API)."""

    mention_id: str
    article_id: str
    trigger: str
    stems: frozenset[str]
    words: frozenset[str]
    title: frozenset[str]
    type: str
    when: tuple[int, int] | None
    dated: bool
    published: int | None
    lat: float | None
    lon: float | None
    arguments: frozenset[str]
    numbers: frozenset[float]
    names: frozenset[str]
    article_words: frozenset[str]
    article_names: frozenset[str]
    party_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # Rows of the word vectors (dateline.word_vectors) of the trigger's stems, of the
    # sentence's other content stems and of the article's pooled stems.
    trigger_rows: tuple[int, ...] = ()
    words_rows: tuple[int, ...] = ()
    article_rows: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleBag:
    """The words and names of all mentions of one article seen together (not stable API)."""

    words: frozenset[str]
    names: frozenset[str]
    rows: tuple[int, ...] = ()


def article_bags(mentions: Iterable[EventMention]) -> dict[str, ArticleBag]:
    """Pool the words and names of each article's mentions and its title (not stable API).

    The events of one article tell its story together: pooling them gives each mention the
    article's context, which separates two similar happenings (two earthquakes, two
    arrests) better than one sentence does.
    """
    texts: dict[str, set[str]] = {}
    for mention in mentions:
        texts.setdefault(mention.article_id, set()).update(
            t for t in (mention.text, mention.title) if t
        )
    bags: dict[str, ArticleBag] = {}
    for article_id, parts in texts.items():
        ordered = sorted(parts)
        words = frozenset().union(*(_content_stems(t) for t in ordered))
        bags[article_id] = ArticleBag(
            words=words,
            names=frozenset().union(*(_names(t) for t in ordered)),
            rows=word_vectors().rows(words),
        )
    return bags


def profile(mention: EventMention, bag: ArticleBag | None = None) -> Profile:
    """Return the scoring profile of one mention (not stable API).

    Args:
        mention: the mention.
        bag: its article's pooled words (``article_bags``); the mention's own when None.
    """
    if bag is None:
        bag = article_bags([mention])[mention.article_id]
    interval = date_interval(mention.date)
    dated = interval is not None and interval[1] - interval[0] < MAX_WINDOW_DAYS
    where = mention.location
    stems = _trigger_stems(mention.trigger)
    words = _content_stems(mention.text)
    vectors = word_vectors()
    return Profile(
        mention_id=mention.mention_id,
        article_id=mention.article_id,
        trigger=" ".join(mention.trigger.lower().split()),
        stems=stems,
        words=words,
        title=_content_stems(mention.title),
        type=mention.type.upper(),
        when=interval if dated else None,
        dated=dated,
        published=mention.published.toordinal() if mention.published else None,
        lat=where.lat if where is not None else None,
        lon=where.lon if where is not None else None,
        arguments=_argument_names(mention),
        party_words=_party_words(mention),
        numbers=_numbers(mention),
        names=_names(mention.text),
        article_words=bag.words,
        article_names=bag.names,
        trigger_rows=vectors.rows(stems),
        words_rows=vectors.rows(words - stems),
        article_rows=bag.rows,
    )


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared) if shared else 0.0


def _gap_days(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two intervals; 0 when they overlap (a month holds its days)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def related_triggers(
    a: frozenset[str], b: frozenset[str], related: Mapping[tuple[str, str], float]
) -> float:
    """How often two different trigger stems named one event in the scorer's training data.

    Args:
        a: trigger stems of one mention.
        b: trigger stems of the other.
        related: sorted stem pair -> rate at which such pairs were coreferent.

    Returns:
        The highest rate over the stem pairs; 0 when the triggers share a stem (the
        ``trigger_*`` features cover that) or no pair is known.
    """
    if not related or a & b:
        return 0.0
    return max((related.get((x, y) if x < y else (y, x), 0.0) for x in a for y in b), default=0.0)


def parties_disjoint(a: Profile, b: Profile) -> bool:
    """Whether, for actors or for targets, both mentions name parties and one side's party
    words occur nowhere in the other's article.

    Two reports of one event name its actors and targets; when one names a party the
    other's article never mentions ("his hives" burned, against "the men" burning "farm
    waste" in an article without hives; a shell hitting "a power line" against shells
    hitting a village in an article without power lines), they tell two happenings even
    with one trigger. Reading the other's article words (its mentions' clauses and title),
    not only its parties, keeps a report whose party extraction missed ("dockworkers" in
    the title but not as actor) from counting as disjoint. Two mentions of one article
    read each other's clause instead.

    Args:
        a: one mention's profile.
        b: the other's.

    Returns:
        True when, in one role, the parties of one side are absent from the other side.
    """
    # Inside one article the article's words hold every party: each clause is read instead.
    one_article = a.article_id == b.article_id
    a_words = a.words if one_article else a.article_words
    b_words = b.words if one_article else b.article_words
    # isdisjoint walks the small party sets, not the article's words: the check runs on
    # every candidate pair, so it builds no union.
    for mine, theirs in zip(a.party_words, b.party_words, strict=True):
        if (
            mine
            and theirs
            and mine.isdisjoint(theirs)
            and (mine.isdisjoint(b_words) or theirs.isdisjoint(a_words))
        ):
            return True
    return False


# The word-meaning features close FEATURES; pair_feature_matrix computes them for a whole
# batch of pairs at once.
MEANING_FEATURES: tuple[str, ...] = ("trigger_similar", "context_similar", "article_similar")
assert FEATURES[-len(MEANING_FEATURES) :] == MEANING_FEATURES
# The Profile fields each of MEANING_FEATURES compares, in the same order.
_MEANING_ROWS: tuple[str, ...] = ("trigger_rows", "words_rows", "article_rows")


def pair_features(
    a: Profile, b: Profile, related: Mapping[tuple[str, str], float] | None = None
) -> list[float]:
    """Return the feature vector of a pair of mentions, in ``FEATURES`` order (symmetric).

    Args:
        a: one mention's profile.
        b: the other's.
        related: related trigger stems (``Scorer.related``); none when None.
    """
    mean = word_vectors().mean_of_rows
    return [
        *_surface_features(a, b, related),
        *(cosine(mean(getattr(a, f)), mean(getattr(b, f))) for f in _MEANING_ROWS),
    ]


def pair_feature_matrix(
    profiles: Sequence[Profile],
    pairs: Sequence[tuple[int, int]],
    related: Mapping[tuple[str, str], float] | None = None,
) -> numpy.ndarray:
    """The ``pair_features`` rows of many pairs of ``profiles`` (indexes), as one array.

    The word-meaning columns are computed for all pairs in one NumPy operation each,
    instead of one small dot product per pair: the pair loop is linking's hot spot.
    """
    surface = [_surface_features(profiles[i], profiles[j], related) for i, j in pairs]
    rows = numpy.zeros((len(pairs), len(FEATURES)), dtype=numpy.float64)
    if not pairs:
        return rows
    width = len(FEATURES) - len(MEANING_FEATURES)
    rows[:, :width] = surface
    index = numpy.asarray(pairs, dtype=numpy.intp)
    means = word_vectors().means_of_rows
    for column, field_name in enumerate(_MEANING_ROWS):
        table = means([getattr(p, field_name) for p in profiles])
        similar = numpy.einsum("ij,ij->i", table[index[:, 0]], table[index[:, 1]])
        rows[:, width + column] = numpy.maximum(similar, 0.0)
    return rows


def _surface_features(
    a: Profile, b: Profile, related: Mapping[tuple[str, str], float] | None
) -> list[float]:
    """The features before ``MEANING_FEATURES``, in ``FEATURES`` order."""
    date_known = a.when is not None and b.when is not None
    gap = _gap_days(a.when, b.when) if date_known else 0  # type: ignore[arg-type]
    placed = None not in (a.lat, a.lon, b.lat, b.lon)
    km = distance_km(a.lat, a.lon, b.lat, b.lon) if placed else 0.0  # type: ignore[arg-type]
    published = a.published is not None and b.published is not None
    trigger_same = float(a.stems == b.stems)
    trigger_overlap = _jaccard(a.stems, b.stems)
    context = _jaccard(a.words, b.words)
    article_words = _jaccard(a.article_words, b.article_words)
    return [
        trigger_same,
        trigger_overlap,
        ratio(a.trigger, b.trigger) / 100.0,
        float(bool(a.stems & b.words) or bool(b.stems & a.words)),
        context,
        _jaccard(a.title, b.title),
        float(a.article_id == b.article_id),
        float(a.type == b.type),
        float(date_known),
        min(gap, GAP_SCALE_DAYS) / GAP_SCALE_DAYS,
        float(placed),
        float(placed and km <= NEAR_KM),
        float(placed and km > FAR_KM),
        _jaccard(a.arguments, b.arguments),
        _jaccard(a.numbers, b.numbers),
        min(abs(a.published - b.published), GAP_SCALE_DAYS) / GAP_SCALE_DAYS  # type: ignore[operator]
        if published
        else 0.0,
        _jaccard(a.names, b.names),
        article_words,
        _jaccard(a.article_names, b.article_names),
        trigger_same * article_words,
        trigger_overlap * context,
        related_triggers(a.stems, b.stems, related or {}),
        float(parties_disjoint(a, b)),
    ]


# --------------------------------------------------------------------------- scorer


def _product(rows: numpy.ndarray, weights: numpy.ndarray) -> numpy.ndarray:
    """``rows @ weights`` without BLAS: BLAS threads in each linking worker process would
    contend for the same cores (measured: a third more CPU with two workers) for products
    this small."""
    return numpy.einsum("ij,j...->i...", rows, weights)


@dataclass(frozen=True, eq=False)
class Network:
    """A small feed-forward network adding its logit to a scorer's linear part.

    ReLU hidden layers, a linear output unit; it reads the features at ``columns``
    (indexes into ``FEATURES``). Evaluated with NumPy on a whole batch of pairs.
    """

    columns: tuple[int, ...]
    layers: tuple[tuple[numpy.ndarray, numpy.ndarray], ...]  # (weights in x out, bias)

    def logits(self, rows: numpy.ndarray) -> numpy.ndarray:
        """The network's logit of each feature row."""
        x = rows[:, self.columns]
        last = len(self.layers) - 1
        for depth, (weights, bias) in enumerate(self.layers):
            x = _product(x, weights) + bias
            if depth < last:
                x = numpy.maximum(x, 0.0)
        return x[:, 0]

    def to_json(self) -> dict:
        """The JSON form ``scorer.json`` holds."""
        return {
            "columns": [FEATURES[c] for c in self.columns],
            "activation": "relu",
            "layers": [
                {"weights": w.round(6).tolist(), "bias": b.round(6).tolist()}
                for w, b in self.layers
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Network:
        """Read the JSON form (``to_json``)."""
        return cls(
            tuple(FEATURES.index(name) for name in data["columns"]),
            tuple(
                (
                    numpy.asarray(layer["weights"], dtype=numpy.float64),
                    numpy.asarray(layer["bias"], dtype=numpy.float64),
                )
                for layer in data["layers"]
            ),
        )


@dataclass(frozen=True, eq=False)
class Scorer:
    """A pairwise scorer: ``p = sigmoid(bias + weights . features + network(features))``.

    The trained scorer's network reads the features ECB+ exercises and the linear part
    carries the hand-set weights of the others (dates, places, parties); the rule scorer
    has no network. ``related`` holds the trigger stem pairs learned with the weights
    (``trigger_related``).
    """

    name: str
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    related: Mapping[tuple[str, str], float] = field(default_factory=dict)
    network: Network | None = None

    @functools.cached_property
    def partners(self) -> dict[str, tuple[str, ...]]:
        """stem -> the '~a|b' anchors of the related stem pairs it is in."""
        built: dict[str, list[str]] = {}
        for first, second in sorted(self.related):
            name = f"~{first}|{second}"
            built.setdefault(first, []).append(name)
            built.setdefault(second, []).append(name)
        return {stem: tuple(names) for stem, names in built.items()}

    def score(self, a: Profile, b: Profile) -> float:
        """Return the probability that two profiled mentions report the same event."""
        return self.probability(pair_features(a, b, self.related))

    def probabilities(self, rows: Sequence[Sequence[float]] | numpy.ndarray) -> list[float]:
        """Return the probability of each feature row."""
        if len(rows) == 0:
            return []
        matrix = numpy.asarray(rows, dtype=numpy.float64)
        z = _product(matrix, numpy.asarray(self.weights)) + self.bias
        if self.network is not None:
            z = z + self.network.logits(matrix)
        return (1.0 / (1.0 + numpy.exp(-numpy.clip(z, -60.0, 60.0)))).tolist()

    def probability(self, features: Sequence[float]) -> float:
        """Return the probability that a pair reports the same event."""
        return self.probabilities([features])[0]


# Hand-set weights: the rule-based variant, kept selectable beside the trained one.
RULE_WEIGHTS: dict[str, float] = {
    "trigger_same": 3.0,
    "trigger_overlap": 1.0,
    "trigger_fuzzy": 0.0,
    "trigger_in_context": 0.0,
    "context": 1.5,
    "title": 1.0,
    "same_article": -2.0,
    "same_type": 0.5,
    "date_known": 0.5,
    "date_gap": -6.0,
    "place_known": 0.0,
    "place_near": 1.0,
    "place_far": -3.0,
    "arguments": 2.0,
    "numbers": 0.5,
    "published_gap": -1.0,
    "names": 0.5,
    "article_words": 1.5,
    "article_names": 1.0,
    "trigger_same_x_article": 1.5,
    "trigger_overlap_x_context": 0.0,
    "trigger_related": 2.0,
    "parties_disjoint": -3.0,
    "trigger_similar": 0.0,
    "context_similar": 0.0,
    "article_similar": 0.0,
}
RULE_BIAS = -3.5
RULE_THRESHOLD = 0.5
MODEL_FILE = "data/linking/scorer.json"
RELATED_FILE = "data/linking/related_triggers.tsv"


def rule_scorer() -> Scorer:
    """Return the hand-weighted scorer."""
    return Scorer("rules", tuple(RULE_WEIGHTS[f] for f in FEATURES), RULE_BIAS, RULE_THRESHOLD)


@functools.cache
def trained_scorer() -> Scorer:
    """Load the trained scorer shipped in package data (see ``dateline.training.linking``).

    Falls back to the rule scorer when the package carries no trained model.
    """
    path = resources.files("dateline").joinpath(MODEL_FILE)
    if not path.is_file():
        return rule_scorer()
    model = json.loads(path.read_text(encoding="utf-8"))
    weights = model["weights"]
    return Scorer(
        "trained",
        tuple(float(weights[f]) for f in FEATURES),
        float(model["bias"]),
        float(model["threshold"]),
        read_related(resources.files("dateline").joinpath(RELATED_FILE).read_text("utf-8")),
        Network.from_json(model["network"]) if model.get("network") else None,
    )


def read_related(text: str) -> dict[tuple[str, str], float]:
    """Parse a related-triggers table: ``stem_a<TAB>stem_b<TAB>coreferent<TAB>pairs`` lines.

    The rate kept is ``coreferent / (pairs + 1)`` (one unseen pair of doubt).
    """
    related: dict[tuple[str, str], float] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        first, second, coreferent, pairs = line.split("\t")
        related[(first, second)] = int(coreferent) / (int(pairs) + 1)
    return related


def scorer_for(settings: LinkingSettings) -> Scorer:
    """Return the scorer the settings select."""
    return trained_scorer() if settings.scorer == "trained" else rule_scorer()


def score_pair(a: EventMention, b: EventMention, settings: LinkingSettings | None = None) -> float:
    """Return the probability that two mentions report the same real-world event."""
    chosen = scorer_for(settings or LinkingSettings())
    bags = article_bags([a, b])
    return chosen.score(profile(a, bags[a.article_id]), profile(b, bags[b.article_id]))


# --------------------------------------------------------------------------- linking


def cluster_id(founder: str) -> str:
    """Return the cluster id a new cluster takes from its smallest mention id."""
    return "c" + hashlib.sha1(founder.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Group:
    """Mentions being agglomerated; ``cluster`` is set when it holds a stored cluster."""

    name: str
    members: list[int]
    cluster: str | None
    alive: bool = True


def anchors(item: Profile, partners: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """What a mention can share with another report of its event (not stable API).

    Its trigger stems, the related stem pairs it takes part in (``Scorer.partners``), and
    its parties' names. Inside a dense block only mentions sharing an anchor are compared.
    """
    found = set(item.stems)
    found.update(f"@{name}" for name in item.arguments)
    for stem in item.stems:
        found.update(partners.get(stem, ()))
    return frozenset(found)


def _candidate_pairs(
    keys: Sequence[Sequence[str]],
    is_new: Sequence[bool],
    anchor_sets: Sequence[frozenset[str]],
    days: Sequence[int],
    max_block: int,
    max_candidates: int,
) -> list[tuple[int, int]]:
    """Pairs of mention indexes sharing a block, at least one of them new.

    Steps, for each new mention:
      1. its candidates are the mentions of its blocks; in a block of more than
         ``max_block`` mentions (a busy capital in a busy week) only those sharing one of
         its anchors;
      2. of more than ``max_candidates`` candidates it keeps those sharing an anchor
         first, then the nearest in time (then the first in mention order).
    The cost per mention is thus bounded however dense the news is.
    """
    blocks: dict[str, list[int]] = {}
    for index, mention_keys in enumerate(keys):
        for key in mention_keys:
            blocks.setdefault(key, []).append(index)
    candidates: dict[int, set[int]] = {}
    for members in blocks.values():
        fresh = [i for i in members if is_new[i]]
        if not fresh:
            continue
        if len(members) <= max_block:
            for i in fresh:
                candidates.setdefault(i, set()).update(members)
            continue
        by_anchor: dict[str, list[int]] = {}
        for j in members:
            for anchor in anchor_sets[j]:
                by_anchor.setdefault(anchor, []).append(j)
        for i in fresh:
            near = candidates.setdefault(i, set())
            for anchor in anchor_sets[i]:
                near.update(by_anchor[anchor])
    pairs: set[tuple[int, int]] = set()
    for i, near in candidates.items():
        near.discard(i)
        chosen: Iterable[int] = near
        if len(near) > max_candidates:
            chosen = _nearest(i, near, anchor_sets, days, max_candidates)
        pairs.update((i, j) if i < j else (j, i) for j in chosen)
    return sorted(pairs)


def _nearest(
    i: int,
    near: Iterable[int],
    anchor_sets: Sequence[frozenset[str]],
    days: Sequence[int],
    limit: int,
) -> list[int]:
    """The ``limit`` candidates of mention ``i`` it shares an anchor with first, then the
    nearest in time, then the first in mention order.

    Each candidate is ranked by one integer, days apart x count + index, which orders
    as the pair (days apart, index) does: sorting integers spares a key function per
    candidate, the hot spot of linking dense news.
    """
    mine, day, count = anchor_sets[i], days[i], len(days)
    sharing: list[int] = []
    others: list[int] = []
    for j in near:
        rank = abs(days[j] - day) * count + j
        (others if mine.isdisjoint(anchor_sets[j]) else sharing).append(rank)
    if len(sharing) >= limit:
        ranks = heapq.nsmallest(limit, sharing)
    else:
        ranks = sharing + heapq.nsmallest(limit - len(sharing), others)
    return [rank % count for rank in ranks]


def _day(item: Profile) -> int:
    """The day a mention sorts by in a dense block: its date's start, else publication."""
    if item.when is not None:
        return item.when[0]
    return item.published if item.published is not None else 0


def _initial_groups(
    mentions: Sequence[EventMention], is_new: Sequence[bool]
) -> tuple[list[_Group], list[int]]:
    """One group per stored cluster and per new (article, restatement group)."""
    groups: list[_Group] = []
    group_of: list[int] = [0] * len(mentions)
    by_key: dict[tuple[str, str], int] = {}
    for index, mention in enumerate(mentions):
        if is_new[index]:
            key = ("new", f"{mention.article_id}/{mention.group or mention.event_id}")
            cluster = None
        else:
            cluster = mention.cluster or cluster_id(mention.mention_id)
            key = ("stored", cluster)
        if key not in by_key:
            by_key[key] = len(groups)
            groups.append(_Group(name=mention.mention_id, members=[], cluster=cluster))
        group = groups[by_key[key]]
        group.members.append(index)
        group.name = min(group.name, mention.mention_id)
        group_of[index] = by_key[key]
    return groups, group_of


def _agglomerate(
    groups: list[_Group],
    links: dict[tuple[int, int], list[float]],
    threshold: float,
) -> None:
    """Average-link merging of ``groups`` in place, best pair first, until below threshold.

    ``links`` maps a group pair to [sum of pair probabilities, number of scored pairs].
    Two groups that both hold a stored cluster are never merged. Ties break on the
    groups' names (their smallest mention ids).

    The heap holds (negated average, names, groups) entries. A merge absorbs the group with
    the larger name into the other, so the survivor keeps its name, and only the links
    the absorbed group brought change: only those are pushed again. An entry is stale
    when a group in it is gone or its average is no longer the link's.
    """
    adjacency: dict[int, dict[int, list[float]]] = {}
    for (g, h), link in links.items():
        adjacency.setdefault(g, {})[h] = link
        adjacency.setdefault(h, {})[g] = link
    heap = [_entry(groups, g, h, total / count) for (g, h), (total, count) in links.items()]
    heapq.heapify(heap)
    while heap:
        negative, _, _, g, h = heapq.heappop(heap)
        a, b = groups[g], groups[h]
        if not (a.alive and b.alive):
            continue
        total, count = adjacency[g][h]
        if total / count != -negative:
            continue
        if -negative < threshold:
            break
        if a.cluster is not None and b.cluster is not None:
            continue
        for neighbour, link in _merge(groups, adjacency, g, h):
            heapq.heappush(heap, _entry(groups, g, neighbour, link[0] / link[1]))


def _entry(
    groups: list[_Group], g: int, h: int, average: float
) -> tuple[float, str, str, int, int]:
    """The heap entry of a link: the group with the smaller name first."""
    first, second = groups[g].name, groups[h].name
    if second < first:
        return (-average, second, first, h, g)
    return (-average, first, second, g, h)


def _merge(
    groups: list[_Group], adjacency: dict[int, dict[int, list[float]]], g: int, h: int
) -> list[tuple[int, list[float]]]:
    """Merge group ``h`` into group ``g``, summing their links to every other group.

    ``g`` has the smaller name, which the merged group keeps.

    Returns:
        The links of ``g`` that changed (those to ``h``'s neighbours), as (group, link).
    """
    a, b = groups[g], groups[h]
    a.members.extend(b.members)
    a.cluster = a.cluster or b.cluster
    b.alive = False
    mine = adjacency[g]
    del mine[h]
    changed: list[tuple[int, list[float]]] = []
    for neighbour, (total, count) in adjacency.pop(h).items():
        if neighbour == g:
            continue
        theirs = adjacency[neighbour]
        del theirs[h]
        link = mine.get(neighbour)
        if link is not None:
            link[0] += total
            link[1] += count
        else:
            link = [total, count]
            mine[neighbour] = link
            theirs[g] = link
        changed.append((neighbour, link))
    return changed


def _distinct_new(new: Iterable[EventMention], stored_ids: set[str]) -> list[EventMention]:
    """New mentions not already stored, one per mention id, sorted by id (order-free)."""
    chosen: dict[str, EventMention] = {}
    for mention in new:
        if mention.mention_id not in stored_ids:
            chosen.setdefault(mention.mention_id, mention)
    return [chosen[k] for k in sorted(chosen)]


def link_mentions(
    new: Sequence[EventMention],
    stored: Sequence[EventMention] = (),
    *,
    settings: LinkingSettings | None = None,
    scorer: Scorer | None = None,
) -> LinkResult:
    """Assign cross-article cluster ids to new mentions, joining stored clusters or opening new.

    Steps:
      1. new mentions already in ``stored`` (same ``mention_id``) keep their stored cluster;
      2. restatements inside one article (same ``group``) start as one group; each stored
         cluster is one group;
      3. every pair sharing a block key (``block_keys``), at least one of them new, is
         scored; in a block of more than ``settings.max_block`` mentions a new mention
         is paired only with mentions sharing an anchor (trigger stem, related stem pair,
         party name), and with at most ``settings.max_candidates`` mentions in all,
         anchor-sharing and nearest in time first;
      4. groups merge by average link, best first, while the average probability reaches
         the threshold (``settings.threshold``, else the scorer's own); two stored
         clusters never merge;
      5. a group holding a stored cluster keeps its id; any other opens a cluster named
         after its smallest mention id (``cluster_id``), so ids do not depend on input order.

    Args:
        new: mentions to link; their ``cluster`` is ignored and set.
        stored: already-linked mentions, at least those sharing a block key with a new one.
            A stored mention without a cluster is its own cluster.
        settings: the ``[linking]`` settings; defaults when None.
        scorer: a pairwise scorer to use instead of the one the settings select (training
            and evaluation compare candidate scorers this way).

    Returns:
        The new mentions in input order with ``cluster`` set, and the clusters opened/joined.
    """
    settings = settings or LinkingSettings()
    with paused_gc():
        return _link(new, stored, settings, scorer or scorer_for(settings))


def _link(
    new: Sequence[EventMention],
    stored: Sequence[EventMention],
    settings: LinkingSettings,
    chosen: Scorer,
) -> LinkResult:
    """``link_mentions`` with its settings and scorer chosen."""
    stored_by_id = {m.mention_id: m for m in stored}
    fresh = _distinct_new(new, set(stored_by_id))
    relevant = [stored_by_id[k] for k in sorted(stored_by_id)]
    mentions = fresh + relevant
    is_new = [True] * len(fresh) + [False] * len(relevant)
    groups, group_of = _initial_groups(mentions, is_new)
    links = _scored_links(mentions, is_new, group_of, settings, chosen)
    threshold = settings.threshold if settings.threshold is not None else chosen.threshold
    _agglomerate(groups, links, threshold)
    assigned, opened, joined = _clusters_of(groups, mentions, is_new)
    return link_result(new, stored_by_id, assigned, opened, joined)


def link_result(
    new: Sequence[EventMention],
    stored_by_id: dict[str, EventMention],
    assigned: dict[str, str],
    opened: Iterable[str],
    joined: Iterable[str],
) -> LinkResult:
    """The new mentions with their clusters (stored ones keep theirs) (not stable API)."""
    for mention_id, mention in stored_by_id.items():
        assigned[mention_id] = mention.cluster or cluster_id(mention_id)
    return LinkResult(
        mentions=[m.model_copy(update={"cluster": assigned[m.mention_id]}) for m in new],
        opened=sorted(opened),
        joined=sorted(joined),
    )


def _scored_links(
    mentions: list[EventMention],
    is_new: list[bool],
    group_of: list[int],
    settings: LinkingSettings,
    chosen: Scorer,
) -> dict[tuple[int, int], list[float]]:
    """Score the candidate pairs of different groups; sum them per pair of groups.

    Returns:
        (group, group) with the smaller index first -> [sum of probabilities, pairs].
    """
    bags = article_bags(mentions)
    profiles = [profile(m, bags[m.article_id]) for m in mentions]
    keys = [block_keys(m) for m in mentions]
    anchor_sets = [anchors(p, chosen.partners) for p in profiles]
    days = [_day(p) for p in profiles]
    pairs = [
        (i, j)
        for i, j in _candidate_pairs(
            keys, is_new, anchor_sets, days, settings.max_block, settings.max_candidates
        )
        if group_of[i] != group_of[j]
    ]
    probabilities = chosen.probabilities(pair_feature_matrix(profiles, pairs, chosen.related))
    links: dict[tuple[int, int], list[float]] = {}
    for (i, j), probability in zip(pairs, probabilities, strict=True):
        g, h = group_of[i], group_of[j]
        link = links.setdefault((g, h) if g < h else (h, g), [0.0, 0])
        link[0] += probability
        link[1] += 1
    return links


def _clusters_of(
    groups: list[_Group], mentions: list[EventMention], is_new: list[bool]
) -> tuple[dict[str, str], set[str], set[str]]:
    """The cluster of each new mention, and the clusters opened and joined."""
    assigned: dict[str, str] = {}
    opened: set[str] = set()
    joined: set[str] = set()
    for group in groups:
        if not group.alive:
            continue
        fresh_members = [i for i in group.members if is_new[i]]
        if not fresh_members:
            continue
        if group.cluster is not None:
            cluster = group.cluster
            joined.add(cluster)
        else:
            cluster = cluster_id(group.name)
            opened.add(cluster)
        for i in fresh_members:
            assigned[mentions[i].mention_id] = cluster
    return assigned, opened, joined
