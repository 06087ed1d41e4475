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
        "Timeline",
        "Timex",
        "extract",
        "extract_many",
        "ingest",
        "json_schema",
        "timeline",
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


def test_timeline_is_the_function_even_after_its_module_is_imported() -> None:
    import dateline.timeline  # noqa: F401
    from dateline.timeline import build_timeline

    assert dateline.timeline is dateline.api.timeline
    assert callable(build_timeline)


def test_schema_of_the_timeline_record() -> None:
    schema = dateline.json_schema("timeline")
    assert schema["title"] == "Timeline"
    assert set(schema["properties"]) == {
        "about",
        "date_from",
        "date_to",
        "entries",
        "contradictions",
        "figures",
    }
