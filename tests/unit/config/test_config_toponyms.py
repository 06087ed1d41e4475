"""[toponyms]: one set of place thresholds, copied into every stage that tests toponyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings, ToponymSettings, load_settings
from dateline.errors import ConfigError
from dateline.stages.parse import model_for

pytestmark = pytest.mark.issue(12)


def test_config_toponyms_defaults() -> None:
    toponyms = load_settings().toponyms
    assert toponyms == ToponymSettings(
        known_place_population=15_000, joined_name_population=5_000, lone_name_population=100_000
    )


def test_config_toponyms_one_value_reaches_every_stage(tmp_path: Path) -> None:
    f = tmp_path / "user.toml"
    f.write_text("[toponyms]\nknown_place_population = 40000\n", encoding="utf-8")
    settings = load_settings(f, ["toponyms.lone_name_population=250000"])
    for section in (settings.parse, settings.entities, settings.places):
        assert section.toponyms.known_place_population == 40_000
        assert section.toponyms.lone_name_population == 250_000
        assert section.toponyms.joined_name_population == 5_000


def test_config_toponyms_survive_a_dump_and_reload() -> None:
    settings = load_settings(None, ["toponyms.known_place_population=1"])
    assert Settings.model_validate(settings.model_dump()) == settings


@pytest.mark.parametrize("section", ["parse", "entities", "places"])
def test_config_toponyms_set_in_a_stage_section_is_refused(section: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(None, [f"{section}.toponyms={{known_place_population = 3}}"])
    assert info.value.code == "DL001"
    assert f"Unknown setting '{section}.toponyms'" in str(info.value)
    assert "toponyms" not in str(info.value).split("Valid settings")[1]


def test_config_toponyms_negative_population_is_refused() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(None, ["toponyms.known_place_population=-1"])
    assert info.value.code == "DL002"
    assert "toponyms.known_place_population" in str(info.value)


def test_config_toponyms_reach_the_parse_component() -> None:
    settings = load_settings(None, ["toponyms.known_place_population=123456"])
    nlp = model_for(settings.parse)
    config = nlp.get_pipe_config("dateline_joined_names")
    assert config["toponyms"]["known_place_population"] == 123_456
