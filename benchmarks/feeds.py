"""Feeds: which parser reads them best, and what a polite feed run costs on loopback.

**Parsers.** newsgist's ``parse_feed`` (feedparser for RSS/Atom, defusedxml for sitemaps)
beside trafilatura's link extractors (``feeds.extract_links``, ``sitemaps.SitemapObject``),
on the test feeds (``tests/data/feeds``) and on a generated 2,000-item RSS feed and a
20,000-URL sitemap: items found, and how many keep a title, a date and a GUID, in feed
order, and milliseconds per document (best of 5).

**Runs.** ``newsgist.run_feed`` on a local site serving ``--items`` written stories from one
host (so every request waits its turn at that host): a first run with no delay, one and
two requests at a time, then a re-run answered by the cache (the feed a 304).

Usage::

    python benchmarks/feeds.py               # 60 stories
    python benchmarks/feeds.py --quick       # CI: 12 stories, one timing pass
"""

from __future__ import annotations

import argparse
import http.server
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from corpus import ROOT

from newsgist.feed import FeedJob, FeedReport, run_feed
from newsgist.ingest.feeds import Feed, parse_feed
from newsgist.ingest.fetch import FetchOptions
from newsgist.ingest.polite import Politeness

FEEDS = ROOT / "tests" / "data" / "feeds"

_SENTENCES = (
    "The harbour board met on {day} to discuss item {n}.",
    "Members said the plan for the east quay would cost {n} thousand pounds.",
    "Fishermen asked for the work to wait until the herring season had ended.",
    "The board will publish its decision on the quay within {n} days, its chair said.",
    "A public meeting on the plan is set for the town hall next month.",
)


def _story(n: int) -> bytes:
    text = "".join(f"<p>{s.format(n=n, day='Monday')}</p>" for s in _SENTENCES)
    return f"<html><head><title>Quay item {n}</title></head><body><article><h1>Quay item {n}"\
        f"</h1>{text}</article></body></html>".encode()  # fmt: skip


def _rss(count: int, base: str = "") -> bytes:
    items = "".join(
        f"<item><title>Quay item {n}</title><link>{base}/news/{n}</link>"
        f"<guid>quay-{n}</guid><pubDate>Tue, 03 Mar 2026 07:15:00 GMT</pubDate></item>"
        for n in range(count)
    )
    return f'<rss version="2.0"><channel><title>Quay</title>{items}</channel></rss>'.encode()


def _sitemap(count: int) -> bytes:
    urls = "".join(
        f"<url><loc>https://quay.example/news/{n}</loc><lastmod>2026-03-03</lastmod></url>"
        for n in range(count)
    )
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def _best(run: Callable[[], object], repeats: int) -> tuple[object, float]:
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return result, best * 1000


def _trafilatura(content: bytes, url: str, sitemap: bool) -> list[str]:
    """Links as trafilatura's extractors give them (links only, by its domain rules)."""
    from trafilatura.feeds import FeedParameters, extract_links
    from trafilatura.sitemaps import SitemapObject

    domain = urlsplit(url).hostname or ""
    if not sitemap:
        params = FeedParameters(url, domain, url)
        return list(extract_links(content.decode("utf-8"), params))
    found = SitemapObject(url, domain, [])
    found.current_url = url
    found.content = content.decode("utf-8")
    found.process()
    return list(found.urls)


def parsers(repeats: int) -> None:
    """Print the parser table."""
    harbour, valley, quay = (
        f"https://{name}.example/feed" for name in ("harbour", "valley", "quay")
    )
    documents = [  # each read from its own site's URL, so trafilatura's domain filter keeps it
        ("harbour.rss (RSS 2.0)", (FEEDS / "harbour.rss").read_bytes(), harbour, False),
        ("valley.atom (Atom)", (FEEDS / "valley.atom").read_bytes(), valley, False),
        ("news-sitemap.xml", (FEEDS / "news-sitemap.xml").read_bytes(), harbour, True),
        ("generated RSS, 2,000 items", _rss(2000, "https://quay.example"), quay, False),
        ("generated sitemap, 20,000 URLs", _sitemap(20_000), quay, True),
    ]
    print("| document | parser | items | titles | dates | GUIDs | ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, content, url, sitemap in documents:
        ours, ms = _best(partial(parse_feed, content, url=url), repeats)
        assert isinstance(ours, Feed)
        items = ours.items
        titles = sum(item.title is not None for item in items)
        dates = sum(item.published is not None for item in items)
        guids = sum(item.guid is not None for item in items)
        counts = " | ".join(f"{n:,}" for n in (len(items), titles, dates, guids))
        print(f"| {name} | newsgist | {counts} | {ms:.1f} |")
        links, ms = _best(partial(_trafilatura, content, url, sitemap), repeats)
        assert isinstance(links, list)
        print(f"| {name} | trafilatura | {len(links):,} | – | – | – | {ms:.1f} |")


class _Site:
    """A local news site: ``/feed.xml`` and its stories, counting requests."""

    def __init__(self, count: int) -> None:
        self.feed = _rss(count)
        self.stories = {f"/news/{n}": _story(n) for n in range(count)}
        self.requests = 0
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests += 1
                if self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send_response(304)
                        self.end_headers()
                        return
                    body, kind = site.feed, "application/rss+xml"
                elif self.path in site.stories:
                    body, kind = site.stories[self.path], "text/html"
                else:
                    body, kind = b"", "text/plain"
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", '"v1"')
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def runs(count: int) -> None:
    """Print the feed-run table."""
    site = _Site(count)
    print()
    print(f"| run ({count} stories, one host) | fetched | cached | requests | s | stories/s |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache.sqlite3"
        plans = [
            ("first run, 1 at a time, no delay", 1, None),
            ("first run, 2 at a time, no delay", 2, None),
            ("re-run, answered by the cache", 1, cache),
        ]
        for name, per_host, keep in plans:
            if keep is not None and not cache.exists():
                _run(site, Path(folder), 1, cache)  # fill the cache first
            before = site.requests
            report, seconds = _run(site, Path(folder), per_host, keep)
            requests = site.requests - before
            print(
                f"| {name} | {report.fetched} | {report.cached} | {requests} | {seconds:.2f} |"
                f" {count / seconds:,.0f} |"
            )


def _run(site: _Site, folder: Path, per_host: int, cache: Path | None) -> tuple[FeedReport, float]:
    job = FeedJob(
        fetch=FetchOptions(allow_private=True),
        politeness=Politeness(delay=0, per_host=per_host),
        cache=cache,
    )
    out = folder / f"out-{time.monotonic_ns()}.jsonl"
    started = time.perf_counter()
    report = run_feed(f"{site.base}/feed.xml", out, job)
    return report, time.perf_counter() - started


def main() -> None:
    """Print both tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=60, help="Stories on the local site.")
    parser.add_argument("--quick", action="store_true", help="12 stories, one timing pass.")
    args = parser.parse_args()
    parsers(1 if args.quick else 5)
    runs(12 if args.quick else args.items)


if __name__ == "__main__":
    main()
