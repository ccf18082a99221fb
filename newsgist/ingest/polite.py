"""Fetch many URLs as a good guest: robots.txt honoured, few requests at a time to a host, spaced.

``PoliteFetcher.get`` runs a fetch of one URL once its site allows it: the site's robots.txt
(read once per origin with the safe fetcher, parsed by Protego, which follows RFC 9309 and
Google's wildcards) must allow the URL for newsgist's product token; at most ``per_host``
requests are open to one origin at a time; and each starts at least ``delay`` seconds (or
the site's ``Crawl-delay``, up to ``MAX_CRAWL_DELAY``) after the one before. RFC 9309's
error rules: robots.txt missing or forbidden (4xx) allows everything; a server error,
429 or a failed download disallows everything on that site for the run. Threads may call
``get`` at once; each waits for its site, not for the others. A redirect is followed by the
fetch itself, without a new robots.txt check at the host it leads to. Protego comes with
the ``feeds`` extra.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from newsgist.errors import (
    FetchError,
    HTTPStatusError,
    InputTooLargeError,
    InvalidOptionError,
    MissingDependencyError,
    RobotsDisallowedError,
    UnsafeURLError,
)
from newsgist.ingest.fetch import ANY, FetchOptions, fetch

if TYPE_CHECKING:
    from protego import Protego

T = TypeVar("T")

DEFAULT_DELAY = 1.0
"""Seconds between the starts of two requests to one site, unless its robots.txt asks more."""

DEFAULT_CONCURRENCY = 4
"""Stories fetched at once across all sites (each site still gets ``per_host`` at a time)."""

MAX_CRAWL_DELAY = 60.0
"""The longest ``Crawl-delay`` honoured: a site asking more is still fetched, this slowly."""

MAX_ROBOTS_BYTES = 512_000
"""How much of robots.txt is parsed (RFC 9309 asks parsers to take at least 500 KiB)."""

_ROBOTS_DOWNLOAD = 2_000_000
"""A robots.txt larger than this is not downloaded: the site is treated as unreadable."""
_PRODUCT = re.compile(r"[A-Za-z][\w-]*")


@dataclass(frozen=True, slots=True, kw_only=True)
class Politeness:
    """How gently one run treats each site: requests at a time and seconds between them."""

    delay: float = DEFAULT_DELAY
    per_host: int = 1

    def __post_init__(self) -> None:
        if not 0 <= self.delay <= MAX_CRAWL_DELAY:
            raise InvalidOptionError(
                f"delay must be between 0 and {MAX_CRAWL_DELAY:g} seconds, not {self.delay}"
            )
        if self.per_host not in (1, 2):
            raise InvalidOptionError(f"per_host must be 1 or 2, not {self.per_host}")


@dataclass(frozen=True, slots=True)
class _Rules:
    """One site's robots.txt as read for this run: its rules, or why everything is refused."""

    parsed: Protego | None
    refused: str | None = None

    def check(self, url: str, agent: str) -> None:
        """Refuse ``url`` when the site's rules (or their absence, on an error) say so."""
        if self.refused is not None:
            raise RobotsDisallowedError(f"{url} not fetched: {self.refused}")
        if self.parsed is not None and not self.parsed.can_fetch(url, agent):
            raise RobotsDisallowedError(f"{url} not fetched: the site's robots.txt disallows it")

    def delay(self, agent: str, floor: float) -> float:
        """Return the seconds between requests: ``floor``, or the site's Crawl-delay when longer."""
        asked = self.parsed.crawl_delay(agent) if self.parsed is not None else None
        return max(floor, min(float(asked or 0.0), MAX_CRAWL_DELAY))


@dataclass
class _Site:
    """What one origin is doing now: requests open, and when the next may start."""

    open: int = 0
    next_start: float = 0.0


class PoliteFetcher:
    """Runs fetches so that each site sees robots.txt honoured and requests spaced (see module)."""

    def __init__(self, options: FetchOptions, politeness: Politeness | None = None) -> None:
        try:
            import protego  # noqa: F401
        except ImportError as error:
            raise MissingDependencyError("reading robots.txt", "feeds", error.name) from None
        self.options = options
        self.politeness = politeness or Politeness()
        product = _PRODUCT.match(options.user_agent)  # robots.txt groups name the product
        self.agent = product.group() if product else "newsgist"
        self._ready = threading.Condition()
        self._sites: dict[str, _Site] = {}
        self._rules: dict[str, _Rules] = {}
        self._reading: dict[str, threading.Lock] = {}

    def get(self, url: str, run: Callable[[str], T]) -> T:
        """Call ``run(url)`` once the site's robots.txt allows ``url`` and its turn has come.

        Raises:
            RobotsDisallowedError: robots.txt disallows the URL, or could not be read.
            UnsafeURLError: the URL is not http(s), or its site is refused (as ``fetch``).

        """
        origin = _origin(url)
        rules = self._robots(origin)
        rules.check(url, self.agent)
        with self._turn(origin, rules.delay(self.agent, self.politeness.delay)):
            return run(url)

    def _robots(self, origin: str) -> _Rules:
        """Read the origin's robots.txt once per run, while other threads wait for it."""
        with self._ready:
            lock = self._reading.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._rules:
                with self._turn(origin, self.politeness.delay):
                    self._rules[origin] = self._read_robots(origin)
            return self._rules[origin]

    def _read_robots(self, origin: str) -> _Rules:
        """Fetch and parse one robots.txt, applying RFC 9309's rules for errors."""
        from protego import Protego

        where = f"{origin}/robots.txt"
        limits = replace(self.options, max_bytes=_ROBOTS_DOWNLOAD)
        try:
            page = fetch(where, options=limits, accept=ANY)
        except HTTPStatusError as error:
            if 400 <= error.status < 500 and error.status != 429:
                return _Rules(None)  # no rules: everything is allowed
            return _Rules(None, f"{where} answered HTTP {error.status}, so the whole site is off")
        except UnsafeURLError:
            raise  # the site itself is refused: every URL of it says so
        except (FetchError, InputTooLargeError) as error:
            return _Rules(None, f"{where} could not be read ({error}), so the whole site is off")
        text = page.content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return _Rules(Protego.parse(text))

    @contextmanager
    def _turn(self, origin: str, delay: float) -> Iterator[None]:
        """Wait for a free slot at ``origin`` and for its delay to pass; hold the slot."""
        limit = self.politeness.per_host
        with self._ready:
            site = self._sites.setdefault(origin, _Site())
            while True:
                now = time.monotonic()
                if site.open < limit and now >= site.next_start:
                    break
                wait = site.next_start - now if site.open < limit else None
                self._ready.wait(wait)
            site.open += 1
            site.next_start = now + delay
        try:
            yield
        finally:
            with self._ready:
                site.open -= 1
                self._ready.notify_all()


def _origin(url: str) -> str:
    """Return the scheme, host and port of a URL: where robots.txt and spacing apply."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port
    except ValueError as error:
        raise UnsafeURLError(f"not a valid URL: {url!r} ({error})") from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise UnsafeURLError(f"only http and https URLs can be fetched, not {url!r}")
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{shown}" + (f":{port}" if port else "")
