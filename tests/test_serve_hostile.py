"""`newsgist serve` as a process on 127.0.0.1: what it logs, and raw sockets of hostile clients."""

import http.client
import json
import os
import resource
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from newsgist.cli import main
from tests.conftest import ROOT

STORY = (ROOT / "examples" / "article-page.txt").read_text(encoding="utf-8")
SHARE_BAR = "The mayor said the river rose.\n\n" + ("share " * 26).strip() + " x."
"""Backtracked for hours by the text ingest's share-bar rule before issue 16."""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX service")


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=15)

    def workers(self) -> list[int]:
        """The server's child processes (its workers, and multiprocessing's tracker)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def alive(pids: list[int]) -> list[int]:
    """The processes among ``pids`` still running (not gone, not zombies)."""
    running = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        if "\nState:\tZ" not in status:
            running.append(pid)
    return running


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def launch(tmp: Path, *flags: str, open_files: tuple[int, int] | None = None) -> Iterator[Server]:
    """Run `newsgist serve` with ``flags`` (and an open-files limit) until closed."""
    port = free_port()
    log = tmp / f"serve-{port}.log"
    start = "import runpy; runpy.run_module('newsgist', run_name='__main__', alter_sys=True)"
    if open_files:
        start = (
            f"import resource; resource.setrlimit(resource.RLIMIT_NOFILE, {open_files}); {start}"
        )
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-c", start, "serve", "--port", str(port), *flags],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    server = Server(process, port, log)
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, log.read_text()
        try:
            if httpx.get(f"{server.base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Iterator[Server]:
    """A server with the default settings."""
    with launch(tmp_path_factory.mktemp("plain")) as server:
        yield server


@pytest.fixture(scope="module")
def strict(tmp_path_factory) -> Iterator[Server]:
    """A server with short limits, so timeouts show within a test."""
    flags = ("--timeout", "2", "--header-timeout", "1", "--body-timeout", "1")
    with launch(tmp_path_factory.mktemp("strict"), *flags) as server:
        yield server


def read_all(sock: socket.socket) -> bytes:
    """Read until the server closes the connection (or the socket's timeout)."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def json_error(raw: bytes) -> tuple[int, str]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    assert b"content-type: application/json" in head.lower()
    return status, json.loads(body)["error"]["code"]


def wait_for_line(server: Server, text: str) -> list[str]:
    """The log's lines once one holds ``text`` (a log line is written as its request ends)."""
    deadline = time.monotonic() + 10
    while text not in (log := server.log.read_text()):
        assert time.monotonic() < deadline, log
        time.sleep(0.05)
    return log.splitlines()


def test_serve_says_once_where_it_listens_and_logs_each_request(plain):
    answer = httpx.post(f"{plain.base}/v1/summarize", json={"text": STORY}, timeout=30)
    assert answer.status_code == 200
    httpx.get(f"{plain.base}/healthz")
    ident = answer.headers["x-request-id"]
    lines = wait_for_line(plain, f"id={ident}")
    listening = [line for line in lines if " listening on " in line]
    assert len(listening) == 1
    assert f"listening on http://127.0.0.1:{plain.port} (1 worker, token off," in listening[0]
    (request,) = [line for line in lines if f"id={ident}" in line]
    assert " INFO POST /v1/summarize 200 " in request
    assert not any("/healthz" in line for line in lines)  # health checks: debug only


@pytest.mark.sleeps
def test_log_level_warning_keeps_only_problems(tmp_path):
    with launch(tmp_path, "--log-level", "warning", "--body-timeout", "1") as server:
        httpx.get(f"{server.base}/v1/methods")
        bad = httpx.post(f"{server.base}/v1/summarize", json={"text": "!!!"}, timeout=30)
        assert bad.status_code == 422
        with server.connect() as sock:  # a problem: a body that never comes
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: newsgist\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            assert json_error(read_all(sock)) == (408, "body_timeout")
        lines = wait_for_line(server, "request bodies not in within 1 s")
        assert all(" WARNING " in line for line in lines), lines


class TestBodiesOverTheLimit:
    """A client that sends its whole body before reading still reads its JSON 413."""

    def test_urllib_with_6_mb(self, plain):
        body = json.dumps({"text": "The levee held. " * 375_000}).encode()
        request = urllib.request.Request(
            f"{plain.base}/v1/summarize", data=body, headers={"Content-Type": "application/json"}
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 413
        assert json.loads(refused.value.read())["error"]["code"] == "body_too_large"

    def test_chunked_6_mb(self, plain):
        connection = http.client.HTTPConnection("127.0.0.1", plain.port, timeout=30)
        chunks = (b"The levee held. " * 4096 for _ in range(100))
        connection.request(
            "POST",
            "/v1/summarize",
            body=chunks,
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["error"]["code"] == "body_too_large"


@pytest.mark.sleeps
class TestSlowClients:
    """Headers and bodies have deadlines; a dripping client cannot hold a connection."""

    def test_half_sent_headers_get_408(self, strict):
        with strict.connect() as sock:
            sock.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: newsgist\r\n")
            started = time.monotonic()
            answer = read_all(sock)
        assert time.monotonic() - started < 5
        assert json_error(answer) == (408, "header_timeout")

    def test_dripped_headers_do_not_reset_the_deadline(self, strict):
        request = b"GET /healthz HTTP/1.1\r\nX-Drip: " + b"y" * 200
        with strict.connect() as sock:
            started = time.monotonic()
            for byte in request:  # one byte every 0.1 s: 20 s in all, unless cut off
                try:
                    sock.sendall(bytes([byte]))
                except OSError:
                    break
                if select.select([sock], [], [], 0.1)[0]:  # an answer, or the close
                    break
            elapsed = time.monotonic() - started
        assert elapsed < 5

    def test_a_silent_connection_is_closed(self, strict):
        with strict.connect() as sock:
            started = time.monotonic()
            assert read_all(sock) == b""
        assert time.monotonic() - started < 5

    def test_a_slow_body_gets_408(self, strict):
        with strict.connect() as sock:
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: newsgist\r\n"
                b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
            )
            started = time.monotonic()
            answer = read_all(sock)
        assert time.monotonic() - started < 5
        assert json_error(answer) == (408, "body_timeout")

    def test_malformed_http_is_a_json_400(self, strict):
        with strict.connect() as sock:
            sock.sendall(b"NOT HTTP AT ALL\r\n\r\n")
            assert json_error(read_all(sock)) == (400, "bad_http_request")


@pytest.mark.sleeps
def test_a_client_that_does_not_read_its_answer_is_dropped(tmp_path):
    """An answer bigger than the kernel's buffers must not stay queued for a client forever."""
    copies = 4_900_000 // len(json.dumps(STORY))
    body = json.dumps({"text": STORY * copies, "include_body": True, "method": "lead"}).encode()
    with launch(tmp_path, "--body-timeout", "1") as server, server.connect() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.settimeout(60)
        sock.sendall(
            b"POST /v1/summarize HTTP/1.1\r\nHost: newsgist\r\n"
            b"Content-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")  # the answer has started
        deadline = time.monotonic() + 10  # and is left unread past the 1 s deadline
        while b"left a response unread" not in server.log.read_bytes():
            assert time.monotonic() < deadline, "the unread answer is still held"
            time.sleep(0.2)


@pytest.mark.sleeps
def test_a_backtracking_input_cannot_freeze_the_server(tmp_path):
    """The share-bar input froze a 1-worker server: no 408, /healthz dead, SIGTERM ignored."""
    with launch(tmp_path, "--timeout", "2") as server:
        answers: list[httpx.Response] = []
        hostile = threading.Thread(
            target=lambda: answers.append(
                httpx.post(f"{server.base}/v1/summarize", json={"text": SHARE_BAR}, timeout=30)
            )
        )
        hostile.start()
        time.sleep(0.5)
        assert httpx.get(f"{server.base}/healthz", timeout=2).status_code == 200
        hostile.join(15)
        assert answers, "no answer within 15 s"
        assert answers[0].status_code in (200, 408, 422)
        ok = httpx.post(f"{server.base}/v1/summarize", json={"text": STORY}, timeout=30)
        assert ok.status_code == 200
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(15)


@pytest.mark.sleeps
def test_idle_connections_cannot_starve_the_server(tmp_path):
    """1,100 idle connections against 1,024 open files kept /healthz dead, and flooded the log."""
    with launch(tmp_path, open_files=(128, 128)) as server:
        idle = [server.connect() for _ in range(300)]
        try:
            for _ in range(5):
                response = httpx.get(f"{server.base}/healthz", timeout=3)
                assert response.status_code == 200
                time.sleep(0.5)
        finally:
            for sock in idle:
                sock.close()
        assert len(server.log.read_text().splitlines()) < 10


@pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="reads /proc")
def test_the_open_files_limit_is_raised_to_the_hard_limit(tmp_path):
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard == resource.RLIM_INFINITY or hard <= 256:
        pytest.skip("needs a finite hard limit over 256")

    with launch(tmp_path, open_files=(256, hard)) as server:
        limits = Path(f"/proc/{server.process.pid}/limits").read_text()
        line = next(line for line in limits.splitlines() if line.startswith("Max open files"))
        assert line.split()[3] == str(min(hard, 2**20))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_stops_the_server_and_its_workers(tmp_path):
    with launch(tmp_path, "--workers", "2") as server:
        workers = server.workers()
        assert len(workers) >= 2
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(15) in (0, -signal.SIGTERM)  # uvicorn re-raises it
        time.sleep(0.5)
        assert not alive(workers)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker death signal")
def test_workers_die_with_a_killed_server(tmp_path):
    with launch(tmp_path) as server:
        workers = server.workers()
        assert workers
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(15)
        deadline = time.monotonic() + 5
        while alive(workers):
            assert time.monotonic() < deadline, "a worker outlived its server"
            time.sleep(0.1)


@pytest.mark.parametrize(
    "flags",
    [
        ("--worker-memory", "10"),
        ("--max-connections", "0"),
        ("--header-timeout", "0"),
        ("--body-timeout", "-1"),
        ("--workers", "0"),
    ],
)
def test_serve_refuses_bad_limits_in_one_line(capsys, flags):
    assert main(["serve", *flags]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsgist: error:")
    assert err.count("\n") == 1
