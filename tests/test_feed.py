"""Feed runs against a news site served on loopback: records in feed order, manners, cache, resume.

The site serves an RSS feed of stories written for these tests, a robots.txt that keeps
``/members/`` off, a slow story, a failing one, a redirect into the intranet (127.0.0.2,
refused: only 127.0.0.1 stands for the public web here), and a sitemap index.
"""

from __future__ import annotations

import gzip
import http.server
import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from newsgist.batch import OutputLock
from newsgist.cli import main
from newsgist.errors import BatchError, HTTPStatusError, InvalidOptionError
from newsgist.feed import FeedJob, run_feed, summarize_feed
from newsgist.ingest.fetch import FetchOptions
from newsgist.ingest.polite import Politeness
from tests.httpserver import Route, Server, send, start

STORIES = {
    "ferry": (
        "Ferry strike ends after nine days",
        "Ferry crews in Port Alder voted on Tuesday to end a nine-day strike that stranded"
        " thousands of island commuters. The union said 312 of its 340 members backed a new"
        " pay offer of 6.5% over two years. Services to Kellan Island will resume on Thursday"
        " morning, the operator said. Island shopkeepers said the stoppage had cost them nearly"
        " half their weekly trade.",
    ),
    "dredging": (
        "Council and port agree dredging plan",
        "Port Alder council and the harbour board agreed on Monday to share the cost of"
        " dredging the main channel. Silt has narrowed the channel so far that larger cargo"
        " ships now wait for high tide. The work will cost 4.2 million pounds and start in"
        " September. Fishermen fear the noise will drive cod from the bay for a season.",
    ),
    "lifeboat": (
        "Lifeboat crew honoured for night rescue",
        "Six volunteers from the Kellan lifeboat station were honoured on Friday for a rescue"
        " in a force nine gale. They pulled four sailors from a yacht that had lost its mast"
        " eleven miles offshore. The coxswain, Ada Brennan, said the crew had trained for such"
        " a night for years. The station has launched 41 times this year.",
    ),
    "bridge": (
        "Old swing bridge to close for repairs",
        "The swing bridge that links Port Alder's old town to the quay will close for three"
        " weeks from Monday. Engineers found rust in the gears that turn it for passing boats."
        " Pedestrians will use a temporary footbridge beside it. Traders on the quay asked for"
        " the work to be moved to winter, when fewer visitors come.",
    ),
}

ETAG = '"feed-v1"'


def page(name: str) -> bytes:
    title, text = STORIES[name]
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in text.rstrip(".").split(". "))
    return (
        f"<html><head><title>{title} - Harbour Post</title></head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def rss(*items: tuple[str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid></item>"
        for title, link in items
    )
    return f'<rss version="2.0"><channel><title>Harbour Post</title>{body}</channel></rss>'.encode()


class Feed:
    """The feed document the site serves now: its items and ETag change between runs."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.items = items
        self.etag = ETAG
        self.conditional: list[str | None] = []

    def route(self, h: http.server.BaseHTTPRequestHandler) -> None:
        sent = h.headers.get("If-None-Match")
        self.conditional.append(sent)
        if sent == self.etag:
            send(h, b"", None, 304, {"ETag": self.etag})
            return
        send(h, rss(*self.items), "application/rss+xml", headers={"ETag": self.etag})


def story(name: str) -> Route:
    return lambda h: send(h, page(name))


def slow_story(h: http.server.BaseHTTPRequestHandler) -> None:
    time.sleep(0.3)
    send(h, page("bridge"))


MODIFIED = "Tue, 03 Mar 2026 07:15:00 GMT"
SINCE: list[str | None] = []


def dated(h: http.server.BaseHTTPRequestHandler) -> None:
    """A feed with Last-Modified and no ETag: a repeat with If-Modified-Since gets a 304."""
    SINCE.append(h.headers.get("If-Modified-Since"))
    if h.headers.get("If-Modified-Since") == MODIFIED:
        send(h, b"", None, 304)
        return
    body = rss(("Ferry strike ends", "/news/ferry"))
    send(h, body, "application/rss+xml", headers={"Last-Modified": MODIFIED})


def slow(h: http.server.BaseHTTPRequestHandler) -> None:
    time.sleep(3)
    send(h, page("bridge"))


@pytest.fixture
def intranet() -> Iterator[Server]:
    yield from start("127.0.0.2", {"/wiki": lambda h: send(h, page("bridge"))})


@pytest.fixture
def small() -> Feed:
    return Feed([("Ferry strike ends", "/news/ferry"), ("Dredging plan", "/news/dredging")])


@pytest.fixture
def site(intranet: Server, small: Feed) -> Iterator[Server]:
    everything = rss(
        ("Ferry strike ends", "/news/ferry"),
        ("Members only", "/members/briefing"),
        ("Slow story", "/news/slow"),
        ("Dredging plan", "/news/dredging"),
        ("Broken story", "/news/broken"),
        ("Intranet", "/news/to-intranet"),
        ("Lifeboat crew honoured", "/news/lifeboat"),
    )
    index = (
        b"<sitemapindex><sitemap><loc>/sitemaps/march.xml.gz</loc></sitemap>"
        b"<sitemap><loc>/sitemaps/missing.xml</loc></sitemap>"
        b"<sitemap><loc>/sitemaps/bomb.xml.gz</loc></sitemap>"
        + f"<sitemap><loc>{intranet.base}/wiki</loc></sitemap>".encode()
        + b"<sitemap><loc>file:///etc/passwd</loc></sitemap></sitemapindex>"
    )
    march = gzip.compress(
        b"<urlset><url><loc>/news/bridge</loc></url><url><loc>/news/ferry</loc></url>"
        b"<url><loc>/news/bridge</loc></url></urlset>"
    )
    bomb = gzip.compress(b"<urlset>" + b" " * 60_000_000 + b"</urlset>")
    other_guid_one = (
        b'<rss version="2.0"><channel><item><title>Bridge</title><link>/news/bridge</link>'
        b'<guid isPermaLink="false">1</guid></item></channel></rss>'
    )
    guid_one = other_guid_one.replace(b"bridge", b"ferry").replace(b"Bridge", b"Ferry")
    many = rss(*((f"Slow {n}", f"/slow/{n}") for n in range(8)))
    routes: dict[str, Route] = {
        "/robots.txt": lambda h: send(h, b"User-agent: *\nDisallow: /members/\n", "text/plain"),
        "/feed.xml": lambda h: send(h, everything, "application/rss+xml"),
        "/small.xml": small.route,
        "/sitemap.xml": lambda h: send(h, index, "application/xml"),
        "/sitemaps/march.xml.gz": lambda h: send(h, march, "application/gzip"),
        "/sitemaps/bomb.xml.gz": lambda h: send(h, bomb, "application/gzip"),
        "/a.xml": lambda h: send(h, guid_one, "application/rss+xml"),
        "/b.xml": lambda h: send(h, other_guid_one, "application/rss+xml"),
        "/dated.xml": dated,
        "/many.xml": lambda h: send(h, many, "application/rss+xml"),
        **{f"/slow/{n}": slow_story for n in range(8)},
        "/news/slow": slow,
        "/news/broken": lambda h: send(h, b"down", "text/plain", 500),
        "/news/to-intranet": lambda h: send(
            h, b"", None, 302, {"Location": f"{intranet.base}/wiki"}
        ),
        "/members/briefing": lambda h: send(h, page("bridge")),
        **{f"/news/{name}": story(name) for name in STORIES},
    }
    yield from start("127.0.0.1", routes)


def job(tmp_path: Path, *, cache: bool = True, **kwargs: object) -> FeedJob:
    fetch = FetchOptions(allow_networks=("127.0.0.1/32",), total_timeout=1.0)
    return FeedJob(
        fetch=fetch,
        politeness=Politeness(delay=0),
        cache=tmp_path / "cache.sqlite3" if cache else None,
        **kwargs,  # type: ignore[arg-type]
    )


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def stories_fetched(server: Server) -> list[str]:
    return [hit for hit in server.hits if hit.startswith(("/news/", "/members/"))]


def test_every_item_gets_one_record_in_feed_order(site, intranet, tmp_path):
    out = tmp_path / "out.jsonl"
    report = run_feed(f"{site.base}/feed.xml", out, job(tmp_path))
    lines = records(out)
    assert [line["item"]["title"] for line in lines] == [  # type: ignore[index]
        "Ferry strike ends",
        "Members only",
        "Slow story",
        "Dredging plan",
        "Broken story",
        "Intranet",
        "Lifeboat crew honoured",
    ]
    assert [line["id"] for line in lines] == [f"{site.base}{p}" for p in (
        "/news/ferry", "/members/briefing", "/news/slow", "/news/dredging", "/news/broken",
        "/news/to-intranet", "/news/lifeboat",
    )]  # fmt: skip
    errors = {line["item"]["title"]: line["error"]["type"] for line in lines if "error" in line}  # type: ignore[index]
    assert errors == {
        "Members only": "RobotsDisallowedError",
        "Slow story": "FetchTimeoutError",
        "Broken story": "HTTPStatusError",
        "Intranet": "UnsafeURLError",
    }
    ferry = lines[0]
    assert "Port Alder" in ferry["headline"]  # type: ignore[operator]
    assert any("312 of its 340" in h["text"] for h in ferry["highlights"])  # type: ignore[attr-defined]
    assert "/members/briefing" not in site.hits  # robots.txt honoured: never asked for
    assert intranet.hits == []  # the redirect into the intranet never reached it
    assert (report.batch.ok, report.batch.failed, report.items) == (3, 4, 7)
    assert report.fetched == 3  # stories downloaded: not the refused or failed ones
    assert not Path(f"{out}.items.jsonl").exists()  # the item list goes once the output is done


def test_a_rerun_fetches_only_new_items_and_an_unchanged_feed_is_a_304(site, small, tmp_path):
    first = run_feed(f"{site.base}/small.xml", tmp_path / "a.jsonl", job(tmp_path))
    assert (first.fetched, first.cached) == (2, 0)
    assert stories_fetched(site) == ["/news/ferry", "/news/dredging"]

    again = run_feed(f"{site.base}/small.xml", tmp_path / "b.jsonl", job(tmp_path))
    assert small.conditional == [None, ETAG]  # the second run sent the ETag back: a 304
    assert (again.fetched, again.cached) == (0, 2)
    assert stories_fetched(site) == ["/news/ferry", "/news/dredging"]
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()

    small.items.insert(0, ("Lifeboat crew honoured", "/news/lifeboat"))
    small.etag = '"feed-v2"'
    third = run_feed(f"{site.base}/small.xml", tmp_path / "c.jsonl", job(tmp_path))
    assert (third.fetched, third.cached) == (1, 2)
    assert stories_fetched(site) == ["/news/ferry", "/news/dredging", "/news/lifeboat"]
    assert [line["item"]["title"] for line in records(tmp_path / "c.jsonl")] == [  # type: ignore[index]
        "Lifeboat crew honoured",
        "Ferry strike ends",
        "Dredging plan",
    ]


def test_other_settings_are_not_answered_from_the_cache(site, tmp_path):
    run_feed(f"{site.base}/small.xml", tmp_path / "a.jsonl", job(tmp_path))
    from newsgist.options import SummarizeOptions

    other = job(tmp_path, settings=SummarizeOptions(sentences=2))
    report = run_feed(f"{site.base}/small.xml", tmp_path / "b.jsonl", other)
    assert (report.fetched, report.cached) == (2, 0)
    assert all(len(line["highlights"]) == 2 for line in records(tmp_path / "b.jsonl"))  # type: ignore[arg-type]


class CrashError(Exception):
    pass


def test_a_crashed_run_resumes_from_its_saved_item_list(site, small, tmp_path):
    out = tmp_path / "out.jsonl"
    small.items.append(("Lifeboat crew honoured", "/news/lifeboat"))

    def crash_after_two(done: int, read: int, size: int | None) -> None:
        if done == 2:
            raise CrashError

    with pytest.raises(CrashError):
        run_feed(
            f"{site.base}/small.xml", out, job(tmp_path, cache=False), progress=crash_after_two
        )
    assert len(Path(f"{out}.part").read_text().splitlines()) == 2
    small.items.insert(0, ("Bridge closes", "/news/bridge"))  # the feed moved on meanwhile
    report = run_feed(f"{site.base}/small.xml", out, job(tmp_path, cache=False), resume=True)
    assert [line["item"]["title"] for line in records(out)] == [  # type: ignore[index]
        "Ferry strike ends",
        "Dredging plan",
        "Lifeboat crew honoured",
    ]
    assert report.batch.resumed == 2
    assert stories_fetched(site).count("/news/ferry") == 1  # nothing fetched twice
    assert small.conditional == [None]  # the feed was not read again


def test_an_unfinished_run_is_not_overwritten_without_resume(site, tmp_path):
    out = tmp_path / "out.jsonl"
    Path(f"{out}.part").write_text("")
    with pytest.raises(InvalidOptionError, match="--resume"):
        run_feed(f"{site.base}/small.xml", out, job(tmp_path))
    assert "/small.xml" not in site.hits


def test_a_resume_with_another_feed_is_refused(site, small, tmp_path):
    out = tmp_path / "out.jsonl"

    def crash(done: int, read: int, size: int | None) -> None:
        raise CrashError

    with pytest.raises(CrashError):
        run_feed(f"{site.base}/small.xml", out, job(tmp_path, cache=False), progress=crash)
    with pytest.raises(InvalidOptionError, match="other input or with other settings"):
        run_feed(f"{site.base}/feed.xml", out, job(tmp_path, cache=False), resume=True)
    assert "/feed.xml" not in site.hits


def test_a_second_run_on_the_same_output_is_refused_before_it_reads_the_feed(site, tmp_path):
    out = tmp_path / "out.jsonl"
    items = Path(f"{out}.items.jsonl")
    items.write_text("the first run's list\n")
    holder = OutputLock(items, "feed")
    holder.acquire()
    try:
        with pytest.raises(BatchError, match="being written by another newsgist feed"):
            run_feed(f"{site.base}/small.xml", out, job(tmp_path))
    finally:
        holder.release()
    assert items.read_text() == "the first run's list\n"
    assert "/small.xml" not in site.hits


def test_the_output_folder_is_made(site, tmp_path):
    out = tmp_path / "new" / "folder" / "out.jsonl"
    run_feed(f"{site.base}/small.xml", out, job(tmp_path))
    assert len(records(out)) == 2


def test_limit_keeps_the_first_items(site, tmp_path):
    out = tmp_path / "out.jsonl"
    report = run_feed(f"{site.base}/feed.xml", out, job(tmp_path, limit=2))
    assert [line["item"]["title"] for line in records(out)] == ["Ferry strike ends", "Members only"]  # type: ignore[index]
    assert report.items == 2
    assert "/news/slow" not in site.hits


def test_two_feeds_that_share_a_guid_never_share_a_summary(site, tmp_path):
    run_feed(f"{site.base}/a.xml", tmp_path / "a.jsonl", job(tmp_path))
    report = run_feed(f"{site.base}/b.xml", tmp_path / "b.jsonl", job(tmp_path))
    (bridge,) = records(tmp_path / "b.jsonl")
    assert report.cached == 0
    assert bridge["item"]["link"] == f"{site.base}/news/bridge"  # type: ignore[index]
    assert "swing bridge" in " ".join(h["text"] for h in bridge["highlights"])  # type: ignore[attr-defined]


def test_a_feed_with_last_modified_only_is_a_conditional_get_too(site, tmp_path):
    SINCE.clear()
    run_feed(f"{site.base}/dated.xml", tmp_path / "a.jsonl", job(tmp_path))
    report = run_feed(f"{site.base}/dated.xml", tmp_path / "b.jsonl", job(tmp_path))
    assert SINCE == [None, MODIFIED]
    assert (report.fetched, report.cached) == (0, 1)


def test_a_cache_of_another_layout_is_rebuilt_and_a_broken_one_refused(site, tmp_path):
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE summaries (a, b, c, d, e)")
    with_old = replace(job(tmp_path), cache=old)
    assert run_feed(f"{site.base}/small.xml", tmp_path / "a.jsonl", with_old).batch.ok == 2
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InvalidOptionError, match="--no-cache"):
        run_feed(
            f"{site.base}/small.xml", tmp_path / "b.jsonl", replace(job(tmp_path), cache=broken)
        )


def test_closing_the_records_early_cancels_the_fetches_not_started(site, tmp_path):
    records_ = summarize_feed(f"{site.base}/many.xml", job(tmp_path, cache=False, concurrency=1))
    next(records_)
    records_.close()
    time.sleep(1.0)
    assert sum(hit.startswith("/slow/") for hit in site.hits) <= 3


def test_feed_to_stdout(site, tmp_path, capfdbinary):
    out = "-"
    argv = ["feed", f"{site.base}/small.xml", "--allow-private", "-o", out, "--delay", "0"]
    assert main([*argv, "--no-cache"]) == 0
    lines = capfdbinary.readouterr().out.decode().splitlines()
    assert [json.loads(line)["item"]["title"] for line in lines] == [
        "Ferry strike ends",
        "Dredging plan",
    ]
    assert main([*argv, "--no-cache", "--resume"]) == 2


def test_a_sitemap_index_brings_in_its_sitemaps_and_reports_each_bad_one(site, intranet, tmp_path):
    out = tmp_path / "out.jsonl"
    run_feed(f"{site.base}/sitemap.xml", out, job(tmp_path))
    lines = records(out)
    assert [line["id"] for line in lines] == [
        f"{site.base}/news/bridge",  # once: the repeat is dropped
        f"{site.base}/news/ferry",
        f"{site.base}/sitemaps/missing.xml",
        f"{site.base}/sitemaps/bomb.xml.gz",
        f"{intranet.base}/wiki",
        "file:///etc/passwd",
    ]
    assert "Port Alder" in lines[0]["headline"]  # type: ignore[operator]
    errors = [line["error"] for line in lines[2:]]
    assert [error["type"] for error in errors] == [  # type: ignore[index]
        "HTTPStatusError",
        "FeedError",
        "UnsafeURLError",
        "UnsafeURLError",
    ]
    assert "feed limit" in errors[1]["message"]  # type: ignore[index]
    assert intranet.hits == []


def test_a_local_sitemap_index_reads_its_sitemaps_beside_it(site, tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "index.xml").write_text(
        "<sitemapindex><sitemap><loc>part.xml</loc></sitemap></sitemapindex>"
    )
    (folder / "part.xml").write_text(
        f"<urlset><url><loc>{site.base}/news/lifeboat</loc></url></urlset>"
    )
    found = list(summarize_feed(str(folder / "index.xml"), job(tmp_path, cache=False)))
    assert [record["id"] for record in found] == [f"{site.base}/news/lifeboat"]
    assert "highlights" in found[0]


def test_a_feed_that_cannot_be_fetched_is_one_error(site, tmp_path):
    with pytest.raises(HTTPStatusError, match="404"):
        run_feed(f"{site.base}/no-feed.xml", tmp_path / "out.jsonl", job(tmp_path))
    assert not (tmp_path / "out.jsonl.items.jsonl").exists()


def test_summarize_feed_yields_the_records(site, tmp_path):
    found = list(summarize_feed(f"{site.base}/small.xml", job(tmp_path, cache=False)))
    assert [record["id"] for record in found] == [
        f"{site.base}/news/ferry",
        f"{site.base}/news/dredging",
    ]
    assert all("highlights" in record for record in found)


def test_a_feed_file_is_read_and_its_items_fetched(site, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(("Lifeboat", f"{site.base}/news/lifeboat")))
    found = list(summarize_feed(str(feed), job(tmp_path, cache=False)))
    assert found[0]["item"]["link"] == f"{site.base}/news/lifeboat"
    assert "Kellan" in " ".join(h["text"] for h in found[0]["highlights"])


def test_cli_feed_writes_one_summary_per_item(site, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    cache = tmp_path / "cli-cache.sqlite3"
    url = f"{site.base}/small.xml"
    argv = ["feed", url, "--allow-private", "-o", str(out), "--delay", "0", "--cache", str(cache)]
    assert main(argv) == 0
    assert [line["item"]["title"] for line in records(out)] == [  # type: ignore[index]
        "Ferry strike ends",
        "Dredging plan",
    ]
    assert "2 items (2 fetched, 0 from the cache)" in capsys.readouterr().err
    assert main(argv) == 0
    assert "2 items (0 fetched, 2 from the cache)" in capsys.readouterr().err


def test_cli_feed_exit_codes_and_one_line_errors(site, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    base = ["--allow-private", "-o", str(out), "--delay", "0", "--no-cache", "--timeout", "1"]
    assert main(["feed", f"{site.base}/feed.xml", *base]) == 1  # some items failed
    capsys.readouterr()
    assert main(["feed", f"{site.base}/no-feed.xml", *base]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "404" in err
    assert main(["feed", f"{site.base}/robots.txt", *base]) == 2
    assert "not an RSS or Atom feed or a sitemap" in capsys.readouterr().err
    assert main(["feed", f"{site.base}/small.xml", "-o", str(out), "--no-cache"]) == 2
    assert "not a public address" in capsys.readouterr().err
