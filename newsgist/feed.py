"""Feed jobs: summarize every story an RSS/Atom feed or a sitemap lists, politely, in feed order.

A run reads the feed (a URL or a file; a sitemap index brings in its sitemaps), writes the
items to ``OUT.items.jsonl``, then runs them as a batch (``newsgist.batch.run_batch``) whose
engine fetches each story through ``PoliteFetcher`` and summarizes it. So it inherits the
batch's guarantees: one output line per item in feed order, the Summary with the item's
title, link, GUID and date, or an error record; ``OUT.part`` renamed only when complete; and
``resume`` after a crash, which goes on from the saved item list (of the same feed) without
reading the feed again. The item list is removed once the output is complete; a lock keeps a
second run off it meanwhile.

A cache (SQLite, ``default_cache()``) makes re-runs cheap: each feed document's ETag and
Last-Modified go back as a conditional GET (an unchanged feed is not downloaded again), and
each summary is kept under its feed, its item (GUID, link and date) and the settings, so a
re-run only fetches items it has not summarized; errors are not kept, so they are tried again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import sqlite3
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsgist.__version__ import __version__
from newsgist.batch import (
    BatchJob,
    BatchReport,
    OutputLock,
    Progress,
    Result,
    error_record,
    run_batch,
    writable,
)
from newsgist.errors import (
    BatchError,
    FeedError,
    InputTooLargeError,
    InvalidOptionError,
    NewsgistError,
    UnsafeURLError,
)
from newsgist.ingest import IngestOptions, read_limited
from newsgist.ingest.feeds import MAX_SITEMAP_BYTES, Feed, FeedItem, is_gzip, parse_feed
from newsgist.ingest.fetch import FEEDS, FetchOptions, Validators, fetch, gunzip, load_url
from newsgist.ingest.polite import DEFAULT_CONCURRENCY, PoliteFetcher, Politeness
from newsgist.models import Article
from newsgist.options import SummarizeOptions

MAX_SITEMAPS = 100
"""Sitemaps read from one sitemap index at most (each holds up to 50,000 items)."""

MAX_RUN_ITEMS = 200_000
"""Items one run takes at most, whatever the index lists: the item list stays in memory."""

CACHE_DAYS = 30
"""Summaries and feed documents no run has used for this many days leave the cache."""

_SCHEMA = 2
"""The cache's layout; a cache of another layout is emptied and built again."""


def default_cache() -> Path:
    """Return the cache file: ``$XDG_CACHE_HOME/newsgist/feeds.sqlite3`` (``~/.cache`` unset)."""
    root = os.environ.get("XDG_CACHE_HOME")
    if not root:
        try:
            root = str(Path.home() / ".cache")
        except RuntimeError:
            raise InvalidOptionError(
                "no home directory for the feed cache: name one (--cache) or run without"
                " (--no-cache)"
            ) from None
    return Path(root) / "newsgist" / "feeds.sqlite3"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedJob:
    """Everything one feed run needs: summary settings, fetch limits, manners and the cache.

    ``limit`` keeps the feed's first items only; ``cache`` None runs without a cache.
    """

    settings: SummarizeOptions = field(default_factory=SummarizeOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    politeness: Politeness = field(default_factory=Politeness)
    concurrency: int = DEFAULT_CONCURRENCY
    limit: int | None = None
    cache: Path | None = field(default_factory=default_cache)

    def __post_init__(self) -> None:
        if not 1 <= self.concurrency <= 64:
            raise InvalidOptionError(f"concurrency must be 1 to 64, not {self.concurrency}")
        if self.limit is not None and self.limit < 1:
            raise InvalidOptionError(f"limit must be positive, not {self.limit}")


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedBatchJob(BatchJob):
    """The batch a feed run becomes: its fingerprint names the feed, so a resume checks it."""

    feed: str = ""

    def fingerprint(self) -> dict[str, Any]:
        """Return the settings and the feed as JSON-ready values."""
        return {**BatchJob.fingerprint(self), "feed": self.feed}


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What a feed run did: the batch's counts, and how many stories were fetched or cached."""

    batch: BatchReport
    items: int
    fetched: int
    cached: int

    def describe(self) -> str:
        """Say it in one line, for the end of a run."""
        return (
            f"{self.items:,} items ({self.fetched:,} fetched, {self.cached:,} from the cache):"
            f" {self.batch.describe()}"
        )


class FeedCache:
    """Feed documents' validators and items, and summaries by feed, item and settings, in SQLite.

    One run uses it from one thread at a time (whichever iterates the records). A database
    error during a run stops it as a ``BatchError`` (what is written is kept for resume).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost last write is fine
            if self._db.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA:
                self._db.executescript(
                    "DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS summaries;"
                    f" PRAGMA user_version = {_SCHEMA};"
                )
            self._db.executescript(
                "CREATE TABLE IF NOT EXISTS documents (url TEXT PRIMARY KEY, etag TEXT,"
                " modified TEXT, feed TEXT NOT NULL, seen REAL NOT NULL);"
                "CREATE TABLE IF NOT EXISTS summaries (key TEXT PRIMARY KEY,"
                " summary TEXT NOT NULL, seen REAL NOT NULL);"
            )
        except (sqlite3.Error, OSError) as error:
            raise InvalidOptionError(
                f"cannot use the feed cache {path}: {error}; delete it, or run with --no-cache"
            ) from None

    def _run(self, sql: str, values: tuple[Any, ...]) -> list[Any]:
        """Run one statement, turning a database error into a ``BatchError``."""
        try:
            return self._db.execute(sql, values).fetchall()
        except sqlite3.Error as error:
            raise BatchError(f"the feed cache {self.path} failed: {error}") from None

    def document(self, url: str) -> tuple[Validators, Feed] | None:
        """Return the validators and parsed feed kept for a document's URL, if any."""
        rows = self._run("SELECT etag, modified, feed FROM documents WHERE url = ?", (url,))
        if not rows:
            return None
        try:
            feed = _feed_from_json(rows[0][2])
        except (ValueError, KeyError, TypeError):
            return None  # a damaged row: fetch the document afresh
        return Validators(rows[0][0], rows[0][1]), feed

    def keep_document(self, url: str, validators: Validators, feed: Feed) -> None:
        """Keep a document's validators and what it listed, for the next conditional GET."""
        if validators.etag or validators.last_modified:
            self._run(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                (url, validators.etag, validators.last_modified, _feed_to_json(feed), time.time()),
            )

    def summary(self, key: str) -> dict[str, Any] | None:
        """Return the summary JSON kept under ``key`` (see ``summary_key``), if any."""
        rows = self._run("SELECT summary FROM summaries WHERE key = ?", (key,))
        if not rows:
            return None
        try:
            summary = json.loads(rows[0][0])
        except ValueError:
            return None
        self._run("UPDATE summaries SET seen = ? WHERE key = ?", (time.time(), key))
        return summary if isinstance(summary, dict) else None

    def keep_summary(self, key: str, summary: str) -> None:
        """Keep a summary's JSON under ``key``."""
        self._run("INSERT OR REPLACE INTO summaries VALUES (?, ?, ?)", (key, summary, time.time()))

    def prune(self) -> None:
        """Drop what no run has used for ``CACHE_DAYS`` days."""
        old = time.time() - CACHE_DAYS * 86_400
        self._run("DELETE FROM summaries WHERE seen < ?", (old,))
        self._run("DELETE FROM documents WHERE seen < ?", (old,))

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def summary_key(feed: str, item: FeedItem, settings: SummarizeOptions) -> str:
    """Name one item's summary: its feed, GUID, link and date, the settings and the version.

    A story the feed updates (a new date or link) is summarized again; two feeds that use
    the same GUID for different stories never share a summary.
    """
    named = {
        "feed": feed,
        "item": [item.guid, item.link, item.published],
        "settings": settings.to_dict(),
        "version": __version__,
    }
    text = json.dumps(named, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _feed_to_json(feed: Feed) -> str:
    """Write a parsed feed as JSON, for the cache."""
    return json.dumps(
        {
            "kind": feed.kind,
            "title": feed.title,
            "items": [item.to_dict() for item in feed.items],
            "sitemaps": list(feed.sitemaps),
        }
    )


def _feed_from_json(text: str) -> Feed:
    """Read a parsed feed back from the cache's JSON."""
    data = json.loads(text)
    items = tuple(FeedItem(**item) for item in data["items"])
    return Feed(data["kind"], data["title"], items, tuple(data["sitemaps"]))


def _is_url(source: str) -> bool:
    """Whether a feed source is a URL (else a file path)."""
    return source.lower().startswith(("http://", "https://"))


class _Reader:
    """Reads a feed and, for a sitemap index, its sitemaps: the items in order, or errors."""

    def __init__(self, job: FeedJob, fetcher: PoliteFetcher, cache: FeedCache | None) -> None:
        self.job = job
        self.fetcher = fetcher
        self.cache = cache
        self.limits = replace(job.fetch, max_bytes=MAX_SITEMAP_BYTES)
        self.limit = min(job.limit or MAX_RUN_ITEMS, MAX_RUN_ITEMS)

    def entries(self, source: str) -> list[dict[str, Any]]:
        """Return the item list's records, ``{"item": …}``, ``"error"`` added for a bad sitemap.

        Items that repeat are kept once; ``limit`` counts items, not sitemap errors.
        Raises what reading the feed itself raises.
        """
        feed = self._document(source)
        entries: list[dict[str, Any]] = []
        seen: set[str] = set()
        taken = self._take(feed.items, entries, seen, 0)
        for location in feed.sitemaps[:MAX_SITEMAPS]:
            if taken >= self.limit:
                break
            try:
                child = self._document(self._child(location, source))
                if child.sitemaps:
                    raise FeedError(f"{location} is a sitemap index inside a sitemap index")
            except NewsgistError as error:
                entries.append({"item": FeedItem(location).to_dict(), "error": _problem(error)})
                continue
            taken = self._take(child.items, entries, seen, taken)
        return entries

    def _take(
        self, items: Iterable[FeedItem], entries: list[dict[str, Any]], seen: set[str], taken: int
    ) -> int:
        """Append the items not seen before, up to the limit; return the items taken in all."""
        for item in items:
            if taken >= self.limit:
                break
            if item.key is not None:
                if item.key in seen:
                    continue
                seen.add(item.key)
            entries.append({"item": item.to_dict()})
            taken += 1
        return taken

    @staticmethod
    def _child(location: str, parent: str) -> str:
        """Where an index's sitemap is: a URL, or (a local index only) a file beside it."""
        if _is_url(location):
            return location
        if _is_url(parent) or "://" in location:
            raise UnsafeURLError(f"a sitemap index may only name http(s) sitemaps, not {location}")
        return str(Path(parent).parent / location)

    def _document(self, source: str) -> Feed:
        """Read one feed document from a URL (conditionally, when cached) or a file."""
        if not _is_url(source):
            return parse_feed(self._unpacked(_read_file(source), source), url=None)
        known = self.cache.document(source) if self.cache else None
        try:
            page = self.fetcher.get(
                source,
                lambda url: fetch(
                    url, options=self.limits, accept=FEEDS, validators=known[0] if known else None
                ),
            )
        except InputTooLargeError:
            raise FeedError(f"{source} is over the {MAX_SITEMAP_BYTES:,}-byte feed limit") from None
        if page.unchanged and known is not None:
            return known[1]
        feed = parse_feed(self._unpacked(page.content, page.final_url), url=page.final_url)
        if self.cache is not None:
            self.cache.keep_document(source, page.validators, feed)
        return feed

    def _unpacked(self, content: bytes, shown: str) -> bytes:
        """Unpack a gzipped feed file, within the feed size limit."""
        if not is_gzip(content):
            return content
        try:
            return gunzip(content, shown, self.limits)
        except InputTooLargeError:
            raise FeedError(
                f"{shown} unpacks to over the {MAX_SITEMAP_BYTES:,}-byte feed limit"
            ) from None


def _read_file(path: str) -> bytes:
    """Read a feed file within the feed size limit."""
    try:
        with open(path, "rb") as stream:
            return read_limited(stream, options=IngestOptions(max_bytes=MAX_SITEMAP_BYTES))
    except FileNotFoundError:
        raise InvalidOptionError(f"no such feed file: {path}") from None
    except IsADirectoryError:
        raise InvalidOptionError(f"is a directory, not a feed file: {path}") from None
    except PermissionError:
        raise InvalidOptionError(f"permission denied: {path}") from None


def _problem(error: BaseException) -> dict[str, str]:
    """Describe an error as an error record does."""
    return {"type": type(error).__name__, "message": str(error)}


class _Fetchers:
    """Daemon threads that run fetches, so a stopped run never waits for a slow site."""

    def __init__(self, count: int) -> None:
        self._work: queue.SimpleQueue[tuple[Future[Article], Callable[[], Article]] | None] = (
            queue.SimpleQueue()
        )
        self._threads = [
            threading.Thread(target=self._serve, name=f"newsgist-feed-{n}", daemon=True)
            for n in range(count)
        ]
        for thread in self._threads:
            thread.start()

    def _serve(self) -> None:
        """Run queued fetches until told to stop; a cancelled one is skipped."""
        while (work := self._work.get()) is not None:
            future, run = work
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(run())
            except BaseException as error:  # handed to the caller, who reports it in place
                future.set_exception(error)

    def submit(self, run: Callable[[], Article]) -> Future[Article]:
        """Queue one fetch."""
        future: Future[Article] = Future()
        self._work.put((future, run))
        return future

    def stop(self, pending: Iterable[Future[Article]]) -> None:
        """Cancel the fetches not started, and let the threads end (daemons: exit never waits)."""
        for future in pending:
            future.cancel()
        for _ in self._threads:
            self._work.put(None)


@dataclass
class _Counts:
    """Stories fetched and items answered from the cache, in one run."""

    fetched: int = 0
    cached: int = 0


@dataclass(frozen=True)
class FeedEngine:
    """A batch engine whose records are feed items: each story is fetched, then summarized."""

    job: FeedJob
    feed: str
    fetcher: PoliteFetcher
    cache: FeedCache | None = None
    counts: _Counts = field(default_factory=_Counts)
    reads_source = False

    def results(
        self,
        source: str | Path,
        lines: Iterable[tuple[int, bytes]] | None,
        job: BatchJob,
        *,
        skip: int,
    ) -> Generator[Result, None, None]:
        """Fetch and summarize each item line, a few at a time, yielding results in order."""
        del source, skip  # the lines are streamed from the item list, past resumed ones
        if lines is None:
            raise InvalidOptionError("the feed engine needs the item list's lines")
        pipeline = job.pipeline()
        fetchers = _Fetchers(self.job.concurrency)
        pending: deque[tuple[int, dict[str, Any], Future[Article] | dict[str, Any]]] = deque()
        try:
            for number, raw in lines:
                entry = json.loads(raw)
                pending.append((number, entry, self._start(entry, fetchers)))
                if len(pending) > 4 * self.job.concurrency:
                    yield self._finish(*pending.popleft(), pipeline)
            while pending:
                yield self._finish(*pending.popleft(), pipeline)
        finally:
            fetchers.stop(work for _, _, work in pending if isinstance(work, Future))

    def _key(self, item: FeedItem) -> str:
        return summary_key(self.feed, item, self.job.settings)

    def _start(
        self, entry: dict[str, Any], fetchers: _Fetchers
    ) -> Future[Article] | dict[str, Any]:
        """Answer an item from the cache (its summary JSON), or start fetching its story."""
        item = FeedItem(**entry["item"])
        if "error" not in entry and self.cache is not None:
            summary = self.cache.summary(self._key(item))
            if summary is not None:
                self.counts.cached += 1
                return summary
        return fetchers.submit(lambda: self._load(item))

    def _load(self, item: FeedItem) -> Article:
        """Fetch an item's story (in a fetcher thread)."""
        if item.link is None:
            raise FeedError("the feed item has no link")
        form = self.job.settings.input_format
        options = self.job.fetch
        article = self.fetcher.get(
            item.link, lambda url: load_url(url, options=options, input_format=form)
        )
        if article.title is None and item.title is not None:
            article = replace(article, title=item.title)
        return article

    def _finish(
        self,
        number: int,
        entry: dict[str, Any],
        work: Future[Article] | dict[str, Any],
        pipeline: Callable[[Article], Any],
    ) -> Result:
        """Write an item's output line: the summary (fetched or cached), or an error record."""
        item = FeedItem(**entry["item"])
        head = {"id": item.key, "item": item.to_dict()}
        if isinstance(work, dict):
            return writable({**head, **work}, number)[1]
        if "error" in entry:
            return writable({**head, "line": number, "error": entry["error"]}, number)[1]
        try:
            article = work.result()
            self.counts.fetched += 1
            summary = pipeline(article).to_dict()
        except Exception as error:  # one bad item never stops a run: it is reported in place
            failed = error_record(item.key, number, error)
            return writable({**head, **failed, "item": item.to_dict()}, number)[1]
        del summary["timings"]
        result = writable({**head, **summary}, number)[1]
        if result.ok and self.cache is not None:
            self.cache.keep_summary(self._key(item), json.dumps(summary, ensure_ascii=False))
        return result


@contextlib.contextmanager
def _opened(job: FeedJob) -> Iterator[tuple[PoliteFetcher, FeedCache | None]]:
    """Build the fetcher and open the cache for one run (pruning and closing it after)."""
    fetcher = PoliteFetcher(job.fetch, job.politeness)
    cache = FeedCache(job.cache) if job.cache is not None else None
    try:
        yield fetcher, cache
    finally:
        if cache is not None:
            with contextlib.suppress(BatchError):  # never hides what stopped the run
                cache.prune()
            cache.close()


def summarize_feed(
    source: str, job: FeedJob | None = None
) -> Generator[dict[str, Any], None, None]:
    """Yield the output record of every item of a feed or sitemap (URL or file), in feed order.

    Each record is the item's summary JSON (``Summary.to_dict`` without timings) with ``id``
    (GUID, else link) and ``item`` (title, link, guid, published), or ``id``, ``item``,
    ``line`` and ``error``. Closing the iterator early cancels the fetches not yet started.

    Raises:
        NewsgistError: the feed itself cannot be fetched or read (``FeedError``,
            ``FetchError`` and its kinds), or bad settings.

    """
    job = job or FeedJob()
    batch_job = FeedBatchJob(settings=job.settings, feed=source)
    batch_job.pipeline()
    with _opened(job) as (fetcher, cache):
        entries = _Reader(job, fetcher, cache).entries(source)
        lines = ((n, json.dumps(entry).encode("utf-8")) for n, entry in enumerate(entries, 1))
        engine = FeedEngine(job, source, fetcher, cache)
        for result in engine.results(source, lines, batch_job, skip=0):
            yield json.loads(result.line)


def run_feed(
    source: str,
    output: str | Path,
    job: FeedJob | None = None,
    *,
    resume: bool = False,
    progress: Progress | None = None,
) -> FeedReport:
    """Summarize every item of a feed or sitemap (URL or file) into the JSONL file ``output``.

    ``output`` ``-`` writes to stdout (no resume). Raises what ``run_batch`` raises, and what
    reading the feed raises (see ``summarize_feed``).
    """
    job = job or FeedJob()
    batch_job = FeedBatchJob(settings=job.settings, feed=source)
    batch_job.pipeline()  # bad settings fail before anything is fetched
    to_stdout = str(output) == "-"
    if to_stdout and resume:
        raise InvalidOptionError("--resume needs an output file, not stdout")
    with contextlib.ExitStack() as stack:
        if to_stdout:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="newsgist-feed-"))
            items = Path(folder) / "items.jsonl"
        else:
            items = Path(f"{output}.items.jsonl")
            lock = OutputLock(items, "feed")  # the item list is this run's until it ends
            lock.acquire()
            stack.callback(lock.release)
        fetcher, cache = stack.enter_context(_opened(job))
        part = None if to_stdout else Path(f"{output}.part")
        count = _snapshot(source, items, part, _Reader(job, fetcher, cache), resume)
        engine = FeedEngine(job, source, fetcher, cache)
        report = run_batch(
            items, output, batch_job, resume=resume, engine=engine, progress=progress
        )
        with contextlib.suppress(OSError):
            items.unlink()
    return FeedReport(report, count, engine.counts.fetched, engine.counts.cached)


def _snapshot(source: str, items: Path, part: Path | None, reader: _Reader, resume: bool) -> int:
    """Write the feed's items to ``items``, or keep the list an unfinished run left there."""
    if part is not None and part.exists():
        if not resume:
            raise InvalidOptionError(
                f"{part} holds an unfinished run: add --resume to continue it,"
                " or delete it to start over"
            )
        if not items.exists():
            raise InvalidOptionError(
                f"{part} cannot be resumed: its item list {items} is gone; delete it to start over"
            )
        with items.open("rb") as stream:
            return sum(1 for _ in stream)
    entries = reader.entries(source)
    fresh = items.with_name(items.name + ".new")
    try:
        with fresh.open("w", encoding="utf-8") as stream:
            stream.writelines(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries)
        os.replace(fresh, items)
    except OSError as error:
        raise InvalidOptionError(f"cannot write {items}: {error.strerror or error}") from None
    return len(entries)
