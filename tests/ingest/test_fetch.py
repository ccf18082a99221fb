"""The fetch path against real HTTP servers that the tests start on loopback addresses.

``news`` listens on 127.0.0.1 and serves every route below; ``intranet`` listens on
127.0.0.2 and stands for a private host that nothing should reach unless allowed. The
tests let 127.0.0.1/32 through with ``allow_networks`` (it stands in for a public site) and
keep every other private address refused, as by default.
"""

from __future__ import annotations

import gzip
import http.server
import ssl
import time
from collections.abc import Iterator

import pytest

from newsgist.errors import (
    ContentTypeError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputTooLargeError,
    InvalidOptionError,
    MissingDependencyError,
    UnsafeURLError,
)
from newsgist.ingest.fetch import DEFAULT_USER_AGENT, FetchOptions, fetch, load_url
from tests.conftest import DATA
from tests.httpserver import Route, Server, send, start

PAGE = (DATA / "pages" / "valley-courier.html").read_bytes()  # windows-1252, declared in <meta>
PUBLIC = ("127.0.0.1/32",)
CP1252 = "text/html; charset=windows-1252"


def story(h: http.server.BaseHTTPRequestHandler) -> None:
    send(h, PAGE, CP1252)


def redirect(location: str) -> Route:
    return lambda h: send(h, b"", None, 302, {"Location": location})


def slow(h: http.server.BaseHTTPRequestHandler) -> None:
    time.sleep(1.0)
    story(h)


def drip(h: http.server.BaseHTTPRequestHandler) -> None:
    """Send a byte every 0.1 s: each read is quick, the whole download is not."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(30):
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(0.1)


def endless(h: http.server.BaseHTTPRequestHandler) -> None:
    """Stream without a Content-Length, far past any limit, until the client hangs up."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    try:
        for _ in range(1000):
            h.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
    except (BrokenPipeError, ConnectionResetError):
        pass


def gzipped(h: http.server.BaseHTTPRequestHandler) -> None:
    send(h, gzip.compress(PAGE), CP1252, headers={"Content-Encoding": "gzip"})


@pytest.fixture(scope="module")
def intranet() -> Iterator[Server]:
    yield from start("127.0.0.2", {"/secret": story})


@pytest.fixture(scope="module")
def news(intranet: Server) -> Iterator[Server]:
    routes: dict[str, Route] = {
        "/story": story,
        "/story-header-charset": lambda h: send(
            h, '<meta charset="utf-8"><p>Renée said “no” to the plan.</p>'.encode("cp1252"), CP1252
        ),
        "/no-type": lambda h: send(h, PAGE, None),
        "/plain": lambda h: send(
            h,
            "The council met on Monday. It voted to close the library.".encode("cp1252"),
            "text/plain; charset=windows-1252",
        ),
        "/gzip": gzipped,
        "/moved": redirect("/story"),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-intranet": redirect(f"{intranet.base}/secret"),
        "/to-private": redirect("http://10.20.30.40/admin"),
        "/to-file": redirect("file:///etc/passwd"),
        "/loop": redirect("/loop"),
        "/pdf": lambda h: send(h, b"%PDF-1.7", "application/pdf"),
        "/gone": lambda h: send(h, b"gone", "text/plain", 410),
        "/broken": lambda h: send(h, b"oops", "text/plain", 503),
        "/big": lambda h: send(h, PAGE * 10, CP1252),
        "/endless": endless,
        "/slow": slow,
        "/drip": drip,
    }
    yield from start("127.0.0.1", routes)


def opts(**kwargs: object) -> FetchOptions:
    return FetchOptions(allow_networks=PUBLIC, **kwargs)  # type: ignore[arg-type]


def test_loopback_is_refused_by_default_and_never_contacted(news):
    before = len(news.hits)
    with pytest.raises(UnsafeURLError, match=r"127\.0\.0\.1 is not a public address"):
        fetch(f"{news.base}/story")
    assert len(news.hits) == before


def test_localhost_is_refused_by_name(news):
    with pytest.raises(UnsafeURLError, match=r"localhost \(127\.0\.0\.1\) is not a public"):
        fetch(news.base.replace("127.0.0.1", "localhost") + "/story")


def test_a_page_is_fetched_with_an_honest_user_agent(news):
    page = fetch(f"{news.base}/story", options=opts())
    assert page.status == 200
    assert page.content == PAGE
    assert page.content_type == "text/html"
    assert page.charset == "windows-1252"
    assert page.kind == "html"
    assert news.agents[-1] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("newsgist/")


def test_user_agent_is_configurable(news):
    fetch(f"{news.base}/story", options=opts(user_agent="NewsroomBot/2.0 (+desk@news.example)"))
    assert news.agents[-1] == "NewsroomBot/2.0 (+desk@news.example)"


def test_load_url_gives_the_article_and_its_metadata(news):
    article = load_url(f"{news.base}/story", options=opts())
    assert article.title == "Vineyard co-operative wins €2m grant for flood defences"
    assert article.byline == "Lucía Ferrer"
    assert (
        article.url == "https://valleycourier.example/local/vineyard-cooperative-flood-grant-4417"
    )
    assert "“We have been asking for this since the 2021 flood,”" in article.body


def test_http_charset_wins_over_the_pages_own(news):
    article = load_url(f"{news.base}/story-header-charset", options=opts())
    assert "Renée said “no” to the plan." in article.body
    assert article.url == f"{news.base}/story-header-charset"


def test_missing_content_type_is_sniffed(news):
    article = load_url(f"{news.base}/no-type", options=opts())
    assert article.title == "Vineyard co-operative wins €2m grant for flood defences"


def test_plain_text_is_read_as_text_in_its_charset(news):
    article = load_url(f"{news.base}/plain", options=opts())
    assert article.body == "The council met on Monday. It voted to close the library."


def test_compressed_body_is_decompressed(news):
    assert fetch(f"{news.base}/gzip", options=opts()).content == PAGE


def test_redirect_is_followed(news):
    page = fetch(f"{news.base}/moved", options=opts())
    assert page.url == f"{news.base}/moved"
    assert page.final_url == f"{news.base}/story"


@pytest.mark.parametrize(
    ("route", "refused"),
    [("/to-metadata", "169.254.169.254"), ("/to-private", "10.20.30.40")],
)
def test_redirect_to_a_private_address_is_refused(news, route, refused):
    with pytest.raises(UnsafeURLError, match=refused):
        fetch(f"{news.base}{route}", options=opts())


def test_redirect_into_the_intranet_is_refused_unless_allowed(news, intranet):
    with pytest.raises(UnsafeURLError, match=r"127\.0\.0\.2"):
        fetch(f"{news.base}/to-intranet", options=opts())
    assert intranet.hits == []
    page = fetch(f"{news.base}/to-intranet", options=FetchOptions(allow_private=True))
    assert page.final_url == f"{intranet.base}/secret"
    assert intranet.hits == ["/secret"]


def test_redirect_to_another_scheme_is_refused(news):
    with pytest.raises(UnsafeURLError, match="only http and https"):
        fetch(f"{news.base}/to-file", options=opts())


def test_redirect_loop_stops(news):
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        fetch(f"{news.base}/loop", options=opts(max_redirects=3))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.example/a", "javascript:alert(1)", "news.example/a"]
)
def test_only_http_and_https(url):
    with pytest.raises(UnsafeURLError, match="only http and https"):
        fetch(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fd00::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
    ],
)
def test_private_and_reserved_addresses_are_refused(url):
    with pytest.raises(UnsafeURLError, match="not a public address"):
        fetch(url)


@pytest.mark.dns
def test_unresolvable_host_is_one_clear_error():
    with pytest.raises(FetchError, match=r"could not resolve host no-such-host\.invalid"):
        fetch("http://no-such-host.invalid/story")


def test_non_html_content_type_is_refused(news):
    with pytest.raises(ContentTypeError, match="application/pdf"):
        fetch(f"{news.base}/pdf", options=opts())


@pytest.mark.parametrize(("route", "status"), [("/gone", 410), ("/broken", 503), ("/nope", 404)])
def test_error_status_is_refused(news, route, status):
    with pytest.raises(HTTPStatusError, match=f"HTTP {status}") as caught:
        fetch(f"{news.base}{route}", options=opts())
    assert caught.value.status == status


def test_declared_size_over_the_limit_is_refused_before_reading(news):
    with pytest.raises(InputTooLargeError, match=r"over the 10,000-byte limit"):
        fetch(f"{news.base}/big", options=opts(max_bytes=10_000))


def test_streamed_size_over_the_limit_is_refused(news):
    with pytest.raises(InputTooLargeError, match=r"over the 50,000-byte limit"):
        fetch(f"{news.base}/endless", options=opts(max_bytes=50_000))


@pytest.mark.sleeps
def test_read_timeout(news):
    with pytest.raises(FetchTimeoutError, match=r"sent nothing for 0\.2 s"):
        fetch(f"{news.base}/slow", options=opts(read_timeout=0.2))


@pytest.mark.sleeps
def test_total_timeout_stops_a_slow_drip(news):
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match=r"more than 0\.5 s to download"):
        fetch(f"{news.base}/drip", options=opts(total_timeout=0.5))
    assert time.monotonic() - started < 2.5


def test_refused_connection_is_one_clear_error():
    with pytest.raises(FetchError, match=r"could not connect to 127\.0\.0\.1"):
        fetch("http://127.0.0.1:9/", options=opts())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"connect_timeout": 0}, "connect_timeout"),
        ({"max_bytes": 0}, "max_bytes"),
        ({"max_redirects": -1}, "max_redirects"),
        ({"user_agent": "a\r\nX-Evil: 1"}, "user_agent"),
        ({"allow_networks": ("not-a-network",)}, "allow_networks"),
        ({"ca_bundle": "/no/such/ca.pem"}, "ca_bundle"),
    ],
)
def test_bad_options_are_refused_at_construction(kwargs, message):
    with pytest.raises(InvalidOptionError, match=message):
        FetchOptions(**kwargs)


def test_missing_extra_names_the_extra(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "httpx", None)
    with pytest.raises(MissingDependencyError, match=r"newsgist\[html\]"):
        fetch("https://news.example/story")


@pytest.fixture(scope="module")
def authority():
    trustme = pytest.importorskip("trustme")
    return trustme.CA()


@pytest.fixture(scope="module")
def bundle(authority, tmp_path_factory):
    path = tmp_path_factory.mktemp("tls") / "ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return str(path)


def serve_tls(authority, name):
    """An HTTPS server on 127.0.0.1 whose certificate names ``name``, reached as localhost."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert(name).configure_cert(context)
    return start("127.0.0.1", {"/story": story}, context)


def localhost(server: Server) -> str:
    return server.base.replace("127.0.0.1", "localhost") + "/story"


def test_https_checks_the_certificate_against_the_name_not_the_pinned_ip(authority, bundle):
    for server in serve_tls(authority, "localhost"):
        page = fetch(localhost(server), options=FetchOptions(allow_private=True, ca_bundle=bundle))
        assert page.content == PAGE


def test_https_certificate_for_another_name_is_refused(authority, bundle):
    for server in serve_tls(authority, "elsewhere.example"):
        with pytest.raises(FetchError, match="certificate"):
            fetch(localhost(server), options=FetchOptions(allow_private=True, ca_bundle=bundle))


def test_https_untrusted_certificate_is_refused(authority):
    for server in serve_tls(authority, "localhost"):
        with pytest.raises(FetchError, match="certificate"):
            fetch(localhost(server), options=FetchOptions(allow_private=True))
