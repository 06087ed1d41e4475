"""The seed article's quotes, scored like the quote section of score_article.py."""

from __future__ import annotations

import json

import pytest

from dateline.config import QuoteSettings
from dateline.records import Article
from dateline.stages.parse import split_sentences
from dateline.stages.quotes import extract_quotes


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _score(gold: dict, text: str, quotes: list[dict]) -> tuple[float, float, float, list[str]]:
    used: set[int] = set()
    tp = req = 0
    optional: list[int] = []
    missed: list[str] = []
    for g in gold["quotes"]:
        ((s, _),) = _occurrences(text, g["starts"])
        if g.get("optional"):
            optional.append(s)
            continue
        req += 1
        hit = None
        for i, q in enumerate(quotes):
            a, b = q["span"]
            if i in used or not a <= s < b:
                continue
            speaker_ok = g["speaker"].lower() in json.dumps(q.get("speaker"),
                                                            ensure_ascii=False).lower()
            end_ok = "ends" not in g or any(a <= e0 and e1 <= b + 1
                                            for e0, e1 in _occurrences(text, g["ends"]))
            if speaker_ok and end_ok:
                hit = i
                break
        if hit is None:
            missed.append(g["id"])
        else:
            used.add(hit)
            tp += 1
    extra = [i for i, q in enumerate(quotes) if i not in used
             and not any(q["span"][0] <= o < q["span"][1] for o in optional)]
    p = tp / (tp + len(extra)) if tp + len(extra) else 0.0
    r = tp / req if req else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, missed


@pytest.fixture(scope="module")
def seed_quotes(nlp, seed_example) -> list[dict]:
    text = seed_example["text"]
    article = Article(text=text, published=seed_example["published"])
    doc = nlp(text)
    quotes = extract_quotes(article=article, doc=doc, sentences=split_sentences(article, doc),
                            entities=[], settings=QuoteSettings())
    return [q.model_dump(mode="json") for q in quotes]


def test_quotes_seed_f1(seed_example, seed_quotes) -> None:
    p, r, f, missed = _score(seed_example["gold"], seed_example["text"], seed_quotes)
    assert f >= 0.95, f"quotes P={p:.2f} R={r:.2f} F1={f:.2f}; missed {missed}"


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_quotes_seed_each_kind_found(seed_example, seed_quotes, kind: str) -> None:
    text = seed_example["text"]
    for g in seed_example["gold"]["quotes"]:
        if g["kind"] != kind or g.get("optional"):
            continue
        ((s, _),) = _occurrences(text, g["starts"])
        assert any(q["span"][0] <= s < q["span"][1] for q in seed_quotes), g["id"]
