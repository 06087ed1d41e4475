"""Run the API and page with uvicorn: ``dateline serve`` calls ``serve``."""

from __future__ import annotations

import ipaddress
import logging
import socket
import warnings

from dateline.errors import DatelineWarning, WebError
from dateline.web.assets import check_assets

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1 or localhost)."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """Bind and release ``host:port`` once so a busy or foreign address fails with a code.

    Raises:
        WebError: DL503 with the operating system's reason.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise WebError("DL503", host=host, port=port, reason=reason) from None


def serve(
    db: str | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, verbose: int = 0
) -> None:
    """Serve the read-only API and the timeline page over the store at ``db`` until stopped.

    Args:
        db: store URL as ``dateline.storage.open_store`` takes it (None: ./dateline.duckdb).
        host: address to bind; loopback by default, anything else warns W501.
        port: TCP port.
        verbose: 0 logs warnings only, 1 logs each request, 2 debug.

    Raises:
        WebError: DL501 when the page's assets are not built, DL503 when the address is busy,
            DL505 when the web extra is not installed.
        StoreError: the store cannot be opened (DL401-DL403, DL410 no such file, DL411).
    """
    try:
        import uvicorn

        from dateline.web.app import create_app
    except ModuleNotFoundError as exc:
        raise WebError("DL505", missing=exc.name) from None
    from dateline.storage import open_store

    check_assets()
    if not is_loopback(host):
        warnings.warn(DatelineWarning("W501", host=host), stacklevel=2)
    check_port(host, port)
    # Read-only at the database too: the API has no write route, and several read-only
    # processes may share one DuckDB file.
    with open_store(db, create=False, read_only=True) as store:
        logger.info("serving %s on http://%s:%s/", store.url, host, port)
        level = ("warning", "info", "debug")[min(verbose, 2)]
        uvicorn.run(create_app(store), host=host, port=port, log_level=level)
