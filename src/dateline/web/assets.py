"""The page's front-end assets: pinned npm packages built into ``static/vendor/``.

``package.json`` and ``package-lock.json`` pin the libraries (Vega-Lite, Leaflet, world-atlas,
Natural Earth admin-1 outlines); ``build.mjs`` copies and bundles them into ``static/vendor/``,
which is never committed. ``install_assets`` runs ``npm ci`` then ``npm run build``; run it once
after installing dateline with ``dateline serve --setup``.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from dateline.errors import WebError

logger = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
# One file per library the page loads; all must exist for the page to work offline.
REQUIRED_ASSETS = (
    "charts.js",
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "topojson-client.min.js",
    "countries-50m.json",
    "admin1/index.json",
)


def missing_assets(vendor: Path = VENDOR_DIR) -> list[str]:
    """Return the required vendor files that are not built yet (empty when all are there)."""
    return [name for name in REQUIRED_ASSETS if not (vendor / name).is_file()]


def check_assets(vendor: Path = VENDOR_DIR) -> None:
    """Raise DL501 unless every vendor file the page needs has been built.

    Raises:
        WebError: DL501 naming the vendor folder and the setup command.
    """
    if missing_assets(vendor):
        raise WebError("DL501", path=vendor)


def install_assets(web_dir: Path = WEB_DIR) -> Path:
    """Install the pinned npm packages and build ``static/vendor/`` from them.

    Args:
        web_dir: the folder holding ``package.json``, ``package-lock.json`` and ``build.mjs``.

    Returns:
        The vendor folder, now complete.

    Raises:
        WebError: DL502 when npm is missing or a step fails (its last output lines quoted).
    """
    npm = shutil.which("npm")
    if npm is None:
        raise WebError("DL502", path=web_dir, reason="npm is not installed")
    for step in (["ci", "--no-audit", "--no-fund"], ["run", "build"]):
        _run_npm(npm, step, web_dir)
    vendor = web_dir / "static" / "vendor"
    check_assets(vendor)
    return vendor


def _run_npm(npm: str, args: list[str], cwd: Path) -> None:
    logger.info("npm %s in %s", " ".join(args), cwd)
    try:
        done = subprocess.run(
            [npm, *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=900
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise WebError("DL502", path=cwd, reason=f"npm {args[0]}: {exc}") from None
    if done.returncode != 0:
        tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise WebError("DL502", path=cwd, reason=f"npm {args[0]} exited {done.returncode}: {tail}")
