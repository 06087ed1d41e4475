"""Property tests: a timeline does not depend on the order of its mentions, places every
mention in exactly one entry, and keeps its counts consistent."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.records import Attribution, EventMention, Quantity, Source
from dateline.timeline import build_timeline

OUTLETS = ["Aegean Daily", "Patras Post", "Northern Ledger", "Radio Achaia"]
SOURCES = [
    Source(name="Meridian News Agency", kind="named"),
    Source(name="Meridian", kind="outlet"),
    Source(name="the fire service", kind="named"),
    Source(name="a police officer", kind="anonymous"),
    Source(name="Patras Post", kind="outlet"),
]
DATES = [None, "2025-08", "2025-08-11", "2025-08-12", "2025-08-13T10:00", "2025-W33"]


@st.composite
def mentions(draw) -> list[EventMention]:
    count = draw(st.integers(min_value=0, max_value=12))
    made = []
    for number in range(count):
        article = draw(st.sampled_from(["a", "b", "c", "d"]))
        value = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=3000)))
        quantities = (
            []
            if value is None
            else [
                Quantity(
                    id="Q1",
                    article_id=article,
                    span=(0, 1),
                    stage="quantities@test",
                    text=str(value),
                    value=float(value),
                    approx=draw(st.booleans()),
                    counted=draw(st.sampled_from(["residents", "men"])),
                )  # fmt: skip
            ]
        )
        made.append(
            EventMention(
                mention_id=f"{article}/EV{number}",
                article_id=article,
                event_id=f"EV{number}",
                cluster=draw(st.sampled_from([None, "c1", "c2"])),
                outlet=draw(st.sampled_from(OUTLETS)),
                published=draw(st.sampled_from([None, date(2025, 8, 12), date(2025, 8, 13)])),
                type=draw(st.sampled_from(["AID", "COERCE"])),
                trigger=draw(st.sampled_from(["evacuated", "arrested"])),
                text="a clause",
                span=(number * 10, number * 10 + 8),
                date=draw(st.sampled_from(DATES)),
                date_source=draw(st.sampled_from(["clause", "sentence", "narrative", "none"])),
                quantities=quantities,
                attribution=Attribution(
                    sources=draw(st.lists(st.sampled_from(SOURCES), max_size=2))
                ),
                modality=draw(st.sampled_from(["asserted", "reported", "negated", "intended"])),
                polarity=draw(st.sampled_from(["positive", "negative"])),
            )
        )
    return made


@settings(max_examples=60, deadline=None)
@given(mentions(), st.randoms(use_true_random=False))
def test_timeline_does_not_depend_on_mention_order(found, random) -> None:
    shuffled = list(found)
    random.shuffle(shuffled)
    assert build_timeline(shuffled) == build_timeline(found)


@settings(max_examples=60, deadline=None)
@given(mentions())
def test_timeline_places_each_mention_once_and_counts_consistently(found) -> None:
    timeline = build_timeline(found)
    placed = [m.mention_id for e in timeline.entries for m in e.mentions]
    assert sorted(placed) == sorted(m.mention_id for m in found)
    starts = [e.date.start or date.max for e in timeline.entries]
    assert starts == sorted(starts)
    for entry in timeline.entries:
        c = entry.corroboration
        assert c.outlet_count == len(c.outlets) == len(set(c.outlets))
        assert c.independent_count == len(c.sources)
        assert sum(len(s.mentions) for s in c.sources) <= len(entry.mentions)
        assert all(cid in {x.id for x in timeline.contradictions} for cid in entry.contradictions)
    for series in timeline.figures:
        days = [p.date or date.max for p in series.points]
        assert days == sorted(days) and len(series.points) >= 2
