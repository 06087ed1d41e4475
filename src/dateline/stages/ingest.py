"""Ingest stage: turn files, stdin and objects into ``Article`` records.

Formats, tried in this order for each input:
 1. JSONL (``.jsonl``/``.ndjson``): one article per line with ``text`` and optional
    ``id``, ``published``, ``url``, ``title``, ``outlet``.
 2. JSON (``.json``): one such object, or a list of them.
 3. HTML (``.html``/``.htm`` or content starting with ``<!doctype html``/``<html``,
    possibly after comments such as a browser's ``<!-- saved from url=... -->``):
    main text, title and publication date taken with trafilatura.
 4. Standard input is sniffed: a whole JSON document (object or list), else JSONL
    when its first non-blank line is JSON (an object, an array or ``null``), else
    HTML or text as above.
 5. Anything else: plain UTF-8 text (a leading byte-order mark is dropped).

Bad data is not an exception here: each bad input (or bad JSONL line) becomes a
``Rejection`` with a coded message naming its file and line, and reading goes on.
Input is untrusted: nesting too deep for the JSON parser, numbers too long to
convert, lone surrogates and impossible dates are all rejections, never tracebacks.
"""

from __future__ import annotations

import calendar
import json
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from dateline.errors import DatelineWarning, InputError, message
from dateline.records import Article, Rejection

logger = logging.getLogger(__name__)

STDIN = "-"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_SNIFF_BYTES = 8192
_BOM = "\ufeff"
_METADATA_FIELDS = ("id", "url", "title", "outlet")
_SURROGATE = re.compile("[\ud800-\udfff]")
# An HTML page: optional comments (a browser's "saved from url=" line) or an XML
# declaration, then a doctype or one of the top-level tags.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)",
    re.IGNORECASE | re.DOTALL,
)
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: Any, source: str) -> date:
    """Parse a publication date given as a date, datetime or ISO string.

    Raises:
        InputError: DL205 when the value is not a valid date.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
        except ValueError:
            pass
    raise InputError("DL205", source=source, value=value)


def normalise_newlines(text: str) -> str:
    """Translate CRLF and CR to LF, as Python's text mode does, so offsets agree with readers."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(
    text: str, source: str, published: date | None = None, **metadata: Any
) -> Article | Rejection:
    """Build an Article from plain text, or a Rejection when the text is empty."""
    text = normalise_newlines(text)
    if not text.strip():
        return _reject("DL203", source)
    bad = _lone_surrogate({"text": text, **metadata}, source)
    if bad is not None:
        return bad
    return Article(text=text, source=source, published=published, **metadata)


def check_article(article: Article, max_chars: int) -> Article | Rejection:
    """The Article itself, or a Rejection when it is over ``max_chars`` (DL211) or holds
    a lone surrogate (DL212); Articles built by callers skip the readers' checks."""
    source = article.source or article.id
    if len(article.text) > max_chars:
        return _reject("DL211", source, length=len(article.text), limit=max_chars)
    fields = {name: getattr(article, name) for name in ("text", *_METADATA_FIELDS)}
    bad = _lone_surrogate(fields, source)
    return bad if bad is not None else article


def where(source: str, line: int | None = None, unit: str = "line") -> str:
    """Name a place in the input for messages: "a.jsonl: line 3", "b.json: item 2", "c.txt"."""
    return source if line is None else f"{source}: {unit} {line}"


def _lone_surrogate(
    fields: dict[str, Any], source: str, line: int | None = None, unit: str = "line"
) -> Rejection | None:
    """A DL212 Rejection when a string field holds a lone surrogate (not encodable as UTF-8)."""
    for name, value in fields.items():
        match = _SURROGATE.search(value) if isinstance(value, str) else None
        if match is not None:
            return _reject(
                "DL212",
                source,
                line=line,
                where=where(source, line, unit),
                field=name,
                codepoint=f"U+{ord(match.group()):04X}",
                index=match.start(),
            )
    return None


def article_from_mapping(
    obj: Any,
    source: str,
    line: int | None = None,
    published: date | None = None,
    unit: str = "line",
) -> Article | Rejection:
    """Build an Article from a JSON object with ``text`` and optional metadata fields.

    Args:
        obj: the decoded JSON value (anything: non-objects are rejected).
        source: the file it came from.
        line: its line (JSONL) or item number (a JSON list), for messages.
        published: the default publication date.
        unit: "line" or "item", how ``line`` is named in messages.
    """
    here = where(source, line, unit)
    if not isinstance(obj, dict):
        return _reject(
            "DL204", source, line=line, where=here, reason=f"expected an object, got {_kind(obj)}"
        )
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return _reject("DL206", source, line=line, where=here)
    metadata = {key: str(obj[key]) for key in _METADATA_FIELDS if obj.get(key) not in (None, "")}
    bad = _lone_surrogate({"text": text, **metadata}, source, line, unit)
    if bad is not None:
        return bad
    own_date = obj.get("published")
    if own_date not in (None, ""):
        try:
            published = parse_date(own_date, here)
        except InputError as exc:
            return Rejection(source=source, line=line, code=exc.code, message=str(exc))
    article_source = source if line is None else f"{source}:{line}"
    return Article(
        text=normalise_newlines(text), source=article_source, published=published, **metadata
    )


def _kind(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def loads(text: str) -> tuple[Any, str | None]:
    """Decode one JSON text; return (value, None) or (None, the reason it is not valid).

    Untrusted JSON can fail in more ways than ``JSONDecodeError``: nesting deeper than
    the parser's recursion limit and integers longer than Python converts (4,300
    digits) raise other exceptions, which must not end a batch.
    """
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    except RecursionError:
        return None, "nested too deeply"
    except ValueError as exc:  # e.g. "Exceeds the limit (4300 digits) for integer string..."
        return None, str(exc).split(";")[0]


def articles_from_jsonl(
    lines: Iterable[str], source: str, published: date | None = None
) -> Iterator[Article | Rejection]:
    """Yield one Article (or Rejection) per non-blank JSONL line, numbered from 1.

    A file with no non-blank line yields one DL214 Rejection, so an empty batch is
    never a silent success.
    """
    seen = False
    for number, line in enumerate(lines, start=1):
        line = line.lstrip(_BOM)  # a BOM per line where files were concatenated
        if not line.strip():
            continue
        seen = True
        obj, reason = loads(line)
        if reason is not None:
            yield _reject("DL204", source, line=number, where=where(source, number), reason=reason)
            continue
        yield article_from_mapping(obj, source, line=number, published=published)
    if not seen:
        yield _reject("DL214", source)


def articles_from_json(
    text: str, source: str, published: date | None = None
) -> Iterator[Article | Rejection]:
    """Yield the article of a JSON document holding one object, or one per item of a list."""
    obj, reason = loads(text)
    if reason is not None:
        yield _reject("DL204", source, where=source, reason=reason)
        return
    if not isinstance(obj, list):
        yield article_from_mapping(obj, source, published=published)
        return
    if not obj:
        yield _reject("DL214", source)
        return
    for number, item in enumerate(obj, start=1):
        yield article_from_mapping(item, source, line=number, published=published, unit="item")


def article_from_html(html: str, source: str, published: date | None = None) -> Article | Rejection:
    """Extract main text, title, site name and date from an HTML page with trafilatura."""
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return _reject("DL207", source)
    page_date = _page_date(getattr(doc, "date", None), html, source)
    if page_date is not None:
        published = page_date
    metadata = {
        "title": getattr(doc, "title", None),
        "outlet": getattr(doc, "sitename", None),
        "url": getattr(doc, "url", None),
    }
    return Article(
        text=normalise_newlines(text),
        source=source,
        published=published,
        **{k: v for k, v in metadata.items() if v},
    )


def _page_date(found: str | None, html: str, source: str) -> date | None:
    """The page's publication date, or None when it has none or states an impossible one.

    The date finder moves an impossible day to the first of its month ("2024-02-30"
    becomes "2024-02-01"); a wrong date is worse than none, so when the page writes
    that month with a day it does not have, the date is dropped with a W005 warning.
    """
    if not found:
        return None
    try:
        day = parse_date(found, source)
    except InputError:
        logger.info("ignoring unparseable page date %r in %s", found, source)
        return None
    if day.day == 1:
        for match in _ISO_DAY.finditer(html):
            year, month, mday = (int(g) for g in match.groups())
            if (year, month) == (day.year, day.month) and mday > _days_in(year, month):
                warnings.warn(
                    DatelineWarning("W005", source=source, value=match.group()), stacklevel=2
                )
                return None
    return day


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1] if 1 <= year and 1 <= month <= 12 else 31


def looks_like_html(text: str) -> bool:
    """Whether text starts like an HTML page (comments and an XML declaration allowed)."""
    return _HTML_START.match(text[:_SNIFF_BYTES]) is not None


def read_source(
    path: str, published: date | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Read one path (or ``-`` for stdin) into Articles and Rejections."""
    data = _read_bytes(path, stdin)
    if isinstance(data, Rejection):
        yield data
        return
    text = _decode(data, path)
    if isinstance(text, Rejection):
        yield text
        return
    suffix = Path(path).suffix.lower() if path != STDIN else _sniff_stdin(text)
    if suffix in JSONL_SUFFIXES:
        yield from articles_from_jsonl(text.splitlines(), path, published)
    elif suffix == ".json":
        yield from articles_from_json(text, path, published)
    elif suffix in HTML_SUFFIXES or looks_like_html(text):
        yield article_from_html(text, path, published)
    else:
        yield article_from_text(text, path, published)


def _sniff_stdin(text: str) -> str:
    """The suffix standard input would have: ".json", ".jsonl", or "" (HTML or text)."""
    stripped = text.strip()
    if not stripped:
        return ""
    if stripped[0] in "{[" and loads(stripped)[1] is None:
        return ".json"
    first = stripped.split("\n", 1)[0].strip()
    # "{" always meant JSONL here; "[" and "null" only when the line is valid JSON, so
    # a text opening with "[Update]" stays text.
    if first.startswith("{") or (loads(first)[1] is None and (first[0] == "[" or first == "null")):
        return ".jsonl"
    return ""


def read_sources(
    paths: Iterable[str], published: date | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Read every path in order; bad inputs become Rejections and reading goes on.

    A failure no reader foresaw (a bug, or a library raising on a hostile page) ends
    only its own input, as a DL216 Rejection, never the batch.
    """
    for path in paths:
        try:
            yield from read_source(path, published, stdin)
        except Exception as exc:  # noqa: BLE001 - one input's failure must not end the batch
            logger.debug("reading %s failed", path, exc_info=True)
            yield _reject("DL216", path, reason=f"{type(exc).__name__}: {exc}")


def count_inputs(paths: Iterable[str]) -> int | None:
    """Estimate how many articles the paths hold (JSONL lines count one each), or None."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        p = Path(path)
        try:
            if p.suffix.lower() in JSONL_SUFFIXES and p.is_file():
                with p.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
                continue
        except OSError:
            pass  # unreadable: the reader reports it (DL210); count it as one input
        total += 1
    return total


def _read_bytes(path: str, stdin: BinaryIO | None) -> bytes | Rejection:
    if path == STDIN:
        import sys

        return (stdin or sys.stdin.buffer).read()
    p = Path(path)
    if p.is_dir():
        return _reject("DL208", path)
    if not p.exists():
        return _reject("DL201", path)
    try:
        return p.read_bytes()
    except OSError as exc:
        return _reject("DL210", path, reason=exc.strerror or str(exc))


def _decode(data: bytes, path: str) -> str | Rejection:
    if b"\x00" in data[:_SNIFF_BYTES]:
        return _reject("DL202", path, reason="NUL bytes found")
    try:
        return data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError as exc:
        return _reject("DL202", path, reason=f"invalid UTF-8 at byte {exc.start}")


def _reject(code: str, source: str, line: int | None = None, **values: Any) -> Rejection:
    values.setdefault("source", source)
    if line is not None:
        values.setdefault("line", line)
    return Rejection(source=source, line=line, code=code, message=message(code, **values))
