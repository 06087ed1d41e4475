"""Pin the public API and the error catalogue's documentation."""

from __future__ import annotations

from pathlib import Path

import dateline
from dateline.errors import CATALOGUE, DatelineWarning, InputError, message

DOCS = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def test_public_all_is_sorted_and_pinned() -> None:
    assert dateline.__all__ == sorted(dateline.__all__)
    assert set(dateline.__all__) == {
        "Article",
        "Attribution",
        "Claim",
        "ConfigError",
        "DatelineError",
        "DatelineWarning",
        "Entity",
        "Event",
        "Extraction",
        "InputError",
        "PipelineError",
        "Place",
        "Quantity",
        "Quote",
        "Rejection",
        "Settings",
        "StageError",
        "Timex",
        "extract",
        "extract_many",
        "ingest",
        "json_schema",
        "load_settings",
    }
    for name in dateline.__all__:
        assert hasattr(dateline, name)


def test_every_code_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    for code in CATALOGUE:
        assert f"## {code}\n" in documented, code


def test_messages_carry_code_value_and_docs_anchor() -> None:
    err = InputError("DL201", source="x.txt")
    assert str(err).startswith("[DL201] x.txt: no such file")
    assert str(err).endswith("(see docs/errors.md#dl201)")
    assert DatelineWarning("W001", article_id="a", count=2).code == "W001"
    assert "2 relative date(s)" in message("W001", article_id="a", count=2)


def test_schema_lists_every_section() -> None:
    props = dateline.json_schema()["properties"]
    for key in ("article", "timexes", "quantities", "entities", "places", "quotes", "events"):
        assert key in props
