"""Stage code stays readable: no function in the stages is longer than a screen."""

from __future__ import annotations

import ast
from pathlib import Path

import dateline.stages

MAX_LINES = 60


def _long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return [
        f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_LINES
    ]


def test_pipeline_function_size_stages_under_limit():
    stages_dir = Path(dateline.stages.__file__).parent
    long = [f for path in sorted(stages_dir.glob("*.py")) for f in _long_functions(path)]
    assert long == []


def test_pipeline_function_size_detects_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    path = tmp_path / "long.py"
    path.write_text(f"def too_long():\n{body}\n", "utf-8")
    assert _long_functions(path) == ["long.py:1 too_long (61 lines)"]
