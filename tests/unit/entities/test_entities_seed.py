"""The seed article: gold entities merged with their roles (mirrors the scorer)."""

from __future__ import annotations

import json

from dateline.config import EntitySettings
from dateline.records import Article
from dateline.stages.entities import extract_entities


def _forms(entity: dict) -> set[str]:
    return {str(n).lower() for n in [entity.get("name", ""), *(entity.get("aliases") or [])]}


def test_entities_seed_merged_and_roles(nlp, seed_example):
    text = seed_example["text"]
    entities = [
        e.model_dump(mode="json")
        for e in extract_entities(
            article=Article(text=text), doc=nlp(text), settings=EntitySettings()
        )
    ]
    gold = seed_example["gold"]["entities"]
    missed = []
    for g in gold:
        need = {m.lower() for m in g["must_merge"]}
        cands = [e for e in entities if need <= _forms(e)]
        ok = bool(cands) and (
            "role" not in g or any(g["role"].lower() in json.dumps(e).lower() for e in cands)
        )
        if not ok:
            missed.append(g["name"])
    score = 1 - len(missed) / len(gold)
    assert score >= 0.85, f"score {score:.2f}; missed: {missed}"
