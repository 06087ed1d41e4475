"""Serving: loopback detection, busy ports and missing assets fail with codes."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.errors import WebError
from dateline.web.assets import REQUIRED_ASSETS, check_assets, missing_assets
from dateline.web.server import check_port, is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.4", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_web_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_web_check_port_refuses_a_busy_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(WebError) as info:
            check_port("127.0.0.1", port)
    assert info.value.code == "DL503"
    assert f"127.0.0.1:{port}" in str(info.value)


def test_web_missing_assets_are_named(tmp_path: Path) -> None:
    assert missing_assets(tmp_path) == list(REQUIRED_ASSETS)
    with pytest.raises(WebError) as info:
        check_assets(tmp_path)
    assert info.value.code == "DL501" and "dateline serve --setup" in str(info.value)
    for name in REQUIRED_ASSETS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert missing_assets(tmp_path) == []
    check_assets(tmp_path)


def test_web_serve_cli_reports_a_busy_port_with_its_code(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)]
        )
    assert result.exit_code == 2
    # the page's assets are checked first: a fresh checkout without them reports DL501
    code = "DL501" if missing_assets() else "DL503"
    assert f"error: [{code}]" in result.output
