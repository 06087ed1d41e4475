"""Start-up: ``import dateline`` stays light; the extract functions load spaCy on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import dateline

PROBE = (
    "import sys, dateline; "
    "print(sorted(m for m in ('spacy', 'numpy', 'dateline.pipeline') if m in sys.modules))"
)


def test_import_dateline_loads_neither_spacy_nor_the_pipeline() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("name", ["extract", "extract_many", "ingest", "json_schema"])
def test_lazy_api_functions_resolve_to_the_api_module(name: str) -> None:
    from dateline import api

    assert getattr(dateline, name) is getattr(api, name)
    assert name in dir(dateline)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'extrakt'"):
        dateline.extrakt  # noqa: B018 - the attribute access is the test
