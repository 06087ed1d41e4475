"""Shared fixtures. Under CI=true a skipped test fails the run: CI must exercise
every real component and the seed example."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"


def shared_path() -> Path:
    env = os.environ.get("DATELINE_SHARED")
    return Path(env) if env else PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder with third-party examples and corpora (skips if absent)."""
    path = shared_path()
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_example(shared_dir: Path) -> dict:
    """The seed article: text, gold annotation, publication date, and file paths."""
    folder = shared_dir / "examples" / "kursk-2024-09"
    if not folder.is_dir():
        pytest.skip(f"seed example not found at {folder}")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return {
        "folder": folder,
        "text": (folder / "article.txt").read_text(encoding="utf-8"),
        "gold": gold,
        "published": gold["published"],
        "scorer": shared_dir / "tools" / "score_article.py",
    }


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """Our article scorer, tests/golden/_score.py, loaded by path so that every test that
    scores against a gold annotation shares one implementation of the matching rules."""
    path = PROJECT_ROOT / "tests" / "golden" / "_score.py"
    spec = importlib.util.spec_from_file_location("dateline_golden_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, loaded once for the session."""
    from dateline.config import ParseSettings
    from dateline.stages.parse import model_for

    return model_for(ParseSettings())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*/expected.json from this run (review the diff)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-golden"):
        os.environ["DATELINE_UPDATE_GOLDEN"] = "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="slow test: opt in with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    # An expected failure (xfail) is reported as skipped too, but it ran: it is no missing
    # component.
    expected_failure = hasattr(report, "wasxfail")
    if IN_CI and report.skipped and not expected_failure and "slow" not in item.keywords:
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped under CI=true, which requires every component: {reason}"


# --------------------------------------------------------------------------- store fixtures

PG_BIN = Path(os.environ.get("DATELINE_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_USER = "dateline-pg"  # initdb refuses root: the test server runs as this unprivileged user


def _pg_runner() -> list[str]:
    """The command prefix that runs PostgreSQL tools as an unprivileged user."""
    import subprocess

    if os.geteuid() != 0:
        return []
    if subprocess.run(["id", "-u", PG_USER], capture_output=True).returncode != 0:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
            check=True,
            capture_output=True,
        )
    return ["runuser", "-u", PG_USER, "--"]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL 15 server in a temporary directory on a free port; its base URL.

    Skips (a failure under CI=true) when the server binaries are missing.
    """
    import shutil
    import subprocess
    import tempfile

    initdb, pg_ctl = PG_BIN / "initdb", PG_BIN / "pg_ctl"
    if not (initdb.is_file() and pg_ctl.is_file()):
        pytest.skip(f"PostgreSQL server binaries not found in {PG_BIN}")
    prefix = _pg_runner()
    # Not under pytest's tmp_path: its parents are private to root, the server user needs in.
    folder = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data, log = folder / "data", folder / "server.log"
    if prefix:
        shutil.chown(folder, user=PG_USER)
    port = _free_port()
    try:
        subprocess.run(
            [*prefix, str(initdb), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
             "--no-sync"],
            check=True, capture_output=True,
        )  # fmt: skip
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*prefix, str(pg_ctl), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"],
            check=True, capture_output=True,
        )  # fmt: skip
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        detail = (exc.stderr or b"").decode(errors="replace").strip()
        pytest.fail(f"could not start the PostgreSQL test server: {detail}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*prefix, str(pg_ctl), "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def pg_database(server: str) -> Iterator[str]:
    """Create a fresh, empty database on the test server; yield its URL; drop it afterwards."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture()
def pg_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server; dropped afterwards."""
    with pg_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def module_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Like ``store_url`` but shared by a test module, for tests that only read."""
    if request.param == "duckdb":
        yield str(tmp_path_factory.mktemp("store") / "store.duckdb")
        return
    with pg_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store URL on each backend: a new DuckDB file, then a new PostgreSQL database."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("pg_url")


# Short reports written for these tests: one story told by three outlets over three days.
STORY_REPORTS = [
    {
        "id": "ledger-0603",
        "outlet": "Northern Ledger",
        "published": "2025-06-03",
        "title": "Arrests after bus fare march in Leeds",
        "text": "Police arrested 40 protesters in Leeds on Monday after a march against the new "
        "bus fares turned violent, a police spokesman said.\n",
    },
    {
        "id": "courier-0603",
        "outlet": "Daily Courier",
        "published": "2025-06-03",
        "title": "Dozens held in Leeds",
        "text": "About 40 demonstrators were arrested in Leeds on Monday, police said, after "
        "clashes during a protest over bus fares.\n",
    },
    {
        "id": "coast-0604",
        "outlet": "Coast Times",
        "published": "2025-06-04",
        "title": "Council denies role",
        "text": "The city council of Leeds denied on Tuesday that it had asked police to break "
        "up the march.\n",
    },
    {
        "id": "courier-0605",
        "outlet": "Daily Courier",
        "published": "2025-06-05",
        "title": "Unions threaten strike",
        "text": "Transport unions in Leeds threatened on Wednesday to strike next week unless "
        "the bus fare rise is withdrawn.\n",
    },
]

_TOWNS = ["Leeds", "York", "Bristol", "Cardiff", "Glasgow", "Norwich", "Exeter", "Dundee"]


def flood_reports(count: int) -> list[dict]:
    """``count`` distinct short reports written for these tests (synthetic variations)."""
    reports = []
    for n in range(count):
        town = _TOWNS[n % len(_TOWNS)]
        reports.append(
            {
                "outlet": f"Outlet {n % 3}",
                "published": f"2025-07-{1 + n % 28:02d}",
                "text": f"Police arrested {n + 2} protesters in {town} on Monday after a march "
                f"over {100 + n} flooded homes. The mayor met the families on Tuesday.\n",
            }
        )
    return reports


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    """Write rows as JSONL and return the path."""
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def story_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four story reports as a JSONL file (read-only: shared by the session)."""
    return write_jsonl(tmp_path_factory.mktemp("story") / "story.jsonl", STORY_REPORTS)


@pytest.fixture(scope="session")
def reports_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty distinct short reports (``flood_reports``) as one JSONL file."""
    return write_jsonl(tmp_path_factory.mktemp("reports") / "reports.jsonl", flood_reports(40))
