"""Output to a device or a pipe is written in place, never replaced by a renamed file."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()


@pytest.mark.issue(10)
def test_cli_extract_output_to_a_pipe_keeps_the_pipe(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Police arrested 12 protesters in York on Monday.\n", encoding="utf-8")
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text("utf-8")))
    reader.start()
    result = runner.invoke(app, ["extract", str(article), "-p", "2025-03-14", "-o", str(pipe)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert json.loads(received[0])["article"]["published"] == "2025-03-14"
