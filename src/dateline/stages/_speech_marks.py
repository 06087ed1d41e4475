"""Quotation marks: pairing, edge trimming and title-like quotations (not stable API)."""

from __future__ import annotations

import re

from dateline.stages._speech import QUOTE_CHARS, lexicon

_EDGE_PUNCT = " \t\r\n,.;:!?-\u2014\u2013()[]"
_NAME_TOKEN = re.compile(r"\w+")

# --------------------------------------------------------------------------- quotation marks

# Opening/closing marks: curly and straight double quotes and TeX-style ``...''.
_MARK = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPENERS = frozenset({"\u201c", "\u201e", "\u00ab", "``"})
_CLOSERS = frozenset({"\u201d", "\u00bb", "''"})


def quote_marks(text: str) -> list[tuple[int, int]]:
    """Return the outermost quotation spans ``[open mark, close mark]`` (marks included).

    Marks are paired with a depth counter per paragraph, so nested quotes stay inside
    their outer quote. A straight ``"`` opens after whitespace or an opening bracket and
    closes otherwise. A paragraph that ends inside a quote continues it when the next
    paragraph opens with a quotation mark (the multi-paragraph convention); otherwise the
    quote ends with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    start = -1
    checked = 0  # the paragraph test looks at the text after the previous mark
    for match in _MARK.finditer(text):
        mark, pos = match.group(), match.start()
        if depth and "\n" in text[checked:pos]:
            if not text[text.index("\n", checked) : pos].strip() and _is_opener(text, pos, mark):
                depth = 1  # the quote goes on in a new paragraph
                checked = match.end()
                continue
            spans.append((start, _trim_end(text, start, text.index("\n", checked))))
            depth = 0
        checked = match.end()
        if depth == 0:
            if _is_opener(text, pos, mark):
                start, depth = pos, 1
            continue
        if mark in _OPENERS or (mark == '"' and _opens(text, pos) and not _closes(text, pos)):
            depth += 1
            continue
        depth -= 1
        if depth == 0:
            spans.append((start, match.end()))
    if depth:
        end = text.find("\n", checked)
        spans.append((start, _trim_end(text, start, len(text) if end < 0 else end)))
    return [s for s in spans if s[1] - s[0] > 2]


def _opens(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([{\u2014\u2013-/"


def _closes(text: str, pos: int) -> bool:
    nxt = text[pos + 1] if pos + 1 < len(text) else " "
    return nxt.isspace() or nxt in ",.;:!?)]}\u2014\u2013-'\u2019"


def _is_opener(text: str, pos: int, mark: str) -> bool:
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        # A closing mark typed at the start of a paragraph opens a quote.
        return mark == "\u201d" and not text[text.rfind("\n", 0, pos) + 1 : pos].strip()
    return _opens(text, pos) or not _closes(text, pos)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def trim(text: str, start: int, end: int, quotes: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past edge whitespace and punctuation (and quote marks)."""
    chars = _EDGE_PUNCT + (QUOTE_CHARS if quotes else "")
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def is_title(text: str) -> bool:
    """A short quotation in title case ("Fox News Sunday", "War and Peace"): a name of a
    work or programme rather than speech."""
    words = _NAME_TOKEN.findall(text)
    if not 1 <= len(words) <= 6:
        return False
    small = lexicon().title_small_words
    content = [w for w in words if w.lower() not in small or w is words[0]]
    return all(w[:1].isupper() or w[:1].isdigit() for w in content)
