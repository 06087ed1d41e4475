"""The seed article's quotes, scored by our article scorer (tests/golden/_score.py)."""

from __future__ import annotations

import pytest
from _quotes_support import quotes_of

from dateline.records import Article


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


@pytest.fixture(scope="module")
def seed_quotes(nlp, seed_example) -> list[dict]:
    text = seed_example["text"]
    article = Article(text=text, published=seed_example["published"])
    quotes = quotes_of(nlp, article)
    return [q.model_dump(mode="json") for q in quotes]


def test_quotes_seed_f1(seed_example, seed_quotes, scorer) -> None:
    gold, text = seed_example["gold"], seed_example["text"]
    score = scorer.score_article(gold, text, {"quotes": seed_quotes})
    quote_misses = [m for m in score.misses if "quote" in m]
    assert score.quotes >= 0.95, (
        f"quotes P={score.quotes_precision:.2f} R={score.quotes_recall:.2f} "
        f"F1={score.quotes:.2f}; missed {quote_misses}"
    )


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_quotes_seed_each_kind_found(seed_example, seed_quotes, kind: str) -> None:
    text = seed_example["text"]
    for g in seed_example["gold"]["quotes"]:
        if g["kind"] != kind or g.get("optional"):
            continue
        ((s, _),) = _occurrences(text, g["starts"])
        assert any(q["span"][0] <= s < q["span"][1] for q in seed_quotes), g["id"]
