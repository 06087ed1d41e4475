"""Timexes stage: find temporal expressions and normalise them to TIMEX3 values.

Dates, times, durations and sets are found with the rule grammar of
``dateline.stages._timex_rules`` (compiled regular expressions over the whole text)
and normalised by its pure ``normalise`` logic. This module adds what needs the
article and its parse: the anchor each expression is resolved against, the tense
hint from the governing verb, the role a preceding preposition gives ("since",
"until", "by"), and a filter for bare numbers that only look like years.

Anchoring, in order:

1. Absolute expressions ("7 August 2024", "the 1990s", "three years") need no anchor.
2. Anaphoric expressions ("the same day", "the next day", "that evening", "two days
   later", "at the time", "that year", "a year earlier") resolve against the narrative's
   reference time: the latest point date the text set before them (not a deadline or an
   "until" bound) that is precise enough for their unit (a day for "the next day", a
   quarter or finer for "a year earlier", which keeps the reference's precision:
   "the third quarter ... a year earlier" -> the same quarter a year back). With
   ``narrative_anchoring`` off, or before any such date, they fall back to step 3.
3. Everything else ("yesterday", "on Friday", "last week", "August 7") resolves
   against the publication date. Without one, the value stays None.
"""

from __future__ import annotations

import bisect
import datetime
import logging
import re

from spacy.tokens import Doc, Token

from dateline.config import TimexSettings
from dateline.records import Article, Sentence, Timex
from dateline.stages._timex_rules import (
    Candidate,
    find_candidates,
    fine_enough,
    granularity,
    lexicon,
    offset_of,
    relative_to,
    shift_checked,
)

NAME = "timexes"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
_PAST_AUX = frozenset({"had", "was", "were", "did", "has", "have", "'d"})
_ROLE_LOOKBACK = 24


def _role_pattern() -> re.Pattern[str]:
    words = sorted(lexicon()["roles"], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(
        rf"\b({alternation})\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?$", re.IGNORECASE
    )


def _role(text: str, start: int, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text, max(0, start - _ROLE_LOOKBACK), start)
    if match is None:
        return "point"
    return lexicon()["roles"][re.sub(r"\s+", " ", match.group(1).lower())]


def _governing_verb(token: Token) -> Token | None:
    for _ in range(10):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the verb governing [start, end): 'past', 'present', 'future', 'modal' or None.

    Read from the tags of the verb and its auxiliaries (VBD -> past, will/shall ->
    future, a bare infinitive under a modal or "to" -> modal, which points weekdays
    forward but leaves year choice alone); None with an untagged (blank) Doc.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes) or (
        verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX
    ):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in _PAST_AUX for a in auxes):
        return "past"
    if verb.tag_ == "VB" and any(a.tag_ in ("MD", "TO") for a in auxes):
        return "modal"  # "might come Tuesday", "is scheduled to close Monday"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|\b(?:million|billion|trillion|percent|cents?|"
    r"dollars?|hours|minutes))\s+$",
    re.IGNORECASE,
)


def _not_a_timex(doc: Doc, text: str, candidate: Candidate) -> bool:
    """Filter look-alikes the grammar cannot tell apart without context.

    - a bare four-digit number the parse reads as a count of a plural noun, with no
      determiner before it ("2000 troops", but not "the 1992 protests");
    - "a year", "a week" after an amount: a rate ("$5 million a year", "24 hours a day").
    """
    name = candidate.rule.name
    if name == "year" and candidate.end - candidate.start == 4:
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        token = span[0]
        before = doc[token.i - 1] if token.i > 0 else None
        return (
            token.dep_ == "nummod"
            and token.head.tag_ == "NNS"
            and (before is None or before.tag_ not in ("DT", "PRP$", "POS"))
        )
    if name == "duration" and (candidate.groups.get("num") or "").lower() in ("a", "an"):
        window = max(0, candidate.start - 40)
        return _AMOUNT_BEFORE.search(text, window, candidate.start) is not None
    return False


def _narrative_unit(candidate: Candidate) -> str:
    """The calendar unit an anaphoric expression counts in ("the next day" -> day)."""
    if candidate.rule.name == "year_ago":
        return "quarter"  # compared with the period just reported, not a whole year
    unit = candidate.groups.get("unit")
    return _unit_name(unit) if unit else "day"


def _unit_name(word: str) -> str:
    low = word.lower()
    return "century" if low == "centuries" else low.rstrip("s")


def _latest(references: list[tuple[int, str]], unit: str, since: int = 0) -> str | None:
    """The most recent reference value precise enough to count ``unit`` from."""
    for start, value in reversed(references):
        if start < since:
            return None
        if fine_enough(value, unit):
            return value
    return None


def _anchor(
    candidate: Candidate,
    references: list[tuple[int, str]],
    published: datetime.date | None,
    sentences: list[Sentence],
    settings: TimexSettings,
) -> tuple[datetime.date | None, str, str | None]:
    """The day an expression is resolved against, its kind ("narrative" or
    "publication") and the narrative reference value it counts from, if any."""
    reference = _reference(candidate, references, sentences, settings)
    found = granularity(reference)
    if reference and found:
        return found[1], "narrative", reference
    return published, "publication", None


def _references_for(
    tense: str | None, references: list[tuple[int, str]], published: datetime.date | None
) -> list[tuple[int, str]]:
    """The reference times an expression under a verb of ``tense`` may count from: in a
    past-tense sentence only those not after publication ("A day earlier" counts from a
    past day, not from a vote ahead that the story looks forward to)."""
    if tense != "past" or published is None:
        return references
    return [(offset, value) for offset, value in references if not _after(value, published)]


def _after(value: str, published: datetime.date) -> bool:
    """Whether a calendar value starts after the publication day."""
    found = granularity(value)
    return bool(found) and found[1] > published


def _sentence_start(sentences: list[Sentence], offset: int, back: int = 0) -> int:
    """Start of the sentence holding ``offset``, or of the one ``back`` sentences before it."""
    index = bisect.bisect_right([s.span[0] for s in sentences], offset) - 1 - back
    return sentences[index].span[0] if index >= 0 else 0


def _moves_narrative(candidate: Candidate, kind: str, value: str | None, role: str) -> bool:
    """Whether a timex sets the narrative's reference time for the anaphors after it.

    Deadlines and "until" bounds do not; nor do comparisons that look back from the
    reference ("a year earlier", "year-ago"), which would otherwise chain backwards.
    """
    if kind not in ("DATE", "TIME") or not value or role not in ("point", "since"):
        return False
    if candidate.rule.name in ("year_ago", "ago"):
        return False
    offset = offset_of(candidate.groups) if candidate.rule.name == "later" else None
    return offset is None or offset[0] > 0


def _reference(
    candidate: Candidate,
    references: list[tuple[int, str]],
    sentences: list[Sentence],
    settings: TimexSettings,
) -> str | None:
    """The narrative reference time ``candidate`` counts from, if any: the latest point
    date of its unit for narrative expressions ("the next day"); for "a year ago", a
    quarter named just before in the sentence ("profit rose from a year ago")."""
    narrative = relative_to(candidate.rule, candidate.groups) == "narrative"
    if narrative and settings.narrative_anchoring:
        return _latest(references, _narrative_unit(candidate))
    if candidate.rule.name == "ago" and candidate.groups["unit"].lower().startswith("year"):
        nearby = _latest(references, "quarter", _sentence_start(sentences, candidate.start, 1))
        if nearby and granularity(nearby)[0] == "quarter":
            return nearby
    return None


def _value_from_reference(
    candidate: Candidate, value: str | None, reference: str | None
) -> tuple[str | None, bool]:
    """A count from a narrative reference ("two days later", "a year ago") shifts that
    reference; also whether the shift left the calendar."""
    name = candidate.rule.name
    if reference and name in ("later", "ago"):
        offset = offset_of(candidate.groups)
        if offset:
            return shift_checked(reference, *offset)
    elif reference and name == "year_ago":
        return shift_checked(reference, -1, "year")
    return value, False


def extract_timexes(
    *, article: Article, doc: Doc, sentences: list[Sentence], settings: TimexSettings
) -> list[Timex]:
    """Return every temporal expression of the article, normalised, in text order.

    Args:
        article: the article; ``published`` is the publication anchor (may be None).
        doc: the parsed article (tags and dependencies steer tense; a blank Doc works).
        sentences: the article's sentences ("a year ago" next to a quarter in the same
            sentence counts from that quarter).
        settings: the ``timexes`` config section.

    Returns:
        One Timex per expression with type, value, mod, role, range and anchor.
    """
    text, published = article.text, article.published
    roles = _role_pattern()
    # Calendar values of the point dates met so far, the narrative's reference times.
    references: list[tuple[int, str]] = []
    timexes: list[Timex] = []
    for candidate in find_candidates(text):
        if _not_a_timex(doc, text, candidate):
            continue
        tense = _tense(doc, candidate.start, candidate.end)
        usable = _references_for(tense, references, published)
        anchor, source, reference = _anchor(candidate, usable, published, sentences, settings)
        resolution = candidate.resolve(anchor, tense)
        if resolution is None:
            continue
        value, shifted_off = _value_from_reference(candidate, resolution.value, reference)
        used = resolution.used_anchor and anchor is not None
        role = _role(text, candidate.start, roles)
        anchor_value = reference or (anchor.isoformat() if anchor else None)
        timexes.append(
            Timex(
                id=f"T{len(timexes) + 1}",
                article_id=article.id,
                span=(candidate.start, candidate.end),
                stage=STAGE,
                text=text[candidate.start : candidate.end],
                type=resolution.type,
                value=value,
                mod=resolution.mod,
                role=role,
                range=resolution.range,
                anchor=anchor_value if used else None,
                anchor_source=source if used else "none",
                out_of_range=resolution.out_of_range or shifted_off,
            )
        )
        if _moves_narrative(candidate, resolution.type, value, role):
            calendar_value = value[:10] if _DAY_VALUE.match(value) else value
            if granularity(calendar_value):
                references.append((candidate.start, calendar_value))
    logger.debug("article %s: %d timexes", article.id, len(timexes))
    return timexes
