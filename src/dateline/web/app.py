"""The HTTP API and the timeline page: a read-only FastAPI app over a dateline store.

``create_app(store)`` returns the app; ``dateline serve`` runs it with uvicorn. Every route
reads through the Store API (``dateline.storage``) and answers with dateline's pydantic
records; there is no write route. Routes::

    GET /                          the timeline page (static HTML, CSS and JS)
    GET /api/stats                 counts over the store
    GET /api/articles/{id}         one article: text and every record with its span
    GET /api/events                stored events, filtered and paged
    GET /api/linked                linked events (clusters) with their mentions, paged
    GET /api/timeline              the timeline, the same JSON as `dateline timeline`
    GET /api/figures               the timeline's figure series
    GET /openapi.json              the OpenAPI schema of all of the above

Every response carries a Content-Security-Policy that allows scripts, styles, images and
data only from this server (no inline script, no eval) and headers that stop MIME sniffing
and framing.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, ConfigDict
from starlette.exceptions import HTTPException

from dateline.errors import DatelineError, InputError, message
from dateline.records import EventMention, Extraction, FigureSeries, Timeline
from dateline.storage import EventFilter, Store, StoredEvent, StoreStats
from dateline.timeline import build_timeline
from dateline.web.assets import STATIC_DIR
from dateline.web.queries import (
    LinkedEvent,
    Page,
    filter_timeline,
    group_clusters,
    page_of,
    slice_timeline,
)

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
MAX_PAGE = 1000
# SQL OFFSET is a signed 64-bit integer; a larger value must be refused, not overflow.
MAX_OFFSET = 2**62
# Store errors that mean "you asked for something absent or malformed", not a server fault.
STATUS_FOR_CODE = {"DL404": 404, "DL406": 400, "DL504": 400}


class ApiError(BaseModel):
    """The body of every error response: the catalogue code and its message."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str


class ApiStats(BaseModel):
    """Counts over the store (``dateline stats`` without the store's location)."""

    model_config = ConfigDict(frozen=True)

    articles: int
    outlets: int
    events: int
    linked_events: int
    clusters: int
    sources: int
    schema_version: int


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ApiError}, 404: {"model": ApiError}}

# NUL never occurs in stored text, and PostgreSQL refuses it in a parameter: reject it here.
NO_NUL = r"^[^\x00]*$"
Text = Annotated[
    str | None,
    Query(max_length=200, pattern=NO_NUL, description="Case-insensitive substring"),
]
PloverType = Annotated[str | None, Query(max_length=40, pattern=NO_NUL, description="PLOVER type")]
Outlet = Annotated[
    str | None, Query(max_length=200, pattern=NO_NUL, description="Outlet name, exactly")
]
ClusterId = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]


def _iso_day(value: object) -> object:
    """Accept a date only as YYYY-MM-DD text: pydantic would read '0' as a Unix timestamp."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("use YYYY-MM-DD")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Day = Annotated[date | None, BeforeValidator(_iso_day), Query(description="YYYY-MM-DD, inclusive")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]


class _Reader:
    """Serialises store reads (an embedded DuckDB connection is not shared across threads)
    and caches timelines until the store's counts change."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._timelines: dict[tuple, Timeline] = {}

    @contextmanager
    def reading(self) -> Iterator[Store]:
        with self._lock:
            yield self.store

    def warm(self) -> None:
        """Build the unfiltered timeline into the cache; a failure waits for a request."""
        try:
            self.timeline(None, None, None)
        except DatelineError as exc:
            logger.warning("timeline warm-up failed: %s", exc)

    def timeline(self, about: str | None, date_from: date | None, date_to: date | None) -> Timeline:
        with self.reading() as store:
            counts = store.stats()
            key = (about, date_from, date_to, counts.articles, counts.events, counts.clusters)
            if key not in self._timelines:
                if len(self._timelines) > 32:
                    self._timelines.clear()
                mentions = store.mentions()
                self._timelines[key] = build_timeline(
                    mentions, about=about, date_from=date_from, date_to=date_to
                )
            return self._timelines[key]


def create_app(store: Store) -> FastAPI:
    """Build the read-only API and page over an open store.

    Args:
        store: an open ``dateline.storage.Store``; the caller closes it.

    Returns:
        A FastAPI application; serve it with uvicorn (``dateline serve`` does).
    """
    reader = _Reader(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Build the default timeline while the first visitor's page loads its scripts.
        threading.Thread(target=reader.warm, name="timeline-warm-up", daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="dateline",
        summary="Read-only API over a dateline store: articles, events, linked events, "
        "timelines and figure series.",
        version="1",
        docs_url=None,  # the interactive docs load scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    app.middleware("http")(_security_headers)
    app.add_exception_handler(DatelineError, _dateline_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_page(app)
    _add_api(app, reader)
    return app


async def _security_headers(request: Request, call_next: Callable) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


async def _dateline_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DatelineError)
    status = STATUS_FOR_CODE.get(exc.code, 400 if isinstance(exc, InputError) else 500)
    return JSONResponse(ApiError(code=exc.code, message=str(exc)).model_dump(), status_code=status)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": ("request",), "msg": "invalid"}
    name = ".".join(str(part) for part in first["loc"][1:]) or "request"
    text = message("DL504", name=name, value=first.get("input"), reason=first["msg"])
    # 422 keeps FastAPI's documented validation status; "detail" keeps its documented shape.
    body = {"code": "DL504", "message": text, "detail": _plain(exc.errors())}
    return JSONResponse(body, status_code=422)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    """An unknown path or method, answered like every other error: coded JSON (DL506)."""
    assert isinstance(exc, HTTPException)
    reason = exc.detail if isinstance(exc.detail, str) else "error"
    text = message("DL506", path=request.url.path, status=exc.status_code, reason=reason)
    return JSONResponse(
        ApiError(code="DL506", message=text).model_dump(),
        status_code=exc.status_code,
        headers=exc.headers,
    )


def _plain(errors: Any) -> Any:
    """JSON-safe copy of validation errors (their ``ctx`` may hold exception objects)."""
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]


def _add_page(app: FastAPI) -> None:
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


def _add_api(app: FastAPI, reader: _Reader) -> None:
    @app.get("/api/stats", response_model=ApiStats, tags=["store"])
    def stats() -> ApiStats:
        """Counts of articles, outlets, events, linked events, clusters and sources."""
        with reader.reading() as store:
            counts: StoreStats = store.stats()
        return ApiStats(**counts.model_dump(exclude={"backend", "url"}))

    @app.get(
        # ":path" because article ids are free text: "a/b" arrives as "a%2Fb", which the
        # server decodes before routing, so a plain segment would never match it.
        "/api/articles/{article_id:path}",
        response_model=Extraction,
        responses=ERRORS,
        tags=["articles"],
    )
    def article(
        article_id: Annotated[str, Path(max_length=200, pattern=NO_NUL)],
    ) -> Extraction:
        """One article with its text and every record extracted from it, with spans."""
        with reader.reading() as store:
            return store.article(article_id)

    @app.get("/api/events", response_model=Page[StoredEvent], responses=ERRORS, tags=["events"])
    def events(
        q: Text = None,
        place: Text = None,
        actor: Text = None,
        type: PloverType = None,
        outlet: Outlet = None,
        date_from: Day = None,
        date_to: Day = None,
        cluster: ClusterId = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Page[StoredEvent]:
        """Stored events in date order, filtered by free text, place (name substring or ISO
        country code), actor (an actor's or target's name), PLOVER type, outlet, cluster and
        date range (events whose date overlaps it)."""
        flt = EventFilter(
            text=q,
            place=place,
            actor=actor,
            type=type,
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
            cluster=cluster,
        )
        with reader.reading() as store:
            items = store.events(flt, limit=limit, offset=offset)
            total = store.count_events(flt)
        return Page[StoredEvent](items=items, total=total, limit=limit, offset=offset)

    @app.get("/api/linked", response_model=Page[LinkedEvent], responses=ERRORS, tags=["events"])
    def linked(
        q: Text = None,
        type: PloverType = None,
        outlet: Outlet = None,
        date_from: Day = None,
        date_to: Day = None,
        min_mentions: Annotated[int, Query(ge=1, le=1000)] = 2,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Page[LinkedEvent]:
        """Linked events: clusters of mentions that report the same real-world event, with
        every mention; by default only clusters reported at least twice."""
        flt = EventFilter(
            text=q,
            type=type,
            outlet=outlet,
            date_from=date_from,
            date_to=date_to,
            unlinked=False,
        )
        with reader.reading() as store:
            matching = {m.cluster for m in store.mentions(flt)}
            if not matching:
                return page_of([], limit, offset)
            members: list[EventMention] = [
                m for m in store.mentions(unlinked=False) if m.cluster in matching
            ]
        return page_of(group_clusters(members, min_mentions), limit, offset)

    @app.get("/api/timeline", response_model=Timeline, responses=ERRORS, tags=["timeline"])
    def timeline(
        response: Response,
        about: Text = None,
        date_from: Day = None,
        date_to: Day = None,
        q: Text = None,
        type: PloverType = None,
        place: Text = None,
        outlet: Outlet = None,
        limit: Annotated[int | None, Query(ge=1, le=100_000)] = None,
        offset: Offset = 0,
    ) -> Timeline:
        """The timeline of linked events, the same JSON as `dateline timeline --format json`
        for ``about``, ``date_from`` and ``date_to``; ``q``, ``type``, ``place`` and
        ``outlet`` then keep the matching entries (with their contradictions and figure
        series), and ``limit``/``offset`` page the entries (header X-Total-Count)."""
        full = reader.timeline(about, date_from, date_to)
        shown = filter_timeline(full, text=q, type_=type, place=place, outlet=outlet)
        response.headers["X-Total-Count"] = str(len(shown.entries))
        return slice_timeline(shown, limit, offset)

    @app.get("/api/figures", response_model=list[FigureSeries], responses=ERRORS, tags=["timeline"])
    def figures(about: Text = None, date_from: Day = None, date_to: Day = None) -> Any:
        """Figure series: the same counted thing reported over time, point by point with
        its value or range, date and source."""
        return reader.timeline(about, date_from, date_to).figures
