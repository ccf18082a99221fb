"""The ASGI app: ``POST /v1/summarize``, ``GET /v1/methods``, ``/healthz`` and a web page."""

import importlib
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsgist.__version__ import __version__
from newsgist.errors import EncodingError, MissingDependencyError, NewsgistError
from newsgist.headlines.base import DEFAULT_HEADLINE, DEFAULT_HEADLINE_WORDS
from newsgist.methods.base import DEFAULT_METHOD
from newsgist.server.middleware import BodyGuard, JsonErrors
from newsgist.server.settings import ServerSettings, error_json, error_status
from newsgist.server.workers import Job, WorkerPool

if TYPE_CHECKING:
    from fastapi import FastAPI

_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline';"
    " connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'"
)
"""The page runs its own inline script; an article can never add a script, image or style."""


def create_app(settings: ServerSettings | None = None) -> "FastAPI":
    """Build the ASGI app; summaries run in ``app.state.pool``, started on first use."""
    settings = settings or ServerSettings()
    try:
        from fastapi import Depends, FastAPI, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import HTMLResponse, Response
        from pydantic import BaseModel, Field, model_validator
        from starlette.exceptions import HTTPException as StarletteHTTPException
    except ImportError:
        raise MissingDependencyError("the HTTP service", "server") from None
    for module in settings.plugins:  # fail now, not in every worker
        importlib.import_module(module)
    pool = WorkerPool(settings)

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

    def failure(status: int, code: str, message: str) -> Response:
        """Build the JSON error response every failure uses."""
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return Response(
            error_json(code, message),
            status_code=status,
            headers=headers,
            media_type="application/json",
        )

    class HTTPFailureError(Exception):
        """An error response decided before the route runs (401)."""

        def __init__(self, status: int, code: str, message: str) -> None:
            self.response = failure(status, code, message)

    async def authorize(request: Request) -> None:  # async: no thread per request
        if settings.token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(
            given.strip().encode("utf-8", "replace"), settings.token.encode()
        ):
            raise HTTPFailureError(401, "unauthorized", "missing or wrong bearer token")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()  # under a server, warm the workers before the first request
        yield
        pool.close()

    app = FastAPI(
        title="newsgist",
        version=__version__,
        description="Headlines and traceable bullet highlights for news articles.",
        lifespan=lifespan,
    )
    app.state.pool = pool

    @app.exception_handler(HTTPFailureError)
    async def on_failure(_: Request, error: HTTPFailureError) -> Response:
        return error.response

    @app.exception_handler(NewsgistError)
    async def on_newsgist_error(_: Request, error: NewsgistError) -> Response:
        return failure(*error_status(error), str(error))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_: Request, error: StarletteHTTPException) -> Response:
        return failure(error.status_code, f"http_{error.status_code}", str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
        return failure(422, "invalid_request", f"{where}: {message}" if where else message)

    @app.post("/v1/summarize", dependencies=[Depends(authorize)])
    async def summarize_route(request: SummarizeRequest) -> Response:
        """Summarize one article: the Summary JSON, each highlight with sentences and spans."""
        job = Job(**request.model_dump())
        _check_unicode(job)
        reply = await pool.run(job)
        return Response(reply.body, status_code=reply.status, media_type="application/json")

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
    app.add_middleware(
        BodyGuard,
        limit=settings.max_body_bytes,
        drain=settings.drain_bytes,
        timeout=settings.body_timeout,
    )
    app.add_middleware(JsonErrors)
    return app


def _check_unicode(job: Job) -> None:
    """Refuse text no UTF-8 encoder can write (a lone surrogate from a JSON escape): 422."""
    for name in ("text", "html", "url", "method", "headline"):
        value = getattr(job, name)
        try:
            if value is not None:
                value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise EncodingError(
                f"{name} holds a lone surrogate at character {error.start}, which is not"
                " valid Unicode"
            ) from None


@lru_cache(maxsize=1)
def _page() -> str:
    """Read the web page shipped in the package."""
    return resources.files("newsgist").joinpath("web/index.html").read_text(encoding="utf-8")
