"""End-to-end: ``--workers N`` gives the output of one process, in order, with bounded reads."""

from __future__ import annotations

import itertools
import json
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import api
from dateline.cli import app
from dateline.config import Settings
from dateline.errors import DatelineWarning
from dateline.parallel import extract_parallel
from dateline.records import Extraction, Rejection

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
runner = CliRunner()


def _golden_lines() -> list[dict]:
    lines = []
    for folder in sorted(p for p in GOLDEN.iterdir() if (p / "gold.json").is_file()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        text = (folder / "article.txt").read_text(encoding="utf-8")
        lines.append({"id": folder.name, "text": text, "published": gold["published"]})
    return lines


@pytest.fixture(scope="module")
def corpus(seed_example: dict) -> list[dict]:
    """The example and golden articles, one with no date (W001), and two bad inputs."""
    seed = {"id": "seed", "text": seed_example["text"], "published": seed_example["published"]}
    golden = _golden_lines()
    undated = {"id": "undated", "text": "Yesterday the port of Porto reopened to ships."}
    bad = {"id": "bad-date", "text": "The port reopened.", "published": "2025-13-45"}
    return [seed, *golden, bad, undated, *golden, {"id": "no-text"}, seed]


@pytest.fixture(scope="module")
def corpus_file(corpus: list[dict], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workers") / "batch.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in corpus), encoding="utf-8")
    return path


def _run_cli(path: Path, workers: int, out: Path) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["extract", str(path), "-f", "jsonl", "-o", str(out), "--workers", str(workers)]
    )
    return result.exit_code, out.read_text(encoding="utf-8"), result.stderr


def test_workers_cli_output_identical_to_one_process(corpus_file: Path, tmp_path: Path) -> None:
    one = _run_cli(corpus_file, 1, tmp_path / "one.jsonl")
    two = _run_cli(corpus_file, 2, tmp_path / "two.jsonl")
    assert one == two
    code, output, stderr = two
    ids = [json.loads(line)["article"]["id"] for line in output.splitlines()]
    golden = [line["id"] for line in _golden_lines()]
    assert ids == ["seed", *golden, "undated", *golden, "seed"]
    assert code == 1  # some inputs rejected, not all
    assert "[DL205]" in stderr and "[DL206]" in stderr and "[W001]" in stderr


def test_workers_small_chunks_keep_order_and_isolate_bad_articles(corpus: list[dict]) -> None:
    settings = Settings()
    articles = [api._to_article(item, n, None) for n, item in enumerate(corpus, start=1)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DatelineWarning)  # the undated article's W001
        one = [r.model_dump_json() for r in api.extract_many(articles, settings=settings)]
        many = [
            r.model_dump_json()
            for r in extract_parallel(articles, workers=2, settings=settings, chunk_size=1)
        ]
    assert many == one
    kinds = [json.loads(r).get("code", "ok") for r in many]
    assert kinds.count("ok") == len(corpus) - 2
    assert sorted(k for k in kinds if k != "ok") == ["DL205", "DL206"]


def test_workers_read_ahead_is_bounded() -> None:
    settings = Settings()
    pulled: list[int] = []

    def endless():
        for n in itertools.count():
            pulled.append(n)
            yield Rejection(source=f"item {n}", code="DL203", message="empty")

    results = extract_parallel(
        endless(), workers=2, settings=settings, chunk_size=3, chunks_per_worker=2
    )
    first = list(itertools.islice(results, 5))
    results.close()
    assert [r.source for r in first] == [f"item {n}" for n in range(5)]
    # 2 workers x 2 chunks x 3 articles queued, plus one chunk refilled per chunk consumed.
    assert len(pulled) <= 2 * 2 * 3 + 2 * 3 + 1


def test_workers_warnings_follow_input_order() -> None:
    texts = [f"Yesterday, ship {n} left the port of Porto." for n in range(4)]
    with pytest.warns(UserWarning) as seen:
        results = list(api.extract_many(texts, workers=2, settings=Settings()))
    assert all(isinstance(r, Extraction) for r in results)
    ids = [r.article.id for r in results]
    assert [w.message.code for w in seen] == ["W001"] * 4
    assert [str(w.message).split("Article ")[1].split(" ")[0] for w in seen] == ids


def test_workers_ingest_stores_what_one_process_stores(reports_jsonl: Path, tmp_path: Path) -> None:
    exports = []
    for workers in (1, 2):
        db = str(tmp_path / f"w{workers}.duckdb")
        ingested = runner.invoke(
            app, ["ingest", str(reports_jsonl), "--db", db, "-w", str(workers)]
        )
        assert ingested.exit_code == 0, ingested.output
        assert "stored 40 article(s)" in ingested.output
        out = tmp_path / f"w{workers}.csv"
        exported = runner.invoke(app, ["export", "--db", db, "-f", "csv", "-o", str(out)])
        assert exported.exit_code == 0, exported.output
        exports.append(out.read_text(encoding="utf-8"))
    assert exports[0] == exports[1]
    assert exports[0].count("\n") > 40
