"""The HTTP service: ``POST /v1/summarize``, ``GET /v1/methods``, ``/healthz`` and a web page.

``create_app(settings)`` builds a FastAPI app; ``serve(settings, host=, port=)`` (``newsgist
serve``) runs it under uvicorn. A service that stops what it starts:

- **Workers** (``workers``). Summaries run in worker processes, one request at a time
  each (``newsgist.server.workers``). A request past ``request_timeout`` gets 408 and its
  worker is killed and replaced; a worker over ``worker_memory`` turns its request into
  413 ``too_much_memory``; URL fetching runs there too. The event loop only does I/O, so
  health checks and other connections are answered while articles are summarized.
- **Connections** (``newsgist.server.connections``). Headers must arrive within
  ``header_timeout`` and bodies within ``body_timeout``; past ``max_connections`` the
  longest-idle connection is closed; the open-files limit is raised to its hard maximum.
- **Errors.** Every error is JSON, ``{"error": {"code": ..., "message": ...}}``, with a
  stable ``code`` (``ERRORS`` maps each ``NewsgistError`` subclass); text that is not valid
  Unicode (a lone surrogate) is 422 ``invalid_unicode``; any unexpected exception a JSON
  500 with a code, logged once.
- **Limits.** Bodies over ``max_body_bytes`` get 413 ``body_too_large``; one a client sends
  without waiting for ``100 Continue`` is read up to ``drain_bytes`` further first, so the
  client reads the 413 instead of a reset connection.
- **Access control.** With ``token`` set, every ``/v1/*`` request needs
  ``Authorization: Bearer <token>``, compared in constant time.
- **CORS** is off unless ``cors_origins`` lists origins.
- **URLs** go through ``newsgist.ingest.fetch`` with the same SSRF rules as the CLI.

Conditions (timeouts, kills, caps) are logged once a minute at most, with a count.
FastAPI and uvicorn are behind the ``server`` extra.
"""

from newsgist.errors import MissingDependencyError
from newsgist.server.app import create_app
from newsgist.server.settings import (
    DEFAULT_REQUEST_TIMEOUT,
    ERRORS,
    TOKEN_ENV,
    ServerSettings,
    error_status,
)


def serve(settings: ServerSettings, *, host: str, port: int) -> None:
    """Run the service under uvicorn until interrupted (needs the ``server`` extra)."""
    try:
        from newsgist.server.connections import serve as run
    except ImportError:
        raise MissingDependencyError("the HTTP service", "server") from None
    run(settings, host=host, port=port)


__all__ = [
    "DEFAULT_REQUEST_TIMEOUT",
    "ERRORS",
    "TOKEN_ENV",
    "ServerSettings",
    "create_app",
    "error_status",
    "serve",
]
