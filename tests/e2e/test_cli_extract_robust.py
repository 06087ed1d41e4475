"""End-to-end: hostile and odd inputs through ``dateline extract`` and the Python API (issue 10).

Every bad input is a coded message naming its file and line; the rest of the batch is
written; nothing prints a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dateline
from dateline.cli import app
from dateline.config import load_settings
from dateline.errors import InputError, StageError
from dateline.pipeline import STAGES, Stage, run_stages
from dateline.records import Article, Extraction, Rejection

pytestmark = pytest.mark.issue(10)
runner = CliRunner()

STORY = (
    "Port reopens after storm\n"
    "On March 3, police arrested two protesters outside the harbour office, the mayor said.\n"
)
GERMAN = (
    "Die Regierung hat am Dienstag neue Maßnahmen angekündigt, um die Landwirte zu "
    "unterstützen, die von der Dürre betroffen sind. Die Gewerkschaften kritisierten den "
    "Plan als unzureichend und riefen zu Protesten in mehreren Städten des Landes in der "
    "kommenden Woche auf, wie Vertreter der Bauernverbände am Abend in Berlin mitteilten."
)


def _line(**fields: object) -> str:
    return json.dumps({"published": "2025-03-14", **fields})


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    f = tmp_path / "batch.jsonl"
    lines = [
        _line(id="a", text=STORY),
        '{"text": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"text": "x", "id": ' + "9" * 100_000 + "}",
        _line(id="s", text="bad \\ud800 here").replace("\\\\ud800", "\\ud800"),
        "[1, 2]",
        _line(id="b", text=STORY.replace("two", "three")),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    return f


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_bad_lines_never_lose_the_rest_of_the_batch(batch: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["extract", str(batch), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 1, result.output
    text = out.read_text(encoding="utf-8")
    rows = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert [r["article"]["id"] for r in rows] == ["a", "b"]
    for line, code in ((2, "DL204"), (3, "DL204"), (4, "DL212"), (5, "DL204")):
        assert f"[{code}] {batch}: line {line}" in result.stderr
    assert f"4 article(s) rejected out of 6: {batch}:2, {batch}:3" in result.stderr
    assert "Traceback" not in result.output


def test_cli_output_naming_an_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(src)])
    assert result.exit_code == 2
    assert "[DL213]" in result.stderr
    assert src.read_text(encoding="utf-8") == STORY


def test_cli_output_is_written_atomically(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-p", "2025-03-14", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["article"]["source"] == str(src)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "story.txt"]
    assert out.stat().st_mode & 0o777 == src.stat().st_mode & 0o777  # not left private


def test_cli_interrupted_run_leaves_previous_output(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    bad = tmp_path / "settings.toml"
    bad.write_text("[parse]\nno_such_key = 1\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-c", str(bad), "-o", str(out)])
    assert result.exit_code == 2 and "[DL001]" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "settings.toml", "story.txt"]


@pytest.mark.parametrize(("name", "content"), [("empty.jsonl", ""), ("empty.json", "[]")])
def test_cli_empty_batch_is_not_silent(tmp_path: Path, name: str, content: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f)])
    assert result.exit_code == 2
    assert f"[DL214] {f}" in result.stderr


def test_cli_stdin_first_line_null_is_a_bad_line_not_text() -> None:
    data = "null\n" + _line(id="a", text=STORY) + "\n"
    result = runner.invoke(app, ["extract", "-", "-f", "jsonl"], input=data)
    assert result.exit_code == 1
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == ["a"]
    assert "[DL204] -: line 1" in result.stderr


def test_cli_json_list_of_articles(tmp_path: Path) -> None:
    f = tmp_path / "list.json"
    f.write_text(json.dumps([{"id": "a", "text": STORY}, {"id": "b", "text": STORY}]), "utf-8")
    result = runner.invoke(app, ["extract", str(f), "-p", "2025-03-14"])
    assert result.exit_code == 0, result.output
    assert [r["article"]["id"] for r in json.loads(result.stdout)] == ["a", "b"]


def test_cli_oversized_article_is_refused_with_a_cap(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_text(STORY * 40, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--set", "parse.max_chars=1000"])
    assert result.exit_code == 2
    assert f"[DL211] {f}: the article has {len(STORY) * 40:,} characters" in result.stderr


def test_cli_non_english_text_is_warned_not_mined(tmp_path: Path) -> None:
    f = tmp_path / "de.txt"
    f.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-p", "2025-03-14"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "W006" in result.stderr and str(f) in result.stderr
    assert data["entities"] == [] and data["events"] == [] and data["sentences"]


def test_cli_csv_names_each_events_article(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), str(f), "-p", "2025-03-14", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["source"] == str(f) for r in rows)
    assert [r["type"] for r in rows] == ["COERCE", "COERCE"]
    assert result.stdout.count("article_id,") == 1  # one header for the whole batch


def test_cli_table_fits_100_columns_and_names_articles(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-p", "2025-03-14", "-f", "table"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert any(line.startswith("story.txt") and "COERCE" in line for line in lines)


@pytest.mark.parametrize("command", [[], ["extract"], ["schema"], ["demo"]])
def test_cli_help_shows_no_type_noise(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    for noise in ("<bool>", "<int>", "<list", "<file>", "<text>", "<path>"):
        assert noise not in result.stdout
    if command == ["extract"]:
        assert "YYYY-MM-DD" in result.stdout and "csv" in result.stdout


def test_stage_failure_names_file_and_line() -> None:
    def explode(**_: object) -> list:
        raise ZeroDivisionError("division by zero")

    article = Article(text="Some news.", source="feed.jsonl:12")
    stages = (*STAGES[:1], Stage("explode", explode, ("article",), "nothing"))
    nlp = __import__("dateline.stages.parse", fromlist=["model_for"]).model_for(
        load_settings().parse
    )
    with pytest.raises(StageError) as info:
        run_stages(article, nlp(article.text), load_settings(), stages=stages)
    assert "Stage 'explode' failed on article" in str(info.value)
    assert "(feed.jsonl:12)" in str(info.value)


@pytest.mark.parametrize("value", [None, b"bytes", ["a list"], 42])
def test_api_extract_wrong_type_is_a_coded_input_error(value: object) -> None:
    with pytest.raises(InputError) as info:
        dateline.extract(value)  # type: ignore[arg-type]
    assert info.value.code == "DL215" and type(value).__name__ in str(info.value)


@pytest.mark.parametrize(
    ("text", "code"), [("A lone \ud800 surrogate.", "DL212"), ("   ", "DL203")]
)
def test_api_extract_bad_text_is_a_coded_input_error(text: str, code: str) -> None:
    with pytest.raises(InputError) as info:
        dateline.extract(text)
    assert info.value.code == code


def test_api_extract_oversized_text_is_refused() -> None:
    settings = load_settings(None, ["parse.max_chars=100"])
    with pytest.raises(InputError) as info:
        dateline.extract(STORY * 3, settings=settings)
    assert info.value.code == "DL211"


def test_api_extract_many_keeps_going_past_bad_items() -> None:
    items = [None, STORY, b"raw", {"text": STORY, "id": "d"}, 3.5]
    results = list(dateline.extract_many(items, published="2025-03-14"))
    kinds = [r.code if isinstance(r, Rejection) else r.article.id for r in results]
    assert kinds[0] == "DL215" and kinds[2] == "DL215" and kinds[4] == "DL215"
    assert isinstance(results[1], Extraction) and kinds[3] == "d"


def test_cli_subprocess_hostile_batch_has_no_traceback(batch: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "extract", str(batch), "-f", "jsonl"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stdout.splitlines()) == 2
