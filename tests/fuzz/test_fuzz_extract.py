"""Fuzzing ``extract`` (CLI and API) with bad and odd inputs (issue 10).

Outcome asserted for every campaign: zero tracebacks, zero stage crashes (DL301),
each bad input a coded rejection naming its file and line, the rest of the batch
written. The default run sends a few thousand inputs (most through the readers
alone, a sample through the whole pipeline); the ``slow`` test sends the full
campaign of at least 10,000 through the pipeline, as ``.ci/run`` does.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from dateline.records import Rejection
from dateline.stages.ingest import read_source

pytestmark = [
    pytest.mark.issue(10),
    pytest.mark.filterwarnings("ignore::dateline.errors.DatelineWarning"),
]

READER_INPUTS = 3000
PIPELINE_INPUTS = 200
API_INPUTS = 200
CLI_INPUTS = 150
FULL_API_FILE_INPUTS = 6000
FULL_API_ITEMS = 1000
FULL_CLI_INPUTS = 3000


def _assert_clean(outcome, at_least: int) -> None:
    assert outcome.inputs >= at_least
    assert outcome.tracebacks == 0, outcome.violations[:5]
    assert outcome.crashes == 0, outcome.violations[:5]
    assert outcome.violations == []


def test_fuzz_readers_reject_every_bad_input_with_file_and_line(
    corpus: ModuleType, tmp_path: Path
) -> None:
    """The readers alone (no parse): every case gets a result; bad ones a coded rejection."""
    files = corpus.write_files(list(corpus.campaign(11, READER_INPUTS)), tmp_path)
    inputs = 0
    problems: list[str] = []
    for path, case in files:
        inputs += case.count
        results = list(read_source(path))
        for result in results:
            if isinstance(result, Rejection) and path not in result.message:
                problems.append(f"{case.kind}: {result.message}")
        if case.lines:
            rejected = {r.line for r in results if isinstance(r, Rejection)}
            for number, line_case in enumerate(case.lines, start=1):
                if line_case.expect == "reject" and number not in rejected:
                    problems.append(f"{line_case.kind} {path}:{number} not rejected")
                if line_case.expect == "ok" and number in rejected:
                    problems.append(f"{line_case.kind} {path}:{number} rejected")
    assert inputs >= READER_INPUTS
    assert problems == []


def test_fuzz_extract_api_small(corpus: ModuleType, tmp_path: Path) -> None:
    files = corpus.write_files(list(corpus.campaign(12, PIPELINE_INPUTS)), tmp_path)
    _assert_clean(corpus.run_files(files), PIPELINE_INPUTS)
    _assert_clean(corpus.run_api(corpus.api_campaign(12, API_INPUTS)), API_INPUTS)


def test_fuzz_extract_cli_small(corpus: ModuleType, tmp_path: Path) -> None:
    files = corpus.write_files(list(corpus.campaign(13, CLI_INPUTS)), tmp_path)
    code, stderr, rows = corpus.run_cli(files, tmp_path / "out.jsonl")
    assert corpus.check_cli(files, code, stderr, rows) == []


@pytest.mark.slow
def test_fuzz_extract_full_campaign(corpus: ModuleType, tmp_path: Path) -> None:
    """At least 10,000 inputs through the whole pipeline: API files, API items and the CLI."""
    api_dir, cli_dir = tmp_path / "api", tmp_path / "cli"
    api_dir.mkdir()
    cli_dir.mkdir()
    files = corpus.write_files(list(corpus.campaign(21, FULL_API_FILE_INPUTS)), api_dir)
    outcome = corpus.run_files(files)
    _assert_clean(outcome, FULL_API_FILE_INPUTS)
    items = corpus.run_api(corpus.api_campaign(21, FULL_API_ITEMS))
    _assert_clean(items, FULL_API_ITEMS)
    cli_files = corpus.write_files(list(corpus.campaign(22, FULL_CLI_INPUTS)), cli_dir)
    code, stderr, rows = corpus.run_cli(cli_files, tmp_path / "out.jsonl")
    assert corpus.check_cli(cli_files, code, stderr, rows) == []
    cli_inputs = sum(case.count for _, case in cli_files)
    assert outcome.inputs + items.inputs + cli_inputs >= 10_000
