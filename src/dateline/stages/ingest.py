"""Ingest stage: turn files, stdin and objects into ``Article`` records.

Formats, tried in this order for each input:
 1. JSONL (``.jsonl``/``.ndjson``): one article per line with ``text`` and optional
    ``id``, ``published``, ``url``, ``title``, ``outlet``.
 2. JSON (``.json``): one such object.
 3. HTML (``.html``/``.htm`` or content starting with ``<!doctype html``/``<html``):
    main text, title and publication date taken with trafilatura.
 4. Anything else: plain UTF-8 text.

Bad data is not an exception here: each bad input (or bad JSONL line) becomes a
``Rejection`` with a coded message, and reading goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from dateline.errors import InputError, message
from dateline.records import Article, Rejection

logger = logging.getLogger(__name__)

STDIN = "-"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_SNIFF_BYTES = 8192


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
    return Article(text=text, source=source, published=published, **metadata)


def article_from_mapping(
    obj: Any, source: str, line: int | None = None, published: date | None = None
) -> Article | Rejection:
    """Build an Article from a JSON object with ``text`` and optional metadata fields."""
    where = f"{source}:{line}" if line is not None else source
    if not isinstance(obj, dict):
        return _reject(
            "DL204", source, line=line, reason=f"expected an object, got {type(obj).__name__}"
        )
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return _reject("DL206", source, line=line)
    own_date = obj.get("published")
    if own_date not in (None, ""):
        try:
            published = parse_date(own_date, where)
        except InputError as exc:
            return Rejection(source=source, line=line, code=exc.code, message=str(exc))
    metadata = {
        key: str(obj[key])
        for key in ("id", "url", "title", "outlet")
        if obj.get(key) not in (None, "")
    }
    return Article(text=normalise_newlines(text), source=where, published=published, **metadata)


def articles_from_jsonl(
    lines: Iterable[str], source: str, published: date | None = None
) -> Iterator[Article | Rejection]:
    """Yield one Article (or Rejection) per non-blank JSONL line, numbered from 1."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _reject("DL204", source, line=number, reason=exc.msg)
            continue
        yield article_from_mapping(obj, source, line=number, published=published)


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
    page_date = getattr(doc, "date", None)
    if page_date:
        try:
            published = parse_date(page_date, source)
        except InputError:
            logger.info("ignoring unparseable page date %r in %s", page_date, source)
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
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    head = text.lstrip()[:200].lower()
    if suffix in JSONL_SUFFIXES or (path == STDIN and head.startswith("{")):
        yield from articles_from_jsonl(text.splitlines(), path, published)
    elif suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield _reject("DL204", path, line=exc.lineno, reason=exc.msg)
            return
        yield article_from_mapping(obj, path, line=1, published=published)
    elif suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        yield article_from_html(text, path, published)
    else:
        yield article_from_text(text, path, published)


def read_sources(
    paths: Iterable[str], published: date | None = None, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Read every path in order; bad inputs become Rejections and reading goes on."""
    for path in paths:
        yield from read_source(path, published, stdin)


def count_inputs(paths: Iterable[str]) -> int | None:
    """Estimate how many articles the paths hold (JSONL lines count one each), or None."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        p = Path(path)
        if p.suffix.lower() in JSONL_SUFFIXES and p.is_file():
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
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
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _reject("DL202", path, reason=f"invalid UTF-8 at byte {exc.start}")


def _reject(code: str, source: str, line: int | None = None, **values: Any) -> Rejection:
    values.setdefault("source", source)
    if line is not None:
        values.setdefault("line", line)
    return Rejection(source=source, line=line, code=code, message=message(code, **values))
