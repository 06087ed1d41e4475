"""linker.block_keys: type family x date window x place, for dated, undated and unplaced."""

from __future__ import annotations

from datetime import date

import pytest
from _linking_helpers import mention

from dateline.linker import block_keys, date_interval
from dateline.records import Argument, PlaceRef


def _shared(a: list[str], b: list[str]) -> bool:
    return bool(set(a) & set(b))


def test_linking_block_keys_day_precise_mention_has_one_key_per_grid_and_place() -> None:
    keys = block_keys(mention("a1", "EV1"))
    assert len(keys) == 4
    assert all(k.startswith("material_conflict|") for k in keys)
    assert {k.split("|")[1][0] for k in keys} == {"a", "b"}
    assert {k.split("|")[2] for k in keys} == {"XM", "?"}


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        ("2025-03-11", "2025-03-11", True),
        ("2025-03-11", "2025-03-12", True),
        ("2025-03-09", "2025-03-12", True),  # three days apart: always one shared window
        ("2025-03-13", "2025-03-10", True),
        ("2025-03-01", "2025-03-20", False),
        ("2025-03", "2025-03-20", True),  # a month holds its days
        ("2025", "2025-11-02", True),  # and a year its months
        ("2025-02", "2025-03-20", False),
    ],
)
def test_linking_block_keys_dates_meet_within_their_window(
    first: str, second: str, shared: bool
) -> None:
    a = block_keys(mention("a1", "EV1", on=first))
    b = block_keys(mention("a2", "EV1", on=second))
    assert _shared(a, b) is shared


def test_linking_block_keys_undated_mention_takes_the_week_before_publication() -> None:
    undated = block_keys(mention("a1", "EV1", on=None, published=date(2025, 3, 12)))
    dated = block_keys(mention("a2", "EV1", on="2025-03-08"))
    long_before = block_keys(mention("a3", "EV1", on="2025-01-08"))
    assert _shared(undated, dated)
    assert not _shared(undated, long_before)


def test_linking_block_keys_without_date_or_publication_is_in_the_unknown_window() -> None:
    keys = block_keys(mention("a1", "EV1", on=None, published=None))
    assert keys == ["material_conflict|d?|?", "material_conflict|d?|XM"]


def test_linking_block_keys_unplaced_mention_uses_its_parties_countries() -> None:
    unplaced = mention("a1", "EV1", place=None, actors=())
    unplaced = unplaced.model_copy(
        update={"actors": [Argument(name="Xandrian troops", span=(0, 1), country="XM")]}
    )
    assert {k.split("|")[2] for k in block_keys(unplaced)} == {"XM", "?"}
    nowhere = mention("a2", "EV1", place=None)
    assert {k.split("|")[2] for k in block_keys(nowhere)} == {"?"}


def test_linking_block_keys_place_with_only_coordinates_uses_a_degree_cell() -> None:
    keys = block_keys(mention("a1", "EV1", place=PlaceRef(name="x", lat=44.7, lon=-21.2)))
    assert {k.split("|")[2] for k in keys} == {"g44:-22", "?"}


def test_linking_block_keys_unplaced_report_meets_placed_ones_in_the_unknown_place_block() -> None:
    nowhere = block_keys(mention("a1", "EV1", place=None))
    here = block_keys(mention("a2", "EV1", place=PlaceRef(name="x", country="XM")))
    there = block_keys(mention("a3", "EV1", place=PlaceRef(name="y", country="YM")))
    assert _shared(nowhere, here) and _shared(nowhere, there)
    assert set(here) & set(there) == {k for k in here if k.endswith("|?")}


def test_linking_block_keys_alternative_type_adds_its_family() -> None:
    keys = block_keys(mention("a1", "EV1", type_="PROTEST", alt_type="DEMAND"))
    assert {k.split("|")[0] for k in keys} == {"material_conflict", "verbal_conflict"}


@pytest.mark.parametrize(
    ("value", "days"),
    [("2024-08-07", 1), ("2024-02", 29), ("2023", 365), ("2024-W33", 7), ("PRESENT_REF", None)],
)
def test_linking_date_interval_covers_the_value(value: str, days: int | None) -> None:
    interval = date_interval(value)
    assert (interval[1] - interval[0] + 1 if interval else None) == days
