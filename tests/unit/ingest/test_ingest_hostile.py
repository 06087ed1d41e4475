"""Ingest: hostile and odd inputs become coded Rejections naming file and line (issue 10)."""

from __future__ import annotations

import io
import json
import warnings
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import DatelineWarning
from dateline.records import Article, Rejection
from dateline.stages.ingest import looks_like_html, read_source

pytestmark = pytest.mark.issue(10)

GOOD = json.dumps({"id": "good", "text": "The council met on Monday."})
BODY = (
    "<p>The harbour council met on Monday and voted to repair the old sea wall before "
    "winter, the mayor said after a long session that ran past midnight.</p>"
    "<p>Work on the wall will start in April and should take about six months.</p>"
)


def _read(tmp_path: Path, name: str, content: str | bytes) -> list[Article | Rejection]:
    f = tmp_path / name
    if isinstance(content, bytes):
        f.write_bytes(content)
    else:
        f.write_text(content, encoding="utf-8")
    return list(read_source(str(f)))


def _codes(items: list[Article | Rejection]) -> list[str]:
    return [i.code if isinstance(i, Rejection) else "ok" for i in items]


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ('{"text": ' + "[" * 5000 + "]" * 5000 + "}", "nested too deeply"),
        ('{"text": "a", "id": ' + "9" * 100_000 + "}", "4300 digits"),
    ],
)
def test_ingest_untrusted_json_line_is_rejected_and_batch_goes_on(
    tmp_path: Path, bad_line: str, reason: str
) -> None:
    items = _read(tmp_path, "b.jsonl", "\n".join([GOOD, bad_line, GOOD]))
    assert _codes(items) == ["ok", "DL204", "ok"]
    assert items[1].line == 2 and "b.jsonl: line 2" in items[1].message
    assert reason in items[1].message


@pytest.mark.parametrize("field", ["text", "id", "title"])
def test_ingest_lone_surrogate_is_rejected(tmp_path: Path, field: str) -> None:
    obj = {"text": "The council met.", field: "bad \\ud800 value"}
    line = json.dumps(obj).replace("\\\\ud800", "\\ud800")
    items = _read(tmp_path, "s.jsonl", "\n".join([GOOD, line]))
    assert _codes(items) == ["ok", "DL212"]
    assert f"field '{field}'" in items[1].message and "U+D800" in items[1].message
    assert "s.jsonl: line 2" in items[1].message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"null\n" + GOOD.encode(), ["DL204", "ok"]),
        (b'["a", "b"]\n' + GOOD.encode(), ["DL204", "ok"]),
        (b"\xef\xbb\xbf" + GOOD.encode() + b"\n" + GOOD.encode(), ["ok", "ok"]),
        (b'[{"text": "One."}, {"text": "Two."}]', ["ok", "ok"]),
    ],
)
def test_ingest_stdin_json_first_lines(data: bytes, expected: list[str]) -> None:
    items = list(read_source("-", stdin=io.BytesIO(data)))
    assert _codes(items) == expected


def test_ingest_stdin_text_opening_with_a_bracket_stays_text() -> None:
    (item,) = read_source("-", stdin=io.BytesIO(b"[Update] The council met on Monday."))
    assert isinstance(item, Article) and item.text.startswith("[Update]")


def test_ingest_bom_on_line_one_is_dropped(tmp_path: Path) -> None:
    items = _read(tmp_path, "bom.jsonl", b"\xef\xbb\xbf" + GOOD.encode())
    assert _codes(items) == ["ok"]
    (text,) = _read(tmp_path, "bom.txt", b"\xef\xbb\xbfPlain text.")
    assert isinstance(text, Article) and text.text == "Plain text."


@pytest.mark.parametrize(
    ("name", "content"), [("e.jsonl", ""), ("e.jsonl", "\n \n"), ("e.json", "[]")]
)
def test_ingest_empty_batch_is_a_coded_rejection(tmp_path: Path, name: str, content: str) -> None:
    (item,) = _read(tmp_path, name, content)
    assert isinstance(item, Rejection) and item.code == "DL214" and name in item.message


def test_ingest_json_list_of_articles_names_bad_items(tmp_path: Path) -> None:
    content = json.dumps([{"text": "One.", "id": "a"}, {"title": "no text"}, 7, {"text": "Two."}])
    items = _read(tmp_path, "list.json", content)
    assert _codes(items) == ["ok", "DL206", "DL204", "ok"]
    assert "list.json: item 2" in items[1].message and "got number" in items[2].message
    assert isinstance(items[3], Article) and items[3].source.endswith("list.json:4")


def _page(date_value: str, head: str = "") -> str:
    return (
        f"{head}<!DOCTYPE html><html><head><title>Sea wall</title>"
        f'<meta property="article:published_time" content="{date_value}"></head>'
        f"<body><article>{BODY}</article></body></html>"
    )


def test_ingest_html_impossible_date_is_dropped_not_shifted(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        (item,) = _read(tmp_path, "p.html", _page("2024-02-30"))
    assert isinstance(item, Article) and item.published is None
    assert [w.message.code for w in seen if issubclass(w.category, DatelineWarning)] == ["W005"]
    (valid,) = _read(tmp_path, "q.html", _page("2024-02-29"))
    assert isinstance(valid, Article) and valid.published == date(2024, 2, 29)


def test_ingest_saved_page_with_leading_comment_is_html(tmp_path: Path) -> None:
    page = _page(
        "2024-03-01", head="<!-- saved from url=(0042)https://example.org/news/sea-wall -->\n"
    )
    (item,) = _read(tmp_path, "saved.txt", page)
    assert isinstance(item, Article) and "<p>" not in item.text and "sea wall" in item.text
    assert item.title == "Sea wall"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<?xml version='1.0'?>\n<html><body>x</body></html>", True),
        ("  <!-- a -->\n<!-- b --><body>x</body>", True),
        ("The <html> tag opens a page.", False),
        ("<!-- not closed", False),
    ],
)
def test_ingest_html_sniffing(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


class _HostileMapping(dict):
    """A mapping whose lookups raise: what a caller's own lazy or proxy object may do."""

    def get(self, key, default=None):
        raise RuntimeError("lookup failed")


def test_api_unforeseen_item_failure_ends_only_its_item() -> None:
    import dateline

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatelineWarning)
        results = list(dateline.extract_many([_HostileMapping(text="x"), "The council met."]))
    assert isinstance(results[0], Rejection) and results[0].code == "DL216"
    assert "item 1" in results[0].message and "RuntimeError: lookup failed" in results[0].message
    assert not isinstance(results[1], Rejection)
