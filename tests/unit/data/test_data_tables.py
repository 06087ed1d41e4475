"""Every packaged table loads through one loader and names where its source is told."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.data import TABLES, load_table


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_data_table_loads_and_names_its_source(kind):
    assert load_table(kind).strip()
    source = resources.files("dateline").joinpath("data", TABLES[kind].source)
    assert source.is_file()
    assert TABLES[kind].path.rsplit("/", 1)[-1] in source.read_text(encoding="utf-8")


def test_data_titles_table_holds_titles():
    titles = load_table("titles").splitlines()
    assert "spokeswoman" in titles


def test_data_unknown_table_lists_the_tables():
    with pytest.raises(KeyError, match="tables: countries, department_titles"):
        load_table("title")
