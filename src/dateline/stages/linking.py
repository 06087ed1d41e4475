"""Linking stage: restatements of one event inside one article share an event group.

A news article tells its main event several times: in the headline, in the lede and again
in a recap further down. This stage sets ``Event.group`` on every event to the id of the
first mention of its event (its own id when it is the first), so that the event list can
show each real-world event once. Cross-article linking (``dateline.linker``) starts from
these groups.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, replace

from dateline.config import LinkingSettings
from dateline.linker import (
    NEAR_KM,
    Profile,
    date_interval,
    distance_km,
    families_of,
    profile,
    scorer_for,
)
from dateline.mentions import mentions_from_extraction
from dateline.records import Article, Event, Extraction, Sentence

NAME = "linking"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

# Restatements sit in the headline and lede, or near each other: the first LEAD_EVENTS events
# of an article are compared with every later one, any other event with the next
# NEAR_EVENTS only, so the cost grows linearly with the article, not with its square.
LEAD_EVENTS = 40
NEAR_EVENTS = 40


def link_restatements(
    *, article: Article, sentences: list[Sentence], events: list[Event], settings: LinkingSettings
) -> list[Event]:
    """Return ``events`` (same order) with ``group`` set: restatements share their first id.

    Two events are restatements when all of these hold:
      1. they lie in different sentences (one sentence rarely tells one event twice, while
         it often tells an event and its consequence with related words);
      2. their types share a type family, and their dates and places do not conflict
         (equal or overlapping dates, places at most ``NEAR_KM`` apart, or unknown);
      3. either the linker's pairwise scorer gives them at least
         ``settings.restatement_threshold``, or they have the same type, the same trigger
         word stem and a shared actor or target entity.
    Pairs are taken in text order; two groups join only when every pair across them meets
    1 and 2. Each group takes the id of its earliest event in the text. An event among the
    article's first ``LEAD_EVENTS`` is compared with every later event, any other with the
    next ``NEAR_EVENTS`` (every pair in an article of up to that many events).

    Args:
        article: the article (its metadata feeds the pairwise scorer).
        sentences: the article's sentences, to tell which sentence each event is in.
        events: the events stage's records.
        settings: the ``[linking]`` section.
    """
    if not events:
        return []
    ordered = sorted(range(len(events)), key=lambda i: (events[i].span[0], events[i].id))
    mentions = mentions_from_extraction(Extraction(article=article, events=events))
    profiles = [profile(m) for m in mentions]
    facts = [_facts(e) for e in events]
    starts = [s.span[0] for s in sentences]
    sentence_of = [_sentence_index(sentences, starts, e.span[0]) for e in events]
    rank = {index: position for position, index in enumerate(ordered)}
    group_of = {i: [i] for i in ordered}
    for x, i in enumerate(ordered):
        last = len(ordered) if x < LEAD_EVENTS else min(len(ordered), x + 1 + NEAR_EVENTS)
        for j in ordered[x + 1 : last]:
            mine, theirs = group_of[i], group_of[j]
            if mine is theirs or not _restate(
                facts[i], facts[j], profiles[i], profiles[j], settings
            ):
                continue
            if _joinable(mine, theirs, facts, sentence_of):
                mine.extend(theirs)
                mine.sort(key=rank.__getitem__)
                for k in theirs:
                    group_of[k] = mine
    first = {i: events[group_of[i][0]].id for i in ordered}
    grouped = [e.model_copy(update={"group": first[i]}) for i, e in enumerate(events)]
    logger.debug(
        "article %s: %d events in %d groups", article.id, len(events), len(set(first.values()))
    )
    return grouped


def _sentence_index(sentences: list[Sentence], starts: list[int], char: int) -> int:
    """Index of the sentence holding ``char`` (``starts``: the sentences' sorted starts)."""
    index = bisect.bisect_right(starts, char) - 1
    if index >= 0 and char < sentences[index].span[1]:
        return index
    return -1 - char  # outside every sentence: a sentence of its own


def _joinable(
    mine: list[int], theirs: list[int], facts: list[_Facts], sentence_of: list[int]
) -> bool:
    """Every member of one group fits every member of the other (no chaining through a
    vague mention: an undated headline must not join two differently dated events)."""
    return all(
        sentence_of[i] != sentence_of[j] and _compatible(facts[i], facts[j])
        for i in mine
        for j in theirs
    )


@dataclass(frozen=True)
class _Facts:
    """What the compatibility test reads of one event, computed once: groups of a long
    article are compared member by member many times."""

    event: Event
    families: frozenset[str]
    when: tuple[int, int] | None


def _facts(event: Event) -> _Facts:
    return _Facts(
        event=event,
        families=frozenset(families_of(event.type, event.alt_type)),
        when=date_interval(event.date.value if event.date else None),
    )


def _compatible(a: _Facts, b: _Facts) -> bool:
    if not a.families & b.families:
        return False
    if a.when and b.when and (a.when[1] < b.when[0] or b.when[1] < a.when[0]):
        return False
    return _places_compatible(a.event, b.event)


def _places_compatible(a: Event, b: Event) -> bool:
    where_a, where_b = a.location, b.location
    if where_a is None or where_b is None:
        return True
    if where_a.place_id and where_a.place_id == where_b.place_id:
        return True
    if None in (where_a.lat, where_a.lon, where_b.lat, where_b.lon):
        return where_a.name.lower() == where_b.name.lower()
    km = distance_km(where_a.lat, where_a.lon, where_b.lat, where_b.lon)  # type: ignore[arg-type]
    return km <= NEAR_KM


def _same_parties(a: Event, b: Event) -> bool:
    actors_a = {x.entity_id for x in a.actors if x.entity_id}
    actors_b = {x.entity_id for x in b.actors if x.entity_id}
    targets_a = {x.entity_id for x in a.targets if x.entity_id}
    targets_b = {x.entity_id for x in b.targets if x.entity_id}
    return bool(actors_a & actors_b) or bool(targets_a & targets_b)


def _restate(fa: _Facts, fb: _Facts, pa: Profile, pb: Profile, settings: LinkingSettings) -> bool:
    if not _compatible(fa, fb):
        return False
    a, b = fa.event, fb.event
    # The two mentions seen together are their article's context (``linker.article_bags``).
    words, names = pa.article_words | pb.article_words, pa.article_names | pb.article_names
    pa = replace(pa, article_words=words, article_names=names)
    pb = replace(pb, article_words=words, article_names=names)
    if a.type == b.type and pa.stems & pb.stems and _same_parties(a, b):
        return True
    probability = scorer_for(settings).score(pa, pb)
    return probability >= settings.restatement_threshold
