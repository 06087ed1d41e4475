"""Our scorer on synthetic extractions built from each gold file: all right, nothing, or one
section spoiled."""

from __future__ import annotations

import copy
from types import ModuleType

import pytest


def _span(text: str, needle: str, nth: int = 1) -> list[int]:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def perfect_extraction(gold: dict, text: str) -> dict:
    """An extraction that satisfies every required gold item and nothing else."""
    events = []
    for g in gold["events"]:
        if g.get("optional"):
            continue
        events.append(
            {
                "span": _span(text, g["anchor"]),
                "date": {"value": g["date"][0]} if "date" in g else None,
                "type": g.get("types", ["OTHER"])[0],
                "actors": [{"text": g.get("actor", "")}],
                "location": {"name": g.get("location", "")},
                "attribution": {"sources": g.get("sources", [])},
                "quantities": g.get("quantities", []),
                "modality": g.get("modality", ["asserted"])[0],
                "polarity": g.get("polarity", "positive"),
                "deadline": {"value": g["deadline"]} if "deadline" in g else None,
            }
        )
    quotes = []
    for g in gold["quotes"]:
        if g.get("optional"):
            continue
        start = _span(text, g["starts"])[0]
        end = _span(text, g["ends"])[1] if "ends" in g else start + len(g["starts"])
        quotes.append({"span": [start, end], "speaker": {"name": g["speaker"]}})
    entities = [
        {"name": g["must_merge"][0], "aliases": g["must_merge"][1:], "role": g.get("role")}
        for g in gold["entities"]
    ]
    places = [{"name": g["mention"], "lat": g["lat"], "lon": g["lon"]} for g in gold["places"]]
    timexes = [
        {"span": _span(text, g["text"], g.get("occurrence", 1)), "value": g["value"]}
        for g in gold["timexes"]
    ]
    return {
        "events": events,
        "quotes": quotes,
        "entities": entities,
        "places": places,
        "timexes": timexes,
    }


def test_golden_scorer_perfect_extraction_scores_one(golden: dict, scorer: ModuleType) -> None:
    score = scorer.score_article(
        golden["gold"], golden["text"], perfect_extraction(golden["gold"], golden["text"])
    )
    assert score.sections() == dict.fromkeys(score.sections(), 1.0), score.report()
    assert score.misses == []


def test_golden_scorer_empty_extraction_scores_zero(golden: dict, scorer: ModuleType) -> None:
    score = scorer.score_article(golden["gold"], golden["text"], {})
    assert score.overall == 0.0
    required = sum(not g.get("optional") for g in golden["gold"]["events"])
    assert sum("missed event" in m for m in score.misses) == required


@pytest.mark.parametrize(
    ("spoil", "section", "expected"),
    [
        ("drop_events", "events", 0.0),
        ("shift_places", "places", 0.0),
        ("wrong_timex_values", "timexes", 0.0),
        ("anonymous_quotes", "quotes", 0.0),
        ("split_entities", "entities", 0.0),
        ("wrong_modality", "fields", None),
    ],
)
def test_golden_scorer_spoiled_section(
    golden: dict, scorer: ModuleType, spoil: str, section: str, expected: float | None
) -> None:
    pred = copy.deepcopy(perfect_extraction(golden["gold"], golden["text"]))
    if spoil == "drop_events":
        pred["events"] = []
    elif spoil == "shift_places":
        for place in pred["places"]:
            place["lat"] += 30.0
    elif spoil == "wrong_timex_values":
        for timex in pred["timexes"]:
            timex["value"] = "1999"
    elif spoil == "anonymous_quotes":
        for quote in pred["quotes"]:
            quote["speaker"] = None
    elif spoil == "split_entities":
        for entity in pred["entities"]:
            entity["aliases"] = []
            entity["role"] = None
        for entity in pred["entities"]:
            entity["name"] = "someone else"
    elif spoil == "wrong_modality":
        for event in pred["events"]:
            event["modality"] = "ordered"
    score = scorer.score_article(golden["gold"], golden["text"], pred)
    others = {k: v for k, v in score.sections().items() if k not in {section, "overall"}}
    if spoil == "drop_events":
        others.pop("fields")
    assert set(others.values()) == {1.0}, score.report()
    if expected is None:
        assert 0.0 < score.sections()[section] < 1.0
    else:
        assert score.sections()[section] == expected
