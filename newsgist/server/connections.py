"""Serving the app under uvicorn with connections that cannot exhaust the server.

uvicorn's h11 protocol, extended:

- **A header deadline.** A request's headers must be complete within ``header_timeout``
  seconds of its first byte (of the connection, for the first request); otherwise the
  client gets 408 ``header_timeout`` (or, if it sent nothing, just a close). Half-sent
  headers never hold a connection for long. The body has its own deadline
  (``BodyGuard``), idle keep-alive connections uvicorn's ``timeout_keep_alive``, and a
  client that does not read its answer is dropped ``body_timeout`` seconds after it.
- **A connection cap**, kept where connections are accepted (``Listener``), so the server
  never runs out of file descriptors, whatever the burst. Past ``max_connections`` open
  connections, the one idle the longest is closed to make room (idle connections cannot
  lock real clients out); when none is idle and no descriptor is left, the newcomer gets
  503 ``too_many_connections`` at once. The cap is fitted to the open-files limit, whose
  soft value is first raised to the hard one.
- **JSON for malformed HTTP**: 400 ``bad_http_request``, not uvicorn's plain text.

Each condition is logged once a minute at most, with a count (``newsgist.server.logs``).
"""

import asyncio
import logging
import socket
import weakref
from typing import Any, ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from newsgist.server.app import create_app
from newsgist.server.logs import LOG, limit_logs
from newsgist.server.settings import ServerSettings, error_json

KEEP_ALIVE_TIMEOUT = 5
"""Seconds an idle keep-alive connection stays open between requests (uvicorn's default)."""
SHUTDOWN_TIMEOUT = 5
"""Seconds requests in flight get to finish on SIGTERM before their workers are killed."""
_RESERVED_FILES = 32
"""Open files kept back from connections: the listening socket, the loop's, logs; and
four more per worker for its pipes."""


def raw_response(status: int, reason: str, code: str, message: str) -> bytes:
    """Build a whole HTTP/1.1 JSON error response that closes the connection."""
    body = error_json(code, message)
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class Gate:
    """Counts open connections; past the cap it reclaims idle ones, past ``room`` it refuses."""

    def __init__(self, cap: int, room: int) -> None:
        self.cap = cap
        self.room = room
        self.open = 0
        self.connections: weakref.WeakSet[GuardedProtocol] = weakref.WeakSet()
        self.reclaimed: weakref.WeakSet[GuardedProtocol] = weakref.WeakSet()

    def freeing(self) -> bool:
        """Whether every place is taken but reclaimed ones come free on the next pass."""
        return self.open >= self.room and len(self.reclaimed) > 0

    def admit(self, conn: "Counted") -> bool:
        """Count ``conn`` in (until it closes) if a descriptor can be spared for it."""
        making_room = self.open >= self.cap and self._reclaim()
        if self.open >= self.room and not making_room:  # a closed idle one frees its place
            LOG.warning("%d connections open, none idle: new ones answered 503", self.open)
            return False
        self.open += 1
        conn.release = weakref.finalize(conn, self._released)
        return True

    def _released(self) -> None:
        self.open -= 1

    def _reclaim(self) -> bool:
        """Close the connection idle the longest (its descriptor is free on the next pass).

        Return whether there was one to close.
        """
        idle = [
            connection
            for connection in self.connections
            if connection.idle_since is not None and not connection.transport.is_closing()
        ]
        if idle:
            LOG.warning("%d connections open (the cap): closing the longest idle", self.open)
            oldest = min(idle, key=lambda connection: connection.idle_since or 0.0)
            self.reclaimed.add(oldest)
            oldest.transport.abort()
        return bool(idle)


class Counted(socket.socket):
    """An accepted connection's socket, counted by the gate until it is closed."""

    release: "weakref.finalize[[], Counted] | None" = None

    def close(self) -> None:
        """Close the socket and give its place back."""
        if self.release is not None:
            self.release()
        super().close()


class Listener(socket.socket):
    """The listening socket: accepts only the connections the gate admits.

    asyncio calls ``accept`` in a loop each time the socket is readable; a connection past
    the room is answered 503 and closed right here, before it can hold a descriptor, unless
    idle connections closed to make room are about to free theirs.
    """

    gate: Gate

    def accept(self) -> tuple[socket.socket, Any]:
        """Return the next admitted connection; refuse (503, close) the ones before it."""
        while True:
            if self.gate.freeing():  # leave the rest queued in the kernel until the next pass
                raise BlockingIOError
            fd, address = self._accept()  # type: ignore[attr-defined]
            conn = Counted(self.family, self.type, self.proto, fileno=fd)
            if self.gate.admit(conn):
                return conn, address
            message = f"the server has {self.gate.open} connections open; retry later"
            try:
                conn.setblocking(False)
                conn.send(raw_response(503, "Service Unavailable", "too_many_connections", message))
            except OSError:
                pass
            conn.close()


class GuardedProtocol(H11Protocol):
    """uvicorn's h11 protocol with a header deadline, idle tracking for the gate, JSON 400s."""

    settings: ClassVar[ServerSettings]
    gate: ClassVar[Gate]

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - uvicorn's own
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None
        self.idle_since: float | None = None
        """When the connection began waiting for a request; None while one is in."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Let the gate see the connection, and start the header deadline."""
        super().connection_made(transport)
        self.idle_since = self.loop.time()
        self.gate.connections.add(self)
        self._start_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        """Forget the header deadline, and the connection in the gate."""
        self._stop_header_timer()
        self.idle_since = None
        self.gate.connections.discard(self)
        self.gate.reclaimed.discard(self)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """Start the header deadline on a request's first byte; stop it once headers are in."""
        if self.conn.their_state is h11.IDLE:
            self._start_header_timer()
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._stop_header_timer()
            self.idle_since = None

    def on_response_complete(self) -> None:
        """Mark the connection idle again, and give the client a deadline to read the answer."""
        super().on_response_complete()
        if self.transport.get_write_buffer_size():
            timeout = self.settings.body_timeout
            self.loop.call_later(timeout, self._response_too_slow, self.transport)
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self.idle_since = self.loop.time()

    def _response_too_slow(self, transport: asyncio.Transport) -> None:
        """Drop a connection whose client left its answer unread for ``body_timeout``."""
        if transport is self.transport and transport.get_write_buffer_size():
            LOG.warning(
                "dropped connections that left a response unread for %g s",
                self.settings.body_timeout,
            )
            transport.abort()

    def send_400_response(self, msg: str) -> None:
        """Answer a malformed request with a JSON 400 and close, as uvicorn would in text."""
        self.transport.write(raw_response(400, "Bad Request", "bad_http_request", msg))
        self.transport.close()

    def _start_header_timer(self) -> None:
        if self._header_timer is None:
            timeout = self.settings.header_timeout
            self._header_timer = self.loop.call_later(timeout, self._headers_too_slow)

    def _stop_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        """Close a connection whose request headers missed their deadline."""
        self._header_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        timeout = self.settings.header_timeout
        LOG.warning("closed connections whose request headers took over %g s", timeout)
        if self.conn.trailing_data[0]:  # part of a request came: say why it is refused
            message = f"the request headers did not arrive within {timeout:g} s"
            self.transport.write(raw_response(408, "Request Timeout", "header_timeout", message))
        self.transport.close()


def raise_open_files_limit() -> int:
    """Raise this process's soft open-files limit to the hard one; return the new soft limit."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 2**20 if hard == resource.RLIM_INFINITY else min(hard, 2**20)
    if wanted > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):
            return soft
        return wanted
    return soft


def connection_limits(settings: ServerSettings, open_files: int) -> tuple[int, int]:
    """Return the connection cap and the descriptors connections may hold in all.

    Between them is headroom for a burst: an idle connection closed to make room frees
    its descriptor only on the loop's next pass.
    """
    room = max(2, open_files - _RESERVED_FILES - 4 * settings.workers)
    cap = max(1, min(settings.max_connections, room * 3 // 4))
    if cap < settings.max_connections:
        LOG.warning(
            "open-files limit %d allows %d connections, not %d",
            open_files,
            cap,
            settings.max_connections,
        )
    return cap, room


def serve(settings: ServerSettings, *, host: str, port: int) -> None:
    """Run the service on ``host``:``port`` until interrupted (``newsgist serve``)."""
    import uvicorn

    cap, room = connection_limits(settings, raise_open_files_limit())
    chosen, admitting = settings, Gate(cap, room)

    class Protocol(GuardedProtocol):
        settings = chosen
        gate = admitting

    level = settings.log_level.upper()
    config = uvicorn.Config(
        create_app(settings),
        host=host,
        port=port,
        http=Protocol,
        ws="none",
        lifespan="on",
        # uvicorn's own start-up lines and access log give way to ours; its warnings stay
        log_level=logging.DEBUG if level == "DEBUG" else logging.WARNING,
        log_config=log_config(level),
        access_log=False,
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        timeout_graceful_shutdown=SHUTDOWN_TIMEOUT,
    )
    limit_logs("uvicorn.error", "asyncio")
    listener = Listener(fileno=config.bind_socket().detach())
    listener.gate = admitting

    class Announced(uvicorn.Server):
        """uvicorn's server, saying once where it listens when it is ready for requests."""

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if not self.should_exit:
                LOG.info(listening_line(settings, listener.getsockname(), cap))

    Announced(config).run(sockets=[listener])


def log_config(level: str) -> dict[str, Any]:
    """Return uvicorn's logging set-up plus newsgist's loggers, timestamped on stderr."""
    from uvicorn.config import LOGGING_CONFIG

    logs = {
        **LOGGING_CONFIG,
        "formatters": {
            **LOGGING_CONFIG["formatters"],
            "newsgist": {
                "format": "%(asctime)s %(levelname)s %(message)s",
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            },
        },
        "handlers": {
            **LOGGING_CONFIG["handlers"],
            "newsgist": {
                "formatter": "newsgist",
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
            },
        },
        "loggers": {**LOGGING_CONFIG["loggers"]},
    }
    logs["loggers"]["newsgist"] = {"handlers": ["newsgist"], "level": level, "propagate": False}
    return logs


def listening_line(settings: ServerSettings, address: Any, connections: int) -> str:  # noqa: ANN401 - a socket address
    """Say where the service listens and with what limits, in one line."""
    host, port = address[0], address[1]
    shown = f"[{host}]" if ":" in host else host
    workers = f"{settings.workers} worker{'s' if settings.workers != 1 else ''}"
    return (
        f"newsgist listening on http://{shown}:{port} ({workers}, token"
        f" {'on' if settings.token else 'off'}, bodies up to {settings.max_body_bytes:,} bytes,"
        f" {settings.request_timeout:g} s per summary, {connections:,} connections)"
    )
