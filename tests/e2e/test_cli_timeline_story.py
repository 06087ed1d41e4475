"""End to end on the bundled story (src/dateline/sample/story/): extract -> link -> timeline
in memory, and `dateline ingest` + `dateline timeline --format json` on a temporary DuckDB.

Both must show what a careful reader of the four reports sees: the arrests are reported by two
outlets that both relay one agency, denied by the ministry, and dated on two different days;
the evacuation figures grow from over 100 to about 2,500, and two reports of the same day
disagree.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dateline
from dateline.cli import app
from dateline.linker import link_mentions
from dateline.mentions import mentions_from_extraction
from dateline.timeline import build_timeline

runner = CliRunner()

CONTRADICTIONS = [
    ("C1", "occurrence",
     "reported by Northern Ledger and Patras Post citing Meridian News Agency; "
     "denied by Radio Achaia citing Citizen Protection Ministry",
     ["northern-ledger-2025-08-12/EV2", "patras-post-2025-08-12/EV4",
      "radio-achaia-2025-08-13/EV1"]),
    ("C2", "date",
     "reports give different days: 2025-08-11 (Patras Post citing Meridian News Agency), "
     "2025-08-12 (Northern Ledger citing Meridian News Agency)",
     ["patras-post-2025-08-12/EV4", "northern-ledger-2025-08-12/EV2"]),
    ("C3", "figure",
     "figures for residents evacuated on 2025-08-12 disagree: 1,200 (Northern Ledger, "
     "Eleni Marka), About 2,000 (Patras Post, the fire service)",
     ["northern-ledger-2025-08-12/EV1", "patras-post-2025-08-12/EV2"]),
]  # fmt: skip
EVACUATED = [
    ("2025-08-11", "over 100", 100.0, 100.0, None, True, "Aegean Daily", "the fire service"),
    ("2025-08-12", "1,200", 1200.0, None, None, False, "Northern Ledger", "Eleni Marka"),
    ("2025-08-12", "About 2,000", 2000.0, None, None, True, "Patras Post", "the fire service"),
    ("2025-08-13", "about 2,500", 2500.0, None, None, True, "Radio Achaia", "the fire service"),
]


def story_path() -> Path:
    return Path(str(resources.files("dateline").joinpath("sample", "story", "patras-fire.jsonl")))


def assert_story_timeline(payload: dict) -> None:
    """The timeline facts of the story, value by value, on a Timeline's JSON form."""
    entries = {e["action"]: e for e in payload["entries"]}
    arrests, evacuation = entries["arrested"], entries["evacuated"]

    assert [
        (c["id"], c["kind"], c["explanation"], c["mentions"]) for c in payload["contradictions"]
    ] == CONTRADICTIONS
    assert [c["entries"] for c in payload["contradictions"]] == [
        [arrests["id"]], [arrests["id"]], [evacuation["id"]]
    ]  # fmt: skip

    assert arrests["type"] == "COERCE"
    assert arrests["date"] == {
        "value": "2025-08-11/2025-08-12", "start": "2025-08-11", "end": "2025-08-12",
        "precision": "range", "basis": "stated",
    }  # fmt: skip
    assert arrests["actors"] == ["Police"] and arrests["place"]["name"] == "Patras"
    assert [(m["outlet"], m["denies"], m["origin"]) for m in arrests["mentions"]] == [
        ("Northern Ledger", False, "Meridian News Agency"),
        ("Patras Post", False, "Meridian News Agency"),
        ("Radio Achaia", True, "Citizen Protection Ministry"),
    ]
    corroboration = arrests["corroboration"]
    assert corroboration["outlets"] == ["Northern Ledger", "Patras Post"]
    assert (corroboration["outlet_count"], corroboration["independent_count"]) == (2, 1)
    assert corroboration["corroborated"] is False
    assert [r["note"] for r in corroboration["relays"]] == [
        "Northern Ledger and Patras Post both relay Meridian News Agency: 2 outlets, 1 source"
    ]
    assert arrests["contradictions"] == ["C1", "C2"]

    assert evacuation["type"] == "AID"
    corroboration = evacuation["corroboration"]
    assert corroboration["outlets"] == [
        "Aegean Daily", "Northern Ledger", "Patras Post", "Radio Achaia"
    ]  # fmt: skip
    assert (corroboration["outlet_count"], corroboration["independent_count"]) == (4, 2)
    assert [(s["name"], s["outlets"]) for s in corroboration["sources"]] == [
        ("the fire service", ["Aegean Daily", "Patras Post", "Radio Achaia"]),
        ("Eleni Marka", ["Northern Ledger"]),
    ]
    assert corroboration["corroborated"] is True
    assert evacuation["contradictions"] == ["C3"]

    series = {s["label"]: s for s in payload["figures"]}
    assert sorted(series) == ["men arrested", "residents evacuated"]
    assert [
        (p["date"], p["text"], p["value"], p["min"], p["max"], p["approx"], p["outlet"],
         p["source"])
        for p in series["residents evacuated"]["points"]
    ] == EVACUATED  # fmt: skip
    assert [(p["date"], p["text"]) for p in series["men arrested"]["points"]] == [
        ("2025-08-11", "two"), ("2025-08-12", "two")
    ]  # fmt: skip


@pytest.fixture(scope="module")
def linked_story() -> list:
    articles = [json.loads(line) for line in story_path().read_text("utf-8").splitlines()]
    mentions = [m for x in dateline.extract_many(articles) for m in mentions_from_extraction(x)]
    return link_mentions(mentions).mentions


def test_timeline_story_extract_link_timeline_in_memory(linked_story) -> None:
    assert_story_timeline(build_timeline(linked_story).model_dump(mode="json"))


@pytest.fixture(scope="module")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("story") / "story.duckdb")
    result = runner.invoke(app, ["ingest", str(story_path()), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 4 article(s)" in result.stderr
    return db


def test_cli_timeline_json_on_the_story(story_store: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", story_store, "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert_story_timeline(payload)
    # 18: the men's burning of farm waste and the burned hives are two entries (their
    # parties share nothing: feature parties_disjoint), and so are the blaze pushed towards
    # the coast on 11 Aug and the flames the wind pushed away from a village on 12 Aug.
    assert len(payload["entries"]) == 18


@pytest.mark.issue(9)
def test_timeline_story_keeps_events_with_disjoint_parties_apart(linked_story) -> None:
    # Only Patras Post tells that the men were burning farm waste, and it cites the agency: one
    # source, not corroborated. The beekeeper's burned hives (Northern Ledger) is another event.
    payload = build_timeline(linked_story).model_dump(mode="json")
    farm_waste = next(
        e for e in payload["entries"] if any("farm waste" in m["sentence"] for m in e["mentions"])
    )
    assert [(m["outlet"], m["origin"]) for m in farm_waste["mentions"]] == [
        ("Patras Post", "Meridian News Agency")
    ]
    assert farm_waste["corroboration"]["independent_count"] == 1


def test_cli_timeline_json_equals_the_in_memory_timeline(story_store: str, linked_story) -> None:
    result = runner.invoke(app, ["timeline", "--db", story_store, "--format", "json"])
    assert json.loads(result.stdout) == build_timeline(linked_story).model_dump(mode="json")


def test_cli_timeline_reingest_changes_nothing(story_store: str) -> None:
    before = runner.invoke(app, ["timeline", "--db", story_store, "-f", "json"]).stdout
    again = runner.invoke(app, ["ingest", str(story_path()), "--db", story_store])
    assert again.exit_code == 0 and "skipped 4 already stored" in again.stderr
    assert runner.invoke(app, ["timeline", "--db", story_store, "-f", "json"]).stdout == before
