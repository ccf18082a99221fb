"""A real HTTP(S) server on a loopback address, started by a test, with routes it defines."""

from __future__ import annotations

import http.server
import ssl
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """A running test server: its base URL and the paths and User-Agents it was asked for."""

    base: str
    hits: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)


def send(
    handler: http.server.BaseHTTPRequestHandler,
    body: bytes,
    content_type: str | None = "text/html",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    """A threading server that stays quiet when a client hangs up before the answer is sent."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def start(
    host: str, routes: dict[str, Route], context: ssl.SSLContext | None = None
) -> Iterator[Server]:
    """Serve ``routes`` (path → handler) on ``host`` until the generator is closed."""
    server_box: list[Server] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_box[0].hits.append(self.path)
            server_box[0].agents.append(self.headers.get("User-Agent", ""))
            routes.get(self.path, lambda h: send(h, b"not here", "text/plain", 404))(self)

        def log_message(self, *args: object) -> None:
            pass

    httpd = _Server((host, 0), Handler)
    scheme = "http"
    if context is not None:
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
        scheme = "https"
    server_box.append(Server(f"{scheme}://{host}:{httpd.server_address[1]}"))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield server_box[0]
    httpd.shutdown()
    httpd.server_close()
