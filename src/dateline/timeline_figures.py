"""What a reported figure counts: the key that puts figures of one counted thing in one series.

Reports word the same count differently: "seven people were killed", "the toll at twelve
dead", "killing two civilians and wounding five", "the number of wounded rose to nine";
"about 3,000 workers joined the stoppage" and "some 1,800 dockworkers took part in the
strike". ``figure_key`` reads, from the quantity record and the clause it sits in, what is
counted and what happened to it, and gives one key for all of them. Steps:

1. The counted noun: the quantities stage's ``counted``; else the word right after the
   number when it names an outcome ("twelve dead"); else the noun of a "number of X" or
   "toll" phrase before the number ("the number of wounded ... to nine").
2. The outcome (``data/timeline/figures.toml``): the first outcome word in the counted noun,
   then the word just before the number ("killing two civilians and wounding five"), then
   the words after the number up to the end of its clause, then a "number of X killed"
   phrase before it, then the event's trigger. A bare number after an outcome verb counts
   people.
3. The counted class: a noun for people in general ("civilians", "residents", "dockworkers")
   counts people; any other noun counts its stem ("ships" and "ship" are one thing).
4. The unit: lengths, areas, masses, volumes, speeds, power and durations are converted to
   base units by Pint, so "5 km" and "5,000 metres" compare; currencies and percentages
   are compared as they are.

Not stable API.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import snowballstemmer

if TYPE_CHECKING:
    import pint

    from dateline.records import EventMention, Quantity

FIGURES_LEXICON = "data/timeline/figures.toml"
PEOPLE = "people"
AFTER_WINDOW = 8  # words after the number searched for the outcome
SUBJECT_GAP = 40  # characters between a subject's figure and its clause ("workers ")
_CLAUSE_END = re.compile(r"[,;:.!?()\"\u201c\u201d]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NUMBER_OF = re.compile(r"\b(?:number|count|tally)\s+of\s+(?:the\s+)?([a-z]+)(?:\s+([a-z]+))?")
_TOLL = re.compile(r"\btoll\b")


@dataclass(frozen=True)
class FigureKey:
    """What a figure counts: the counted class, what happened to it, the unit it is in."""

    counted: str
    outcome: str | None
    unit: str | None


@dataclass(frozen=True)
class Reading:
    """A figure read in its clause: its key, the noun it counts as written, and its bounds in
    the key's unit."""

    key: FigureKey
    noun: str
    value: float | None
    min: float | None
    max: float | None


@dataclass(frozen=True)
class _Lexicon:
    people: frozenset[str]
    outcomes: tuple[tuple[str, str], ...]  # (cue, outcome), longest cues first
    units: dict[str, str]


@functools.cache
def _lexicon() -> _Lexicon:
    text = resources.files("dateline").joinpath(FIGURES_LEXICON).read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    cues = [(cue, outcome) for outcome, words in raw["outcomes"].items() for cue in words]
    cues.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    return _Lexicon(frozenset(raw["people"]["nouns"]), tuple(cues), dict(raw["units"]))


@functools.cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def read_figure(quantity: Quantity, mention: EventMention) -> Reading | None:
    """Read what ``quantity`` counts in the clause of ``mention``.

    Args:
        quantity: a quantity of the mention's clause.
        mention: the event mention that carries it.

    Returns:
        Its key and bounds, or None when nothing says what it counts.
    """
    before, after = _context(quantity, mention)
    noun = _counted_noun(quantity, before, after)
    if noun is None:
        return None
    outcome = _outcome(noun, after, before) or outcome_of(mention.trigger)
    unit, factor = _base_unit(quantity.unit)
    key = FigureKey(counted=_counted_class(noun), outcome=outcome, unit=unit)
    return Reading(
        key=key,
        noun=noun,
        value=_scaled(quantity.value, factor),
        min=_scaled(quantity.min, factor),
        max=_scaled(quantity.max, factor),
    )


def _context(quantity: Quantity, mention: EventMention) -> tuple[str, str]:
    """The clause text before and after the quantity, lower case.

    A mention's text starts at its clause, so a figure in the subject ("About 3,000 workers
    joined the stoppage") lies just before it: the clause then is all that follows.
    """
    text = mention.text
    offset = quantity.span[0] - mention.span[0]
    length = quantity.span[1] - quantity.span[0]
    if 0 <= offset and text[offset : offset + length] == quantity.text:
        return text[:offset].casefold(), text[offset + length :].casefold()
    if 0 <= mention.span[0] - quantity.span[1] <= SUBJECT_GAP:
        return "", text.casefold()
    return "", ""


def _counted_noun(quantity: Quantity, before: str, after: str) -> str | None:
    if quantity.counted:
        return quantity.counted.casefold()
    if quantity.unit is not None:  # "5 million euros" counts money, not people
        return None
    following = _WORD.findall(after[:40])
    if following and _outcome_of(following[0]) is not None:
        return following[0]
    if match := _last(_NUMBER_OF, before):
        return match.group(1)
    if _TOLL.search(before):
        return "toll"
    if _outcome_before(before) is not None:  # "wounding five": people, the verb says
        return PEOPLE
    return None


def _outcome_before(before: str) -> str | None:
    preceding = _WORD.findall(before[-30:])
    return _outcome_of(preceding[-1]) if preceding else None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last match is wanted
        pass
    return found


def _outcome(noun: str, after: str, before: str) -> str | None:
    """The first outcome word in the counted noun, the verb just before the number, the
    rest of the clause, a "number of X killed" phrase before it."""
    if (outcome := _outcome_of(noun)) is not None:
        return outcome
    if (outcome := _outcome_before(before)) is not None:
        return outcome
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    window = " ".join(_WORD.findall(clause)[:AFTER_WINDOW])
    if (outcome := _outcome_in(window)) is not None:
        return outcome
    if match := _last(_NUMBER_OF, before):  # "the number of people killed ... to 15"
        return _outcome_in(" ".join(w for w in match.groups() if w))
    return None


def outcome_of(word: str) -> str | None:
    """The outcome a word or phrase names ("wounding" -> "injured"), None for other words."""
    return _outcome_of(" ".join(word.casefold().split()))


def _outcome_of(word: str) -> str | None:
    return next((o for cue, o in _lexicon().outcomes if cue == word), None)


def _outcome_in(words: str) -> str | None:
    padded = f" {words} "
    return next((o for cue, o in _lexicon().outcomes if f" {cue} " in padded), None)


@functools.lru_cache(maxsize=4096)
def _counted_class(noun: str) -> str:
    """People in general count as one class; another noun counts its stem."""
    people = _lexicon().people
    if noun in people or _outcome_of(noun) is not None or noun == "toll":
        # An outcome noun ("dead", "wounded", "strikers") counts people.
        return PEOPLE
    if any(noun.endswith(p) for p in people):
        return PEOPLE
    return _stemmer().stemWord(noun)


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _base_unit(unit: str | None) -> tuple[str | None, float]:
    """The base unit a quantity's unit converts to, and the factor; unknown units as they are."""
    if unit is None:
        return None, 1.0
    return _conversion(unit)


@functools.cache
def _conversion(unit: str) -> tuple[str, float]:
    import pint

    registry = _registry()
    try:
        base = registry.Quantity(1.0, _lexicon().units.get(unit, unit)).to_base_units()
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        # Currencies, "%" and names Pint does not know stay in their own unit.
        return unit, 1.0
    if base.dimensionless:  # "%" would become a bare fraction: keep it as written
        return unit, 1.0
    return f"{base.units:~}", float(base.magnitude)


@functools.cache
def _registry() -> pint.UnitRegistry:
    import pint

    return pint.UnitRegistry()
