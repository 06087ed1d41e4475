"""Timelines across articles: linked event mentions into dated entries that show what is
corroborated, what is contradicted and how figures moved.

``build_timeline`` is pure: mentions in (``EventMention.cluster`` set by the linker), a
``Timeline`` record out. Steps:

1. Group the mentions by cluster id. A mention the linker left unclustered stands alone (with
   its in-article restatements, which share ``group``). A group of denials alone joins the
   group of the reports it denies (``_attach_denials``). A report inside the clause of a
   denying verb ("rejected reports that ...") rests on the verb's subject, who denies it.
2. Keep the groups that match ``about`` and fall in the ``date_from``..``date_to`` window.
3. Per group: the date and how sure it is, who did what to whom and where, the mentions, and
   corroboration: distinct outlets and independent sources, where outlets that only relay one
   original source count once.
4. Contradictions: a report that it happened against a report that it did not (occurrence),
   stated days that disagree (date), and figures for the same counted thing on the same day,
   published on the same day, that cannot both hold (figure).
5. Figure series: the same counted thing (same event type, same counted noun, same unit)
   reported over time, oldest first.

The original source of a report is the deepest source in its attribution chain that can be
identified by name (a named person or organisation, or an outlet). A chain of anonymous
sources alone cannot be identified across outlets, so it counts once per outlet. A report
with no source but its own outlet rests on that outlet, unless the same article attributes
the event elsewhere (a headline restating its lede rests on the lede's source). Source
names from different articles match when their normalised words are the same or one set
holds the other ("Meridian" and "Meridian News Agency").
"""

from __future__ import annotations

import calendar
import functools
import logging
import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

import snowballstemmer
from rapidfuzz import fuzz, process

from dateline.errors import InputError
from dateline.records import (
    Contradiction,
    Corroboration,
    DatePrecision,
    EventMention,
    FigurePoint,
    FigureSeries,
    IndependentSource,
    OriginKind,
    PlaceRef,
    Quantity,
    RelayNote,
    Source,
    Timeline,
    TimelineDate,
    TimelineEntry,
    TimelineMention,
)
from dateline.timeline_figures import FigureKey, Reading, outcome_of, read_figure

logger = logging.getLogger(__name__)

OCCURRENCE_MODALITIES = frozenset({"asserted", "reported", "alleged"})
# Only a date written in the clause or sentence of a report can contradict another; a
# narrative date is carried over from an earlier sentence, an inference rather than a claim.
CONTRADICTING_DATE_SOURCES = frozenset({"clause", "sentence"})
STATED_DATE_SOURCES = frozenset({"clause", "sentence", "narrative"})
IDENTIFIABLE_KINDS = frozenset({"named", "outlet"})
NEGATION_LEXICON = "data/claims/modality.toml"
DENIALS_LEXICON = "data/timeline/denials.toml"
APPROX_TOLERANCE = 0.10  # "about 2,000" holds 1,800..2,200
SOURCE_NAME_MATCH = 90  # rapidfuzz token_set_ratio at or above which two names are one source
SUMMARY_WIDTH = 160
UNKNOWN_TYPE = "OTHER"
COMMON_WORD_GROUPS = 50  # a participant word in more groups than this blocks nothing
LATE_PARTS = ("TEV", "TNI")  # TIMEX3 parts of a day that run up to midnight
EARLY_PARTS = ("TMO",)  # and the part of the next day that follows it
SERIES_GAP_DAYS = 14  # figures of one thing further apart than this are two series
# Words of argument names that identify no participant: a shared "the" or "village" does
# not make a denial and a report tell of the same thing.
_GENERIC_ARGUMENT_WORDS = frozenset(
    "a an and area border city country forces his her its of on the their them they this "
    "those these town troops units village".split()
)
# Objects of a denying verb that refer back to a report ("dismissed the claim").
_CLAIM_WORDS = frozenset(
    "accusation accusations allegation allegations claim claims it report reports story "
    "suggestion suggestions that this".split()
)
_COMPLEMENT_LEAD = re.compile(
    r"\b(?:that|reports?|claims?|allegations?|accusations?|suggestions?)\b", re.IGNORECASE
)
_ARGUMENT_WORD = re.compile(r"[^\W\d_][\w'-]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?![\d-])")
_YEAR = re.compile(r"^(\d{4})(?!\d)")


@dataclass(frozen=True)
class _Bounds:
    """The days a TIMEX3 value can stand for. Not stable API."""

    start: date
    end: date
    precision: DatePrecision


@dataclass(frozen=True)
class _Origin:
    """The original source a report rests on: its display name, kind and counting key."""

    key: str
    name: str
    kind: OriginKind


def build_timeline(
    mentions: Sequence[EventMention],
    *,
    about: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Timeline:
    """Build the timeline of linked event mentions.

    Args:
        mentions: event mentions from any number of articles, ``cluster`` set by the linker.
        about: keep entries whose reports mention every word of it (case-insensitive) in
            their sentence, actors, targets, place, trigger, type, outlet or sources.
        date_from: keep entries whose date can fall on or after this day.
        date_to: keep entries whose date can fall on or before this day.

    Returns:
        The entries in date order (undated last), the contradictions among them and the
        figure series they report.

    Raises:
        InputError: ``date_from`` is after ``date_to`` (DL240).
    """
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError("DL240", date_from=date_from, date_to=date_to)
    mentions = _with_framed_denials(mentions)
    origins = _OriginResolver(mentions)
    raw = {
        entry_id: members
        for entry_id, members in _attach_denials(_group_by_cluster(mentions)).items()
        if _matches(members, about)
    }
    drafts = [_draft_entry(entry_id, members, origins) for entry_id, members in raw.items()]
    drafts = [d for d in drafts if _in_window(d.date, date_from, date_to)]
    drafts.sort(key=_entry_order)
    contradictions = _entry_contradictions(drafts, raw, origins)
    series = _figure_series(drafts, raw, origins)
    contradictions += _figure_contradictions(series, start=len(contradictions) + 1)
    entries = _attach_ids(drafts, contradictions, series)
    logger.info(
        "timeline: %d mentions, %d entries, %d contradictions, %d figure series",
        len(mentions),
        len(entries),
        len(contradictions),
        len(series),
    )
    return Timeline(
        about=about,
        date_from=date_from,
        date_to=date_to,
        entries=entries,
        contradictions=contradictions,
        figures=series,
    )


# --------------------------------------------------------------------------- grouping


def _group_by_cluster(mentions: Iterable[EventMention]) -> dict[str, list[EventMention]]:
    groups: dict[str, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        groups[_entry_id(mention)].append(mention)
    return {key: sorted(members, key=_mention_order) for key, members in groups.items()}


def _attach_denials(groups: dict[str, list[EventMention]]) -> dict[str, list[EventMention]]:
    """Move each denial that denies nothing in its own group into the group of the reports
    it denies.

    The linker weighs a denial by its own date, source and wording, and may leave "the
    ministry denied that its forces had shelled the village" apart from the reports of the
    shelling; there, the denial contradicts nothing. It joins the group whose reports tell
    the same happening (``_denies_report``), the one sharing most participant words with it,
    the smallest group id on ties. Reports never move, so the result does not depend on the
    order of the groups.
    """
    reported = {key: occ for key, members in groups.items() if (occ := _occurrences(members))}
    # Only groups sharing a participant or place word can match: look them up by word, so
    # the cost follows the denials, not denials x groups.
    by_word: dict[str, set[str]] = defaultdict(set)
    for key, reports in reported.items():
        for report in reports:
            for word in _argument_words(report):
                by_word[word].add(key)
    merged = {key: list(members) for key, members in groups.items()}
    for key, members in groups.items():
        for denial in _denials(members):
            if any(_same_happening(r, denial) for r in reported.get(key, ())):
                continue
            candidates = _candidate_groups(by_word, _argument_words(denial))
            scores = {
                target: score
                for target in candidates - {key}
                if (score := _denial_score([denial], reported[target])) > 0
            }
            if not scores:
                continue
            target = min(scores, key=lambda t: (-scores[t], t))
            merged[key].remove(denial)
            merged[target].append(denial)
            logger.debug("timeline: denial %s joins group %s", denial.mention_id, target)
    return {key: sorted(members, key=_mention_order) for key, members in merged.items() if members}


def _candidate_groups(by_word: dict[str, set[str]], words: Iterable[str]) -> set[str]:
    """The groups holding one of ``words``; a word held by more than ``COMMON_WORD_GROUPS``
    groups ("police", "people") names no one in particular and is not looked up, so the
    cost stays near-linear in the number of groups."""
    held = (by_word[w] for w in words if w in by_word)
    return set().union(*(groups for groups in held if len(groups) <= COMMON_WORD_GROUPS))


def _denial_score(denials: list[EventMention], reports: list[EventMention]) -> int:
    """How closely a denial matches a report of the same happening it denies: two points
    per actor or target word in common, one per place word (0: it denies none of them).
    The place weighs less: a denial is often placed where it was made, not where the
    denied thing happened."""
    return max(
        (
            2 * len(_participant_words(d) & _participant_words(r))
            + len(_place_words(d) & _place_words(r))
            for d in denials
            for r in reports
            if _denies_report(d, r)
        ),
        default=0,
    )


def _denies_report(denial: EventMention, report: EventMention) -> bool:
    """Whether a denial can deny a report held elsewhere: the same happening with a
    participant word in common, and a date that does not end before the report's day."""
    if not _argument_words(denial) & _argument_words(report):
        return False
    if not (_same_kind(denial, report) or _same_predicate(denial, report)):
        if UNKNOWN_TYPE not in {denial.type, report.type}:
            return False
    denied_on, reported_on = _stated_bounds(denial), _stated_bounds(report)
    if denied_on is None or reported_on is None:
        return True
    return denied_on.end >= reported_on.start - timedelta(days=1)


@functools.lru_cache(maxsize=16384)
def _name_words(name: str) -> frozenset[str]:
    words = {w.casefold() for w in _ARGUMENT_WORD.findall(name)}
    return frozenset(words - _GENERIC_ARGUMENT_WORDS)


def _argument_words(mention: EventMention) -> frozenset[str]:
    """Words naming who took part and where: actors, targets, place."""
    return _participant_words(mention) | _place_words(mention)


def _participant_words(mention: EventMention) -> frozenset[str]:
    return _words_of(tuple(a.name for a in mention.actors) + tuple(a.name for a in mention.targets))


@functools.lru_cache(maxsize=16384)
def _words_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(_name_words(n) for n in names))


def _place_words(mention: EventMention) -> frozenset[str]:
    return _name_words(mention.location.name) if mention.location is not None else frozenset()


def _same_predicate(a: EventMention, b: EventMention) -> bool:
    """Whether two triggers share their verb's stem ("opened", "opening")."""
    return _predicate(a.trigger) == _predicate(b.trigger)


@functools.lru_cache(maxsize=16384)
def _predicate(trigger: str) -> str:
    words = trigger.casefold().split()
    return _stemmer().stemWord(words[0]) if words else ""


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def _entry_id(mention: EventMention) -> str:
    if mention.cluster:
        return mention.cluster
    return f"{mention.article_id}/{mention.group or mention.event_id}"


def _mention_order(mention: EventMention) -> tuple:
    return (
        mention.published or date.max,
        mention.outlet or "",
        mention.article_id,
        mention.span,
        mention.mention_id,
    )


def _matches(members: list[EventMention], about: str | None) -> bool:
    if not about:
        return True
    haystack = " ".join(_searchable(m) for m in members).casefold()
    return all(word in haystack for word in about.casefold().split())


def _searchable(mention: EventMention) -> str:
    # Not the title: it names what the whole article is about, not this event.
    parts = [mention.text, mention.trigger, mention.type, mention.outlet or ""]
    parts += [a.name for a in mention.actors] + [a.name for a in mention.targets]
    parts += [s.name for s in mention.attribution.sources]
    if mention.location is not None:
        parts.append(mention.location.name)
    return " ".join(parts)


def _in_window(when: TimelineDate, date_from: date | None, date_to: date | None) -> bool:
    if date_from is None and date_to is None:
        return True
    if when.start is None or when.end is None:
        return False
    return (date_from is None or when.end >= date_from) and (
        date_to is None or when.start <= date_to
    )


def _entry_order(entry: TimelineEntry) -> tuple:
    return (entry.date.start or date.max, entry.date.end or date.max, entry.type, entry.id)


# --------------------------------------------------------------------------- dates


@functools.lru_cache(maxsize=4096)
def date_bounds(value: str | None) -> _Bounds | None:
    """Return the first and last day a TIMEX3 date value can stand for, and its precision.

    "2025-08-11" and "2025-08-11TAF" are days, "2025-W33" a range of seven days,
    "2025-08" a month, "2025" and "2025-SU" a year. Not stable API.
    """
    if not value:
        return None
    if match := _DAY.match(value):
        try:
            day = date(*map(int, match.groups()))
        except ValueError:
            return None
        return _Bounds(day, day, "day")
    if match := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        return _Bounds(monday, monday + timedelta(days=6), "range")
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        return _Bounds(date(year, month, 1), date(year, month, last), "month")
    if match := _YEAR.match(value):
        year = int(match[1])
        return _Bounds(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def _entry_date(members: list[EventMention]) -> TimelineDate:
    """The entry's date: the days stated by reports that it happened, else by any report,
    else the earliest publication date."""
    reports = _occurrences(members) or members
    stated = [
        (m.date, b)
        for m in reports
        if m.date_source in STATED_DATE_SOURCES and (b := date_bounds(m.date)) is not None
    ]
    if stated:
        return _consensus(stated)
    published = sorted(m.published for m in members if m.published is not None)
    if published:
        first = published[0]
        return TimelineDate(
            value=first.isoformat(), start=first, end=first, precision="day", basis="publication"
        )
    return TimelineDate(value=None)


def _consensus(stated: list[tuple[str | None, _Bounds]]) -> TimelineDate:
    """One value when the most precise stated dates agree, else the range they span."""
    narrowest = min(b.end - b.start for _, b in stated)
    finest = [(value, b) for value, b in stated if b.end - b.start == narrowest]
    distinct = sorted({(b.start, b.end) for _, b in finest})
    start, end = distinct[0][0], max(last for _, last in distinct)
    if len(distinct) == 1:
        value, bounds = finest[0]
        return TimelineDate(
            value=_plain_value(value, bounds),
            start=start,
            end=end,
            precision=bounds.precision,
            basis="stated",
        )
    return TimelineDate(
        value=f"{start.isoformat()}/{end.isoformat()}",
        start=start,
        end=end,
        precision="range",
        basis="stated",
    )


def _plain_value(value: str | None, bounds: _Bounds) -> str:
    """The stated value without its time of day: '2025-08-13TAF' is the day 2025-08-13."""
    widths = {"day": 10, "month": 7, "year": 4}
    if bounds.precision in widths:
        return bounds.start.isoformat()[: widths[bounds.precision]]
    return value or f"{bounds.start.isoformat()}/{bounds.end.isoformat()}"


def _report_day(mention: EventMention) -> date | None:
    """The day a report's figure holds for: the day its clause or sentence states, else its
    publication date.

    A narrative date is carried over from an earlier sentence, often from another source's
    claim; a figure that states no day of its own is the count as of publication.
    """
    bounds = _stated_bounds(mention)
    if bounds is not None and bounds.precision == "day":
        return bounds.start
    return mention.published


def _figure_period(mention: EventMention) -> str | None:
    """The period a figure belongs to when its clause dates it outside the time of
    publication ("40 people died in 2019"): such a figure counts another happening and
    never joins the series of the news. None for a figure of the time of publication."""
    bounds = _stated_bounds(mention)
    if bounds is None or bounds.precision == "day" or mention.published is None:
        return None
    if bounds.start <= mention.published <= bounds.end:
        return None
    return mention.date


def _stated_bounds(mention: EventMention) -> _Bounds | None:
    if mention.date_source not in CONTRADICTING_DATE_SOURCES:
        return None
    return date_bounds(mention.date)


# --------------------------------------------------------------------------- sources


class _OriginResolver:
    """Canonical source names across articles, and each report's original source.

    Not stable API.
    """

    def __init__(self, mentions: Sequence[EventMention]) -> None:
        names = {m.outlet for m in mentions if m.outlet}
        names |= {
            s.name for m in mentions for s in m.attribution.sources if s.kind in IDENTIFIABLE_KINDS
        }
        self._canonical = _canonical_names(names)
        self._holders: dict[str, set[str]] = defaultdict(set)  # word -> names holding it
        for name in set(self._canonical.values()):
            for word in _normalise(name).split():
                self._holders[word].add(name)
        self._origins: dict[str, _Origin] = {}

    def canonical(self, name: str) -> str:
        """Return the display name of the source ``name`` stands for."""
        return self._canonical.get(name, name)

    def origin(self, mention: EventMention) -> _Origin:
        """Return the original source ``mention`` rests on (computed once per mention)."""
        found = self._origins.get(mention.mention_id)
        if found is None:
            found = self._origins[mention.mention_id] = self._find_origin(mention)
        return found

    def identified(self, source: Source) -> str | None:
        """The name a source is known by across articles, None when it cannot be told apart.

        A named source or an outlet is known by its canonical name. An anonymous one ("the
        fire brigade", "police") is known by the one identifiable name whose words hold all
        of its words ("the regional fire brigade"): a relay that shortens the name still
        points at the source the first report named.
        """
        if source.kind in IDENTIFIABLE_KINDS:
            return self.canonical(source.name)
        if source.kind != "anonymous":
            return None
        words = _normalise(source.name).split()
        if not words:
            return None
        holders = set.intersection(*(self._holders.get(w, set()) for w in words))
        return next(iter(holders)) if len(holders) == 1 else None

    def _find_origin(self, mention: EventMention) -> _Origin:
        outlet = mention.outlet or f"article {mention.article_id}"
        chain = [s for s in mention.attribution.sources if not self._is_own(s, mention)]
        identifiable = [(s, name) for s in chain if (name := self.identified(s)) is not None]
        if identifiable:
            source, name = identifiable[-1]
            kind = source.kind if source.kind in IDENTIFIABLE_KINDS else "named"
            return _Origin(_normalise(name), name, kind)
        if chain:
            name = f"{chain[-1].name} ({outlet})"
            return _Origin(_normalise(name), name, chain[-1].kind)
        name = self.canonical(outlet)
        return _Origin(_normalise(name), name, "own")

    def _is_own(self, source: Source, mention: EventMention) -> bool:
        return (
            source.kind == "outlet"
            and mention.outlet is not None
            and self.canonical(source.name) == self.canonical(mention.outlet)
        )


def _canonical_names(names: set[str]) -> dict[str, str]:
    """Map each name to the longest name it matches, longest names first so the mapping
    does not depend on input order."""
    mapping: dict[str, str] = {}
    normalised: list[str] = []
    displays: list[str] = []
    # A lower-case leading article reads better mid-sentence ("citing the fire service").
    for name in sorted(names, key=lambda n: (-len(_normalise(n)), not n[:1].islower(), n)):
        norm = _normalise(name)
        match = process.extractOne(
            norm, normalised, scorer=fuzz.token_set_ratio, score_cutoff=SOURCE_NAME_MATCH
        )
        if match is None or not norm:
            normalised.append(norm)
            displays.append(name)
            mapping[name] = name
        else:
            mapping[name] = displays[match[2]]
    return mapping


@functools.lru_cache(maxsize=16384)
def _normalise(name: str) -> str:
    text = _POSSESSIVE.sub("", " ".join(name.split()))
    return _LEADING_ARTICLE.sub("", text).casefold()


def _report_origins(reports: list[EventMention], origins: _OriginResolver) -> dict[str, _Origin]:
    """Each report's original source, with one article counted once per entry.

    A headline or recap that restates an event without attribution rests on the source the
    same article gives for it elsewhere (its lede's "the fire service said"), not on the
    outlet itself: an unattributed restatement adds no independent source.
    """
    found = {m.mention_id: origins.origin(m) for m in reports}
    attributed: dict[str, _Origin] = {}
    for mention in sorted(reports, key=_mention_order):
        origin = found[mention.mention_id]
        if origin.kind != "own":
            attributed.setdefault(mention.article_id, origin)
    for mention in reports:
        if found[mention.mention_id].kind == "own" and mention.article_id in attributed:
            found[mention.mention_id] = attributed[mention.article_id]
    return found


def _corroboration(reports: list[EventMention], origins: _OriginResolver) -> Corroboration:
    report_origins = _report_origins(reports, origins)
    by_origin: dict[str, tuple[_Origin, list[EventMention]]] = {}
    for mention in reports:
        origin = report_origins[mention.mention_id]
        by_origin.setdefault(origin.key, (origin, []))[1].append(mention)
    sources = [
        IndependentSource(
            name=origin.name,
            kind=origin.kind,
            outlets=_outlets(members, origins),
            mentions=[m.mention_id for m in members],
        )
        for origin, members in by_origin.values()
    ]
    sources.sort(key=lambda s: (-len(s.outlets), s.name))
    outlets = _outlets(reports, origins)
    occurred = _occurrences(reports)
    independent = {report_origins[m.mention_id].key for m in occurred}
    return Corroboration(
        outlets=outlets,
        outlet_count=len(outlets),
        sources=sources,
        independent_count=len(sources),
        relays=[note for s in sources if (note := _relay_note(s)) is not None],
        corroborated=len(independent) >= 2,
    )


def _outlets(members: Iterable[EventMention], origins: _OriginResolver) -> list[str]:
    return sorted({origins.canonical(m.outlet or f"article {m.article_id}") for m in members})


def _relay_note(source: IndependentSource) -> RelayNote | None:
    if len(source.outlets) < 2:
        return None
    relays = [o for o in source.outlets if _normalise(o) != _normalise(source.name)]
    verb = "relays" if len(relays) == 1 else "both relay" if len(relays) == 2 else "all relay"
    note = f"{_join(relays)} {verb} {source.name}: {len(source.outlets)} outlets, 1 source"
    return RelayNote(source=source.name, outlets=source.outlets, note=note)


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# --------------------------------------------------------------------------- entries


def _occurrences(members: Iterable[EventMention]) -> list[EventMention]:
    """Reports that say it happened (not denied, not hypothetical or intended)."""
    return [
        m
        for m in members
        if m.polarity == "positive" and m.modality in OCCURRENCE_MODALITIES and not _denies(m)
    ]


def _denials(members: Iterable[EventMention]) -> list[EventMention]:
    return [m for m in members if _denies(m)]


def _denies(mention: EventMention) -> bool:
    """The report says it did not happen: negated, or its source denies it ("the ministry
    denied that its troops had shelled the village" reports the shelling on the word of a
    source that denies it)."""
    if mention.polarity == "negative" or mention.modality == "negated":
        return True
    return any(
        s.cue is not None and s.cue.casefold() in _denial_cues()
        for s in mention.attribution.sources
    )


@functools.cache
def _denial_cues() -> frozenset[str]:
    """Reporting cues that deny what they report: the single-word negative polarity cues of
    the claims lexicon ("denied", "refused"), so both stages read one list, and the denying
    verbs of ``data/timeline/denials.toml`` ("rejected", "dismissed")."""
    package = resources.files("dateline")
    claims = tomllib.loads(package.joinpath(NEGATION_LEXICON).read_text(encoding="utf-8"))
    negative = {cue.casefold() for cue in claims["polarity"]["negative"] if " " not in cue}
    return frozenset(negative | _denying_verbs())


@functools.cache
def _denying_verbs() -> frozenset[str]:
    text = resources.files("dateline").joinpath(DENIALS_LEXICON).read_text(encoding="utf-8")
    return frozenset(verb.casefold() for verb in tomllib.loads(text)["verbs"])


def _with_framed_denials(mentions: Sequence[EventMention]) -> list[EventMention]:
    """Read the denials that a denying verb frames.

    "The army rejected reports that its soldiers had burned houses" gives two mentions: the
    rejection, and the burning in the outlet's own voice. The burning rests on the army's
    word, which denies it: its attribution gains the army with the cue "rejected", as the
    claims stage attributes "the ministry denied that ...". The rejection itself becomes a
    denial of the burning, by the army. "The company again dismissed the claim" frames no
    report: it denies the report just before it in the article that rests on another source
    ("the union repeated that inspectors had ordered the unit closed").
    """
    by_article: dict[str, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    replaced: dict[str, EventMention] = {}
    for members in by_article.values():
        members = sorted(members, key=lambda m: (m.span, m.mention_id))
        for frame in members:
            denier = _denier(frame)
            if denier is None:
                continue
            inner = [m for m in members if m is not frame and _complement(m, frame)]
            for mention in inner:
                if not _denies(mention):
                    replaced[mention.mention_id] = _with_source(mention, denier)
            denied = inner[0] if inner else _antecedent(frame, members, denier)
            if denied is not None:
                replaced[frame.mention_id] = _as_denial(frame, denied, denier)
    return [replaced.get(m.mention_id, m) for m in mentions]


def _denier(mention: EventMention) -> Source | None:
    """The source a denying verb's mention names: its first actor ("The army")."""
    cue = mention.trigger.casefold().split()[:1]
    if not cue or cue[0] not in _denying_verbs() or not mention.actors:
        return None
    actor = mention.actors[0]
    return Source(name=actor.name, kind="named", entity_id=actor.entity_id, cue=cue[0])


def _complement(mention: EventMention, frame: EventMention) -> bool:
    """Whether a mention is what a denying verb denies: inside its clause, after a "that" or
    a word for a report ("rejected reports that ...", "denied claims of ..."); "rejected
    the offer, which raised pay" denies no raise."""
    if not (frame.span[0] < mention.span[0] and mention.span[1] <= frame.span[1]):
        return False
    lead = frame.text[: mention.span[0] - frame.span[0]]
    return _COMPLEMENT_LEAD.search(lead) is not None


def _antecedent(
    frame: EventMention, members: list[EventMention], denier: Source
) -> EventMention | None:
    """The report a denial without a complement ("dismissed the claim", "denied it") refers
    to: the last report before it in the article, resting on a source other than the
    denier. None when its object names something else."""
    if any(_name_words(t.name) - _CLAIM_WORDS for t in frame.targets):
        return None
    before = [
        m
        for m in members
        if m.span[1] <= frame.span[0]
        and m.polarity == "positive"
        and m.modality in OCCURRENCE_MODALITIES
        and _denier(m) is None
        and m.attribution.sources
        and all(_normalise(s.name) != _normalise(denier.name) for s in m.attribution.sources)
        and m.attribution.sources[-1].kind != "outlet"
    ]
    return before[-1] if before else None


def _with_source(mention: EventMention, source: Source) -> EventMention:
    sources = [*mention.attribution.sources, source]
    attribution = mention.attribution.model_copy(update={"sources": sources})
    return mention.model_copy(update={"attribution": attribution})


def _as_denial(frame: EventMention, denied: EventMention, denier: Source) -> EventMention:
    """The denying verb's mention read as a denial of ``denied``: its happening, parties and
    place, on the denier's word, in the frame's own clause, date and cluster."""
    return frame.model_copy(
        update={
            "type": denied.type,
            "alt_type": denied.alt_type,
            "trigger": denied.trigger,
            "actors": denied.actors,
            "targets": denied.targets,
            "location": denied.location or frame.location,
            "quantities": [],
            "attribution": frame.attribution.model_copy(update={"sources": [denier]}),
            "polarity": "negative",
            "modality": "negated",
        }
    )


def _draft_entry(
    entry_id: str, members: list[EventMention], origins: _OriginResolver
) -> TimelineEntry:
    denials = {m.mention_id for m in _denials(members)}
    reports = [m for m in members if m.mention_id not in denials]
    described = reports or members  # an event known only from its denial is still described
    return TimelineEntry(
        id=entry_id,
        date=_entry_date(members),
        type=_most_common(m.type for m in described),
        summary=_summary(_lead(_occurrences(described) or described)),
        actors=_distinct(a.name for m in described for a in m.actors),
        action=_most_common(m.trigger for m in described),
        targets=_distinct(a.name for m in described for a in m.targets),
        place=_place(described),
        modality=_most_common(m.modality for m in described),
        mentions=[_timeline_mention(m, m.mention_id in denials, origins) for m in members],
        corroboration=_corroboration(reports, origins),
    )


def _timeline_mention(
    mention: EventMention, denies: bool, origins: _OriginResolver
) -> TimelineMention:
    return TimelineMention(
        mention_id=mention.mention_id,
        article_id=mention.article_id,
        outlet=mention.outlet,
        published=mention.published,
        title=mention.title,
        sentence=mention.text,
        span=mention.span,
        date=mention.date,
        modality=mention.modality,
        polarity=mention.polarity,
        sources=[s.name for s in mention.attribution.sources],
        origin=origins.origin(mention).name,
        denies=denies,
    )


def _most_common(values: Iterable[str]) -> str:
    return Counter(values).most_common(1)[0][0]


def _distinct(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(" ".join(name.split()).casefold(), name)
    return list(seen.values())


def _place(members: list[EventMention]) -> PlaceRef | None:
    located = [m.location for m in members if m.location is not None]
    if not located:
        return None
    name = _most_common(p.name for p in located)
    chosen = next(p for p in located if p.name == name)
    # The span and place id point into one article; the entry stands for many.
    return chosen.model_copy(update={"span": None, "place_id": None})


def _lead(reports: list[EventMention]) -> EventMention:
    """The report that tells the most of who did what to whom, earliest first on ties."""
    return min(reports, key=lambda m: (not m.actors, not m.targets))


def _summary(lead: EventMention) -> str:
    text = " ".join(lead.text.split())
    actors = " and ".join(a.name for a in lead.actors)
    if actors and actors.casefold() not in text.casefold():
        # "the government should declare ...", a demand its speaker makes of the target:
        # the words already have a subject, so the actor stands apart.
        asked = any(text.casefold().startswith(t.name.casefold()) for t in lead.targets)
        text = f"{actors}: {text}" if asked else f"{actors} {text}"
    text = text[:1].upper() + text[1:]
    return text if len(text) <= SUMMARY_WIDTH else text[: SUMMARY_WIDTH - 1] + "\u2026"


def _attach_ids(
    entries: list[TimelineEntry], contradictions: list[Contradiction], series: list[FigureSeries]
) -> list[TimelineEntry]:
    """Each entry with the ids of the contradictions and figure series that involve it."""
    found: dict[str, list[str]] = defaultdict(list)
    for contradiction in contradictions:
        for entry_id in contradiction.entries:
            found[entry_id].append(contradiction.id)
    figures: dict[str, list[str]] = defaultdict(list)
    for figure in series:
        for entry_id in _distinct(p.entry for p in figure.points):
            figures[entry_id].append(figure.id)
    return [
        entry.model_copy(update={"contradictions": found[entry.id], "figures": figures[entry.id]})
        for entry in entries
    ]


# --------------------------------------------------------------------------- contradictions


def _entry_contradictions(
    entries: list[TimelineEntry],
    raw: dict[str, list[EventMention]],
    origins: _OriginResolver,
) -> list[Contradiction]:
    found: list[Contradiction] = []
    for entry in entries:
        for check in (_occurrence_contradiction, _date_contradiction):
            contradiction = check(entry.id, raw[entry.id], origins, len(found) + 1)
            if contradiction is not None:
                found.append(contradiction)
    return found


def _occurrence_contradiction(
    entry_id: str, members: list[EventMention], origins: _OriginResolver, number: int
) -> Contradiction | None:
    denied = _denials(members)
    reported = [m for m in _occurrences(members) if any(_same_happening(m, d) for d in denied)]
    if not reported or not denied:
        return None
    explanation = (
        f"reported by {_attributed(reported, origins)}; denied by {_attributed(denied, origins)}"
    )
    return Contradiction(
        id=f"C{number}",
        kind="occurrence",
        explanation=explanation,
        entries=[entry_id],
        mentions=[m.mention_id for m in reported + denied],
    )


def _same_happening(report: EventMention, denial: EventMention) -> bool:
    """Whether a denial in an entry denies this report: the same kind, the same predicate,
    or, when one type is unknown (OTHER), a participant word in common."""
    if _same_kind(report, denial) or _same_predicate(report, denial):
        return True
    return UNKNOWN_TYPE in {report.type, denial.type} and bool(
        _argument_words(report) & _argument_words(denial)
    )


def _same_kind(a: EventMention, b: EventMention) -> bool:
    """Whether two reports tell the same kind of happening (a PLOVER type in common).

    Contradictions compare reports of one kind only: a cluster is the linker's call, and a
    denial of arrests says nothing about evacuations the linker may have put beside them.
    """
    kinds_a = {a.type, a.alt_type} - {None}
    return bool(kinds_a & ({b.type, b.alt_type} - {None}))


def _attributed(members: list[EventMention], origins: _OriginResolver) -> str:
    """Who says so: 'Patras Post and Northern Ledger citing Meridian News Agency; Aegean Daily'."""
    by_origin: dict[str, list[str]] = defaultdict(list)
    for mention in members:
        origin = origins.origin(mention)
        outlet = origins.canonical(mention.outlet or f"article {mention.article_id}")
        if outlet not in by_origin[origin.name]:
            by_origin[origin.name].append(outlet)
    parts = []
    for origin, outlets in by_origin.items():
        own = [_normalise(o) for o in outlets] == [_normalise(origin)]
        parts.append(_join(outlets) if own else f"{_join(outlets)} citing {origin}")
    return "; ".join(parts)


def _date_contradiction(
    entry_id: str, members: list[EventMention], origins: _OriginResolver, number: int
) -> Contradiction | None:
    """Stated days that disagree between reports that could each have known both days.

    A report published on 11 August that says "on Monday the 11th" does not contradict one
    published on the 12th that says "on Tuesday the 12th": the first could not know of the
    12th, and the two may well describe an event that went on. Two reports contradict on the
    date only when both were published on or after both days they give, and the days differ
    by more than their wording allows: "late on Monday night" and "early on Tuesday morning"
    can be one moment (``_across_midnight``).
    """
    dated = [(m, day) for m in _occurrences(members) if (day := _stated_day(m)) is not None]
    clashing = [
        (a, b)
        for i, a in enumerate(dated)
        for b in dated[i + 1 :]
        if a[1] != b[1]
        and _same_kind(a[0], b[0])
        and _knew_both(a, b)
        and not _across_midnight(a, b)
    ]
    if not clashing:
        return None
    involved = {m.mention_id: (m, day) for pair in clashing for m, day in pair}
    by_day: dict[date, list[EventMention]] = defaultdict(list)
    for mention, day in sorted(involved.values(), key=lambda md: (md[1], _mention_order(md[0]))):
        by_day[day].append(mention)
    explanation = "reports give different days: " + ", ".join(
        f"{day.isoformat()} ({_attributed(reports, origins)})" for day, reports in by_day.items()
    )
    return Contradiction(
        id=f"C{number}",
        kind="date",
        explanation=explanation,
        entries=[entry_id],
        mentions=[m.mention_id for reports in by_day.values() for m in reports],
    )


def _stated_day(mention: EventMention) -> date | None:
    if mention.date_source not in CONTRADICTING_DATE_SOURCES:
        return None
    bounds = date_bounds(mention.date)
    return bounds.start if bounds is not None and bounds.precision == "day" else None


def _across_midnight(a: tuple[EventMention, date], b: tuple[EventMention, date]) -> bool:
    """Whether two stated days one apart can be one moment: the earlier in its evening or
    night (TIMEX3 ``TEV``, ``TNI``), the later in its morning (``TMO``)."""
    first, second = sorted((a, b), key=lambda md: md[1])
    if (second[1] - first[1]).days != 1:
        return False
    return (first[0].date or "").endswith(LATE_PARTS) and (second[0].date or "").endswith(
        EARLY_PARTS
    )


def _knew_both(a: tuple[EventMention, date], b: tuple[EventMention, date]) -> bool:
    latest_day = max(a[1], b[1])
    return all((m.published or date.max) >= latest_day for m in (a[0], b[0]))


def _figure_contradictions(series: list[FigureSeries], start: int) -> list[Contradiction]:
    found: list[Contradiction] = []
    for figures in series:
        # Figures for one day published on one day: a later report with another figure for
        # that day is a revision, which the series shows, not a contradiction.
        same_time: dict[tuple, list[FigurePoint]] = defaultdict(list)
        for point in figures.points:
            same_time[(point.date, point.published)].append(point)
        for (day, _), points in same_time.items():
            if day is None or not _disagree(points):
                continue
            found.append(_figure_contradiction(figures, day, points, start + len(found)))
    return found


def _disagree(points: list[FigurePoint]) -> bool:
    """Two figures that cannot both hold, from different articles or different sources:
    one source giving two figures in one article counts two things ("two soldiers and three
    civilians"), not one thing twice."""
    return any(
        _apart(a, b) and _excludes(_interval(a), _interval(b))
        for i, a in enumerate(points)
        for b in points[i + 1 :]
    )


def _apart(a: FigurePoint, b: FigurePoint) -> bool:
    return _article_of(a) != _article_of(b) or _normalise(a.source) != _normalise(b.source)


def _excludes(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _interval(point: FigurePoint) -> tuple[float, float]:
    """The values a figure allows: 'over 100' is 100..inf, 'about 2,000' 1,800..2,200."""
    if point.min is not None or point.max is not None:
        low = point.min if point.min is not None else 0.0
        high = point.max if point.max is not None else math.inf
        return low, high
    if point.value is None:
        return 0.0, math.inf
    if point.approx:
        spread = abs(point.value) * APPROX_TOLERANCE
        return point.value - spread, point.value + spread
    return point.value, point.value


def _figure_contradiction(
    figures: FigureSeries, day: date, points: list[FigurePoint], number: int
) -> Contradiction:
    values = ", ".join(f"{p.text} ({_point_source(p)})" for p in points)
    return Contradiction(
        id=f"C{number}",
        kind="figure",
        explanation=f"figures for {figures.label} on {day.isoformat()} disagree: {values}",
        entries=_distinct(p.entry for p in points),
        mentions=_distinct(p.mention_id for p in points),
    )


def _point_source(point: FigurePoint) -> str:
    outlet = point.outlet or "?"
    return outlet if _normalise(outlet) == _normalise(point.source) else f"{outlet}, {point.source}"


# --------------------------------------------------------------------------- figures


def _figure_series(
    entries: list[TimelineEntry],
    raw: dict[str, list[EventMention]],
    origins: _OriginResolver,
) -> list[FigureSeries]:
    """Figures of one counted thing (``dateline.timeline_figures``) across the entries,
    oldest first; a thing reported once forms no series.

    One counted thing is one key (what is counted, what happened to it, unit, period) in one
    stretch of time (``_series_parts``): "people killed" a month apart are two series. The
    key spans the entries, since the linker may split the reports of one count ("joined
    the stoppage", "took part in the strike"); ``--about`` narrows a store of many stories
    to one.
    """
    grouped: dict[tuple, list[tuple[FigurePoint, str, str]]] = defaultdict(list)
    for entry in entries:
        for mention in _occurrences(raw[entry.id]):
            for quantity in mention.quantities:
                reading = read_figure(quantity, mention)
                if reading is None:
                    continue
                key = _series_key(reading.key, mention)
                point = _figure_point(quantity, reading, mention, entry.id, origins)
                grouped[key].append((point, mention.trigger, reading.noun))
    drafts = []
    for key, everything in grouped.items():
        for found in _series_parts(everything):
            points = _dedupe_points([p for p, _, _ in found])
            if len(points) < 2:
                continue
            action = _series_action(key[0], [t for _, t, _ in found])
            counted = _series_noun(key, [noun for _, _, noun in found])
            drafts.append((key, counted, action, points))
    types = {m.mention_id: m.type for members in raw.values() for m in members}
    drafts.sort(key=lambda d: (d[3][0].date or date.max, d[1], d[2], d[3][0].mention_id))
    return [
        FigureSeries(
            id=f"F{number}",
            label=f"{counted} {action}",
            counted=counted,
            type=_most_common(types[p.mention_id] for p in points),
            unit=key[3],
            points=points,
        )
        for number, (key, counted, action, points) in enumerate(drafts, start=1)
    ]


def _series_parts(found: list[tuple[FigurePoint, str, str]]) -> list[list[tuple]]:
    """Split the figures of one key where their days lie more than ``SERIES_GAP_DAYS`` apart."""
    items = sorted(found, key=lambda item: (_point_day(item[0]) or date.max, item[0].mention_id))
    parts: list[list[tuple]] = []
    current: list[tuple] = []
    last: date | None = None
    for item in items:
        day = _point_day(item[0])
        if current and day and last and (day - last).days > SERIES_GAP_DAYS:
            parts.append(current)
            current = []
        current.append(item)
        last = day or last
    parts.append(current)
    return parts


def _point_day(point: FigurePoint) -> date | None:
    return point.date or point.published


def _series_action(outcome: str | None, triggers: list[str]) -> str:
    """What happened to the counted thing, as the reports say it ("arrested") when their
    triggers all name the outcome, else the outcome ("on strike")."""
    written = [" ".join(t.split()).casefold() for t in triggers]
    if outcome is None or all(outcome_of(t) == outcome for t in written):
        return _most_common(written)
    return outcome


def _series_noun(key: tuple, nouns: list[str]) -> str:
    """The counted noun a series is shown by: the most common one as written when they are
    one class ("residents"), the class when the reports word it differently ("people")."""
    distinct = {_normalise(n) for n in nouns}
    return _normalise(nouns[0]) if len(distinct) == 1 else key[2]


def _series_key(key: FigureKey, mention: EventMention) -> tuple:
    """What a series counts: the outcome ("killed"), else the event type, then the counted
    class, the unit and the period of a figure dated outside its time of publication."""
    kind = None if key.outcome is not None else mention.type
    return (key.outcome, kind, key.counted, key.unit, _figure_period(mention))


def _figure_point(
    quantity: Quantity,
    reading: Reading,
    mention: EventMention,
    entry_id: str,
    origins: _OriginResolver,
) -> FigurePoint:
    return FigurePoint(
        date=None if _figure_period(mention) else _report_day(mention),
        published=mention.published,
        text=" ".join(quantity.text.split()),
        value=reading.value,
        min=reading.min,
        max=reading.max,
        approx=quantity.approx,
        outlet=origins.canonical(mention.outlet) if mention.outlet else None,
        source=origins.origin(mention).name,
        mention_id=mention.mention_id,
        entry=entry_id,
    )


def _dedupe_points(points: list[FigurePoint]) -> list[FigurePoint]:
    """One point per article, day and figure: a headline and its lede restating a figure
    are one report of it."""
    seen: dict[tuple, FigurePoint] = {}
    for point in points:
        seen.setdefault((_article_of(point), point.date, point.value, point.min, point.max), point)
    return sorted(
        seen.values(),
        key=lambda p: (p.date or date.max, p.published or date.max, p.outlet or "", p.mention_id),
    )


def _article_of(point: FigurePoint) -> str:
    return point.mention_id.split("/", 1)[0]
