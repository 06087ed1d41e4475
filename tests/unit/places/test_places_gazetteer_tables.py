"""The packaged gazetteer's array form: rows -> arrays -> the same lookups as the rows say."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.data.build_gazetteer import tables, write_tables
from dateline.stages._gazetteer import Entries, Entry, NameIndex, load_gazetteer

ROWS = [
    "gn:1\tcountry\tPT\t\t39.5000\t-8.0000\t10000000\tPortugal\tportugal|portuguese republic",
    "gn:2\tcity\tPT\t17\t41.1496\t-8.6110\t249633\tPorto\tporto|oporto",
    "a1:PT.17\tregion\tPT\t17\t41.2000\t-8.3000\t0\t\t|porto district",
    "gn:3\tcity\tUS\tIN\t41.6000\t-87.0700\t1200\tPorter\tporter|porto",
    "gn:4\tcity\tUA\t63\t49.9808\t36.2527\t1430885\tKharkiv\tkharkiv|kharkov|харків",
]


@pytest.fixture(scope="module")
def arrays() -> dict[str, np.ndarray]:
    return tables(ROWS)


def test_places_gazetteer_tables_rebuild_each_row(arrays) -> None:
    entries = Entries(arrays)
    assert len(entries) == 5
    assert entries[1] == Entry("gn:2", "city", "PT", "17", 41.1496, -8.611, 249633, "Porto")
    assert entries[-1].name == "Kharkiv" and entries[2].name == ""
    assert [type(v) for v in entries[0]] == [str, str, str, str, float, float, int, str]
    assert entries.rows_of_kind("city") == [1, 3, 4]


@pytest.mark.parametrize(
    ("key", "rows"),
    [
        ("porto", (1, 3)),
        ("oporto", (1,)),
        ("porto district", (2,)),
        ("харків", (4,)),
        ("portugal", (0,)),
        ("port", ()),
        ("", ()),
        ("zzz", ()),
    ],
)
def test_places_gazetteer_tables_index_lists_rows_in_order(arrays, key, rows) -> None:
    assert NameIndex(arrays).rows(key) == rows


def test_places_gazetteer_tables_primary_is_the_main_name_only(arrays) -> None:
    index = NameIndex(arrays)
    assert index.is_primary("porto", 1)
    assert not index.is_primary("porto", 3)  # an alternate name of Porter
    assert not index.is_primary("porto district", 2)  # the region has no main name
    assert not index.is_primary("nowhere", 1)


def test_places_gazetteer_tables_write_is_reproducible(arrays, tmp_path) -> None:
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    write_tables(arrays, first)
    write_tables(tables(ROWS), second)
    assert first.read_bytes() == second.read_bytes()
    with np.load(first) as npz:
        assert sorted(npz.files) == sorted(arrays)
        assert npz["postings"].tolist() == arrays["postings"].tolist()


def test_places_gazetteer_packaged_lookups() -> None:
    gaz = load_gazetteer()
    (lisbon,) = [i for i in gaz.lookup("lisbon") if gaz.is_primary("lisbon", i)][:1]
    assert gaz.entries[lisbon].country == "PT" and gaz.entries[lisbon].kind == "city"
    assert gaz.entries[gaz.country_of("PT")].name == "Portugal"
    assert gaz.entries[gaz.region_of(lisbon)].kind == "region"
