"""Ingest through the real pipeline into DuckDB and PostgreSQL: idempotent, isolating, linked."""

from __future__ import annotations

import json
from pathlib import Path

import dateline
from dateline import linker
from dateline.link_parallel import LinkPool
from dateline.storage import open_store
from dateline.storage.ingest import _link_unlinked, _Tally


def _lines(path: Path, rows: list) -> Path:
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows))
    return path


def test_storage_ingest_is_idempotent_and_links_everything(store_url, story_jsonl) -> None:
    first = dateline.ingest(story_jsonl, store_url, batch_size=3)
    assert (first.added, first.skipped, first.batches, first.rejected) == (4, 0, 2, [])
    with open_store(store_url) as store:
        before = store.stats()
        ids = [m.mention_id for m in store.mentions()]
        assert store.mentions(unlinked=True) == []
        assert all(m.cluster for m in store.mentions())
    assert (before.articles, before.outlets) == (4, 3)
    assert before.events == first.events == len(ids) == len(set(ids)) > 0
    again = dateline.ingest([story_jsonl, story_jsonl], store_url)
    assert (again.added, again.skipped, again.events, again.batches) == (0, 8, 0, 0)
    with open_store(store_url) as store:
        assert store.stats() == before
        assert [m.mention_id for m in store.mentions()] == ids


def test_storage_ingest_links_the_same_arrests_across_outlets(store_url, story_jsonl) -> None:
    dateline.ingest(story_jsonl, store_url)
    with open_store(store_url) as store:
        arrests = store.mentions(text="arrested")
        assert {m.article_id for m in arrests} == {"ledger-0603", "courier-0603"}
        assert len({m.cluster for m in arrests}) == 1
        assert store.stats().linked_events >= 2


def test_storage_ingest_isolates_bad_articles(store_url, tmp_path) -> None:
    good = {"id": "ok-1", "text": "Police arrested 12 protesters in York on Monday.\n",
            "published": "2025-06-03"}  # fmt: skip
    clash = {"id": "ok-1", "text": "A different text under the same id.\n"}
    nul = {"text": "Police arrested 3 men in York\u0000 on Monday.\n"}
    source = _lines(tmp_path / "mixed.jsonl", [good, "{broken\n", {"text": ""}, clash, nul])
    report = dateline.ingest([source, tmp_path / "missing.txt"], store_url)
    assert report.added == 1
    codes = sorted(r.code for r in report.rejected)
    assert codes == ["DL201", "DL202", "DL204", "DL206", "DL407"]
    assert "offset 29" in next(r.message for r in report.rejected if r.code == "DL202")
    with open_store(store_url) as store:
        assert store.stats().articles == 1
        assert store.article("ok-1").article.text == good["text"]


def test_storage_ingest_links_mentions_an_interrupted_run_left(store_url, story_jsonl) -> None:
    rows = [json.loads(line) for line in story_jsonl.read_text().splitlines()]
    extractions = list(dateline.extract_many(rows))
    with open_store(store_url) as store:  # stored, then "killed" before linking
        stored = store.add_extractions(extractions[:2])
        assert len(store.mentions(unlinked=True)) == len(stored) > 0
    report = dateline.ingest(story_jsonl, store_url)
    assert (report.resumed, report.added, report.skipped) == (len(stored), 2, 2)
    with open_store(store_url) as store:
        assert store.mentions(unlinked=True) == []


def test_storage_ingest_batch_of_one_commits_each_article(store_url, story_jsonl) -> None:
    report = dateline.ingest(story_jsonl, store_url, batch_size=1)
    assert (report.added, report.batches) == (4, 4)


def test_storage_ingest_skips_a_text_repeated_in_one_run(store_url, tmp_path) -> None:
    row = {"text": "Police arrested 12 protesters in York on Monday.\n", "published": "2025-06-03"}
    source = _lines(tmp_path / "twice.jsonl", [row, row])
    report = dateline.ingest(source, store_url)
    assert (report.added, report.skipped) == (1, 1)


def test_storage_ingest_links_alike_on_two_processes(tmp_path, story_jsonl) -> None:
    rows = [json.loads(line) for line in story_jsonl.read_text().splitlines()]
    extractions = list(dateline.extract_many(rows))
    clusters = []
    for workers in (1, 2):
        with open_store(str(tmp_path / f"linked-by-{workers}.duckdb")) as store:
            store.add_extractions(extractions[:2], block_keys=linker.block_keys)
            later = store.add_extractions(extractions[2:], block_keys=linker.block_keys)
            # Every call goes to the workers, however small: the parallel path is the one tested.
            with LinkPool(workers, min_parallel=0) as pool:
                assert _link_unlinked(store, pool, _Tally()) == len(store.mentions())
                assert store.mentions(unlinked=True) == []
            clusters.append({m.mention_id: m.cluster for m in store.mentions()})
    assert clusters[0] == clusters[1]
    assert len(set(clusters[0].values())) < len(clusters[0]) and len(later) > 0
