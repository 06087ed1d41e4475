"""The attribute ruler's patterns matched by table lookups (not stable API).

spaCy's ``attribute_ruler`` (which maps fine-grained tags to parts of speech and fixes a
few words' tags and morphology) runs a general ``Matcher`` over its ~180 one- and
two-token patterns. On news that costs about an eighth of the whole parse, more than the
tagger and the dependency parser together, while its patterns only test a token's
attributes for equality, set membership or a regular expression. ``AttributeRules``
compiles those patterns into dictionaries keyed by the tested values and returns the
same matches, so the ruler sets exactly the attributes it set before (the parse tests
compare both on whole texts). A ruler with any pattern outside that subset is left as
it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Attributes a pattern may test, with their spaCy attribute ids.
_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "POS": POS, "LEMMA": LEMMA}
_FLAGS = {"IS_SPACE": IS_SPACE}
# First-token attributes a pattern is filed under, most selective first.
_INDEX_ATTRS = ("LOWER", "ORTH", "TAG", "DEP")

Test = Callable[[int, Callable[[int], str]], bool]


class UnsupportedPattern(ValueError):
    """A pattern uses a construct the table matcher does not reproduce exactly."""


@dataclass(frozen=True)
class _Pattern:
    """One alternative of one rule: a test per token, and the rule's position."""

    rule: int
    match_id: int
    tests: tuple[tuple[tuple[int, Test], ...], ...]


@dataclass
class AttributeRules:
    """The ruler's patterns filed by the value of one first-token attribute."""

    columns: tuple[int, ...]
    by_value: dict[tuple[int, int], list[_Pattern]] = field(default_factory=dict)
    always: list[_Pattern] = field(default_factory=list)
    indexed: tuple[int, ...] = ()  # the columns ``by_value`` is keyed on

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler) -> AttributeRules:
        """Compile every pattern of ``ruler``; UnsupportedPattern when one cannot be."""
        strings = ruler.vocab.strings
        columns: list[int] = []
        rules = cls(columns=())
        for rule in range(len(ruler.attrs)):
            match_id = strings.add(str(rule))
            for pattern in ruler.matcher.get(str(rule))[1]:
                tests = tuple(_token_tests(spec, strings, columns) for spec in pattern)
                compiled = _Pattern(rule, match_id, tests)
                rules._file(compiled, pattern[0], strings, columns)
        rules.columns = tuple(columns)
        rules.indexed = tuple(sorted({column for column, _ in rules.by_value}))
        return rules

    def _file(self, pattern: _Pattern, first: dict, strings, columns: list[int]) -> None:
        for name in _INDEX_ATTRS:
            value = first.get(name)
            if isinstance(value, str):
                key = (_column(columns, _ATTRS[name]), strings.add(value))
                self.by_value.setdefault(key, []).append(pattern)
                return
            if isinstance(value, dict) and set(value) == {"IN"}:
                column = _column(columns, _ATTRS[name])
                for member in value["IN"]:
                    self.by_value.setdefault((column, strings.add(member)), []).append(pattern)
                return
        self.always.append(pattern)

    def match(self, doc: Doc, ruler: AttributeRuler) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: ``(rule, match id, start, end)``, sorted."""
        n = len(doc)
        if n == 0:
            return []
        if not self.columns:
            values: list[list[int]] = [[] for _ in range(n)]
        else:
            values = doc.to_array(list(self.columns)).reshape(n, -1).tolist()
        text_of: Callable[[int], str] = ruler.vocab.strings.__getitem__
        found: list[tuple[int, int, int, int]] = []
        for start, row in enumerate(values):
            candidates = list(self.always)
            for column in self.indexed:
                candidates.extend(self.by_value.get((column, row[column]), ()))
            for pattern in candidates:
                end = start + len(pattern.tests)
                if end <= n and _matches(pattern, values, start, text_of):
                    found.append((pattern.rule, pattern.match_id, start, end))
        found.sort()
        return found


def _column(columns: list[int], attr: int) -> int:
    if attr not in columns:
        columns.append(attr)
    return columns.index(attr)


def _token_tests(spec: dict, strings, columns: list[int]) -> tuple[tuple[int, Test], ...]:
    """The tests of one token spec, each on a column of the attribute array."""
    tests: list[tuple[int, Test]] = []
    for name, value in spec.items():
        if name in _FLAGS:
            if not isinstance(value, bool):
                raise UnsupportedPattern(f"{name}: {value!r}")
            tests.append((_column(columns, _FLAGS[name]), _flag_test(value)))
        elif name in _ATTRS:
            tests.append((_column(columns, _ATTRS[name]), _value_test(value, strings)))
        else:
            raise UnsupportedPattern(name)
    return tuple(tests)


def _flag_test(expected: bool) -> Test:
    return lambda value, _text: bool(value) == expected


def _value_test(value: object, strings) -> Test:
    if isinstance(value, str):
        wanted = strings.add(value)
        return lambda got, _text: got == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            members = frozenset(strings.add(a) for a in arg)
            if op == "IN":
                return lambda got, _text: got in members
            return lambda got, _text: got not in members
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda got, text: regex.search(text(got)) is not None
    raise UnsupportedPattern(repr(value))


def _matches(
    pattern: _Pattern, values: list[list[int]], start: int, text_of: Callable[[int], str]
) -> bool:
    for offset, tests in enumerate(pattern.tests):
        row = values[start + offset]
        for column, test in tests:
            if not test(row[column], text_of):
                return False
    return True
