"""stages.linking.link_restatements: headline, lede and recap of one event share a group."""

from __future__ import annotations

import pytest

from dateline.config import LinkingSettings
from dateline.records import Argument, Article, Event, EventDate, PlaceRef, Sentence
from dateline.stages.linking import link_restatements

# Our own writing: a headline, a lede, a side event and a recap of the lede's event.
TEXT = (
    "Rebels shell Marlow, killing four\n\n"
    "Rebel forces shelled the port city of Marlow on Tuesday, killing four civilians.\n\n"
    "Trade ministers met in Dunmore on Tuesday to discuss steel tariffs.\n\n"
    "The rebels shelled Marlow on Tuesday in the heaviest attack since March."
)
MARLOW = PlaceRef(name="Marlow", place_id="P1", lat=44.1, lon=21.5, country="XM")
DUNMORE = PlaceRef(name="Dunmore", place_id="P2", lat=51.2, lon=3.9, country="XD")
REBELS = Argument(name="Rebel forces", span=(0, 6), entity_id="E1")


def _sentences() -> list[Sentence]:
    spans, start = [], 0
    for block in TEXT.split("\n\n"):
        begin = TEXT.index(block, start)
        spans.append((begin, begin + len(block)))
        start = begin + len(block)
    return [
        Sentence(id=f"S{i}", article_id="a", span=span, stage="parse@1", paragraph=i)
        for i, span in enumerate(spans, 1)
    ]


def _event(id_: str, word: str, occurrence: int = 0, **fields) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    end = TEXT.index("\n", start) if "\n" in TEXT[start:] else len(TEXT)
    defaults = dict(
        type="ASSAULT",
        actors=[REBELS],
        location=MARLOW,
        date=EventDate(value="2025-03-11", source="clause"),
    )
    defaults.update(fields)
    return Event(
        id=id_,
        article_id="a",
        span=(start, end),
        stage="events@1",
        text=TEXT[start:end],
        trigger=word,
        trigger_span=(start, start + len(word)),
        **defaults,
    )


@pytest.fixture
def events() -> list[Event]:
    return [
        _event("EV1", "shell", date=None),
        _event("EV2", "shelled"),
        _event("EV3", "met", type="CONSULT", actors=[], location=DUNMORE),
        _event("EV4", "shelled", 1),
    ]


def _groups(events: list[Event]) -> dict[str, str | None]:
    article = Article(text=TEXT, id="a")
    linked = link_restatements(
        article=article, sentences=_sentences(), events=events, settings=LinkingSettings()
    )
    return {e.id: e.group for e in linked}


def test_linking_restatements_share_the_first_mentions_id(events: list[Event]) -> None:
    assert _groups(events) == {"EV1": "EV1", "EV2": "EV1", "EV3": "EV3", "EV4": "EV1"}


def test_linking_restatements_conflicting_dates_stay_apart(events: list[Event]) -> None:
    events[3] = _event("EV4", "shelled", 1, date=EventDate(value="2025-02-02"))
    assert _groups(events)["EV4"] == "EV4"


def test_linking_restatements_far_places_stay_apart(events: list[Event]) -> None:
    events[3] = _event("EV4", "shelled", 1, location=DUNMORE)
    assert _groups(events)["EV4"] == "EV4"


def test_linking_restatements_other_type_family_stays_apart(events: list[Event]) -> None:
    events[3] = _event("EV4", "shelled", 1, type="AGREE")
    assert _groups(events)["EV4"] == "EV4"


def test_linking_restatements_same_sentence_events_stay_apart() -> None:
    shelling = _event("EV1", "shelled")
    killing = _event("EV2", "killing", 1)
    assert _groups([shelling, killing]) == {"EV1": "EV1", "EV2": "EV2"}


def test_linking_restatements_no_events_gives_none() -> None:
    assert _groups([]) == {}
