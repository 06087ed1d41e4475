"""Property-based fuzzing with hypothesis: any bytes, any JSON line, any text (issue 10)."""

from __future__ import annotations

import io
import json
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline
from dateline.errors import DatelineWarning
from dateline.records import Article, Extraction, Rejection
from dateline.stages.ingest import read_source

pytestmark = [
    pytest.mark.issue(10),
    pytest.mark.filterwarnings("ignore::dateline.errors.DatelineWarning"),
]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "id", "published", "title", "x"]), children, max_size=5
        )
    ),
    max_leaves=20,
)


@given(st.binary(max_size=3000))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_stdin_any_bytes_is_read_or_rejected(data: bytes) -> None:
    results = list(read_source("-", stdin=io.BytesIO(data)))
    assert results
    for result in results:
        assert isinstance(result, (Article, Rejection))
        if isinstance(result, Rejection):
            assert result.code.startswith("DL2") and result.message.startswith(f"[{result.code}]")


@given(st.lists(JSON_VALUES, min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_fuzz_jsonl_any_values_one_result_per_line(values: list) -> None:
    lines = [json.dumps(v) for v in values]
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "batch.jsonl")
        Path(path).write_text("\n".join(lines), encoding="utf-8")
        results = list(read_source(path))
    assert len(results) == len(lines)
    for number, result in enumerate(results, start=1):
        if isinstance(result, Rejection):
            assert f"{path}: line {number}" in result.message
        else:
            assert result.source == f"{path}:{number}"


@given(st.text(min_size=1, max_size=400))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_extract_any_text_never_crashes(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatelineWarning)
        (result,) = dateline.extract_many([text], published="2024-02-29")
    if isinstance(result, Rejection):
        assert result.code in ("DL203", "DL212"), result.message
    else:
        assert isinstance(result, Extraction)
        for timex in result.timexes:
            assert result.article.text[timex.span[0] : timex.span[1]] == timex.text
