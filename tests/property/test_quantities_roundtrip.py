"""Property tests: numbers rendered in digits and words parse back to their value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.stages._numbers import find_quantities, parse_quantity

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words_below_thousand(n: int) -> str:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(f"{_SMALL[hundreds]} hundred")
    if rest:
        if parts:
            parts.append("and")
        if rest < 20:
            parts.append(_SMALL[rest])
        else:
            tens, unit = divmod(rest, 10)
            parts.append(_TENS[tens - 2] + (f"-{_SMALL[unit]}" if unit else ""))
    return " ".join(parts)


def to_words(n: int) -> str:
    """English words for 1 <= n < 10**9 ("two hundred and five", "three million ...")."""
    chunks = []
    for scale_value, scale_name in ((10**6, "million"), (10**3, "thousand"), (1, "")):
        chunk, n = divmod(n, scale_value)
        if chunk:
            words = _words_below_thousand(chunk)
            chunks.append(f"{words} {scale_name}".strip())
    return " ".join(chunks)


integers = st.integers(min_value=1, max_value=999_999_999)
approximators = st.sampled_from(
    [
        ("about", "value"),
        ("around", "value"),
        ("over", "min"),
        ("more than", "min"),
        ("at least", "min"),
        ("up to", "max"),
        ("nearly", "max"),
        ("fewer than", "max"),
    ]
)


@given(integers)
def test_quantities_digits_with_commas(n):
    parsed = parse_quantity(f"{n:,} people")
    assert parsed is not None and parsed.value == n and not parsed.approx


@given(integers)
def test_quantities_plain_digits(n):
    parsed = parse_quantity(f"they counted {n} items")
    assert parsed is not None and parsed.value == n


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([("million", 10**6), ("billion", 10**9), ("thousand", 10**3)]),
)
def test_quantities_decimal_scale(whole, tenth, scale):
    name, factor = scale
    parsed = parse_quantity(f"{whole}.{tenth} {name} dollars")
    assert parsed is not None
    assert abs(parsed.value - (whole + tenth / 10) * factor) < 1e-6 * factor
    assert parsed.unit == "USD"


@given(integers)
def test_quantities_words(n):
    parsed = parse_quantity(f"{to_words(n)} soldiers")
    assert parsed is not None and parsed.value == n, to_words(n)


@given(integers, approximators, st.booleans())
def test_quantities_approximators(n, approx, as_words):
    phrase, bound = approx
    number = to_words(n) if as_words else f"{n:,}"
    parsed = parse_quantity(f"{phrase} {number} troops")
    assert parsed is not None
    assert parsed.approx and parsed.value == n
    assert parsed.min == (n if bound == "min" else None)
    assert parsed.max == (n if bound == "max" else None)


@given(
    integers,
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["{a}-{b}", "{a} to {b}", "between {a} and {b}", "from {a} to {b}"]),
)
def test_quantities_ranges(a, delta, template):
    b = a + delta
    parsed = parse_quantity(template.format(a=f"{a:,}", b=f"{b:,}") + " km")
    assert parsed is not None
    assert (parsed.min, parsed.max, parsed.value, parsed.unit) == (a, b, None, "km")


@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=1, max_value=10**5),
    st.sampled_from(["{a} to {b}", "between {a} and {b}", "from {a} to {b}", "{a} or {b}"]),
)
def test_quantities_word_ranges(a, delta, template):
    b = a + delta
    parsed = parse_quantity(template.format(a=to_words(a), b=to_words(b)) + " soldiers")
    assert parsed is not None
    assert (parsed.min, parsed.max, parsed.value) == (a, b, None)


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=999))
def test_quantities_tally_is_two_numbers(a, b):
    """A vote tally or score gives both numbers back, in order, and never a range."""
    found = find_quantities(f"The committee voted {a}-{b} on Monday.")
    assert [(q.value, q.min, q.max) for q in found] == [(a, None, None), (b, None, None)]


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_quantities_between_is_a_range(a, b):
    """"between a and b" with a < b is one range from a to b."""
    low, high = min(a, b), max(a, b) + 1
    (found,) = find_quantities(f"between {low} and {high} homes")
    assert (found.min, found.max) == (low, high)
