"""The HTTP API, in process, through httpx's ASGI transport."""

import asyncio
import json
import logging
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import numpy as np
import pytest

from newsgist.errors import InvalidOptionError
from newsgist.ingest.fetch import FetchOptions
from newsgist.registry import headlines, methods
from newsgist.server import ServerSettings, create_app
from newsgist.server.logs import LOG, OncePerCondition
from newsgist.server.middleware import JsonErrors
from tests.conftest import DATA, ROOT
from tests.httpserver import send, start

STORY = (ROOT / "examples" / "article-page.txt").read_text(encoding="utf-8")
TOKEN = "s3cret-token-for-tests"


def call(app: Any, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://newsgist.test"
        ) as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(go())


@pytest.fixture(autouse=True)
def _fresh_logs():
    """Each test sees the first log line of each condition, whatever ran before it."""
    for once in LOG.filters:
        if isinstance(once, OncePerCondition):
            once.clear()


@pytest.fixture(autouse=True)
def _plugins_registered():
    """Register the worker plugins here too, as create_app found them: the autouse registry
    reset undoes the registration their first import made, and the app checks names."""
    import importlib

    import tests.server_plugins as plugins

    for registry in (methods, headlines):
        for name in [n for n in registry.names() if n.startswith("test-")]:
            registry.unregister(name)
    importlib.reload(plugins)


@pytest.fixture(scope="module")
def app():
    return create_app()


def error(response: httpx.Response) -> tuple[int, str]:
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["message"]
    return response.status_code, body["error"]["code"]


def test_health(app):
    response = call(app, "GET", "/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_methods_come_from_the_registry():
    @methods.register("test-server-dummy")
    class Dummy:
        def score(self, document):
            return np.zeros(len(document.sentences))

    listed = call(create_app(), "GET", "/v1/methods").json()
    assert "test-server-dummy" in listed["methods"]
    assert {"learned", "lead", "textrank"} <= set(listed["methods"])
    assert {"compress", "first-words"} <= set(listed["headlines"])


def test_summary_has_traceable_highlights(app):
    response = call(app, "POST", "/v1/summarize", json={"text": STORY, "include_body": True})
    assert response.status_code == 200
    data = response.json()
    assert data["headline"]
    assert data["article"]["title"] == "Levee breach floods Marlow Bend, thousands flee"
    assert len(data["highlights"]) == 3
    for highlight in data["highlights"]:
        assert highlight["sources"]
        (start, end), *_ = highlight["spans"]
        assert data["body"][start:end] == highlight["text"]


def test_options_are_applied(app):
    body = {"text": STORY, "method": "lead", "sentences": 2, "headline": None}
    data = call(app, "POST", "/v1/summarize", json=body).json()
    assert data["method"] == "lead"
    assert len(data["highlights"]) == 2
    assert data["headline"] == ""
    assert "body" not in data


def test_html_input_gives_page_metadata(app):
    page = (DATA / "pages" / "harbour-gazette.html").read_text(encoding="utf-8")
    data = call(app, "POST", "/v1/summarize", json={"html": page, "keep_title": True}).json()
    assert data["headline"] == "Ferry firm halts night crossings after engine-room fire"
    assert data["article"]["site"] == "The Harbour Gazette"


@pytest.mark.parametrize(
    "page",
    [
        (DATA / "pages" / "harbour-gazette.html").read_text(encoding="utf-8"),
        "<Title>Ferry firm halts night crossings after engine-room fire</Title><article>"
        "<p>A ferry operator halted night crossings after a fire broke out in an engine room.</p>"
        "<p>Passengers were moved to lifeboat stations while the crew fought the blaze.</p>"
        "<p>No one was hurt, the company said on Thursday.</p></article>",
    ],
)
def test_html_sent_as_text_is_read_as_a_page(app, page):
    data = call(app, "POST", "/v1/summarize", json={"text": page, "keep_title": True}).json()
    assert data["headline"] == "Ferry firm halts night crossings after engine-room fire"
    assert data["highlights"]
    assert not any("<" in h["text"] for h in data["highlights"])


def test_a_caption_without_a_full_stop_is_summarized(app):
    caption = "Watch floodwater sweep through the market town of Marlow Bend\n0:45"
    response = call(app, "POST", "/v1/summarize", json={"text": caption})
    assert response.status_code == 200
    assert response.json()["highlights"][0]["text"].startswith("Watch floodwater")


@pytest.fixture(scope="module")
def site():
    page = (DATA / "pages" / "metro-wire.html").read_bytes()
    yield from start("127.0.0.1", {"/story": lambda h: send(h, page)})


@dataclass
class Drip:
    base: str
    dropped: list[float]


@pytest.fixture
def drip():
    """A page whose response headers come one line every 0.1 s for a minute."""
    dropped: list[float] = []

    def headers(handler):
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        started = time.monotonic()
        try:
            while time.monotonic() - started < 60:
                handler.wfile.write(b"X-Drip: 1\r\n")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:  # the fetcher hung up
            dropped.append(time.monotonic() - started)

    for server in start("127.0.0.1", {"/drip": headers}):
        yield Drip(server.base, dropped)


def test_url_input_obeys_the_requests_size_limit(site):
    allowed = create_app(ServerSettings(fetch=FetchOptions(allow_networks=("127.0.0.1/32",))))
    body = {"url": f"{site.base}/story", "max_bytes": 100}
    assert error(call(allowed, "POST", "/v1/summarize", json=body)) == (413, "input_too_large")


def test_headline_none_is_highlights_only_on_every_surface(app):
    for headline in (None, "none"):
        body = {"text": STORY, "headline": headline}
        data = call(app, "POST", "/v1/summarize", json=body).json()
        assert (data["headline"], data["headline_origin"]) == ("", "none")


def test_url_input_obeys_the_ssrf_rules(site):
    hits = len(site.hits)  # the site is shared by this module's tests
    refused = call(create_app(), "POST", "/v1/summarize", json={"url": f"{site.base}/story"})
    assert error(refused) == (400, "unsafe_url")
    assert len(site.hits) == hits
    allowed = create_app(ServerSettings(fetch=FetchOptions(allow_networks=("127.0.0.1/32",))))
    data = call(allowed, "POST", "/v1/summarize", json={"url": f"{site.base}/story"}).json()
    assert data["article"]["title"] == "City hall approves café terraces on Bridge Street"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({}, 422, "invalid_request"),
        ({"text": "a", "html": "b"}, 422, "invalid_request"),
        ({"text": STORY, "sentences": 0}, 422, "invalid_request"),
        ({"text": STORY, "sentences": 2, "words": 40}, 400, "invalid_option"),
        ({"text": 5}, 422, "invalid_request"),
        ({"text": ""}, 422, "invalid_input"),
        ({"text": "!!! ??? ..."}, 422, "invalid_input"),
        ({"text": STORY, "method": "nope"}, 400, "unknown_name"),
        ({"text": STORY, "headline": "nope"}, 400, "unknown_name"),
        ({"url": "ftp://news.example/story"}, 400, "unsafe_url"),
        pytest.param(
            {"url": "http://no-such-host.invalid/story"}, 422, "fetch_failed", marks=pytest.mark.dns
        ),
        ({"text": STORY, "sentense": 5}, 422, "invalid_request"),  # a misspelt setting
        ({"text": STORY, "sentences": True}, 422, "invalid_request"),  # true is no number
        ({"text": STORY, "keep_title": "yes"}, 422, "invalid_request"),
    ],
)
def test_errors_are_json_with_a_stable_code(app, body, status, code):
    assert error(call(app, "POST", "/v1/summarize", json=body)) == (status, code)


def test_malformed_json_is_a_json_error(app):
    response = call(
        app,
        "POST",
        "/v1/summarize",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert error(response) == (422, "invalid_request")


def test_declared_body_over_the_limit_is_413():
    small = create_app(ServerSettings(max_body_bytes=1000))
    response = call(small, "POST", "/v1/summarize", json={"text": "The ferry sank. " * 200})
    assert error(response) == (413, "body_too_large")


def test_streamed_body_over_the_limit_is_413():
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"The ferry sank. " * 10
        yield b'"}'

    small = create_app(ServerSettings(max_body_bytes=1000))
    response = call(
        small,
        "POST",
        "/v1/summarize",
        content=chunks(),
        headers={"content-type": "application/json"},
    )
    assert "content-length" not in response.request.headers
    assert error(response) == (413, "body_too_large")


@pytest.fixture(scope="module")
def guarded():
    return create_app(ServerSettings(token=TOKEN))


class TestToken:
    @pytest.mark.parametrize(
        "header", [None, "Bearer wrong-token-of-some-length", TOKEN, "Basic x"]
    )
    def test_v1_needs_the_bearer_token(self, guarded, header):
        headers = {"Authorization": header} if header else {}
        for method, path, body in (
            ("POST", "/v1/summarize", {"text": STORY}),
            ("GET", "/v1/methods", None),
        ):
            response = call(guarded, method, path, json=body, headers=headers)
            assert error(response) == (401, "unauthorized")
            assert response.headers["www-authenticate"] == "Bearer"

    def test_the_right_token_passes(self, guarded):
        headers = {"Authorization": f"Bearer {TOKEN}"}
        response = call(guarded, "POST", "/v1/summarize", json={"text": STORY}, headers=headers)
        assert response.status_code == 200

    def test_health_and_page_stay_open(self, guarded):
        assert call(guarded, "GET", "/healthz").status_code == 200
        assert call(guarded, "GET", "/").status_code == 200

    def test_short_tokens_are_refused(self):
        with pytest.raises(InvalidOptionError, match="16 characters"):
            ServerSettings(token="short")


def test_cors_is_off_unless_origins_are_listed():
    preflight = {
        "Origin": "https://desk.news.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    closed = call(create_app(), "OPTIONS", "/v1/summarize", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    opened = create_app(ServerSettings(cors_origins=("https://desk.news.example",)))
    allowed = call(opened, "OPTIONS", "/v1/summarize", headers=preflight)
    assert allowed.headers["access-control-allow-origin"] == "https://desk.news.example"
    other = call(
        opened, "OPTIONS", "/v1/summarize", headers={**preflight, "Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in other.headers


PLUGINS = ("tests.server_plugins",)


def test_slow_requests_time_out_with_408():
    quick = create_app(ServerSettings(request_timeout=0.1, plugins=PLUGINS))
    response = call(quick, "POST", "/v1/summarize", json={"text": STORY, "method": "test-slow"})
    assert error(response) == (408, "request_timeout")


def test_summarizing_does_not_block_the_event_loop():
    app = create_app(ServerSettings(plugins=PLUGINS))
    assert call(app, "POST", "/v1/summarize", json={"text": STORY}).status_code == 200  # warm

    async def go() -> tuple[float, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            slow = asyncio.create_task(
                client.post("/v1/summarize", json={"text": STORY, "method": "test-slow"})
            )
            await asyncio.sleep(0.1)
            started = time.perf_counter()
            health = await client.get("/healthz")
            waited = time.perf_counter() - started
            assert health.status_code == 200
            return waited, (await slow).status_code

    waited, status = asyncio.run(go())
    assert status == 200
    assert waited < 0.3  # answered while the 0.6 s summary was still running


def test_page_is_served_with_a_strict_policy(app):
    response = call(app, "GET", "/")
    assert response.status_code == 200
    assert 'id="summarize"' in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "img-src 'none'" in policy
    assert "innerHTML" not in response.text  # the page builds every node from text


def test_unknown_route_is_a_json_error(app):
    assert error(call(app, "GET", "/v2/nothing")) == (404, "http_404")


def test_openapi_describes_the_api(app):
    schema = call(app, "GET", "/openapi.json").json()
    assert {"/v1/summarize", "/v1/methods", "/healthz"} <= set(schema["paths"])
    models = schema["components"]["schemas"]
    assert {"quotes", "figures", "people", "faithful"} <= set(models["FactsOut"]["properties"])
    assert "speaker" in models["QuoteOut"]["properties"]
    request = models["SummarizeRequest"]["properties"]
    assert request["facts"]["default"] is True


class TestWorkers:
    """Summaries run in worker processes the server kills, caps and replaces."""

    @pytest.mark.sleeps
    def test_a_request_past_its_time_limit_is_killed_not_left_running(self, tmp_path, monkeypatch):
        marker = tmp_path / "finished"
        monkeypatch.setenv("NEWSGIST_TEST_MARKER", str(marker))
        app = create_app(ServerSettings(request_timeout=1, plugins=PLUGINS))
        assert call(app, "POST", "/v1/summarize", json={"text": STORY}).status_code == 200
        (before,) = app.state.pool.pids
        response = call(app, "POST", "/v1/summarize", json={"text": STORY, "method": "test-hang"})
        assert error(response) == (408, "request_timeout")
        time.sleep(3)  # the hung method would have finished by now had it been left running
        assert not marker.exists()
        (after,) = app.state.pool.pids
        assert after != before
        with pytest.raises(ProcessLookupError):
            os.kill(before, 0)
        assert call(app, "POST", "/v1/summarize", json={"text": STORY}).status_code == 200

    def test_a_memory_blowup_is_413_for_that_request_only(self):
        app = create_app(ServerSettings(worker_memory=1 << 30, plugins=PLUGINS))
        response = call(app, "POST", "/v1/summarize", json={"text": STORY, "method": "test-hog"})
        assert error(response) == (413, "too_much_memory")
        assert call(app, "POST", "/v1/summarize", json={"text": STORY}).status_code == 200

    def test_a_plugin_exception_is_a_json_500_logged_once(self, caplog):
        app = create_app(ServerSettings(plugins=PLUGINS))
        body = {"text": STORY, "method": "test-crash"}
        for _ in range(3):
            response = call(app, "POST", "/v1/summarize", json=body)
            assert response.headers["content-type"] == "application/json"
            assert error(response) == (500, "internal_error")
        logged = [r for r in caplog.records if r.name == "newsgist.server"]
        assert len(logged) == 1
        assert "this plugin has a bug" in logged[0].getMessage()
        assert call(app, "POST", "/v1/summarize", json={"text": STORY}).status_code == 200

    def test_a_dead_worker_is_a_json_500_and_is_replaced(self):
        app = create_app(ServerSettings(plugins=PLUGINS))
        response = call(app, "POST", "/v1/summarize", json={"text": STORY, "method": "test-exit"})
        assert error(response) == (500, "worker_crashed")
        assert call(app, "POST", "/v1/summarize", json={"text": STORY}).status_code == 200

    def test_requests_queue_for_the_workers(self):
        app = create_app(ServerSettings(workers=2, plugins=PLUGINS))

        async def go() -> list[int]:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                body = {"text": STORY, "method": "test-slow"}
                answers = await asyncio.gather(
                    *(client.post("/v1/summarize", json=body, timeout=60) for _ in range(5))
                )
                return [answer.status_code for answer in answers]

        assert asyncio.run(go()) == [200] * 5
        assert len(app.state.pool.pids) == 2

    def test_url_fetching_stops_with_the_request(self, drip):
        settings = ServerSettings(
            request_timeout=1, fetch=FetchOptions(allow_networks=("127.0.0.1/32",))
        )
        app = create_app(settings)
        for _ in range(3):
            response = call(app, "POST", "/v1/summarize", json={"url": f"{drip.base}/drip"})
            assert error(response) == (408, "request_timeout")
        deadline = time.monotonic() + 10
        while len(drip.dropped) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(drip.dropped) == 3  # each fetch was cut off, none left dripping


class TestUnicode:
    """Text that is not valid Unicode (a lone surrogate) is 422 JSON, never a 500."""

    @pytest.mark.parametrize(
        "body",
        [
            {"text": STORY + " \ud800"},
            {"html": "<html><head><title>Flood \udfff</title></head><body><p>x</p></body></html>"},
            {"text": STORY, "method": "lead\ud83d"},
        ],
    )
    def test_lone_surrogates_in_the_request(self, app, body):
        response = call(
            app,
            "POST",
            "/v1/summarize",
            content=json.dumps(body),  # "\\ud800" escapes, as any JSON client may send
            headers={"content-type": "application/json"},
        )
        assert error(response) == (422, "invalid_unicode")

    def test_lone_surrogates_in_the_output(self):
        app = create_app(ServerSettings(plugins=PLUGINS))
        body = {"text": STORY, "headline": "test-surrogate"}
        assert error(call(app, "POST", "/v1/summarize", json=body)) == (422, "invalid_unicode")

    def test_surrogate_bytes_in_the_body(self, app):
        raw = b'{"text": "The levee held.' + b"\xed\xa0\x80" + b'"}'
        response = call(
            app, "POST", "/v1/summarize", content=raw, headers={"content-type": "application/json"}
        )
        assert error(response)[0] in (400, 422)


@pytest.mark.parametrize("text", [".", "!!! ???", "." * 1000])
def test_punctuation_only_text_is_a_json_error(app, text):
    response = call(app, "POST", "/v1/summarize", json={"text": text})
    assert response.headers["content-type"] == "application/json"
    assert error(response)[1] in ("invalid_input", "internal_error")


def test_plain_text_errors_from_middleware_become_json():
    opened = create_app(ServerSettings(cors_origins=("https://desk.news.example",)))
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    response = call(opened, "OPTIONS", "/v1/summarize", headers=preflight)
    assert error(response) == (400, "http_400")


def test_an_unexpected_exception_in_the_app_is_a_json_500_logged_once(caplog):
    async def broken(scope, receive, send):
        raise RuntimeError("a bug in a route")

    guarded = JsonErrors(broken)
    for _ in range(3):
        assert error(call(guarded, "GET", "/anything")) == (500, "internal_error")
    logged = [r for r in caplog.records if r.name == "newsgist.server"]
    assert len(logged) == 1
    assert "a bug in a route" in logged[0].exc_text


def test_each_condition_is_logged_once_per_interval_with_a_count():
    once = OncePerCondition(interval=0.2)

    def record(message: str, *args: object) -> logging.LogRecord:
        return logging.LogRecord("newsgist.server", logging.WARNING, "", 0, message, args, None)

    assert once.filter(record("worker %d killed", 1))
    assert not once.filter(record("worker %d killed", 2))
    assert not once.filter(record("worker %d killed", 3))
    assert once.filter(record("another condition"))
    time.sleep(0.25)
    later = record("worker %d killed", 4)
    assert once.filter(later)
    assert later.getMessage() == "worker 4 killed [2 more like this in the last 0.2 s]"


ACCESS_LINE = r"(GET|POST) (\S+) (\d{3}) \d+\.\d ms id=(\S+)"


def access_lines(caplog: pytest.LogCaptureFixture) -> list[tuple[int, tuple[str, ...]]]:
    """The access log's records as (level, (method, path, status, id))."""
    import re

    lines = []
    for record in caplog.records:
        if record.name == "newsgist.access":
            match = re.fullmatch(ACCESS_LINE, record.getMessage())
            assert match, record.getMessage()
            lines.append((record.levelno, match.groups()))
    return lines


def test_each_request_gets_an_id_and_one_access_line(app, caplog):
    caplog.set_level(logging.DEBUG, logger="newsgist")
    first = call(app, "GET", "/v1/methods")
    second = call(app, "GET", "/v1/methods")
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert all(len(ident) == 16 for ident in ids)
    assert ids[0] != ids[1]
    assert access_lines(caplog) == [
        (logging.INFO, ("GET", "/v1/methods", "200", ids[0])),
        (logging.INFO, ("GET", "/v1/methods", "200", ids[1])),
    ]


def test_health_checks_are_logged_at_debug_only(app, caplog):
    caplog.set_level(logging.DEBUG, logger="newsgist")
    response = call(app, "GET", "/healthz")
    assert access_lines(caplog) == [
        (logging.DEBUG, ("GET", "/healthz", "200", response.headers["x-request-id"]))
    ]


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/v1/summarize", {"text": "!!! ???"}, (422, "invalid_input")),
        ("/v1/summarize", {"text": "A story.", "sentences": 0}, (422, "invalid_request")),
        ("/v1/summarize", {"text": "A story.", "method": "nope"}, (400, "unknown_name")),
        ("/nowhere", None, (404, "http_404")),
    ],
)
def test_error_json_carries_the_request_id_its_log_line_has(app, caplog, path, body, expected):
    caplog.set_level(logging.INFO, logger="newsgist")
    response = call(app, "POST" if body else "GET", path, json=body)
    assert error(response) == expected
    ident = response.json()["error"]["request_id"]
    assert ident == response.headers["x-request-id"]
    assert int(response.headers["content-length"]) == len(response.content)
    assert access_lines(caplog)[-1][1][2:] == (str(expected[0]), ident)


def test_a_refused_body_carries_the_request_id_too():
    small = create_app(ServerSettings(max_body_bytes=100))
    response = call(small, "POST", "/v1/summarize", json={"text": "word " * 100})
    assert error(response) == (413, "body_too_large")
    assert response.json()["error"]["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize(
    ("given", "kept"),
    [("trace-42.a:b_c", True), ("x" * 65, False), ("two words", False), ("", False)],
)
def test_a_callers_plain_request_id_is_kept_and_any_other_replaced(app, given, kept):
    response = call(app, "GET", "/v1/methods", headers={"X-Request-ID": given})
    assert (response.headers["x-request-id"] == given) is kept
    assert len(response.headers["x-request-id"]) == (len(given) if kept else 16)


def test_the_access_line_cannot_be_forged_by_the_path(app, caplog):
    caplog.set_level(logging.INFO, logger="newsgist")
    call(app, "GET", "/a%0A200%20INFO%20GET%20/forged/" + "x" * 300)
    ((_, (_, path, status, _)),) = access_lines(caplog)
    assert status == "404"
    assert path.startswith("/a%0A200%20INFO")
    assert path.endswith("…")
    assert len(path) == 201


def test_the_logged_path_escapes_control_characters_and_is_cut():
    from newsgist.server.middleware import printable

    assert printable("/a\nINFO forged\x1b[2J\\x") == "/a\\x0aINFO\\x20forged\\x1b[2J\\x5cx"
    assert printable("/" + "y" * 300) == "/" + "y" * 199 + "…"


def test_an_error_that_breaks_off_is_answered_500_with_its_id(caplog):
    from newsgist.server.middleware import AccessLog

    async def breaks_off(scope, receive, send):
        json_start = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 404, "headers": json_start})
        raise RuntimeError("a bug in the middle of an answer")

    response = call(AccessLog(JsonErrors(breaks_off)), "GET", "/anything")
    assert error(response) == (500, "internal_error")
    assert response.json()["error"]["request_id"] == response.headers["x-request-id"]


def test_a_500_is_logged_with_its_request_id(caplog):
    from newsgist.server.middleware import AccessLog

    async def broken(scope, receive, send):
        raise RuntimeError("a bug in a route")

    response = call(AccessLog(JsonErrors(broken)), "GET", "/anything")
    assert error(response) == (500, "internal_error")
    ident = response.json()["error"]["request_id"]
    (logged,) = [r for r in caplog.records if r.name == "newsgist.server"]
    assert ident in logged.getMessage()


def test_an_unknown_log_level_is_refused():
    with pytest.raises(InvalidOptionError, match="log_level"):
        ServerSettings(log_level="chatty")
