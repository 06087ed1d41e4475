"""link_parallel: components, packing, and a process pool giving link_mentions' clusters."""

from __future__ import annotations

import json
import os
import signal
from importlib import resources

import pytest
from _linking_helpers import mention, trade_talks

import dateline
from benchmarks.linking import synthetic_mentions
from dateline.config import LinkingSettings
from dateline.errors import PipelineError
from dateline.link_parallel import (
    LinkPool,
    UnionFind,
    component_keys,
    components,
    link_mentions_parallel,
    pack,
)
from dateline.linker import block_keys, cluster_id, link_mentions
from dateline.mentions import mentions_from_extraction


@pytest.fixture(scope="module")
def corpus() -> list:
    """4,000 synthetic mentions at 600 a day: dense blocks, stored clusters, many components."""
    return [m for m, _ in synthetic_mentions(4000, 600)]


def test_linking_parallel_union_find_root_is_the_smallest_item() -> None:
    found = UnionFind()
    found.union("m", "k")
    found.union("z", "m")
    found.union_all(["q", "r"])
    assert [found.find(item) for item in ("k", "m", "z", "q", "r")] == ["k", "k", "k", "q", "q"]
    assert found.find("new") == "new"
    assert found.items() == ["m", "k", "z", "q", "r", "new"]


def test_linking_parallel_components_join_through_shared_keys() -> None:
    keys = [["a"], ["b"], ["a", "c"], ["d"], ["c", "b"], []]
    assert components(keys) == [[0, 1, 2, 4], [3], [5]]


def test_linking_parallel_component_keys_tie_article_and_stored_cluster() -> None:
    new = mention("ledger", "EV1")
    stored = mention("post", "EV2", cluster="c1")
    unclustered = mention("post", "EV3")
    blocks = block_keys(new)
    assert component_keys(new, blocks, stored=False) == [*blocks, "article|ledger"]
    assert component_keys(stored, blocks, stored=True)[-2:] == ["article|post", "cluster|c1"]
    assert component_keys(unclustered, blocks, stored=True)[-1] == "cluster|" + cluster_id(
        "post/EV3"
    )


@pytest.mark.parametrize(
    ("sizes", "bins", "expected"),
    [
        ([5, 1, 1, 1, 1, 1], 2, [[0], [1, 2, 3, 4, 5]]),
        ([3, 3, 2, 2, 2], 2, [[0, 2, 4], [1, 3]]),
        ([4, 1], 5, [[0], [1]]),
        ([], 3, []),
    ],
)
def test_linking_parallel_pack_evens_out_bins(sizes, bins, expected) -> None:
    assert pack(sizes, bins) == expected


def test_linking_parallel_equals_link_mentions_on_a_synthetic_corpus(corpus) -> None:
    first, second = corpus[:2000], corpus[2000:]
    serial_first = link_mentions(first)
    serial_second = link_mentions(second, serial_first.mentions)
    with LinkPool(2, min_parallel=0) as pool:
        parallel_first = pool.link(first)
        keys = {m.mention_id: block_keys(m) for m in corpus}
        parallel_second = pool.link(second, parallel_first.mentions, keys=keys)
    assert parallel_first == serial_first
    assert parallel_second == serial_second
    # The second half both joins stored clusters and opens new ones: a real incremental step.
    assert len(serial_second.joined) > 100 and len(serial_second.opened) > 100


def test_linking_parallel_handles_repeated_and_already_stored_mentions(corpus) -> None:
    stored = link_mentions(corpus[:300]).mentions
    new = [*corpus[300:900], corpus[400], stored[0].model_copy(update={"cluster": None})]
    expected = link_mentions(new, stored)
    assert link_mentions_parallel(new, stored, workers=2) == expected
    with LinkPool(2, min_parallel=0) as pool:
        assert pool.link(new, stored) == expected
    assert expected.mentions[-1].cluster == stored[0].cluster


def test_linking_parallel_small_calls_link_in_this_process() -> None:
    pool = LinkPool(2)
    result = pool.link([mention("ledger", "EV1"), mention("post", "EV1"), trade_talks("x", "E")])
    assert pool._pool is None  # no worker was started for three mentions
    assert result.mentions[0].cluster == result.mentions[1].cluster != result.mentions[2].cluster


def test_linking_parallel_settings_reach_the_workers(corpus) -> None:
    strict = LinkingSettings(threshold=0.99)
    expected = link_mentions(corpus[:2500], settings=strict)
    with LinkPool(2, settings=strict, min_parallel=0) as pool:
        assert pool.link(corpus[:2500]) == expected
    assert len(expected.opened) > len(link_mentions(corpus[:2500]).opened)


def test_linking_parallel_dead_worker_is_a_coded_error(corpus) -> None:
    with LinkPool(2, min_parallel=0) as pool:
        pool.link(corpus[:50])  # starts the workers
        for process in list(pool._pool._processes.values()):  # type: ignore[union-attr]
            os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(PipelineError) as raised:
            pool.link(corpus[:50])
    assert raised.value.code == "DL104"


@pytest.fixture(scope="module")
def story_mentions() -> list:
    path = resources.files("dateline").joinpath("sample", "story", "patras-fire.jsonl")
    articles = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return [m for x in dateline.extract_many(articles) for m in mentions_from_extraction(x)]


def test_linking_parallel_equals_link_mentions_on_the_bundled_story(story_mentions) -> None:
    expected = link_mentions(story_mentions)
    with LinkPool(2, min_parallel=0) as pool:
        assert pool.link(story_mentions) == expected
        # Linked again as new reports of stored ones: every new mention joins or opens alike.
        half = len(story_mentions) // 2
        stored = link_mentions(story_mentions[:half]).mentions
        assert pool.link(story_mentions[half:], stored) == link_mentions(
            story_mentions[half:], stored
        )
    assert len(expected.opened) < len(story_mentions)  # some reports were linked
