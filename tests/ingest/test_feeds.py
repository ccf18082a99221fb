"""Reading feeds and sitemaps into items: RSS, Atom, news sitemaps, indexes, text sitemaps."""

from __future__ import annotations

import gzip
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgist.errors import FeedError
from newsgist.ingest.feeds import (
    MAX_ELEMENTS,
    MAX_SYNDICATION_BYTES,
    FeedItem,
    is_gzip,
    parse_feed,
)
from tests.conftest import DATA

FEEDS = DATA / "feeds"


def test_rss_items_keep_feed_order_title_guid_and_utc_date():
    feed = parse_feed((FEEDS / "harbour.rss").read_bytes(), url="https://harbour.example/rss")
    assert feed.kind == "rss"
    assert feed.title == "Harbour Post"
    assert feed.items[0] == FeedItem(
        link="https://harbour.example/news/ferry-strike",  # relative link resolved
        title="Ferry strike ends after nine days",
        guid="harbour-post-1041",
        published="2026-03-03T06:15:00Z",  # +0100 read and turned into UTC
    )
    assert feed.items[1].title == "Council & port agree <em>dredging</em> plan"
    assert feed.items[1].key == "https://harbour.example/news/dredging"  # no GUID: the link


def test_an_rss_guid_that_is_a_url_is_the_link_and_a_missing_link_stays_missing():
    items = parse_feed((FEEDS / "harbour.rss").read_bytes()).items
    assert items[2].link == "https://harbour.example/news/lifeboat"
    assert items[3] == FeedItem(link=None, title="An item with no link at all")
    assert items[3].key is None


def test_atom_takes_the_alternate_link_not_the_enclosure():
    feed = parse_feed((FEEDS / "valley.atom").read_bytes())
    assert feed.kind == "atom"
    assert [item.link for item in feed.items] == [
        "https://valley.example/2026/03/reservoir",
        "https://valley.example/2026/03/mill",
    ]
    assert feed.items[0].published == "2026-03-04T07:30:00Z"
    assert feed.items[1].published == "2026-03-03T12:00:00Z"  # no <published>: <updated>


def test_news_sitemap_gives_titles_and_dates_plain_entries_their_lastmod():
    feed = parse_feed((FEEDS / "news-sitemap.xml").read_bytes())
    assert feed.kind == "sitemap"
    first, second, repeated = feed.items
    assert first.title == "Ferry strike ends after nine days"
    assert first.published == "2026-03-03T06:15:00Z"  # +01:00 turned into UTC
    assert second == FeedItem("https://harbour.example/news/dredging", None, None, "2026-03-02")
    assert repeated.link == first.link  # the parser keeps what is there; the run drops repeats


def test_sitemap_index_lists_its_sitemaps_resolved():
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://harbour.example/sitemaps/2026-03.xml</loc></sitemap>"
        b"<sitemap><loc>/sitemaps/2026-02.xml.gz</loc><lastmod>2026-03-01</lastmod></sitemap>"
        b"</sitemapindex>"
    )
    feed = parse_feed(index, url="https://harbour.example/sitemap.xml")
    assert feed.kind == "sitemapindex"
    assert feed.items == ()
    assert feed.sitemaps == (
        "https://harbour.example/sitemaps/2026-03.xml",
        "https://harbour.example/sitemaps/2026-02.xml.gz",
    )


def test_text_sitemap_is_one_url_a_line():
    text = b"https://harbour.example/a\n\nhttps://harbour.example/b\n"
    feed = parse_feed(text)
    assert [item.link for item in feed.items] == [
        "https://harbour.example/a",
        "https://harbour.example/b",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!doctype html><html><body><p>A page</p></body></html>", "root is <html>"),
        (b"Just some words, not a feed.", "nor a text sitemap"),
        (b"", "nor a text sitemap"),
        (b"<urlset><url><loc>https://x.example/a</loc></url>", "not a well-formed sitemap"),
        (gzip.compress(b"<urlset/>"), "gzip"),
    ],
)
def test_what_is_not_a_feed_is_one_clear_error(content, message):
    with pytest.raises(FeedError, match=message):
        parse_feed(content)


def test_a_sitemap_with_entities_is_refused_before_any_expansion():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<urlset><url><loc>https://x.example/&b;</loc></url></urlset>"
    )
    with pytest.raises(FeedError, match="DTD"):
        parse_feed(bomb)


def test_an_rss_feed_never_reads_a_local_file_named_by_an_entity():
    feed_with_entity = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b'<rss version="2.0"><channel><item><title>&x;</title>'
        b"<link>https://x.example/a</link></item></channel></rss>"
    )
    items = parse_feed(feed_with_entity).items
    assert items[0].link == "https://x.example/a"
    assert items[0].title is None  # the entity is never expanded into a file's contents


def test_an_rss_billion_laughs_is_never_expanded():
    levels = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "ha">{levels}]>'
        '<rss version="2.0"><channel><item><title>&l9;</title>'
        "<link>https://x.example/a</link></item></channel></rss>"
    ).encode()
    item = parse_feed(bomb).items[0]
    assert item.link == "https://x.example/a"
    assert len(item.title or "") < 100  # 10^9 "ha"s would be 2 GB


def test_a_sitemap_of_too_many_elements_is_refused_as_it_is_read():
    flood = b"<urlset>" + b"<x/>" * (MAX_ELEMENTS + 1) + b"</urlset>"
    with pytest.raises(FeedError, match="XML elements"):
        parse_feed(flood)


def test_a_utf16_feed_and_a_comment_before_the_root_are_read():
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!-- we <3 feeds --><rss version="2.0">'
        "<channel><item><title>Fähre</title><link>https://x.example/a</link></item>"
        "</channel></rss>"
    )
    item = parse_feed(xml.encode("utf-16")).items[0]
    assert (item.title, item.link) == ("Fähre", "https://x.example/a")


def test_a_sitemap_date_with_a_zone_is_utc_and_a_bare_date_stays():
    sitemap = (
        b"<urlset><url><loc>https://x.example/a</loc><lastmod>2026-03-03T23:30:00-05:00"
        b"</lastmod></url><url><loc>https://x.example/b</loc><lastmod>2026-03-03</lastmod></url>"
        b"<url><loc>https://x.example/c</loc><lastmod>last week</lastmod></url></urlset>"
    )
    dates = [item.published for item in parse_feed(sitemap).items]
    assert dates == ["2026-03-04T04:30:00Z", "2026-03-03", "last week"]


def test_an_oversized_rss_feed_is_refused_by_size():
    huge = b'<rss version="2.0"><channel>' + b" " * MAX_SYNDICATION_BYTES + b"</channel></rss>"
    with pytest.raises(FeedError, match="limit for an RSS or Atom feed"):
        parse_feed(huge)


def test_is_gzip():
    assert is_gzip(gzip.compress(b"<urlset/>"))
    assert not is_gzip(b"<urlset/>")


_TITLES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda title: title.strip())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), _TITLES), min_size=1, max_size=8))
def test_any_rss_keeps_every_item_in_order(entries):
    """Whatever the titles hold, every item comes back, in order, with its link."""
    body = "".join(
        f"<item><title>{escape(title)}</title><link>https://x.example/{n}</link></item>"
        for n, title in entries
    )
    xml = (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{body}</channel></rss>'
    )
    items = parse_feed(xml.encode("utf-8")).items
    assert [item.link for item in items] == [f"https://x.example/{n}" for n, _ in entries]
