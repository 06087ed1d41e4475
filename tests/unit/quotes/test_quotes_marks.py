"""Quotation-mark pairing (no model needed)."""

from __future__ import annotations

import pytest

from dateline.stages._speech_marks import is_title, quote_marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "we will stay" and left.', ['"we will stay"']),
        ("She said \u201cwe will stay\u201d and left.", ["\u201cwe will stay\u201d"]),
        ("He said ``we will stay'' and left.", ["``we will stay''"]),
        ('They reported that "the unit withdrew.\u201d', ['"the unit withdrew.\u201d']),
        ('"It is over, the "old guard" has gone," she said.',
         ['"It is over, the "old guard" has gone,"']),
        ('"One, two," he said. "Three."', ['"One, two,"', '"Three."']),
        ('He said: "first paragraph\n\n"second paragraph."',
         ['"first paragraph\n\n"second paragraph."']),
        ('He said: "unclosed paragraph\nA new paragraph without marks.', ['"unclosed paragraph']),
        ("No quotation marks at all.", []),
    ],
)
def test_quotes_marks_pairing(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in quote_marks(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Morning Show"', True),
        ('"War and Peace"', True),
        ('"large-scale provocation"', False),
        ('"We will never give up the fight for our homes and our families"', False),
    ],
)
def test_quotes_marks_title(text: str, expected: bool) -> None:
    assert is_title(text) is expected
