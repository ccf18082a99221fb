"""The service's settings, and the stable JSON error every failure is answered with."""

import json
from dataclasses import dataclass, field

from newsgist.errors import (
    ContentTypeError,
    EncodingError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputTooLargeError,
    InvalidInputError,
    InvalidOptionError,
    ModelError,
    NewsgistError,
    UnknownNameError,
    UnsafeURLError,
)
from newsgist.ingest import DEFAULT_MAX_BYTES
from newsgist.ingest.fetch import FetchOptions

DEFAULT_REQUEST_TIMEOUT = 30.0
DEFAULT_WORKER_MEMORY = 2 * 2**30
"""Bytes of data segment a worker process may use (RLIMIT_DATA) before its request gets 413."""
DEFAULT_MAX_CONNECTIONS = 2048
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 30.0
DEFAULT_DRAIN_BYTES = 16 * 2**20
"""Bytes past the body limit still read (and dropped) so a client sees its 413, not a reset."""
TOKEN_ENV = "NEWSGIST_API_TOKEN"
LOG_LEVELS = ("debug", "info", "warning", "error")
"""``info`` logs the listening line and a line per request; ``warning`` only problems."""

ERRORS: tuple[tuple[type[NewsgistError], int, str], ...] = (
    (InputTooLargeError, 413, "input_too_large"),
    (EncodingError, 422, "invalid_unicode"),
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
    """How the service behaves; one frozen object, safe to share and to send to workers.

    ``workers`` summarizer processes each take one request at a time; ``worker_memory``
    caps each one's data segment (``None``: no cap). ``plugins`` are modules imported in
    the server and in every worker, so methods they register are served. ``log_level``
    sets what ``newsgist serve`` writes to stderr (``LOG_LEVELS``).
    """

    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BYTES
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT
    fetch: FetchOptions = field(default_factory=FetchOptions)
    workers: int = 1
    worker_memory: int | None = DEFAULT_WORKER_MEMORY
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    body_timeout: float = DEFAULT_BODY_TIMEOUT
    drain_bytes: int = DEFAULT_DRAIN_BYTES
    plugins: tuple[str, ...] = ()
    log_level: str = "info"

    def __post_init__(self) -> None:
        if self.log_level not in LOG_LEVELS:
            raise InvalidOptionError(
                f"log_level must be one of {', '.join(LOG_LEVELS)}, not {self.log_level!r}"
            )
        if self.token is not None and len(self.token) < 16:
            raise InvalidOptionError("an API token must be at least 16 characters")
        for name in ("max_body_bytes", "workers", "max_connections"):
            if getattr(self, name) < 1:
                raise InvalidOptionError(f"{name} must be positive, not {getattr(self, name)}")
        for name in ("request_timeout", "header_timeout", "body_timeout"):
            if not getattr(self, name) > 0:
                raise InvalidOptionError(f"{name} must be positive, not {getattr(self, name)}")
        if self.worker_memory is not None and self.worker_memory < 2**26:
            raise InvalidOptionError(
                f"worker_memory must be at least 64 MiB, not {self.worker_memory:,} bytes"
            )
        if self.drain_bytes < 0:
            raise InvalidOptionError(f"drain_bytes must be 0 or more, not {self.drain_bytes}")


def error_status(error: NewsgistError) -> tuple[int, str]:
    """Return the HTTP status and stable code for a newsgist error."""
    for kind, status, code in ERRORS:
        if isinstance(error, kind):
            return status, code
    raise AssertionError("NewsgistError is the last row")  # pragma: no cover


def error_json(code: str, message: str, request_id: str | None = None) -> bytes:
    """Encode the error body every failure uses; ASCII-escaped, so any message encodes."""
    error = {"code": code, "message": message}
    if request_id is not None:
        error["request_id"] = request_id
    return json.dumps({"error": error}).encode("ascii")
