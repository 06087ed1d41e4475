"""Ingest: every input format, and every kind of bad input as a coded Rejection."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.records import Article, Rejection
from dateline.stages.ingest import count_inputs, parse_date, read_source, read_sources

HTML_PAGE = """<!DOCTYPE html><html><head><title>River floods the old town</title>
<meta property="article:published_time" content="2023-05-04"></head><body><article>
<h1>River floods the old town</h1>
<p>On Monday the river rose three metres above its usual level, the mayor said, and more
than two hundred homes in the lower streets were evacuated during the night.</p>
<p>Officials said on Tuesday that repairs to the embankment would take several months.</p>
</article></body></html>"""


def _one(path: str, **kw) -> Article | Rejection:
    (item,) = list(read_source(path, **kw))
    return item


def test_ingest_plain_text_keeps_text_and_default_date(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Line one.\r\nLine two.", encoding="utf-8")
    art = _one(str(f), published=date(2024, 1, 2))
    assert isinstance(art, Article)
    assert art.text == "Line one.\nLine two."
    assert art.published == date(2024, 1, 2)
    assert len(art.id) == 16 and art.source == str(f)


def test_ingest_html_takes_main_text_title_and_date(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    art = _one(str(f))
    assert isinstance(art, Article)
    assert art.title == "River floods the old town"
    assert art.published == date(2023, 5, 4)
    assert "two hundred homes" in art.text and "<p>" not in art.text


def test_ingest_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a-1", "text": "First article.", "published": "2024-08-07", "url": "u"}),
        "{not json",
        json.dumps({"text": "   "}),
        "",
        json.dumps({"id": "a-2", "text": "Second.", "published": "07/08/2024"}),
        json.dumps(["not", "an", "object"]),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_source(str(f)))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "Rejection",
        "Rejection",
        "Rejection",
        "Rejection",
    ]
    first = items[0]
    assert isinstance(first, Article) and first.id == "a-1" and first.published == date(2024, 8, 7)
    codes = [(i.code, i.line) for i in items[1:]]
    assert codes == [("DL204", 2), ("DL206", 3), ("DL205", 5), ("DL204", 6)]
    assert "line 2" in items[1].message and str(f) in items[1].message


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (None, "missing.txt", "DL201"),
        (b"\x00\x01\x02binary", "blob.txt", "DL202"),
        (b"caf\xe9 latin-1", "latin.txt", "DL202"),
        (b"   \n\n  ", "empty.txt", "DL203"),
        (b"<html><body></body></html>", "empty.html", "DL207"),
    ],
)
def test_ingest_bad_files_become_rejections(
    tmp_path: Path, content: bytes | None, name: str, code: str
) -> None:
    f = tmp_path / name
    if content is not None:
        f.write_bytes(content)
    item = _one(str(f))
    assert isinstance(item, Rejection)
    assert item.code == code
    assert str(f) in item.message and f"[{code}]" in item.message


def test_ingest_directory_is_rejected(tmp_path: Path) -> None:
    item = _one(str(tmp_path))
    assert isinstance(item, Rejection) and item.code == "DL208"


def test_ingest_stdin_text_and_jsonl() -> None:
    (art,) = list(read_source("-", stdin=io.BytesIO(b"Plain text from a pipe.")))
    assert isinstance(art, Article) and art.text == "Plain text from a pipe."
    items = list(read_source("-", stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b", "id": "x"}\n')))
    assert [i.id for i in items if isinstance(i, Article)][1] == "x"


def test_ingest_batch_goes_on_after_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Some news.", encoding="utf-8")
    items = list(read_sources([str(tmp_path / "nope.txt"), str(good)]))
    assert [type(i).__name__ for i in items] == ["Rejection", "Article"]
    assert count_inputs([str(good), str(good)]) == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-07", date(2024, 8, 7)),
        ("2024-08-07T10:00:00Z", date(2024, 8, 7)),
        (date(2020, 2, 29), date(2020, 2, 29)),
    ],
)
def test_ingest_parse_date_accepts_iso(value: object, expected: date) -> None:
    assert parse_date(value, "x") == expected


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "", 20240807, "2023-02-29"])
def test_ingest_parse_date_rejects_invalid(value: object) -> None:
    with pytest.raises(InputError) as info:
        parse_date(value, "--published")
    assert info.value.code == "DL205" and "--published" in str(info.value)
