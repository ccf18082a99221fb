"""Polite fetching against loopback servers: robots.txt, its error rules, spacing, one at a time."""

from __future__ import annotations

import http.server
import itertools
import threading
import time
from collections.abc import Iterator

import pytest

from newsgist.errors import InvalidOptionError, RobotsDisallowedError, UnsafeURLError
from newsgist.ingest.fetch import FetchOptions, fetch
from newsgist.ingest.polite import PoliteFetcher, Politeness
from tests.httpserver import Route, Server, send, start

ROBOTS = b"""User-agent: *
Disallow: /private/
Disallow: /*.pdf$

User-agent: newsgist
Disallow: /drafts/
Crawl-delay: 0.3
"""


class Clock:
    """Records when each request started and how many were open at once."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.open = 0
        self.most_open = 0
        self._lock = threading.Lock()

    def route(self, pause: float = 0.0) -> Route:
        def handle(h: http.server.BaseHTTPRequestHandler) -> None:
            with self._lock:
                self.starts.append(time.monotonic())
                self.open += 1
                self.most_open = max(self.most_open, self.open)
            time.sleep(pause)
            with self._lock:
                self.open -= 1
            send(h, b"<p>ok</p>")

        return handle


@pytest.fixture
def clock() -> Clock:
    return Clock()


def site(robots: Route | None, clock: Clock, pause: float = 0.0) -> Iterator[Server]:
    routes: dict[str, Route] = {f"/page/{n}": clock.route(pause) for n in range(6)}
    routes["/private/page"] = clock.route()
    routes["/drafts/page"] = clock.route()
    if robots is not None:
        routes["/robots.txt"] = robots
    yield from start("127.0.0.1", routes)


def polite(**kwargs: object) -> PoliteFetcher:
    options = FetchOptions(allow_private=True, total_timeout=5)
    return PoliteFetcher(options, Politeness(**kwargs))  # type: ignore[arg-type]


def get(fetcher: PoliteFetcher, url: str, turns: list[float] | None = None) -> int:
    """Fetch politely; ``turns`` gets the moment each request was let go."""

    def run(u: str) -> int:
        if turns is not None:
            turns.append(time.monotonic())
        return fetch(u, options=fetcher.options).status

    return fetcher.get(url, run)


def gaps(turns: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(turns)]


def test_robots_rules_for_everyone_and_for_newsgist_by_name(clock):
    for server in site(lambda h: send(h, ROBOTS, "text/plain"), clock):
        fetcher = polite(delay=0)
        assert get(fetcher, f"{server.base}/page/1") == 200
        # the newsgist group replaces the * group: its own rules apply, not the wildcard's
        with pytest.raises(RobotsDisallowedError, match=r"robots\.txt disallows"):
            get(fetcher, f"{server.base}/drafts/page")
        assert get(fetcher, f"{server.base}/private/page") == 200
        assert server.hits.count("/robots.txt") == 1  # read once per site and run
        assert "/drafts/page" not in server.hits


def test_a_wildcard_rule_binds_an_agent_without_a_group_of_its_own(clock):
    for server in site(lambda h: send(h, ROBOTS, "text/plain"), clock):
        options = FetchOptions(allow_private=True, user_agent="harbourbot/2.0")
        fetcher = PoliteFetcher(options, Politeness(delay=0))
        with pytest.raises(RobotsDisallowedError):
            get(fetcher, f"{server.base}/private/page")
        with pytest.raises(RobotsDisallowedError):
            get(fetcher, f"{server.base}/files/report.pdf")
        assert "/private/page" not in server.hits


def test_no_robots_txt_allows_everything(clock):
    for server in site(None, clock):  # /robots.txt is a 404
        assert get(polite(delay=0), f"{server.base}/private/page") == 200


@pytest.mark.parametrize("status", [500, 503, 429])
def test_a_robots_txt_that_fails_keeps_the_whole_site_off(clock, status):
    for server in site(lambda h: send(h, b"busy", "text/plain", status), clock):
        fetcher = polite(delay=0)
        with pytest.raises(RobotsDisallowedError, match=f"HTTP {status}"):
            get(fetcher, f"{server.base}/page/1")
        assert "/page/1" not in server.hits


def test_requests_to_one_site_are_spaced_by_the_delay(clock):
    for server in site(None, clock):
        fetcher = polite(delay=0.25)
        turns: list[float] = []
        for n in range(3):
            get(fetcher, f"{server.base}/page/{n}", turns)
        assert len(turns) == 3
        assert min(gaps(turns)) >= 0.25


def test_a_longer_crawl_delay_wins_over_the_delay(clock):
    for server in site(lambda h: send(h, ROBOTS, "text/plain"), clock):
        fetcher = polite(delay=0.0)
        turns: list[float] = []
        for n in range(3):
            get(fetcher, f"{server.base}/page/{n}", turns)
        assert min(gaps(turns)) >= 0.3  # Crawl-delay: 0.3 for newsgist


def test_the_delay_is_per_site(clock):
    asked: list[float] = []

    def robots(h: http.server.BaseHTTPRequestHandler) -> None:
        asked.append(time.monotonic())
        send(h, b"", "text/plain", 404)

    for first in site(None, clock):
        for other in site(robots, Clock()):
            fetcher = polite(delay=0.5)
            get(fetcher, f"{first.base}/page/0")
            started = time.monotonic()
            get(fetcher, f"{other.base}/page/0")
            assert asked[0] - started < 0.4  # the other site's first request did not wait


def test_a_robots_txt_too_large_to_read_keeps_the_site_off_and_is_asked_once(clock):
    huge = b"User-agent: *\nAllow: /\n" + b"#" * 2_100_000
    for server in site(lambda h: send(h, huge, "text/plain"), clock):
        fetcher = polite(delay=0)
        for n in range(2):
            with pytest.raises(RobotsDisallowedError, match="could not be read"):
                get(fetcher, f"{server.base}/page/{n}")
        assert server.hits.count("/robots.txt") == 1


def test_only_the_first_512_kb_of_robots_txt_are_read(clock):
    padded = b"User-agent: *\nDisallow: /private/\n#" + b"x" * 600_000 + b"\nDisallow: /page/\n"
    for server in site(lambda h: send(h, padded, "text/plain"), clock):
        fetcher = polite(delay=0)
        assert get(fetcher, f"{server.base}/page/1") == 200  # the rule past 512 KB is unread
        with pytest.raises(RobotsDisallowedError):
            get(fetcher, f"{server.base}/private/page")


@pytest.mark.parametrize(
    ("agent", "token"), [("/1.0", "newsgist"), ("harbourbot/2.0 (+https://x)", "harbourbot")]
)
def test_the_product_token_comes_from_the_user_agent(agent, token):
    fetcher = PoliteFetcher(FetchOptions(user_agent=agent), Politeness())
    assert fetcher.agent == token


@pytest.mark.parametrize("per_host", [1, 2])
def test_threads_never_open_more_than_per_host_requests_to_a_site(clock, per_host):
    for server in site(None, clock, pause=0.15):
        fetcher = polite(delay=0, per_host=per_host)
        threads = [
            threading.Thread(target=get, args=(fetcher, f"{server.base}/page/{n}"))
            for n in range(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        assert len(clock.starts) == 6
        assert clock.most_open == per_host


def test_a_url_that_is_not_http_is_refused_before_anything_is_fetched():
    with pytest.raises(UnsafeURLError, match="only http and https"):
        polite().get("ftp://harbour.example/file", lambda u: 0)


def test_a_private_site_is_refused_without_allow_private():
    fetcher = PoliteFetcher(FetchOptions(), Politeness())
    with pytest.raises(UnsafeURLError, match="not a public address"):
        fetcher.get("http://127.0.0.1:9/page", lambda u: 0)


@pytest.mark.parametrize(
    ("kwargs", "message"), [({"delay": -1}, "delay"), ({"per_host": 3}, "per_host")]
)
def test_bad_politeness_is_refused(kwargs, message):
    with pytest.raises(InvalidOptionError, match=message):
        Politeness(**kwargs)
