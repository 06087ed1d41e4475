"""Quantities stage: numbers with approximators, ranges, units and what they count.

Steps:
    1. Find numeric expressions in the article text with one precompiled pattern
       (``_numbers.find_quantities``: digits, number words, vague plurals, approximators,
       ranges, units including multi-word currencies; a pure function on strings). A vote
       tally or score ("voted 19-15") gives two separate quantities, never a range.
    2. Drop the ones that are dates or times: a match inside a spaCy DATE/TIME entity is
       kept only when it carries a unit ("up to 12 hours", "5-6 months") or the entity is
       only numbers and range words ("between 10 and 15", which the model tags DATE); a
       bare year-like number ("2024") after a month name or a temporal preposition is dropped; clock
       times ("10:00") and ordinals ("1st", "first") never match the pattern; a number
       inside a named entity or right after a proper noun is part of the name
       ("Boeing 737", "Article 21").
    3. Number words must be tagged NUM by the tagger ("one" as a pronoun is not a figure);
       a vague quantifier ("several", "a few", "dozens of") needs a counted noun.
    4. ``counted`` is the head noun of the counted phrase: the noun the number modifies in
       the dependency parse, else the last noun of the adjective/noun run after it
       ("about 3,000 reserve servicemen" -> "servicemen").
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token

from dateline.config import QuantitySettings
from dateline.records import Article, Quantity
from dateline.stages._intervals import Intervals
from dateline.stages._numbers import ParsedQuantity, find_quantities

NAME = "quantities"
VERSION = 1
STAGE = f"{NAME}@{VERSION}"

logger = logging.getLogger(__name__)

_TEMPORAL_LABELS = frozenset({"DATE", "TIME"})
# A number inside one of these names is part of the name ("Boeing 737", "Article 21").
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
)
_YEAR = re.compile(r"(?:1[89]|2[01])\d\d$")
# Words after which a bare four-digit number is a year, not a count.
_YEAR_CONTEXT = frozenset(
    "in since by until till from of to before after during year early late mid end "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_COUNTED_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_RANGE_WORDS = frozenset(
    {"between", "and", "to", "from", "or", "about", "around", "some", "nearly", "almost"}
)


def extract_quantities(*, article: Article, doc: Doc, settings: QuantitySettings) -> list[Quantity]:
    """Return one Quantity per numeric expression that is not a date or time.

    Args:
        article: the article; offsets refer to ``article.text``.
        doc: the spaCy parse of ``article.text``.
        settings: the ``[quantities]`` config section (no options yet).

    Returns:
        Quantities in text order, ids ``Q1``, ``Q2``...
    """
    text = article.text
    temporal = Intervals(
        [
            (ent.start_char, ent.end_char, None)
            for ent in doc.ents
            if ent.label_ in _TEMPORAL_LABELS and not _numbers_only(ent)
        ]
    )
    names = Intervals(
        [
            (ent.start_char, ent.end_char, (ent.start_char, ent.end_char))
            for ent in doc.ents
            if ent.label_ in _NAME_LABELS
        ]
    )
    out: list[Quantity] = []
    for parsed in find_quantities(text):
        if not _keep(parsed, text, doc, temporal):
            continue
        if any(
            s <= parsed.start and parsed.end <= e
            for s, e in names.overlapping(parsed.start, parsed.end)
        ):
            continue
        if _after_proper_noun(doc, parsed):
            continue
        counted = _counted(doc, parsed)
        if _quantifier(parsed) and counted is None and not parsed.text.lower().endswith(" of"):
            continue  # "several were hurt", "a few said": a pronoun, not a figure
        if parsed.words and parsed.value == 1 and counted is None and parsed.unit is None:
            continue  # "one of the things", "one among millions": a pronoun, not a figure
        out.append(
            Quantity(
                id=f"Q{len(out) + 1}",
                article_id=article.id,
                span=(parsed.start, parsed.end),
                stage=STAGE,
                text=parsed.text,
                value=parsed.value,
                min=parsed.min,
                max=parsed.max,
                approx=parsed.approx,
                unit=parsed.unit,
                counted=counted,
            )
        )
    logger.debug("article %s: %d quantities", article.id, len(out))
    return out


def _keep(parsed: ParsedQuantity, text: str, doc: Doc, temporal: Intervals) -> bool:
    in_timex = bool(temporal.overlapping(parsed.start, parsed.end))
    if in_timex and parsed.unit is None:
        return False
    bare = (
        parsed.value is not None
        and parsed.min is None
        and parsed.max is None
        and parsed.unit is None
        and not parsed.approx
    )
    if bare and _YEAR.match(parsed.text):
        before = text[max(0, parsed.start - 12) : parsed.start].split()
        if (
            not before
            or before[-1].strip(",.").lower() in _YEAR_CONTEXT
            or before[-1].endswith(("'s", "\u2019s"))
        ):
            return False
    if parsed.words and not _quantifier(parsed):
        span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
        if span is None or not any(t.pos_ == "NUM" for t in span):
            return False
    return True


def _quantifier(parsed: ParsedQuantity) -> bool:
    """A vague quantifier or "a dozen": the tagger rarely calls these NUM, so they are
    checked by what they count instead."""
    return parsed.vague or parsed.text.lower().endswith("dozen")


def _numbers_only(ent: Span) -> bool:
    """A DATE/TIME entity made only of numbers and range words ("between 10 and 15"): the
    small model often tags a bare range as a date; it is a count unless a year is in it."""
    return all(
        (t.like_num and not _YEAR.match(t.text)) or t.lower_ in _RANGE_WORDS or t.is_punct
        for t in ent
    ) and any(t.like_num for t in ent)


def _after_proper_noun(doc: Doc, parsed: ParsedQuantity) -> bool:
    """A bare number right after a proper noun is part of a name ("Boeing 737")."""
    if parsed.approx or parsed.unit is not None or parsed.words:
        return False
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    # Not after a country or people: "Poland lost 300 tanks and Hungary 120".
    return (
        prev.pos_ == "PROPN"
        and bool(prev.whitespace_)
        and prev.i != prev.sent.start
        and prev.ent_type_ not in ("GPE", "NORP", "LOC")
    )


def _counted(doc: Doc, parsed: ParsedQuantity) -> str | None:
    """Head noun of what the number counts, or None."""
    span = doc.char_span(parsed.start, parsed.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    head = _dependency_head(span) if parsed.unit is None else None
    if head is not None:
        return head.text
    i = span.end
    one = parsed.words and parsed.value == 1  # "one of the soldiers": a pronoun
    if parsed.unit is not None or (doc[i].lower_ == "of" and not one):
        # "10 hours of training", "between 20 and 30 of its branches": what is counted
        # follows "of".
        if doc[i].lower_ != "of":
            return None
        i += 1
        while i < len(doc) and doc[i].pos_ in ("DET", "PRON") and doc[i].dep_ in ("det", "poss"):
            i += 1
    noun: Token | None = None
    for token in doc[i : i + 4]:
        if token.pos_ not in _COUNTED_POS or token.is_punct:
            break
        if token.pos_ == "NOUN":
            noun = token
    return noun.text if noun is not None else None


def _dependency_head(span: Span) -> Token | None:
    if span.root.dep_ not in ("nummod", "quantmod", "amod", "compound"):
        return None
    head = span.root.head
    if (
        head.i >= span.end
        and head.pos_ == "NOUN"
        and head.i - span.end <= 3
        and all(t.pos_ in _COUNTED_POS for t in span.doc[span.end : head.i])
    ):
        return head
    return None
