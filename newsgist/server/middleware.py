"""ASGI middleware: a request id and log line per request, bodies in limits, JSON errors."""

import asyncio
import json
import logging
import re
import secrets
import time
from typing import TYPE_CHECKING

from newsgist.server.logs import ACCESS, LOG
from newsgist.server.settings import error_json

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

Headers = list[tuple[bytes, bytes]]


async def respond(
    send: "Send",
    status: int,
    code: str,
    message: str,
    *,
    close: bool = False,
    headers: Headers | None = None,
    ident: str | None = None,
) -> None:
    """Send a whole JSON error response; ``close`` ends the connection after it.

    ``ident`` is the request's id, written into the body as ``error.request_id``.
    """
    body = error_json(code, message, ident)
    head: Headers = [
        *(headers or []),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if close:
        head.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """Read each request body within its size and time limits before the app sees it.

    A body over ``limit`` bytes gets 413 ``body_too_large``. A client that did not wait
    for ``100 Continue`` sends its body anyway, so up to ``drain`` more bytes are read and
    dropped first: it then reads its 413 rather than a connection reset. A body not in
    within ``timeout`` seconds of its headers gets 408 ``body_timeout``. Both close the
    connection. An accepted body is replayed to the app in one piece.
    """

    def __init__(self, app: "ASGIApp", *, limit: int, drain: int, timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.drain = drain
        self.timeout = timeout

    async def __call__(self, scope: "Scope", receive: "Receive", send: "Send") -> None:
        """Check the declared length, read the body, then run the app on it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"")
        size = int(declared) if declared.isdigit() and len(declared) < 19 else None
        waiting = b"100-continue" in headers.get(b"expect", b"").lower()
        if size is not None and size > self.limit and (waiting or size > self.limit + self.drain):
            await self._refuse(send)  # nothing sent yet, or too much to read: answer now
            return
        body = await self._read(receive, send)
        if body is not None:
            await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: "Receive", send: "Send") -> bytes | None:
        """Return the body, or None once the request is answered (413, 408) or gone."""
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.timeout):
                while True:
                    message = await receive()
                    if message["type"] != "http.request":  # the client went away
                        return None
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size <= self.limit:
                        chunks.append(chunk)
                    else:
                        chunks.clear()
                    if size > self.limit + self.drain or not message.get("more_body", False):
                        break
        except TimeoutError:
            LOG.warning("request bodies not in within %g s: answered 408", self.timeout)
            await respond(
                send,
                408,
                "body_timeout",
                f"the request body did not arrive within {self.timeout:g} s",
                close=True,
            )
            return None
        if size > self.limit:
            await self._refuse(send)
            return None
        return b"".join(chunks)

    async def _refuse(self, send: "Send") -> None:
        await respond(
            send,
            413,
            "body_too_large",
            f"request body is over the {self.limit:,}-byte limit",
            close=True,
        )


def _replay(body: bytes, receive: "Receive") -> "Receive":
    """Build a ``receive`` that gives the whole body first, then defers to the real one."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replayed() -> "Message":
        return pending.pop() if pending else await receive()

    return replayed


class _HttpOnly:
    """Middleware for HTTP requests: anything else (the lifespan) passes straight through."""

    def __init__(self, app: "ASGIApp") -> None:
        self.app = app

    async def __call__(self, scope: "Scope", receive: "Receive", send: "Send") -> None:
        """Hand an HTTP request to ``handle``, anything else to the app."""
        if scope["type"] == "http":
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def handle(self, scope: "Scope", receive: "Receive", send: "Send") -> None:
        """Answer one HTTP request through the app."""
        raise NotImplementedError


class JsonErrors(_HttpOnly):
    """Make every error response JSON, and any exception nothing handled a logged JSON 500.

    The app answers its own errors in JSON; this catches the rest (a plain-text error from
    a middleware such as CORS, a bug) so a client never reads ``text/plain`` for an error.
    """

    async def handle(self, scope: "Scope", receive: "Receive", send: "Send") -> None:
        """Run the app, rewriting non-JSON error responses and catching its exceptions."""
        started = False
        held: Message | None = None
        parts: list[bytes] = []

        async def send_json(message: "Message") -> None:
            nonlocal started, held
            if message["type"] == "http.response.start":
                started = True
                if message["status"] >= 400 and not _is_json(message.get("headers", [])):
                    held = message
                    return
            elif held is not None:
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await _as_json(send, held, b"".join(parts))
                return
            await send(message)

        try:
            await self.app(scope, receive, send_json)
        except Exception:
            LOG.exception(
                "unexpected error answering %s %s (request %s)",
                scope["method"],
                printable(scope["path"]),
                request_id(scope),
            )
            if not started:
                await respond(send, 500, "internal_error", "the server failed unexpectedly")


def _is_json(headers: Headers) -> bool:
    for name, value in headers:
        if name.lower() == b"content-type":
            kind = value.split(b";")[0].strip().lower()
            return kind == b"application/json" or kind.endswith(b"+json")
    return False


async def _as_json(send: "Send", start: "Message", body: bytes) -> None:
    """Send a held non-JSON error response again as a JSON error, keeping its other headers."""
    status = start["status"]
    text = body.decode("utf-8", "replace").strip() or f"HTTP {status}"
    kept = [
        (name, value)
        for name, value in start.get("headers", [])
        if name.lower() not in (b"content-type", b"content-length")
    ]
    await respond(send, status, f"http_{status}", text[:500], headers=kept)


REQUEST_ID_HEADER = b"x-request-id"
_GIVEN_ID = re.compile(rb"[A-Za-z0-9._:-]{1,64}")
"""A caller's own request id is kept when it is this plain (a proxy's, a trace's)."""
_UNPRINTABLE = re.compile(r"[\x00-\x20\x7f-\x9f\\]")
_QUIET_PATHS = frozenset({"/healthz"})
"""Paths logged at DEBUG, not INFO: a health check every few seconds is no news."""


def request_id(scope: "Scope") -> str:
    """Return the id ``AccessLog`` gave this request ("-" outside it)."""
    return str(scope.get("state", {}).get("request_id", "-"))


def printable(text: str, limit: int = 200) -> str:
    """Escape control characters and cut to ``limit``: a path cannot forge or flood a log line."""
    escaped = _UNPRINTABLE.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
    return escaped if len(escaped) <= limit else escaped[:limit] + "…"


class AccessLog(_HttpOnly):
    """Give each request an id and log one line for it: method, path, status, milliseconds.

    The id is the caller's ``X-Request-ID`` when it is a plain token, else a new random one;
    it is sent back in the ``X-Request-ID`` header and inside every JSON error
    (``error.request_id``), so a user's report finds its log line. A request the client left
    before any answer logs status 0.
    """

    async def handle(self, scope: "Scope", receive: "Receive", send: "Send") -> None:
        """Run the app with the id in ``scope["state"]``; log the line when it is done."""
        given = dict(scope["headers"]).get(REQUEST_ID_HEADER, b"")
        ident = given.decode() if _GIVEN_ID.fullmatch(given) else secrets.token_hex(8)
        scope.setdefault("state", {})["request_id"] = ident
        started = time.perf_counter()
        status = 0
        held: Message | None = None
        flushed = False
        parts: list[bytes] = []

        async def send_with_id(message: "Message") -> None:
            nonlocal status, held, flushed
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", []), (REQUEST_ID_HEADER, ident.encode())]
                message = {**message, "headers": headers}
                if status >= 400 and _is_json(headers):
                    held = message  # an error: its body gets the id, so its length changes
                    return
            elif held is not None and message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = _with_id(b"".join(parts), ident)
                length = str(len(body)).encode()
                headers = [
                    (name, length if name.lower() == b"content-length" else value)
                    for name, value in held.get("headers", [])
                ]
                await send({**held, "headers": headers})
                flushed = True
                message = {"type": "http.response.body", "body": body}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
            if held is not None and not flushed:  # an error began and its body never came
                status = 500
                LOG.error("request %s failed in the middle of its error response", ident)
                own = [(REQUEST_ID_HEADER, ident.encode())]
                message = "the server failed unexpectedly"
                await respond(send, 500, "internal_error", message, headers=own, ident=ident)
        finally:
            level = logging.DEBUG if scope["path"] in _QUIET_PATHS else logging.INFO
            ACCESS.log(
                level,
                "%s %s %d %.1f ms id=%s",
                scope["method"],
                printable(_raw_path(scope)),
                status,
                1000 * (time.perf_counter() - started),
                ident,
            )


def _raw_path(scope: "Scope") -> str:
    """Return the path as sent (percent-encoded, no query): one token for the log line."""
    raw = scope.get("raw_path")
    return raw.split(b"?")[0].decode("latin-1") if raw else str(scope["path"])


def _with_id(body: bytes, ident: str) -> bytes:
    """Add ``request_id`` to a JSON error body; any other body is left as it is."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        data["error"]["request_id"] = ident
        return json.dumps(data).encode("ascii")
    return body
