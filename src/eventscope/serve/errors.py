"""The one JSON error shape of the API, for every failure (validation, not found, auth, bugs).

    {"error": {"code": "invalid_parameter", "message": "one line saying what to do", "details": [...]}}

``details`` is a list (empty when there is nothing more to say); for invalid parameters each item
names the ``parameter`` and what is wrong with it. ``tests/test_api_errors.py`` checks every endpoint.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventscope.errors import EventscopeError, GazetteerError, InputError, ModelError, NotFoundError

log = logging.getLogger("eventscope.serve")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the routes raise on purpose, with its HTTP status and code."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None, details: list[Any] | None = None
    ):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details or []


def error_response(
    status: int, message: str, *, code: str | None = None, details: list[Any] | None = None
) -> JSONResponse:
    body = {
        "error": {"code": code or CODES.get(status, "error"), "message": message, "details": details or []}
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _parameter(loc: tuple[Any, ...] | list[Any]) -> str:
    # ("query", "bbox") -> "bbox"; ("body", "articles", 0, "text") -> "articles[0].text"
    name = ""
    for part in list(loc)[1:]:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or str(loc[0] if loc else "request")


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        message = str(err.get("msg", "invalid"))
        message = message.removeprefix("Value error, ")
        details.append({"parameter": _parameter(err.get("loc", ())), "message": message})
    return details


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure through :func:`error_response`."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        first = details[0] if details else {"parameter": "request", "message": "invalid"}
        message = f"invalid {first['parameter']}: {first['message']}"
        if len(details) > 1:
            message += f" (and {len(details) - 1} more)"
        return error_response(422, message, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail) if exc.detail else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page; the API is under /api/ (see /docs)"
        return error_response(exc.status_code, message)

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, code=exc.code, details=exc.details)

    @app.exception_handler(NotFoundError)
    async def _not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(InputError)
    async def _bad_input(_: Request, exc: InputError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(EventscopeError)
    async def _ours(_: Request, exc: EventscopeError) -> JSONResponse:
        # The store, gazetteer or model is not usable: a server-side condition the operator fixes.
        status = 503 if isinstance(exc, GazetteerError | ModelError) else 500
        log.error("%s: %s", type(exc).__name__, exc)
        return error_response(status, str(exc), code=CODES[status])

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal error; see the server log and report this bug")
