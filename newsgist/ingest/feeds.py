"""Feeds and sitemaps → the items they list, in their order: RSS 2.0/1.0, Atom and sitemaps.

RSS and Atom are read by feedparser, which knows their dialects, dates and broken markup
(``benchmarks/feeds.py`` measures it against trafilatura's link extractor, which keeps only
links). Sitemaps (``<urlset>``, news sitemaps, ``<sitemapindex>``, and the plain-text form of
one URL a line) are read with defusedxml's ElementTree, which refuses DTDs and entities, so
no entity expansion or external fetch can happen; feedparser is handed a stream, never a
string it could take for a path or URL. Nothing here opens a connection: a sitemap index
gives the URLs of its sitemaps, which ``newsgist.feed`` fetches. Both libraries come with the
``feeds`` extra.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

from newsgist.errors import FeedError, MissingDependencyError

MAX_ITEMS = 50_000
"""Items read from one document at most: the sitemap protocol's own limit per file."""

MAX_ELEMENTS = 1_000_000
"""XML elements read from one sitemap at most: 50,000 entries of up to 20 elements each."""

MAX_SITEMAP_BYTES = 52_428_800
"""The largest sitemap read (unpacked): the protocol's own limit, 50 MiB."""

MAX_SYNDICATION_BYTES = 5_000_000
"""The largest RSS or Atom document read. Real feeds are well under 1 MB; feedparser's
lenient parser takes up to 3 s a megabyte on hostile markup, so this bounds the time."""

FeedKind = Literal["rss", "atom", "sitemap", "sitemapindex"]

_GZIP_MAGIC = b"\x1f\x8b"
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_HEAD = 65_536
"""Bytes searched for the root element (after the XML declaration, comments and doctype)."""
_FEED_ROOTS: dict[bytes, FeedKind] = {b"rss": "rss", b"RDF": "rss", b"feed": "atom"}
_SITEMAP_ROOTS: dict[bytes, FeedKind] = {b"urlset": "sitemap", b"sitemapindex": "sitemapindex"}
_URL_LINE = re.compile(r"https?://\S+", re.IGNORECASE)
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_DECLARED_ENCODING = re.compile(r"""(?<=<\?xml)([^>]*?)\s+encoding=["'][^"']*["']""")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One story a feed lists: its link, and what the feed says of it (None when it says nothing).

    ``published`` is ISO 8601 in UTC (``2026-03-04T07:15:00Z``) when the feed gives a time and
    its zone; a bare date (``2026-03-04``), or a date that cannot be read, stays as written.
    """

    link: str | None
    title: str | None = None
    guid: str | None = None
    published: str | None = None

    @property
    def key(self) -> str | None:
        """What names the item across runs: its GUID, else its link."""
        return self.guid or self.link

    def to_dict(self) -> dict[str, str | None]:
        """Return the item as JSON-ready values."""
        return {
            "title": self.title,
            "link": self.link,
            "guid": self.guid,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed or sitemap: its items in order, and (an index) the sitemaps it names."""

    kind: FeedKind
    title: str | None
    items: tuple[FeedItem, ...]
    sitemaps: tuple[str, ...] = ()


def is_gzip(content: bytes) -> bool:
    """Whether ``content`` is a gzip file (``sitemap.xml.gz``), to be unpacked before parsing."""
    return content.startswith(_GZIP_MAGIC)


def parse_feed(content: bytes, *, url: str | None = None) -> Feed:
    """Read an RSS or Atom feed, a sitemap or a sitemap index; ``url`` resolves relative links.

    A document that lists nothing gives a ``Feed`` with no items.

    Raises:
        FeedError: the bytes are none of these, or are too large for what they are.
        MissingDependencyError: the ``feeds`` extra is not installed.

    """
    if is_gzip(content):
        raise FeedError("the feed is gzip-compressed; unpack it first (newsgist.feed does)")
    if len(content) > MAX_SITEMAP_BYTES:
        raise FeedError(
            f"{url or 'the input'} is {len(content):,} bytes, over the"
            f" {MAX_SITEMAP_BYTES:,}-byte limit of a sitemap"
        )
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: read as the UTF-8 it holds
        text = content.decode("utf-16", errors="replace")
        content = _DECLARED_ENCODING.sub(r"\1", text, count=1).encode("utf-8")
    head = content[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return _text_sitemap(content, url)
    root = _ROOT.search(_COMMENT.sub(b"", head))
    name = root.group(1) if root else b""
    if name in _SITEMAP_ROOTS:
        return _sitemap(content, url, _SITEMAP_ROOTS[name])
    if name in _FEED_ROOTS:
        if len(content) > MAX_SYNDICATION_BYTES:
            raise FeedError(
                f"{url or 'the input'} is {len(content):,} bytes, over the"
                f" {MAX_SYNDICATION_BYTES:,}-byte limit for an RSS or Atom feed"
            )
        return _syndication(content, url)
    shown = name.decode("ascii", "replace")[:40] or "no element"
    raise FeedError(
        f"{url or 'the input'} is not an RSS or Atom feed or a sitemap (its root is <{shown}>)"
    )


def _syndication(content: bytes, url: str | None) -> Feed:
    """Read RSS or Atom with feedparser (its lenient parser takes over from broken XML)."""
    try:
        import feedparser
    except ImportError as error:
        raise MissingDependencyError("reading feeds", "feeds", error.name) from None
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(
        io.BytesIO(content),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = str(parsed.get("version") or "")
    if not version and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise FeedError(
            f"{url or 'the input'} could not be read as RSS or Atom" + (f" ({why})" if why else "")
        )
    items = tuple(_entry(entry, url) for entry in parsed.entries[:MAX_ITEMS])
    title = _text(parsed.feed.get("title"))
    return Feed("atom" if version.startswith("atom") else "rss", title, items)


def _entry(entry: Any, base: str | None) -> FeedItem:  # noqa: ANN401 - feedparser's dict
    """Turn one feedparser entry into a ``FeedItem``."""
    guid = _text(entry.get("id"))
    link = _text(entry.get("link"))
    if link is None and guid and _URL_LINE.fullmatch(guid):
        link = guid  # an RSS <guid> is a permalink unless it says isPermaLink="false"
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    written = _text(entry.get("published") or entry.get("updated"))
    published = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else written
    return FeedItem(_absolute(link, base), _text(entry.get("title")), guid, published)


def _sitemap(content: bytes, url: str | None, kind: FeedKind) -> Feed:
    """Read a sitemap (news sitemaps' titles and dates too) or a sitemap index, as a stream.

    Each entry is read and then dropped from the tree, so memory holds the items, not the
    document; a document of more than ``MAX_ELEMENTS`` elements is refused as it is read.
    """
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, iterparse
    except ImportError as error:
        raise MissingDependencyError("reading sitemaps", "feeds", error.name) from None
    entries: list[tuple[str | None, str | None, str | None]] = []
    depth = elements = 0
    root: Any = None
    try:
        for event, element in iterparse(io.BytesIO(content), ("start", "end"), forbid_dtd=True):
            if event == "start":
                root = element if root is None else root
                depth += 1
                continue
            depth -= 1
            elements += 1
            if elements > MAX_ELEMENTS:
                raise FeedError(
                    f"{url or 'the input'} has more than {MAX_ELEMENTS:,} XML elements;"
                    " no sitemap needs so many"
                )
            if depth == 1 and _local(element.tag) in ("url", "sitemap"):
                if len(entries) < MAX_ITEMS:
                    entries.append(_sitemap_entry(element))
                root.clear()  # what is read is dropped: memory holds the items only
    except (ParseError, DefusedXmlException) as error:
        raise FeedError(f"{url or 'the input'} is not a well-formed sitemap ({error})") from None
    if kind == "sitemapindex":
        found = (_absolute(loc, url) for loc, _, _ in entries)
        return Feed(kind, None, (), tuple(dict.fromkeys(loc for loc in found if loc)))
    items = tuple(FeedItem(_absolute(loc, url), title, None, date) for loc, title, date in entries)
    return Feed(kind, None, items)


def _sitemap_entry(entry: Any) -> tuple[str | None, str | None, str | None]:  # noqa: ANN401
    """Read one ``<url>`` or ``<sitemap>``: its location, news title and date (UTC if timed)."""
    news = next((child for child in entry if _local(child.tag) == "news"), None)
    title = _child_text(news, "title") if news is not None else None
    date = _child_text(news, "publication_date") if news is not None else None
    return _child_text(entry, "loc"), title, _utc(date or _child_text(entry, "lastmod"))


def _utc(written: str | None) -> str | None:
    """Write a W3C date-time with a time zone in UTC (``…Z``); a bare date stays as written."""
    if written is None or "T" not in written:
        return written
    try:
        moment = datetime.fromisoformat(written.replace("Z", "+00:00"))
    except ValueError:
        return written
    if moment.tzinfo is None:
        return written
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text_sitemap(content: bytes, url: str | None) -> Feed:
    """Read a plain-text sitemap: one absolute URL a line, nothing else."""
    text = content.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or not all(_URL_LINE.fullmatch(line) for line in lines[:100]):
        raise FeedError(
            f"{url or 'the input'} is not an RSS or Atom feed or a sitemap"
            " (nor a text sitemap of one URL a line)"
        )
    links = [line for line in lines[:MAX_ITEMS] if _URL_LINE.fullmatch(line)]
    return Feed("sitemap", None, tuple(FeedItem(link) for link in links))


def _local(tag: object) -> str:
    """Return an element's name without its namespace."""
    return str(tag).rpartition("}")[2]


def _child_text(element: Any, name: str) -> str | None:  # noqa: ANN401 - an ElementTree element
    """Return the stripped text of the first child ``name`` (any namespace), if any."""
    for child in element:
        if _local(child.tag) == name:
            return _text(child.text)
    return None


def _text(value: object) -> str | None:
    """Text with its whitespace collapsed, or None when there is none."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _absolute(link: str | None, base: str | None) -> str | None:
    """Resolve a relative link against the document's URL (left as it is without one)."""
    if link is None or base is None or urlsplit(link).scheme:
        return link
    return urljoin(base, link)
