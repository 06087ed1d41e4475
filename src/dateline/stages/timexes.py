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
   later", "at the time") resolve against the narrative date: the latest day-precise
   date the text set before them (not a deadline or an "until" bound). With
   ``narrative_anchoring`` off, or before any such date, they fall back to step 3.
3. Everything else ("yesterday", "on Friday", "last week", "August 7") resolves
   against the publication date. Without one, the value stays None.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from spacy.tokens import Doc, Token

from dateline.config import TimexSettings
from dateline.records import Article, Sentence, Timex
from dateline.stages._timex_rules import Candidate, find_candidates, lexicon, relative_to

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
    return re.compile(rf"\b({alternation})\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?$",
                      re.IGNORECASE)


def _role(text: str, start: int, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text, max(0, start - _ROLE_LOOKBACK), start)
    if match is None:
        return "point"
    return lexicon()["roles"][re.sub(r"\s+", " ", match.group(1).lower())]


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _tense(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the verb governing [start, end): 'past', 'present', 'future' or None.

    Read from the tags of the verb and its auxiliaries (VBD -> past, will/shall ->
    future); None with an untagged (blank) Doc.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes) or (verb.tag_ == "MD"
                                                       and verb.lower_ in _FUTURE_AUX):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in _PAST_AUX for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def _looks_like_count(doc: Doc, candidate: Candidate) -> bool:
    """True for a bare four-digit 'year' that the parse reads as a count ("1800 troops")."""
    if candidate.rule.name != "year" or candidate.end - candidate.start != 4:
        return False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return token.dep_ == "nummod" and token.head.pos_ == "NOUN"


def extract_timexes(*, article: Article, doc: Doc, sentences: list[Sentence],
                    settings: TimexSettings) -> list[Timex]:
    """Return every temporal expression of the article, normalised, in text order.

    Args:
        article: the article; ``published`` is the publication anchor (may be None).
        doc: the parsed article (tags and dependencies steer tense; a blank Doc works).
        sentences: the article's sentences (unused; kept for the stage contract).
        settings: the ``timexes`` config section.

    Returns:
        One Timex per expression with type, value, mod, role, range and anchor.
    """
    text = article.text
    published = article.published
    roles = _role_pattern()
    narrative: date | None = None
    timexes: list[Timex] = []
    for candidate in find_candidates(text):
        if _looks_like_count(doc, candidate):
            continue
        relative = relative_to(candidate.rule, candidate.groups)
        anchor, source = published, "publication"
        if relative == "narrative" and settings.narrative_anchoring and narrative is not None:
            anchor, source = narrative, "narrative"
        resolution = candidate.resolve(anchor, _tense(doc, candidate.start, candidate.end))
        if resolution is None:
            continue
        used = resolution.used_anchor and anchor is not None
        role = _role(text, candidate.start, roles)
        timexes.append(Timex(
            id=f"T{len(timexes) + 1}", article_id=article.id,
            span=(candidate.start, candidate.end), stage=STAGE,
            text=text[candidate.start:candidate.end], type=resolution.type,
            value=resolution.value, mod=resolution.mod, role=role, range=resolution.range,
            anchor=anchor.isoformat() if used and anchor else None,
            anchor_source=source if used else "none",
        ))
        value = resolution.value
        if (resolution.type in ("DATE", "TIME") and value and _DAY_VALUE.match(value)
                and role in ("point", "since")):
            narrative = date.fromisoformat(value[:10])
    logger.debug("article %s: %d timexes", article.id, len(timexes))
    return timexes
