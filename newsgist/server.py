"""The HTTP service: ``POST /v1/summarize``, ``GET /v1/methods``, ``/healthz`` and a web page.

``create_app(settings)`` builds a FastAPI app; ``newsgist serve`` runs it under uvicorn.

- **Errors.** Every error is JSON, ``{"error": {"code": ..., "message": ...}}``, with a
  stable ``code`` and a 4xx status (``ERRORS`` maps each ``NewsgistError`` subclass).
- **Limits.** Request bodies over ``max_body_bytes`` get 413 before they are read in
  full. A summary that takes longer than ``request_timeout`` gets 408; its worker thread
  still finishes, since threads cannot be killed.
- **The event loop.** Summarizing runs on a worker thread, so a slow article does not
  block the loop: health checks and other connections are still answered. Parallel
  summaries need ``--workers`` processes, because of the GIL.
- **Access control.** With ``token`` set, every ``/v1/*`` request needs
  ``Authorization: Bearer <token>``, compared in constant time.
- **CORS** is off unless ``cors_origins`` lists origins.
- **URLs** go through ``newsgist.ingest.fetch`` with the same SSRF rules as the CLI.

FastAPI and uvicorn are behind the ``server`` extra.
"""

import asyncio
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from newsgist.__version__ import __version__
from newsgist.errors import (
    ContentTypeError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    MissingDependencyError,
    ModelError,
    NewsgistError,
    UnknownNameError,
    UnsafeURLError,
)
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS
from newsgist.ingest import DEFAULT_MAX_BYTES, IngestOptions, load
from newsgist.ingest.fetch import FetchOptions, load_url
from newsgist.methods.base import DEFAULT_METHOD

if TYPE_CHECKING:
    from fastapi import FastAPI

    from newsgist.pipeline import Pipeline

DEFAULT_REQUEST_TIMEOUT = 30.0
TOKEN_ENV = "NEWSGIST_API_TOKEN"
SETTINGS_ENV = "NEWSGIST_SERVER_SETTINGS"

ERRORS: tuple[tuple[type[NewsgistError], int, str], ...] = (
    (InputTooLargeError, 413, "input_too_large"),
    (UnsafeURLError, 400, "unsafe_url"),
    (FetchTimeoutError, 422, "fetch_timeout"),
    (HTTPStatusError, 422, "fetch_status"),
    (ContentTypeError, 422, "fetch_content_type"),
    (FetchError, 422, "fetch_failed"),
    (InvalidInputError, 422, "invalid_input"),
    (InvalidOptionError, 400, "invalid_option"),
    (UnknownNameError, 400, "unknown_name"),
    (ModelError, 400, "model_error"),
    (NewsgistError, 400, "bad_request"),
)
"""Each error class (most specific first) with its HTTP status and stable code."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerSettings:
    """How the service behaves; one frozen object, safe to share across requests."""

    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BYTES
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT
    fetch: FetchOptions = field(default_factory=FetchOptions)

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 16:
            raise InvalidOptionError("an API token must be at least 16 characters")
        if self.max_body_bytes < 1:
            raise InvalidOptionError(f"max_body_bytes must be positive, not {self.max_body_bytes}")
        if not self.request_timeout > 0:
            raise InvalidOptionError(
                f"request_timeout must be positive, not {self.request_timeout}"
            )

    def to_json(self) -> str:
        """Serialise for worker processes, which rebuild the app from the environment."""
        fetch = self.fetch
        return json.dumps(
            {
                "token": self.token,
                "cors_origins": list(self.cors_origins),
                "max_body_bytes": self.max_body_bytes,
                "request_timeout": self.request_timeout,
                "allow_private": fetch.allow_private,
                "allow_networks": list(fetch.allow_networks),
                "user_agent": fetch.user_agent,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> "ServerSettings":
        """Rebuild settings written by ``to_json``."""
        data = json.loads(text)
        return cls(
            token=data["token"],
            cors_origins=tuple(data["cors_origins"]),
            max_body_bytes=data["max_body_bytes"],
            request_timeout=data["request_timeout"],
            fetch=FetchOptions(
                allow_private=data["allow_private"],
                allow_networks=tuple(data["allow_networks"]),
                user_agent=data["user_agent"],
                max_bytes=data["max_body_bytes"],
            ),
        )


def error_status(error: NewsgistError) -> tuple[int, str]:
    """Return the HTTP status and stable code for a newsgist error."""
    for kind, status, code in ERRORS:
        if isinstance(error, kind):
            return status, code
    raise AssertionError("NewsgistError is the last row")  # pragma: no cover


@lru_cache(maxsize=64)
def _pipeline(
    method: str,
    sentences: int | None,
    words: int | None,
    headline: str | None,
    headline_words: int,
    keep_title: bool,
) -> "Pipeline":
    """Build (once per distinct setting) the pipeline a request asks for."""
    from newsgist.options import SummarizeOptions
    from newsgist.pipeline import make_pipeline

    return make_pipeline(
        SummarizeOptions(
            method=method,
            sentences=sentences,
            words=words,
            headline=headline,
            headline_words=headline_words,
            keep_title=keep_title,
        )
    )


def create_app(settings: "ServerSettings | None" = None) -> "FastAPI":
    """Build the ASGI app (see the module docstring)."""
    settings = settings or ServerSettings()
    try:
        from fastapi import Depends, FastAPI, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import HTMLResponse, JSONResponse
        from pydantic import BaseModel, Field, model_validator
        from starlette.concurrency import run_in_threadpool
        from starlette.exceptions import HTTPException as StarletteHTTPException
    except ImportError as error:
        raise MissingDependencyError("the HTTP service", "server", error.name) from None

    class SummarizeRequest(BaseModel):
        """One article (exactly one of ``text``, ``html``, ``url``) and how to summarize it."""

        text: str | None = Field(None, description="Plain text or a scraped page.")
        html: str | None = Field(None, description="An HTML page.")
        url: str | None = Field(None, description="An http(s) URL to fetch (SSRF-checked).")
        method: str = Field(DEFAULT_METHOD, description="A name from GET /v1/methods.")
        sentences: int | None = Field(None, ge=1, le=50, description="Highlights (default 3).")
        words: int | None = Field(None, ge=1, description="Fill up to N words instead.")
        headline: str | None = Field(DEFAULT_HEADLINE, description="Generator, or null.")
        headline_words: int = Field(DEFAULT_HEADLINE_WORDS, ge=1, le=50)
        keep_title: bool = Field(False, description="Use the page's own title as headline.")
        include_body: bool = Field(
            False, description="Add the cleaned article body, which the spans index into."
        )

        @model_validator(mode="after")
        def one_source(self) -> "SummarizeRequest":
            """Refuse a request with no article, two of them, or two length budgets."""
            given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
            if len(given) != 1:
                raise ValueError("give exactly one of text, html or url")
            if self.sentences is not None and self.words is not None:
                raise ValueError("give sentences or words, not both")
            return self

    def failure(status: int, code: str, message: str) -> JSONResponse:
        """Build the JSON error response every failure uses."""
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(
            {"error": {"code": code, "message": message}}, status_code=status, headers=headers
        )

    class HTTPFailureError(Exception):
        """An error response decided before the route runs (401)."""

        def __init__(self, status: int, code: str, message: str) -> None:
            self.response = failure(status, code, message)

    def authorize(request: Request) -> None:
        if settings.token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(
            given.strip().encode(), settings.token.encode()
        ):
            raise HTTPFailureError(401, "unauthorized", "missing or wrong bearer token")

    app = FastAPI(
        title="newsgist",
        version=__version__,
        description="Headlines and traceable bullet highlights for news articles.",
    )

    @app.exception_handler(HTTPFailureError)
    async def on_failure(_: Request, error: HTTPFailureError) -> JSONResponse:
        return error.response

    @app.exception_handler(NewsgistError)
    async def on_newsgist_error(_: Request, error: NewsgistError) -> JSONResponse:
        return failure(*error_status(error), str(error))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return failure(error.status_code, f"http_{error.status_code}", str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
        return failure(422, "invalid_request", f"{where}: {message}" if where else message)

    def summarize(request: SummarizeRequest) -> dict[str, Any]:
        pipeline = _pipeline(
            request.method,
            request.sentences,
            request.words,
            request.headline,
            request.headline_words,
            request.keep_title,
        )
        started = time.perf_counter()
        ingest = IngestOptions(max_bytes=settings.max_body_bytes)
        if request.url:
            article = load_url(request.url, options=settings.fetch)
        else:
            kind: Literal["text", "html"] = "html" if request.html else "text"
            article = load(request.html or request.text or "", input_format=kind, options=ingest)
        fetched = time.perf_counter() - started
        summary = pipeline(article)
        result = summary.to_dict()
        result["timings"] = {"ingest": fetched, **result.get("timings", {})}
        if request.include_body:
            result["body"] = article.body
        return result

    @app.post("/v1/summarize", dependencies=[Depends(authorize)])
    async def summarize_route(request: SummarizeRequest) -> JSONResponse:
        """Summarize one article: the Summary JSON, each highlight with sentences and spans."""
        try:
            result = await asyncio.wait_for(
                run_in_threadpool(summarize, request), settings.request_timeout
            )
        except TimeoutError:
            return failure(
                408,
                "request_timeout",
                f"summarizing took longer than {settings.request_timeout:g} s",
            )
        return JSONResponse(result)

    @app.get("/v1/methods", dependencies=[Depends(authorize)])
    async def methods_route() -> dict[str, Any]:
        """List the summarization methods and headline generators this server offers."""
        from newsgist.registry import headlines, methods

        return {
            "methods": list(methods.names()),
            "default_method": DEFAULT_METHOD,
            "headlines": list(headlines.names()),
            "default_headline": DEFAULT_HEADLINE,
            "auth": settings.token is not None,
        }

    @app.get("/healthz")
    async def health() -> dict[str, str]:
        """Liveness: answers without touching the pipeline."""
        return {"status": "ok", "version": __version__}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(_page(), headers={"Content-Security-Policy": _CSP})

    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def create_app_from_env() -> "FastAPI":
    """Build the app in a uvicorn worker process from the settings ``newsgist serve`` left."""
    raw = os.environ.get(SETTINGS_ENV)
    settings = ServerSettings.from_json(raw) if raw else ServerSettings()
    if settings.token is None and os.environ.get(TOKEN_ENV):
        settings = ServerSettings(
            token=os.environ[TOKEN_ENV],
            cors_origins=settings.cors_origins,
            max_body_bytes=settings.max_body_bytes,
            request_timeout=settings.request_timeout,
            fetch=settings.fetch,
        )
    return create_app(settings)


_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline';"
    " connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'"
)
"""The page runs its own inline script; an article can never add a script, image or style."""


@lru_cache(maxsize=1)
def _page() -> str:
    """Read the web page shipped in the package."""
    return resources.files("newsgist").joinpath("web/index.html").read_text(encoding="utf-8")


class BodyLimit:
    """ASGI middleware: 413 for a body over ``limit`` bytes, declared or streamed.

    The body is read here, at most ``limit`` bytes of it, and replayed to the app, so a
    streamed body is refused as soon as it passes the limit, whatever the app would do.
    """

    def __init__(self, app: Any, limit: int) -> None:  # noqa: ANN401 - any ASGI app
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:  # noqa: ANN401
        """Check the declared length, then read and count the body before the app runs."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([body], receive), send)

    async def _refuse(self, send: Any) -> None:  # noqa: ANN401 - the ASGI send callable
        body = json.dumps(
            {
                "error": {
                    "code": "body_too_large",
                    "message": f"request body is over the {self.limit:,}-byte limit",
                }
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _replay(messages: list[Any], receive: Any) -> Any:  # noqa: ANN401 - ASGI callables
    """Build a ``receive`` that gives ``messages`` first, then defers to the real one."""
    pending = list(messages)

    async def replayed() -> Any:  # noqa: ANN401 - an ASGI message
        return pending.pop(0) if pending else await receive()

    return replayed
