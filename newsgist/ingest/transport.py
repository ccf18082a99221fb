"""Socket I/O for one fetch, held to its total deadline: connect, TLS, headers and body.

httpcore gives each socket operation its own timeout, so a server that sends one byte a
second never trips the read timeout and keeps a download alive for ever (while the headers
arrive as well as the body). ``DeadlineBackend`` caps the timeout of every operation at the
time left before the fetch's deadline and raises ``PastDeadline`` once it has passed: the
sockets' own timeouts do the work, so no thread is started and none is left behind.
Imported by ``newsgist.ingest.fetch`` on first use, since httpcore comes with the ``html``
extra.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import httpcore

Result = TypeVar("Result")


class PastDeadline(Exception):  # noqa: N818 - a signal between two modules, not an error shown
    """The fetch's total deadline passed before or during a socket operation."""


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's standard sockets, each operation capped at the time left to ``deadline``."""

    def __init__(self, deadline: float) -> None:
        self._deadline = deadline
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect to ``host``:``port`` within the connect timeout and the deadline."""
        stream = _within(
            self._deadline,
            timeout,
            lambda left: self._sockets.connect_tcp(host, port, left, local_address, socket_options),
        )
        return DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Refuse: a fetch only ever connects to the TCP address it has checked."""
        raise httpcore.ConnectError(f"unix sockets are not fetched ({path})")

    def sleep(self, seconds: float) -> None:
        """Sleep, but never past the deadline (httpcore sleeps between connection retries)."""
        time.sleep(max(min(seconds, self._deadline - time.monotonic()), 0.0))


class DeadlineStream(httpcore.NetworkStream):
    """One connection whose reads, writes and TLS handshake all end by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Read what has arrived, waiting no longer than the read timeout or the deadline."""
        return _within(self._deadline, timeout, lambda left: self._stream.read(max_bytes, left))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """Send ``buffer`` within the write timeout and the deadline."""
        _within(self._deadline, timeout, lambda left: self._stream.write(buffer, left))

    def close(self) -> None:
        """Close the connection."""
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        """Run the TLS handshake within the connect timeout and the deadline."""
        secure = _within(
            self._deadline,
            timeout,
            lambda left: self._stream.start_tls(ssl_context, server_hostname, left),
        )
        return DeadlineStream(secure, self._deadline)

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's own signature
        """Pass httpcore's questions (socket, TLS object, readability) to the connection."""
        return self._stream.get_extra_info(info)


def _within(deadline: float, timeout: float | None, operation: Callable[[float], Result]) -> Result:
    """Run ``operation`` with its timeout capped at the time left, or raise ``PastDeadline``."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise PastDeadline
    capped = left if timeout is None else min(timeout, left)
    try:
        return operation(capped)
    except httpcore.TimeoutException:
        if capped == left:
            raise PastDeadline from None
        raise
