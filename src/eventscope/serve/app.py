"""The app factory: the JSON API under ``/api``, the map and event pages, and their static files.

The pages are shells: their scripts read the JSON API, so the UI shows exactly what the API
serves and every article-derived string reaches the page as text (``textContent``), never HTML.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from eventscope import __version__
from eventscope.serve import api
from eventscope.serve.assets import ensure_assets
from eventscope.serve.errors import install_error_handlers
from eventscope.store import open_store

if TYPE_CHECKING:
    from eventscope.resolve.geo.gazetteer import Gazetteer

HERE = Path(__file__).parent
log = logging.getLogger("eventscope.serve")
# Our pages load only our own files; tiles (when a tile URL is set) are images from that host.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: {tiles}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


def _tile_origin(tile_url: str | None) -> str:
    if not tile_url:
        return ""
    scheme, _, rest = tile_url.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return f"{scheme}://{host}"


def create_app(
    store_url: str,
    *,
    token: str | None = None,
    tile_url: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> FastAPI:
    """The web app over the database at ``store_url``.

    ``token`` enables ``POST /api/ingest`` for requests that send it as a Bearer token (off when None).
    ``tile_url`` (``https://tile.example/{z}/{x}/{y}.png``) adds a tile layer under the local borders.
    ``gazetteer`` is loaded on first use when not given.
    """
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventscope",
        version=__version__,
        description="Geocoded, source-attributed events extracted from news reports. Errors always have the "
        'shape `{"error": {"code": ..., "message": ..., "details": [...]}}`.',
    )
    app.state.services = api.Services(store=store, token=token, gazetteer=gazetteer)
    install_error_handlers(app)
    app.include_router(api.router)
    if not ensure_assets():
        log.warning("web map files missing: run `make install` (npm ci); the JSON API works without them")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")  # autoescapes .html
    config = json.dumps({"tileUrl": tile_url, "version": __version__})
    csp = CSP.format(tiles=_tile_origin(tile_url))

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        response = templates.TemplateResponse(request, name, {"config": config, **context})
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        return page(request, "map.html")

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(
        request: Request, event_id: Annotated[str, PathParam(pattern=api.ID_PATTERN)]
    ) -> HTMLResponse:
        return page(request, "event.html", event_id=event_id)

    return app
