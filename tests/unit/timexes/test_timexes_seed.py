"""The seed article: every reference timex found (span overlap) with the gold value."""

from __future__ import annotations

import pytest

from dateline.config import Settings
from dateline.pipeline import STAGES, run_stages
from dateline.records import Article


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found, index = [], text.find(needle)
    while index >= 0:
        found.append((index, index + len(needle)))
        index = text.find(needle, index + 1)
    return found


@pytest.fixture(scope="module")
def seed_timexes(seed_example, nlp):
    article = Article(text=seed_example["text"], published=seed_example["published"])
    stages = [s for s in STAGES if s.name in ("parse", "timexes")]
    return run_stages(article, nlp(article.text), Settings(), stages).timexes


def _gold_cases():
    # The gold file is read at test time (third-party data is never copied here); the
    # cases are indexes into its timex list, 17 in all.
    return list(range(17))


@pytest.mark.parametrize("index", _gold_cases())
def test_timexes_seed_gold_timex_found_with_value(seed_example, seed_timexes, index):
    gold = seed_example["gold"]["timexes"]
    assert len(gold) == 17
    g = gold[index]
    start, end = _occurrences(seed_example["text"], g["text"])[g.get("occurrence", 1) - 1]
    hits = [t for t in seed_timexes if t.span[0] < end and start < t.span[1]]
    assert any(t.value == g["value"] for t in hits), (g, hits)


def test_timexes_seed_same_day_uses_narrative_anchor(seed_example, seed_timexes):
    same_day = [t for t in seed_timexes if t.text.lower() == "the same day"]
    assert [t.value for t in same_day] == ["2024-08-07", "2024-09-13"]
    assert all(t.anchor_source == "narrative" for t in same_day)


def test_timexes_seed_deadline_keeps_its_date(seed_example, seed_timexes):
    deadline = [t for t in seed_timexes if t.role == "deadline"]
    assert len(deadline) == 1
    gold = {g["text"]: g["value"] for g in seed_example["gold"]["timexes"]}
    assert deadline[0].value == gold[deadline[0].text]
    assert seed_example["text"][deadline[0].span[0] - 3:deadline[0].span[0]] == "by "


def test_timexes_seed_range_duration(seed_timexes):
    ranged = [t for t in seed_timexes if t.range is not None]
    assert [(t.value, t.range) for t in ranged] == [("P3M", ("P3M", "P4M"))]
