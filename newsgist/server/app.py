"""The ASGI app: ``POST /v1/summarize``, ``GET /v1/methods``, ``/healthz`` and a web page."""

import importlib
import inspect
import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgist.__version__ import __version__
from newsgist.errors import (
    EncodingError,
    InvalidOptionError,
    MissingDependencyError,
    NewsgistError,
)
from newsgist.headlines.base import DEFAULT_HEADLINE
from newsgist.methods.base import DEFAULT_METHOD
from newsgist.server.middleware import AccessLog, BodyGuard, JsonErrors
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
        from starlette.exceptions import HTTPException as StarletteHTTPException
    except ImportError:
        raise MissingDependencyError("the HTTP service", "server") from None
    for module in settings.plugins:  # fail now, not in every worker
        importlib.import_module(module)
    pool = WorkerPool(settings)

    request_model = _request_model()

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

    async def summarize_route(request: Any) -> Response:  # noqa: ANN401 - request_model
        """Summarize one article: the Summary JSON, each highlight with sentences and spans."""
        job = _job(request.model_dump(), settings)
        reply = await pool.run(job)
        return Response(reply.body, status_code=reply.status, media_type="application/json")

    # the body's model is made at run time from SummarizeOptions: FastAPI reads it from here
    summarize_route.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=request_model)]
    )
    app.post(
        "/v1/summarize",
        dependencies=[Depends(authorize)],
        responses={200: {"model": _response_model(), "description": "The Summary JSON."}},
    )(summarize_route)

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
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
        )
    app.add_middleware(
        BodyGuard,
        limit=settings.max_body_bytes,
        drain=settings.drain_bytes,
        timeout=settings.body_timeout,
    )
    app.add_middleware(JsonErrors)
    app.add_middleware(AccessLog)  # outermost: every answer, errors included, gets the id
    return app


def _check_unicode(request: dict[str, Any]) -> None:
    """Refuse text no UTF-8 encoder can write (a lone surrogate from a JSON escape): 422."""
    for name, value in request.items():
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            raise EncodingError(
                f"{name} holds a lone surrogate at character {error.start}, which is not"
                " valid Unicode"
            ) from None


@lru_cache(maxsize=1)
def _page() -> str:
    """Read the web page shipped in the package."""
    return resources.files("newsgist").joinpath("web/index.html").read_text(encoding="utf-8")


def _request_model() -> Any:  # noqa: ANN401 - a pydantic model class made at run time
    """Build the request body's model from ``SummarizeOptions``, so no surface can drift.

    Exactly one article source, every setting under its own name with its limits, and
    ``include_body``.
    """
    from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

    from newsgist.options import settings as summary_settings

    class Sources(BaseModel):
        """One article: exactly one of ``text``, ``html`` or ``url``."""

        # a misspelt setting is an error, not a default; true is not a number, nor "yes" true
        model_config = ConfigDict(extra="forbid", strict=True)

        text: str | None = Field(
            None, description="Plain text, a scraped page, or an HTML page (detected)."
        )
        html: str | None = Field(None, description="An HTML page.")
        url: str | None = Field(None, description="An http(s) URL to fetch (SSRF-checked).")
        include_body: bool = Field(
            False, description="Add the cleaned article body, which the spans index into."
        )

        @model_validator(mode="after")
        def one_source(self) -> "Sources":
            """Refuse a request with no article, or two of them."""
            given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
            if len(given) != 1:
                raise ValueError("give exactly one of text, html or url")
            return self

    kinds: dict[str, Any] = {
        "str": str,
        "int": int,
        "float": float,
        "bool": bool,
        "options": dict[str, str | int | float | bool | None],
    }
    fields: dict[str, Any] = {}
    for name, default, setting in summary_settings():
        kind = kinds[setting.kind]
        if setting.nullable:
            kind = kind | None
        choices: dict[str, Any] | None = (
            {"enum": [*setting.choices(), *([None] if setting.nullable else [])]}
            if setting.choices is not None
            else None
        )
        fields[name] = (
            kind,
            Field(
                {} if setting.kind == "options" else default,
                description=setting.help,
                json_schema_extra=choices,
                ge=setting.low,
                le=setting.high,
            ),
        )
    return create_model("SummarizeRequest", __base__=Sources, **fields)


def _response_model() -> Any:  # noqa: ANN401 - a pydantic model class, for the schema only
    """Describe the reply in the OpenAPI schema: the Summary JSON, its key facts in full.

    The reply is the worker's JSON as it is (``Summary.to_dict``); the model documents it.
    """
    from pydantic import BaseModel, ConfigDict

    class Open(BaseModel):
        """A part of the reply that may carry more fields than are described here."""

        model_config = ConfigDict(extra="allow")

    class HighlightOut(Open):
        """One bullet, its source sentences and their body spans."""

        text: str
        sources: list[int]
        spans: list[tuple[int, int]]
        thread: int | None = None

    class QuoteOut(Open):
        """A quotation, its span, its speaker and where the attribution names them."""

        text: str
        span: tuple[int, int]
        speaker: str | None = None
        speaker_span: tuple[int, int] | None = None
        partial: bool = False

    class FigureOut(Open):
        """A figure or date: text, span, kind (count, money, percent, measure, date)."""

        text: str
        span: tuple[int, int]
        kind: str
        counts: str | None = None

    class EntityOut(Open):
        """A person, organisation or place: canonical name, aliases, every mention."""

        name: str
        kind: str
        aliases: list[str]
        spans: list[tuple[int, int]]

    class KeywordOut(Open):
        """A keyword and its score (the best is 1.0)."""

        term: str
        score: float

    class FactsOut(Open):
        """Key facts (null when the request set facts false)."""

        quotes: list[QuoteOut]
        figures: list[FigureOut]
        dates: list[FigureOut]
        people: list[EntityOut]
        organisations: list[EntityOut]
        places: list[EntityOut]
        keywords: list[KeywordOut]
        words: int
        reading_minutes: int
        faithful: bool
        unsupported: list[str]

    class SummaryOut(Open):
        """A headline, its highlights and where they came from, and the key facts."""

        headline: str
        headline_origin: str
        highlights: list[HighlightOut]
        method: str
        language_resources: str | None = None
        facts: FactsOut | None = None

    return SummaryOut


def _job(request: dict[str, Any], server: ServerSettings) -> Job:
    """Turn a validated request into a worker's job, its settings checked now.

    The article may be no larger than the service's own body limit, and method options
    that name files on the server (a model path) are not taken from clients.
    """
    from newsgist.methods.base import declared_options
    from newsgist.options import SummarizeOptions, option_names
    from newsgist.registry import methods

    _check_unicode(request)
    sources = {key: request.pop(key) for key in ("text", "html", "url", "include_body")}
    values = {key: value for key, value in request.items() if key in option_names()}
    values["max_bytes"] = min(
        values.get("max_bytes") or server.max_body_bytes, server.max_body_bytes
    )
    options = SummarizeOptions(**values)  # InvalidOptionError / UnknownNameError: a JSON 400
    files = [
        option.name
        for option in declared_options(methods.get(options.method)) or ()
        if option.kind is Path and options.method_options.get(option.name) is not None
    ]
    if files:
        raise InvalidOptionError(
            f"method option {', '.join(files)} names a file on the server, which the service"
            " does not take from requests; start the server with the model it should use"
        )
    return Job(settings=json.dumps(options.to_dict(), sort_keys=True), **sources)
