"""The fetch path against hostile servers and addresses (issue 16, items 3, 8, 9 and 10).

Compression bombs, however nested, stay within ``max_bytes`` of memory; a server that drips
its headers is cut off at the total deadline; a charset label that names no text encoding
is ignored; IPv6 addresses that carry a private IPv4 address are refused. Every server here
listens on 127.0.0.1, which the tests let through with ``allow_networks``.
"""

from __future__ import annotations

import gzip
import http.server
import ipaddress
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from newsgist.errors import FetchError, FetchTimeoutError, InputTooLargeError, UnsafeURLError
from newsgist.ingest.fetch import MAX_CODINGS, FetchOptions, fetch, load_url
from tests.httpserver import Route, Server, send, start

STORY = "The ferry resumed on Tuesday. Crews had repaired the ramp in two days."
PAGE = f"<html><head><title>Ferry back</title></head><body><p>{STORY}</p></body></html>"
PUBLIC = ("127.0.0.1/32",)
MB = 1024 * 1024


def opts(**kwargs: Any) -> FetchOptions:
    return FetchOptions(allow_networks=PUBLIC, **kwargs)


def squeezed(size: int, *wbits: int) -> bytes:
    """``size`` zero bytes compressed once per ``wbits`` (31: gzip, 15: zlib, -15: raw deflate)."""
    data: Iterator[bytes] = iter([bytes(4 * MB)] * (size // (4 * MB)))
    for bits in wbits:
        data = _compress(data, bits)
    return b"".join(data)


def _compress(chunks: Iterator[bytes], wbits: int) -> Iterator[bytes]:
    engine = zlib.compressobj(9, zlib.DEFLATED, wbits)
    for chunk in chunks:
        yield engine.compress(chunk)
    yield engine.flush()


def encoded(body: bytes, coding: str, content_type: str = "text/plain") -> Route:
    return lambda h: send(h, body, content_type, headers={"Content-Encoding": coding})


def header_drip(h: http.server.BaseHTTPRequestHandler) -> None:
    """Send a status line, then one byte of a header a second, for 40 s."""
    try:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
        for _ in range(40):
            h.wfile.flush()
            time.sleep(1.0)
            h.wfile.write(b"a")
    except OSError:
        pass
    h.close_connection = True


NESTED_BOMB = squeezed(128 * MB, 31, 31)  # 128 MiB of zeros, gzipped twice: a few hundred bytes
DEFLATE_BOMB = squeezed(128 * MB, 15)  # about 130 KB
PLAIN = STORY.encode()
LABELS_THAT_ARE_NOT_TEXT = ["rot13", "base64", "hex", "zlib", "uu", "idna", "bogus", "binary"]


@pytest.fixture(scope="module")
def hostile() -> Iterator[Server]:
    routes: dict[str, Route] = {
        "/nested-bomb": encoded(NESTED_BOMB, "gzip, gzip"),
        "/nested-bomb-listed-twice": lambda h: _two_headers(h, NESTED_BOMB),
        "/deflate-bomb": encoded(DEFLATE_BOMB, "deflate"),
        "/gzip-gzip": encoded(gzip.compress(gzip.compress(PLAIN)), "gzip, gzip"),
        "/deflate-gzip": encoded(gzip.compress(zlib.compress(PLAIN)), "deflate, gzip", "text/html"),
        "/raw-deflate": encoded(zlib.compress(PLAIN)[2:-4], "deflate"),
        "/x-gzip-identity": encoded(gzip.compress(PLAIN), "identity, x-gzip"),
        "/members": encoded(gzip.compress(PLAIN[:20]) + gzip.compress(PLAIN[20:]), "gzip"),
        "/trailing": encoded(gzip.compress(PLAIN) + b"\r\n-- junk --", "gzip"),
        "/corrupt": encoded(b"\x1f\x8b" + b"not gzip at all" * 10, "gzip"),
        "/triple": encoded(gzip.compress(gzip.compress(gzip.compress(PLAIN))), "gzip,gzip,gzip"),
        "/br": encoded(PLAIN, "br"),
        "/zstd": encoded(PLAIN, "zstd"),
        "/compress": encoded(PLAIN, "compress"),
        "/header-drip": header_drip,
        "/to-bad-port": lambda h: send(h, b"", None, 302, {"Location": "//[::1"}),
        "/to-nat64-metadata": lambda h: send(
            h, b"", None, 302, {"Location": "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/"}
        ),
    }
    for label in LABELS_THAT_ARE_NOT_TEXT:
        routes[f"/text-{label}"] = _text(PLAIN, f"text/plain; charset={label}")
        routes[f"/html-{label}"] = _text(PAGE.encode(), f"text/html; charset={label}")
    routes["/text-x-cp1252"] = _text(
        "Renée said “no”.".encode("cp1252"), "text/plain; charset=x-cp1252"
    )
    routes["/text-latin1"] = _text(
        "Renée said “no”.".encode("cp1252"), "text/plain; charset=latin1"
    )
    yield from start("127.0.0.1", routes)


def _text(body: bytes, content_type: str) -> Route:
    return lambda h: send(h, body, content_type)


def _two_headers(h: http.server.BaseHTTPRequestHandler, body: bytes) -> None:
    """Send ``Content-Encoding: gzip`` twice, as two header lines, which means gzip, gzip."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", str(len(body)))
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Encoding", "gzip")
    h.end_headers()
    h.wfile.write(body)


def peak_bytes(call: Callable[[], object]) -> int:
    """Run ``call`` (which must raise) and return the most memory Python held meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match="over the 5,000,000-byte limit"):
            call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("route", ["/nested-bomb", "/nested-bomb-listed-twice"])
def test_a_nested_gzip_bomb_is_refused_within_the_size_limit(hostile, route):
    assert len(NESTED_BOMB) < 10_000
    peak = peak_bytes(lambda: fetch(f"{hostile.base}{route}", options=opts()))
    assert peak < 20 * MB  # 128 MiB before the fix: each layer was undone in one piece


def test_a_deflate_bomb_is_refused_within_the_size_limit(hostile):
    peak = peak_bytes(lambda: fetch(f"{hostile.base}/deflate-bomb", options=opts()))
    assert peak < 20 * MB  # one 64 KB network read became 64 MiB before the fix


@pytest.mark.parametrize(
    "route", ["/gzip-gzip", "/deflate-gzip", "/raw-deflate", "/x-gzip-identity", "/members"]
)
def test_every_layer_of_a_legitimate_body_is_undone(hostile, route):
    assert fetch(f"{hostile.base}{route}", options=opts()).content == PLAIN


def test_bytes_after_the_end_of_a_gzip_body_are_ignored(hostile):
    assert fetch(f"{hostile.base}/trailing", options=opts()).content == PLAIN


def test_a_corrupt_body_is_one_clear_error(hostile):
    with pytest.raises(FetchError, match=r"gzip content-coding is corrupt"):
        fetch(f"{hostile.base}/corrupt", options=opts())


def test_more_than_two_codings_are_refused(hostile):
    assert MAX_CODINGS == 2
    with pytest.raises(FetchError, match=r"compressed 3 times over.*at most 2"):
        fetch(f"{hostile.base}/triple", options=opts())


@pytest.mark.parametrize("coding", ["br", "zstd", "compress"])
def test_a_coding_newsgist_did_not_ask_for_is_refused(hostile, coding):
    with pytest.raises(FetchError, match=f"content-coding '{coding}'.*asks for gzip, deflate"):
        fetch(f"{hostile.base}/{coding}", options=opts())


def test_each_layer_counts_against_the_size_limit(hostile):
    with pytest.raises(InputTooLargeError, match="over the 60-byte limit"):
        fetch(f"{hostile.base}/gzip-gzip", options=opts(max_bytes=60))


def finishes(seconds: float, call: Callable[[], object]) -> BaseException | object:
    """Run ``call`` in a watchdog thread; fail unless it ends within ``seconds``."""
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:
            outcome.append(error)

    watchdog = threading.Thread(target=run, name="watchdog", daemon=True)
    watchdog.start()
    watchdog.join(seconds)
    assert not watchdog.is_alive(), f"still running after {seconds} s"
    return outcome[0]


def settled(baseline: int) -> bool:
    """Wait up to 5 s for the live threads to fall back to ``baseline``."""
    for _ in range(50):
        if threading.active_count() <= baseline:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.sleeps
def test_the_total_timeout_covers_headers_that_drip(hostile):
    baseline = threading.active_count()
    started = time.monotonic()
    outcome = finishes(
        15, lambda: fetch(f"{hostile.base}/header-drip", options=opts(total_timeout=2))
    )
    elapsed = time.monotonic() - started
    assert isinstance(outcome, FetchTimeoutError), outcome
    assert "took more than 2 s to download" in str(outcome)
    assert 1.5 < elapsed < 6  # 40 s before the fix: each byte reset the read timeout
    assert settled(baseline), [t.name for t in threading.enumerate()]


@pytest.mark.sleeps
def test_the_total_timeout_covers_the_tls_handshake():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, then never answers
        port = silent.getsockname()[1]
        started = time.monotonic()
        outcome = finishes(
            15,
            lambda: fetch(
                f"https://127.0.0.1:{port}/",
                options=opts(total_timeout=1, connect_timeout=10, read_timeout=10),
            ),
        )
    assert isinstance(outcome, FetchTimeoutError), outcome
    assert "took more than 1 s" in str(outcome)
    assert time.monotonic() - started < 4  # the 10 s connect timeout before the fix


@pytest.mark.parametrize("label", LABELS_THAT_ARE_NOT_TEXT)
def test_a_text_charset_that_names_no_text_encoding_is_ignored(hostile, label):
    url = f"{hostile.base}/text-{label}"
    assert fetch(url, options=opts()).charset is None
    assert load_url(url, options=opts()).body == STORY


@pytest.mark.parametrize("label", LABELS_THAT_ARE_NOT_TEXT)
def test_a_page_charset_that_names_no_text_encoding_is_ignored(hostile, label):
    article = load_url(f"{hostile.base}/html-{label}", options=opts())
    assert article.body == STORY


@pytest.mark.parametrize("label", ["x-cp1252", "latin1"])
def test_whatwg_labels_are_honoured(hostile, label):
    page = fetch(f"{hostile.base}/text-{label}", options=opts())
    assert page.charset == label
    assert load_url(f"{hostile.base}/text-{label}", options=opts()).body == "Renée said “no”."


@pytest.mark.parametrize(
    ("address", "permitted"),
    [
        ("::ffff:127.0.0.1", False),  # IPv4-mapped
        ("::ffff:169.254.169.254", False),
        ("::ffff:8.8.8.8", True),
        ("::ffff:0:127.0.0.1", False),  # SIIT
        ("::ffff:0:10.0.0.1", False),
        ("::ffff:0:8.8.8.8", True),
        ("::127.0.0.1", False),  # IPv4-compatible
        ("::169.254.169.254", False),
        ("::8.8.8.8", True),
        ("::1", False),
        ("::", False),
        ("64:ff9b::169.254.169.254", False),  # NAT64
        ("64:ff9b::127.0.0.1", False),
        ("64:ff9b::192.168.1.1", False),
        ("64:ff9b::8.8.8.8", True),
        ("64:ff9b:1::8.8.8.8", False),  # local-use NAT64
        ("64:ff9b:1:ffff::a9fe:a9fe", False),
        ("2002:7f00:1::1", False),  # 6to4 of 127.0.0.1
        ("2002:a9fe:a9fe::", False),  # 6to4 of 169.254.169.254
        ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
        ("2002:808:808::1", True),  # 6to4 of 8.8.8.8
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
        ("2001:0:808:808::1", False),
        ("fec0::1", False),  # site-local
        ("feff::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("ff02::1", False),
        ("2606:4700:4700::1111", True),
        ("8.8.8.8", True),
        ("100.64.0.1", False),
    ],
)
def test_the_address_check_sees_the_ipv4_inside_an_ipv6_address(address, permitted):
    assert FetchOptions().permits(ipaddress.ip_address(address)) is permitted


def test_allowed_networks_reach_through_nat64():
    options = FetchOptions(allow_networks=("10.0.0.0/8",))
    assert options.permits(ipaddress.ip_address("64:ff9b::10.1.2.3"))
    assert not options.permits(ipaddress.ip_address("64:ff9b::192.168.1.1"))
    assert FetchOptions(allow_networks=("fec0::/10",)).permits(ipaddress.ip_address("fec0::1"))
    assert FetchOptions(allow_private=True).permits(ipaddress.ip_address("64:ff9b::7f00:1"))


@pytest.mark.parametrize(
    "url",
    [
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
        "http://[64:ff9b::127.0.0.1]:8080/",
        "http://[2002:a9fe:a9fe::1]/",
        "http://[::ffff:0:a9fe:a9fe]/",
        "http://[::a9fe:a9fe]/",
        "http://[fec0::1]/",
    ],
)
def test_ipv6_forms_of_private_addresses_are_refused_without_connecting(monkeypatch, url):
    def no_connection(*args: object, **kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(UnsafeURLError, match="is not a public address"):
        fetch(url)


def test_a_redirect_to_a_nat64_form_of_the_metadata_address_is_refused(hostile, monkeypatch):
    connect = socket.create_connection

    def loopback_only(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        assert address[0] == "127.0.0.1", f"a connection to {address[0]} was attempted"
        return connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", loopback_only)
    with pytest.raises(UnsafeURLError, match=r"64:ff9b::a9fe:a9fe is not a public address"):
        fetch(f"{hostile.base}/to-nat64-metadata", options=opts())


def test_a_malformed_international_host_is_one_clear_error():
    with pytest.raises(UnsafeURLError, match="not a valid URL"):
        fetch("http://xn--/")


@pytest.mark.parametrize("host", ["a" * 64 + ".example", "news..example"])
def test_a_host_name_the_resolver_cannot_encode_is_one_clear_error(host):
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"could not resolve host .*label empty or too long"):
        fetch(f"http://{host}/", options=opts(connect_timeout=5))
    assert time.monotonic() - started < 3  # the lookup thread died silently before the fix


def test_a_redirect_to_an_invalid_url_is_one_clear_error(hostile):
    with pytest.raises(FetchError, match="redirects to an invalid URL"):
        fetch(f"{hostile.base}/to-bad-port", options=opts())
