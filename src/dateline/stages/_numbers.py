"""Pure string parsing of numeric expressions for the quantities stage (not stable API).

Everything here works on plain strings so that it can be tested quickly and exhaustively
(see ``tests/property/test_quantities_*.py``). The lexicon (number words, vague plurals,
approximators, units) is read once per process from ``data/quantities/numbers.json``.

A match is one of::

    [approximator] [currency] NUMBER [unit]
    [approximator] [between|from] [currency] NUMBER (-|to|or|and) [currency] NUMBER [unit]

where NUMBER is digits ("1,250", "1.5", "2 million"), number words ("two hundred and five",
"a thousand") or a vague quantifier ("dozens of", "tens of thousands", "several", "a few":
``value`` None, ``min`` its conventional lower bound, ``approx`` and ``vague`` set). A unit
may be several words ("Australian dollars", "Swiss francs": ISO 4217 codes).

A vote tally or score ("voted 19-15", "won 3-2") is not a range: it gives two separate
quantities, one per side (see ``_tally``).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Words before "19-15" that make it a vote tally or a score (two numbers), not a range.
_TALLY_BEFORE = re.compile(
    r"\b(?:vot\w*|won|wins?|winning|lost|loses?|losing|beat\w*|defeat\w*|scor\w*|tally|"
    r"margin|ruled?|ruling|decision|majority|split|record|draw|drew|tied?|lead|led)\b"
    r"[^.;:]{0,30}$",
    re.IGNORECASE,
)
# "a dozen" is a round figure, not an exact count.
_A_DOZEN = re.compile(r"a\s+dozen$", re.IGNORECASE)
_HYPHEN_SEP = re.compile(r"\s*[-\u2013\u2014]\s*$")


@dataclass(frozen=True)
class ParsedQuantity:
    """One numeric expression found in a string, with character offsets into it."""

    start: int
    end: int
    text: str
    value: float | None
    min: float | None
    max: float | None
    approx: bool
    unit: str | None
    words: bool  # True when every number in it is written in words
    vague: bool = False  # "dozens of", "several", "a few": a lower bound, not a count


@dataclass(frozen=True)
class _Lexicon:
    small: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    dozen: int
    vague: dict[str, int]
    approximators: dict[str, str]
    units: dict[str, str]  # spelling (lower case) -> canonical unit
    currency_symbols: frozenset[str]
    pattern: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any blank run."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.cache
def lexicon() -> _Lexicon:
    """Load the quantity lexicon and compile the master pattern (once per process)."""
    raw = json.loads(
        resources.files("dateline").joinpath("data/quantities/numbers.json").read_text("utf-8")
    )
    small = {k: v for k, v in raw["units_digits"].items() if k.isalpha()}
    tens = raw["tens"]
    scales = raw["scales"]
    units = {
        spelling.lower(): canon
        for canon, spellings in raw["units"].items()
        for spelling in spellings
    }
    symbols = frozenset(s.lower() for s in raw["currency_symbols"])

    base = _alternation(list(small) + list(tens))
    word_scales = _alternation([s for s in scales if len(s) > 3])
    cont = rf"(?:{base}|{word_scales}|dozen)"
    # "and" may follow a scale word only when a number word continues ("two hundred and five").
    scale_and = rf"(?:{word_scales})(?:\s+and(?=\s+(?:{base})\b))?"
    sep = r"(?:\s+|-)"
    word_number = (
        rf"(?:(?:{base})|a\s+(?:{word_scales}|dozen))\b"
        rf"(?:{sep}(?:{scale_and}|{cont})\b)*"
    )
    digit_number = rf"(?:{_DIGITS})(?:\s*(?:{_alternation(list(scales))})\b)?"
    vague = rf"(?:{_alternation(list(raw['vague']))})\b(?:\s+of\b)?"
    number = rf"(?:{vague}|{digit_number}|{word_number})"
    currency = _alternation(sorted(symbols))
    unit_words = _alternation([u for u in units if u not in symbols])
    unit_symbols = _alternation([u for u in units if not u[0].isalnum()])
    pattern = re.compile(
        rf"(?<![\w.,:/\-$€£])"
        rf"(?:(?P<approx>{_alternation(list(raw['approximators']))})\s+)?"
        rf"(?:(?P<rp>between|from)\s+)?"
        rf"(?:(?P<cur>{currency})\s?)?"
        rf"(?P<n1>{number})"
        rf"(?:(?P<sep>(?(rp)\s+(?:and|to)\s+|(?:\s*[-\u2013\u2014]\s*|\s+(?:to|or)\s+)))"
        rf"(?:{currency})?\s?"
        rf"(?P<n2>{number}))?"
        rf"(?:(?P<unit>\s*(?:{unit_symbols})|\s*(?:{unit_words})\b))?"
        rf"(?![\w:/]|[.,\-]\d)",
        re.IGNORECASE,
    )
    return _Lexicon(
        small=small,
        tens=tens,
        scales=scales,
        dozen=int(raw["dozen"]),
        vague={k: v for k, v in raw["vague"].items()},
        approximators=raw["approximators"],
        units=units,
        currency_symbols=symbols,
        pattern=pattern,
    )


def _words_value(text: str, lex: _Lexicon) -> float | None:
    """Value of a number written in words ("two hundred and five" -> 205)."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", ""):
            continue
        if word == "a":
            current = 1
        elif word in lex.small:
            current += lex.small[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word == "dozen":
            current = (current or 1) * lex.dozen
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in lex.scales:
            total += (current or 1) * lex.scales[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _trailing_scale(number: str, lex: _Lexicon) -> int:
    """The factor of the scale words that close ``number`` with nothing after them.

    "three million" and "three hundred thousand" end in scale words (1,000,000; 100,000);
    "twelve thousand five hundred" does not (a number word follows its first scale word),
    so no scale is shared with the other end of a range.
    """
    words = number.lower().split()
    first = next((i for i, word in enumerate(words) if word in lex.scales), None)
    if first is None or any(word not in lex.scales for word in words[first:]):
        return 1
    factor = 1
    for word in words[first:]:
        factor *= lex.scales[word]
    return factor


def number_value(text: str) -> tuple[float | None, bool, bool]:
    """Parse one NUMBER: returns (value, is_vague, has_scale_word).

    For a vague plural ("dozens of") the value is its conventional lower bound.
    """
    lex = lexicon()
    low = re.sub(r"\s+", " ", text.strip().lower())
    vague_key = re.sub(r"\s+of$", "", low)
    if vague_key in lex.vague:
        return float(lex.vague[vague_key]), True, False
    m = re.match(rf"({_DIGITS})\s*([a-z]*)$", low)
    if m:
        value = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale:
            if scale not in lex.scales:
                return None, False, False
            value *= lex.scales[scale]
        return value, False, bool(scale)
    value = _words_value(low, lex)
    has_scale = any(w in lex.scales for w in low.split())
    return value, False, has_scale


def _well_formed(text: str, lex: _Lexicon) -> bool:
    """True for a number in words whose parts come in a legal order.

    "nine hundred and thirty-nine thousand" is well formed; "two hundred and three
    hundred" is not (a second hundreds group with no scale word between them).
    """
    last_scale = float("inf")
    hundred = tens = unit = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "", "a"):
            unit = unit or word == "a"
            continue
        if word in lex.small:
            if unit or (tens and lex.small[word] >= 10):
                return False
            unit = True
        elif word in lex.tens:
            if tens or unit:
                return False
            tens = True
        elif word == "hundred":
            if hundred or tens or not unit:
                return False
            hundred, unit = True, False
        elif word in lex.scales:
            if lex.scales[word] >= last_scale or not (hundred or tens or unit):
                return False
            last_scale = lex.scales[word]
            hundred = tens = unit = False
        elif word != "dozen":
            return False
    return True


def _split_between(text: str, lex: _Lexicon) -> tuple[float, float] | None:
    """Split "four hundred and one thousand" (after "between", whose own "and" the number
    pattern swallowed) into two well-formed numbers, the first smaller."""
    for m in re.finditer(r"\s+and\s+", text):
        left, right = text[: m.start()], text[m.end() :]
        if _well_formed(left, lex) and _well_formed(right, lex):
            low, high = _words_value(left, lex), _words_value(right, lex)
            if low is not None and high is not None and low < high:
                return low, high
    return None


def _tally(m: re.Match[str], v1: float, v2: float | None) -> list[ParsedQuantity] | None:
    """A vote tally or a score ("voted 19-15", "won 3-2") as two plain numbers, or None.

    Two whole numbers joined by a hyphen or dash, with nothing around them, are a tally
    when the second is not larger (a range goes up) or a tally word comes just before;
    after a tally word a falling pair joined by "to" is one too ("a vote of 52 to 48", but
    "won 5 to 7 seats" is a range).
    Each side is kept as its own quantity: a tally is not a range.
    """
    n1, n2 = m.group("n1"), m.group("n2")
    sep = m.group("sep") or ""
    tally_word = bool(_TALLY_BEFORE.search(m.string[max(0, m.start() - 40) : m.start()]))
    if (
        v2 is None
        # "a vote of 52 to 48": "to" joins a tally only after a tally word
        or not (_HYPHEN_SEP.match(sep) or (tally_word and sep.strip().lower() == "to" and v2 <= v1))
        or not (n1.isdigit() and n2.isdigit())
        or m.group("unit")
        or m.group("cur")
        or m.group("approx")
        or m.group("rp")
    ):
        return None
    if v2 > v1 and not tally_word:
        return None
    return [
        ParsedQuantity(
            start=m.start(group),
            end=m.end(group),
            text=m.group(group),
            value=value,
            min=None,
            max=None,
            approx=False,
            unit=None,
            words=False,
        )
        for group, value in (("n1", v1), ("n2", v2))
    ]


def _to_quantities(m: re.Match[str], lex: _Lexicon) -> list[ParsedQuantity]:
    """The quantities of one pattern match: usually one, two for a tally."""
    if m.group("n2") is not None:
        v1, _, _ = number_value(m.group("n1"))
        v2, _, _ = number_value(m.group("n2"))
        if v1 is not None:
            tally = _tally(m, v1, v2)
            if tally is not None:
                return tally
    parsed = _to_quantity(m, lex)
    return [parsed] if parsed is not None else []


def _to_quantity(m: re.Match[str], lex: _Lexicon) -> ParsedQuantity | None:
    n1_text = m.group("n1")
    v1, vague1, _ = number_value(n1_text)
    if v1 is None:
        return None
    end = m.end()
    unit_text = m.group("unit")
    v2 = None
    rp = (m.group("rp") or "").lower()
    # "between" needs two numbers: when the pattern took "four hundred and one thousand"
    # as one, the range's own "and" is inside it.
    if rp == "between" and m.group("n2") is None:
        split = _split_between(n1_text, lex)
        if split is not None:
            approx_kind = lex.approximators.get(_norm(m.group("approx") or ""))
            return ParsedQuantity(
                start=m.start(),
                end=end,
                text=m.group(0),
                value=None,
                min=split[0],
                max=split[1],
                approx=approx_kind is not None,
                unit=_unit(m, lex, unit_text),
                words=True,
            )
    if m.group("n2") is not None:
        v2, vague2, scale2 = number_value(m.group("n2"))
        if v2 is not None and scale2 and not vague2:
            _, _, scale1 = number_value(n1_text)
            # "1-2 million": the scale word written once applies to both ends.
            # Only when the scaled first end stays below the second: "one to one hundred"
            # is 1-100, not 100-100.
            factor = _trailing_scale(m.group("n2"), lex)
            if not scale1 and v1 < v2 and factor > 1 and v1 * factor < v2:
                v1 *= factor
        if v2 is None or vague1 or vague2 or v2 <= v1:
            # Not a range after all ("24-7", "5 or dozens"): keep the first number only.
            return _single(m, lex, v1, vague1, m.end("n1"), None)
    unit = _unit(m, lex, unit_text)
    approx_kind = lex.approximators.get(_norm(m.group("approx"))) if m.group("approx") else None
    words = not re.search(r"\d", (n1_text or "") + (m.group("n2") or ""))
    if v2 is not None:
        return ParsedQuantity(
            start=m.start(),
            end=end,
            text=m.group(0),
            value=None,
            min=v1,
            max=v2,
            approx=approx_kind is not None,
            unit=unit,
            words=words,
        )
    return _single(m, lex, v1, vague1, end, unit)


def _single(
    m: re.Match[str], lex: _Lexicon, value: float, vague: bool, end: int, unit: str | None
) -> ParsedQuantity:
    approx_kind = lex.approximators.get(_norm(m.group("approx"))) if m.group("approx") else None
    start = m.start()
    if m.group("rp") and approx_kind is None:
        # "from 58 percent" without a second number: "from" is not part of the quantity.
        start = m.start("cur") if m.group("cur") else m.start("n1")
    if unit is None and m.group("cur"):
        unit = lex.units.get(m.group("cur").lower())
    text = m.string[start:end]
    words = not re.search(r"\d", m.group("n1"))
    low = high = None
    point: float | None = value
    approx = approx_kind is not None or bool(_A_DOZEN.match(m.group("n1")))
    if vague:
        low, point, approx = value, None, True
    elif approx_kind == "min":
        low = value
    elif approx_kind == "max":
        high = value
    return ParsedQuantity(
        start=start,
        end=end,
        text=text.rstrip(),
        value=point,
        min=low,
        max=high,
        approx=approx,
        unit=unit,
        words=words,
        vague=vague,
    )


def _unit(m: re.Match[str], lex: _Lexicon, unit_text: str | None) -> str | None:
    if unit_text:
        return lex.units.get(_norm(unit_text))
    if m.group("cur"):
        return lex.units.get(m.group("cur").lower())
    return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def find_quantities(text: str) -> list[ParsedQuantity]:
    """Every numeric expression in ``text``, left to right, non-overlapping."""
    lex = lexicon()
    found = []
    for m in lex.pattern.finditer(text):
        found.extend(_to_quantities(m, lex))
    return found


def parse_quantity(text: str) -> ParsedQuantity | None:
    """The first numeric expression in ``text``, or None."""
    found = find_quantities(text)
    return found[0] if found else None
