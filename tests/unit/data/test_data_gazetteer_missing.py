"""A missing gazetteer file warns W003 and leaves places unresolved; nothing crashes."""

from __future__ import annotations

import pytest

from dateline.api import extract
from dateline.errors import DatelineWarning
from dateline.stages import _gazetteer

TEXT = "Floods hit Ravenna on Monday, the mayor of Ravenna said."


@pytest.fixture()
def missing_gazetteer(monkeypatch):
    monkeypatch.setattr(_gazetteer, "GAZETTEER_FILE", "no-such-gazetteer.npz")
    _gazetteer.load_gazetteer.cache_clear()
    yield
    _gazetteer.load_gazetteer.cache_clear()


def test_data_missing_gazetteer_warns_w003(missing_gazetteer):
    with pytest.warns(DatelineWarning, match="W003.*no-such-gazetteer.npz"):
        gaz = _gazetteer.load_gazetteer()
    assert len(gaz.entries) == 0
    assert list(gaz.lookup(_gazetteer.name_key("Ravenna"))) == []


def test_data_missing_gazetteer_still_extracts(missing_gazetteer):
    with pytest.warns(DatelineWarning, match="W003"):
        result = extract(TEXT, published="2025-05-05")
    assert result.places == []
    assert "Ravenna" in {e.name for e in result.entities}


def test_data_packaged_gazetteer_resolves_places():
    gaz = _gazetteer.load_gazetteer()
    assert len(gaz.entries) > 1000
    assert list(gaz.lookup(_gazetteer.name_key("Ravenna")))
