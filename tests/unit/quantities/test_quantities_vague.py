"""Multi-word currencies, vague quantifiers and vote tallies."""

from __future__ import annotations

import pytest

from dateline.config import QuantitySettings
from dateline.records import Article
from dateline.stages._numbers import find_quantities
from dateline.stages.quantities import extract_quantities


def _run(nlp, text):
    article = Article(text=text)
    return extract_quantities(article=article, doc=nlp(text), settings=QuantitySettings())


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("exports worth 2.5 billion Canadian dollars", 2.5e9, "CAD"),
        ("a fine of 300 Swiss francs", 300, "CHF"),
        ("loans of 40 million US dollars", 4e7, "USD"),
        ("a grant of A$5 million", 5e6, "AUD"),
        ("a bill of 800 million rupiah", 8e8, "IDR"),
        ("a fee of 12 euros", 12, "EUR"),
    ],
)
def test_quantities_vague_currencies(text, value, unit):
    (found,) = find_quantities(text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "vague"),
    [
        ("several villages", 3, True),
        ("a few boats", 2, True),
        ("a handful of farms", 3, True),
        ("a couple of bridges", 2, True),
        ("several hundred homes", 200, True),
        ("a few thousand people", 2000, True),
    ],
)
def test_quantities_vague_lower_bounds(text, low, vague):
    (found,) = find_quantities(text)
    assert (found.value, found.min, found.approx, found.vague) == (None, low, True, vague)


def test_quantities_vague_a_dozen_is_approximate():
    (found,) = find_quantities("a dozen trucks")
    assert (found.value, found.approx) == (12, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A tally or a score is two numbers, not a range.
        ("The council voted 23-11 to close the road.", [(23, None, None), (11, None, None)]),
        ("The home side won 3-2 on Sunday.", [(3, None, None), (2, None, None)]),
        ("The senate vote was 48-52.", [(48, None, None), (52, None, None)]),
        ("The bill passed by a vote of 52 to 48.", [(52, None, None), (48, None, None)]),
        # A rising pair without a tally word stays a range.
        ("10 to 15 villages", [(None, 10, 15)]),
        ("The party won 5 to 7 seats.", [(None, 5, 7)]),
        ("pages 10-15", [(None, 10, 15)]),
    ],
)
def test_quantities_vague_tallies(text, expected):
    assert [(q.value, q.min, q.max) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The model tags a bare range as a DATE; it is a count.
        ("The charity said that between 20 and 25 of its crews were on duty.",
         [("between 20 and 25", "crews")]),
        ("Heavy rain pushed several rivers over their banks.", [("several", "rivers")]),
        ("A dozen boats and a few volunteers helped.",
         [("A dozen", "boats"), ("a few", "volunteers")]),
        # A vague word used as a pronoun is not a figure.
        ("Several were hurt and a few said so.", []),
        # A range of days in a month is still a date.
        ("The talks lasted between 10 and 15 May.", []),
        ("Exports worth about 1.4 billion New Zealand dollars were hit.",
         [("about 1.4 billion New Zealand dollars", None)]),
    ],
)  # fmt: skip
def test_quantities_vague_stage(nlp, text, expected):
    assert [(q.text, q.counted) for q in _run(nlp, text)] == expected
