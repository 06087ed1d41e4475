"""The story sets and their gold are consistent: anchors resolve, counts follow the mentions."""

from __future__ import annotations

import json

import pytest

from benchmarks.stories import STORIES_DIR, load_story, story_files

GOLD_FILES = story_files("dev") + story_files("test")


def test_stories_sets_split_four_dev_and_three_test():
    assert [f.name for f in story_files("dev")] == [
        "karvo-border-shelling.gold.json",
        "orsa-dam-failure.gold.json",
        "stenby-plant-explosion.gold.json",
        "velmora-port-strike.gold.json",
    ]
    assert [f.name for f in story_files("test")] == [
        "arlen-march-arrests.gold.json",
        "cyclone-maren.gold.json",
        "lindau-mayor-arrest.gold.json",
    ]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_stories_gold_anchors_resolve_and_ids_are_unique(gold_path):
    story = load_story(gold_path)  # raises on an anchor that is not unique in its article
    ids = [m["id"] for e in story.gold["events"] for m in e["mentions"]]
    assert len(ids) == len(set(ids)) == len(story.mentions)
    assert story.gold["split"] == gold_path.parent.name


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_stories_gold_reports_are_short_and_from_distinct_outlets(gold_path):
    story = load_story(gold_path)
    articles = [json.loads(line) for line in story.reports.read_text().splitlines()]
    assert 3 <= len(articles) <= 6
    assert len({a["outlet"] for a in articles}) == len(articles)
    for article in articles:
        assert 100 <= len(article["text"].split()) <= 300, article["id"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_stories_gold_corroboration_follows_the_reporting_mentions(gold_path):
    story = load_story(gold_path)
    outlet_of = {
        a["id"]: a["outlet"] for a in map(json.loads, story.reports.read_text().splitlines())
    }
    for event in story.gold["events"]:
        reporting = [m for m in event["mentions"] if not m["denies"]]
        outlets = sorted({outlet_of[m["article"]] for m in reporting})
        sources = sorted({m["source"] or outlet_of[m["article"]] for m in reporting})
        corroboration = event["corroboration"]
        assert corroboration["outlets"] == outlets
        assert corroboration["outlet_count"] == len(outlets)
        assert corroboration["independent_sources"] == sources
        assert corroboration["independent_count"] == len(sources)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_stories_gold_contradictions_point_at_mentions_of_their_events(gold_path):
    story = load_story(gold_path)
    for contradiction in story.gold["contradictions"]:
        assert contradiction["kind"] in {"occurrence", "date", "figure"}
        assert len(contradiction["mentions"]) >= 2
        for mention in contradiction["mentions"]:
            assert story.event_of[mention] in contradiction["events"]
        if contradiction["kind"] == "occurrence":
            flags = {
                m["denies"]
                for e in story.gold["events"]
                for m in e["mentions"]
                if m["id"] in contradiction["mentions"]
            }
            assert flags == {True, False}


def test_stories_every_gold_file_has_its_reports_beside_it():
    for gold_path in GOLD_FILES:
        reports = json.loads(gold_path.read_text())["articles"]
        assert (STORIES_DIR / gold_path.parent.name / reports).is_file()
