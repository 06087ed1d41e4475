"""Fuzz harnesses for ``ingest`` (API and CLI) and for the HTTP API over a hostile store.

Not stable API; loaded by path like ``_corpus.py`` (see ``tests/fuzz/conftest.py`` and
``benchmarks/fuzz.py``). The ingest harness runs the generator's files into a store and
lists every broken promise: a traceback, a stage crash (DL301), a bad input without a
coded rejection naming its file (and line), a good article not stored exactly once, a
re-run that stores anything, a store whose ``stats`` disagree. The request harness sends
seeded odd query parameters and paths to a live server and lists every 5xx, uncoded error,
missing Content-Security-Policy and stored text not returned as plain JSON data.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dateline.records import Article, Rejection, content_id

# Ingest refuses two good-for-extract cases on purpose: an id already stored with another
# text (DL407) and a NUL character, which PostgreSQL text cannot hold (DL202).
INGEST_ONLY_CODES = ("DL407", "DL202")


@dataclass
class IngestOutcome:
    """What one ingest campaign produced, and every broken promise (``violations``)."""

    inputs: int = 0
    stored: int = 0
    skipped: int = 0
    rerun_stored: int = 0
    tracebacks: int = 0
    crashes: int = 0
    rejections: dict[str, int] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)


def _mentions_line(message: str, path: str, line: int) -> bool:
    """Whether ``message`` names line ``line`` of ``path`` (``path: line 3`` or ``path:3``)."""
    return re.search(re.escape(path) + rf"(?:: line |:){line}(?!\d)", message) is not None


def expected_articles(files: list[tuple[str, Any]]) -> tuple[list[Article], list[Rejection]]:
    """What the readers alone make of the files: articles to store, inputs to refuse."""
    from dateline.stages.ingest import read_source

    articles: list[Article] = []
    refused: list[Rejection] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path, _ in files:
            for item in read_source(path):
                (refused if isinstance(item, Rejection) else articles).append(item)
    return articles, refused


def check_ingest(
    files: list[tuple[str, Any]],
    rejected: list[Rejection],
    stored: set[str],
    outcome: IngestOutcome,
) -> None:
    """Check one run's rejections and the stored content hashes against the files' cases.

    Args:
        files: (path, FileCase) pairs as ``_corpus.write_files`` returns them.
        rejected: the run's rejections (from its report, or parsed from CLI stderr).
        stored: the content hashes the store holds after the run.
        outcome: collects counts and violations.
    """
    messages = [r.message for r in rejected]
    for rejection in rejected:
        outcome.rejections[rejection.code] = outcome.rejections.get(rejection.code, 0) + 1
        if rejection.code == "DL301":
            outcome.crashes += 1
            outcome.violations.append(f"stage crash: {rejection.message[:300]}")
        if not any(path in rejection.message for path, _ in files):
            outcome.violations.append(f"rejection names no input file: {rejection.message[:200]}")
    joined = "\n".join(messages)
    for path, case in files:
        outcome.inputs += case.count
        if case.lines:
            for number, line_case in enumerate(case.lines, start=1):
                if not line_case.line.strip():
                    continue
                named = _mentions_line(joined, path, number)
                if line_case.expect == "reject" and not named:
                    outcome.violations.append(f"{line_case.kind} {path}:{number}: not rejected")
                if line_case.expect == "ok" and named:
                    code = _code_for(rejected, path, number)
                    if code not in INGEST_ONLY_CODES:
                        outcome.violations.append(f"{line_case.kind} {path}:{number}: {code}")
        elif case.expect == "reject" and path not in joined:
            outcome.violations.append(f"{case.kind} {path}: not rejected")
    articles, _ = expected_articles(files)
    refused_sources = {r.source for r in rejected}
    for article in articles:
        if content_id(article.text) in stored:
            continue
        if article.source in refused_sources or any(
            article.source and f"{article.source}:" in m for m in messages
        ):
            continue
        outcome.violations.append(f"{article.source}: read but neither stored nor rejected")


def _code_for(rejected: list[Rejection], path: str, line: int) -> str:
    for rejection in rejected:
        if _mentions_line(rejection.message, path, line):
            return rejection.code
    return "?"


def stored_hashes(url: str, files: list[tuple[str, Any]]) -> set[str]:
    """The content hashes of the files' readable articles that the store at ``url`` holds."""
    from dateline.storage import open_store

    articles, _ = expected_articles(files)
    with open_store(url, create=False, read_only=True) as store:
        return store.stored_hashes(content_id(a.text) for a in articles)


def run_ingest_api(files: list[tuple[str, Any]], url: str, settings: Any = None) -> IngestOutcome:
    """Ingest the files twice with ``dateline.ingest`` into ``url``; check every promise."""
    from dateline.api import ingest
    from dateline.storage import open_store

    outcome = IngestOutcome()
    paths = [path for path, _ in files]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            first = ingest(paths, db=url, settings=settings)
            second = ingest(paths, db=url, settings=settings)
    except Exception:  # noqa: BLE001 - the finding this harness exists to count
        outcome.tracebacks += 1
        outcome.violations.append(traceback.format_exc(limit=4))
        return outcome
    stored = stored_hashes(url, files)
    check_ingest(files, first.rejected, stored, outcome)
    outcome.stored, outcome.skipped, outcome.rerun_stored = first.added, first.skipped, second.added
    _check_rerun(first.added, first.skipped, second, outcome)
    with open_store(url, create=False, read_only=True) as store:
        stats = store.stats()
    if stats.articles != first.added or len(stored) != first.added:
        outcome.violations.append(
            f"stats say {stats.articles} articles, {len(stored)} hashes stored, "
            f"the run reported {first.added}"
        )
    return outcome


def _check_rerun(added: int, skipped: int, second: Any, outcome: IngestOutcome) -> None:
    if second.added:
        outcome.violations.append(f"the re-run stored {second.added} article(s) again")
    if second.skipped != added + skipped:
        outcome.violations.append(f"the re-run skipped {second.skipped}, not {added + skipped}")


REJECTION_LINE = re.compile(r"^error: \[(DL\d{3})\] (.*)$")
SUMMARY_LINE = re.compile(r"stored (\d+) article\(s\) .*?skipped (\d+) already stored")


def run_ingest_cli(files: list[tuple[str, Any]], db: str) -> tuple[IngestOutcome, dict]:
    """Run ``dateline ingest`` twice in subprocesses, then ``dateline stats -f json``.

    Returns:
        The outcome (violations included) and the store's stats as JSON.
    """
    outcome = IngestOutcome()
    paths = [path for path, _ in files]
    first = _ingest_subprocess(paths, db)
    second = _ingest_subprocess(paths, db)
    for label, proc in (("first", first), ("re-run", second)):
        if "Traceback" in proc.stderr:
            outcome.tracebacks += 1
            outcome.violations.append(f"{label}: traceback {proc.stderr[-1500:]}")
        if proc.returncode not in (0, 1, 2):
            outcome.violations.append(f"{label}: exit code {proc.returncode}")
        for line in proc.stderr.splitlines():
            if line.startswith("error:") and not REJECTION_LINE.match(line):
                outcome.violations.append(f"{label}: uncoded error {line[:200]}")
    rejected = [
        Rejection(source="cli", code=m.group(1), message=m.group(2))
        for m in map(REJECTION_LINE.match, first.stderr.splitlines())
        if m
    ]
    stored = stored_hashes(db, files)
    check_ingest(files, rejected, stored, outcome)
    added, skipped = _summary(first.stderr, outcome)
    again, reskipped = _summary(second.stderr, outcome)
    outcome.stored, outcome.skipped, outcome.rerun_stored = added, skipped, again
    if again:
        outcome.violations.append(f"the re-run stored {again} article(s) again")
    if reskipped != added + skipped:
        outcome.violations.append(f"the re-run skipped {reskipped}, not {added + skipped}")
    stats_proc = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "stats", "--db", db, "-f", "json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    stats = json.loads(stats_proc.stdout) if stats_proc.returncode == 0 else {}
    if stats.get("articles") != added or len(stored) != added:
        outcome.violations.append(f"stats {stats} disagree with {added} stored")
    return outcome, stats


def _ingest_subprocess(paths: list[str], db: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", "ingest", *paths, "--db", db],
        capture_output=True,
        text=True,
        timeout=3600,
    )


def _summary(stderr: str, outcome: IngestOutcome) -> tuple[int, int]:
    found = SUMMARY_LINE.search(stderr)
    if found is None:
        outcome.violations.append(f"no summary line in {stderr[-500:]!r}")
        return 0, 0
    return int(found.group(1)), int(found.group(2))


# --------------------------------------------------------------------------- the HTTP API

# Written for these tests: every way stored text could be read as markup or code.
HOSTILE_ARTICLES = [
    {
        "id": "hostile-script",
        "title": "<script>window.pwned=1</script>Strike",
        "outlet": "<img src=x onerror=alert(1)>",
        "published": "2025-05-02",
        "text": "Dockers went on strike in Patras on Friday, <script>alert('x')</script> the "
        'union said. <a href="javascript:alert(2)">Read more</a>.',
    },
    {
        "id": "<b>bold-id</b>",
        "title": '"><svg onload=alert(3)>',
        "outlet": "Harbour ' OR 1=1 --",
        "published": "2025-05-03",
        "text": "Police arrested 12 protesters in Patras on Saturday, officials said. "
        "{{7*7}} ${7*7} <iframe src=//evil.example></iframe> \u202eevil\u202c.",
    },
    {
        "id": "../../etc/passwd",
        "title": "</title><style>body{display:none}</style>",
        "outlet": "Coast % Radio _",
        "published": "2025-05-04",
        "text": "The mayor of Patras said on Sunday that the port would reopen. "
        "<body onload=alert(4)> \\x3cscript\\x3e \U0001f680.",
    },
]
HOSTILE_MARKERS = ("window.pwned", "alert(", "evil.example", "{{7*7}}")

ROUTES: dict[str, tuple[str, ...]] = {
    "/api/stats": (),
    "/api/events": (
        "q", "place", "actor", "type", "outlet", "cluster", "date_from", "date_to", "limit",
        "offset",
    ),
    "/api/linked": (
        "q", "type", "outlet", "date_from", "date_to", "min_mentions", "limit", "offset",
    ),
    "/api/timeline": ("about", "q", "type", "place", "outlet", "date_from", "date_to"),
    "/api/figures": ("about", "date_from", "date_to"),
}  # fmt: skip
ODD_VALUES = (
    "", " ", "%", "_", "\\", "'", '"', "' OR 1=1 --", "'; DROP TABLE articles; --",
    "<script>alert(1)</script>", "javascript:alert(1)", "\x00", "\x1b[31m", "\u202e", "\ufeff",
    "\U0001d54f", "../..", "%00", "%ZZ", "null", "NaN", "Infinity", "-1", "0", "1e999",
    "9" * 400, "-" + "9" * 30, "2024-02-30", "2024-13-01", "0000-01-01", "9999-12-31",
    "0001-01-01", "2025-1-1", "20250101", "1700000000", "x" * 201, "PROTEST", "protest",
    "Patras", "GR", "\u0391\u03b8\u03ae\u03bd\u03b1", "\t\n", "[]", "{}", "a&b=c", "#frag",
)  # fmt: skip
ODD_PATHS = (
    "/api", "/api/", "/api/articles", "/api/articles/", "/api/articles/%00", "/api/articles/..",
    "/api/articles/%2e%2e%2f%2e%2e", "/api/articles/%ZZ", "/api/articles/" + "a" * 300,
    "/api/events/", "/api/nothing", "/static/../pyproject.toml", "/static/%2e%2e/app.py",
    "/openapi.json", "/", "/index.html", "/api/stats?x=1", "/%ff%fe", "/api/timeline/extra",
    "/api/articles/<script>", "/api/articles/' OR '1'='1",
)  # fmt: skip
# Paths that try to climb out of the static folder: anything but an error is a leak.
TRAVERSALS = frozenset(p for p in ODD_PATHS if p.startswith("/static/"))


@dataclass(frozen=True)
class Request:
    """One request: its kind, path and query parameters (a list, so names may repeat)."""

    kind: str
    path: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass
class ApiOutcome:
    """What a request campaign produced, and every broken promise (``violations``)."""

    inputs: int = 0
    server_errors: int = 0
    tracebacks: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)


def _odd_value(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(ODD_VALUES)
    alphabet = "aZ9 -_%'\"<>&;:/\\.\x00\x7f\u00e9\u2028\U0001f680\ud7ff"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def request_campaign(seed: int, count: int, article_ids: list[str]) -> list[Request]:
    """``count`` seeded requests: odd parameters on every route, odd paths, stored ids."""
    rng = random.Random(seed)
    requests = []
    for _ in range(count):
        pick = rng.random()
        if pick < 0.7:
            route = rng.choice(sorted(ROUTES))
            names = ROUTES[route] or ("x",)
            params = tuple(
                (rng.choice(names + ("unknown",)), _odd_value(rng))
                for _ in range(rng.randint(1, 4))
            )
            requests.append(Request("params", route, params))
        elif pick < 0.85:
            requests.append(Request("path", rng.choice(ODD_PATHS)))
        else:
            ident = rng.choice(article_ids) if article_ids and rng.random() < 0.5 else None
            ident = ident if ident is not None else _odd_value(rng)
            requests.append(Request("article", "/api/articles/" + quote_path(ident)))
    return requests


def quote_path(value: str) -> str:
    """Percent-encode ``value`` as one path segment (surrogates passed through as bytes)."""
    from urllib.parse import quote

    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def send(client: Any, request: Request, outcome: ApiOutcome) -> Any:
    """Send one request and check it: no 5xx, coded JSON errors, the CSP header."""
    outcome.inputs += 1
    try:
        response = client.get(request.path, params=list(request.params) or None)
    except Exception:  # noqa: BLE001 - a dropped connection is a server failure to count
        outcome.tracebacks += 1
        outcome.violations.append(f"{request}: {traceback.format_exc(limit=2)}")
        return None
    status = response.status_code
    outcome.statuses[status] = outcome.statuses.get(status, 0) + 1
    where = f"{request.path} {request.params!r} -> {status}"
    if status >= 500:
        outcome.server_errors += 1
        outcome.violations.append(f"{where}: server error {response.text[:200]}")
    if "Traceback" in response.text:
        outcome.tracebacks += 1
        outcome.violations.append(f"{where}: traceback in the body")
    if "script-src 'self'" not in response.headers.get("content-security-policy", ""):
        outcome.violations.append(f"{where}: no Content-Security-Policy")
    if status >= 400:
        _check_error_body(response, where, outcome)
    elif request.path in TRAVERSALS:
        outcome.violations.append(f"{where}: served a file from outside the static folder")
    return response


def _check_error_body(response: Any, where: str, outcome: ApiOutcome) -> None:
    try:
        code = response.json().get("code", "")
    except (ValueError, AttributeError):
        code = ""
    if not re.fullmatch(r"DL\d{3}", str(code)):
        outcome.violations.append(f"{where}: uncoded error {response.text[:200]}")
        return
    outcome.codes[code] = outcome.codes.get(code, 0) + 1


def run_requests(client: Any, requests: list[Request]) -> ApiOutcome:
    """Send every request through ``client`` (an ``httpx.Client`` on the live server)."""
    outcome = ApiOutcome()
    for request in requests:
        send(client, request, outcome)
    return outcome


def check_stored_text_is_data(client: Any, articles: list[dict], outcome: ApiOutcome) -> None:
    """Each hostile article comes back as JSON data, byte for byte, and never in the page."""
    for article in articles:
        path = "/api/articles/" + quote_path(article["id"])
        response = send(client, Request("hostile", path), outcome)
        if response is None or response.status_code != 200:
            outcome.violations.append(f"hostile article {article['id']!r} not served")
            continue
        if not response.headers.get("content-type", "").startswith("application/json"):
            outcome.violations.append(f"{article['id']!r}: served as {response.headers}")
        if response.headers.get("x-content-type-options") != "nosniff":
            outcome.violations.append(f"{article['id']!r}: no nosniff header")
        stored = response.json()["article"]
        for name in ("id", "title", "outlet", "text"):
            if stored.get(name) != article[name]:
                changed = f"{article['id']!r}: {name} changed to {stored.get(name)!r}"
                outcome.violations.append(changed)
    page = send(client, Request("hostile", "/"), outcome)
    if page is not None and any(marker in page.text for marker in HOSTILE_MARKERS):
        outcome.violations.append("the page's HTML holds stored markup")
    for marker in ("<script>", "onerror", "javascript:"):
        listing = send(client, Request("hostile", "/api/events", (("q", marker),)), outcome)
        if listing is not None and listing.status_code == 200:
            _check_listing(listing, outcome)


def _check_listing(listing: Any, outcome: ApiOutcome) -> None:
    if not listing.headers.get("content-type", "").startswith("application/json"):
        outcome.violations.append(f"event listing served as {listing.headers.get('content-type')}")


def hostile_lines() -> Iterator[str]:
    """The hostile articles as JSONL lines."""
    for article in HOSTILE_ARTICLES:
        yield json.dumps(article, ensure_ascii=False)
