"""Fetch a page by URL, safely: bounded in time and size, and never into a private network.

Fetching a user's URL is a classic server-side request forgery (SSRF) hole: a URL, or a
redirect from it, can point at ``127.0.0.1``, a cloud metadata endpoint (``169.254.169.254``)
or an intranet host. So for every hop newsgist resolves the host itself, refuses it when any
of its addresses is not global (loopback, private, link-local, shared, reserved, multicast),
and then connects to the very address it checked (the request is pinned to that IP, with the
host name sent as ``Host`` and as the TLS server name, so certificates are still checked for
the name). A second DNS answer cannot slip in between the check and the connection.
``allow_private`` turns the check off; ``allow_networks`` lets named networks through.
An IPv6 address that carries an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``, SIIT
``::ffff:0:a.b.c.d``, IPv4-compatible ``::a.b.c.d``, NAT64 ``64:ff9b::a.b.c.d``, 6to4
``2002:AABB:CCDD::``) is judged by that IPv4 address, since a translator or a tunnel
delivers it there; local-use NAT64 (``64:ff9b:1::/48``), Teredo (``2001::/32``) and
site-local (``fec0::/10``) addresses are refused outright.

Hostile servers are bounded too. ``total_timeout`` is a deadline for the whole fetch:
every socket operation (connecting, the TLS handshake, the headers, the body) waits no
longer than the time left (``newsgist.ingest.transport``), so a server that drips a byte a
second is cut off on time. The body is read raw and each content-coding (gzip, deflate; at
most ``MAX_CODINGS`` of them) is undone by newsgist in pieces of 64 KiB, each layer counted
against ``max_bytes`` before the next piece is made, so a compression bomb is refused after
at most ``max_bytes`` of output, however deeply it is nested.

No proxy is used, not even one named in the environment, since it would connect on
newsgist's behalf to addresses newsgist never saw. Requests go through httpcore directly
(httpx's transport layer, for the deadline above); httpx parses URLs and headers. Both are
behind the ``html`` extra.
"""

from __future__ import annotations

import ipaddress
import logging
import queue
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newsgist.__version__ import __version__
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
from newsgist.ingest import DEFAULT_MAX_BYTES, IngestOptions, InputFormat, load
from newsgist.ingest.html import web_codec
from newsgist.models import Article

if TYPE_CHECKING:
    import httpcore
    import httpx

LOGGER = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"newsgist/{__version__} (news summarizer; python-httpx)"
"""Says what is asking, so site owners can tell newsgist apart (and block it if they wish)."""

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 15.0
DEFAULT_TOTAL_TIMEOUT = 30.0
DEFAULT_MAX_REDIRECTS = 5

MAX_CODINGS = 2
"""Content-codings undone at most: ``gzip`` once is normal, twice is tolerated, more is abuse."""

_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
_CODINGS = ("gzip", "x-gzip", "deflate")
_ACCEPT_ENCODING = "gzip, deflate"
_PIECE = 64 * 1024
"""The most bytes one layer of decompression makes before the limits are checked again."""
_GZIP_MAGIC = b"\x1f\x8b"
_KINDS: dict[str, Literal["html", "text"]] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
_FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

_IPV4_IN_LOW_BITS = tuple(
    ipaddress.IPv6Network(prefix)
    for prefix in (
        "::ffff:0:0/96",  # IPv4-mapped
        "::ffff:0:0:0/96",  # SIIT, RFC 6145
        "::/96",  # IPv4-compatible, deprecated by RFC 4291
        "64:ff9b::/96",  # NAT64 well-known prefix, RFC 6052
    )
)
"""IPv6 prefixes whose last 32 bits are an IPv4 address that traffic is delivered to."""
_NEVER_PUBLIC = tuple(
    ipaddress.IPv6Network(prefix)
    for prefix in (
        "64:ff9b:1::/48",  # local-use NAT64, RFC 8215
        "2001::/32",  # Teredo, RFC 4380
        "fec0::/10",  # site-local, deprecated by RFC 3879
    )
)
"""IPv6 prefixes refused outright: local translators, tunnels and deprecated scopes."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    """How a URL is fetched; validated at construction, so one object is safe to share.

    ``total_timeout`` bounds the whole fetch, redirects included (DNS, connecting, TLS,
    headers and body); ``connect_timeout`` and ``read_timeout`` bound each single wait.
    ``max_bytes`` bounds the body and each of its compressed layers. ``allow_networks``
    are CIDR blocks fetched even though they are private (an intranet CMS, say);
    ``ca_bundle`` a PEM file of CA certificates to trust instead of the system's default
    (certifi's).
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()
    ca_bundle: str | None = None
    networks: tuple[Network, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if not getattr(self, name) > 0:
                raise InvalidOptionError(f"{name} must be positive, not {getattr(self, name)}")
        if self.max_bytes < 1:
            raise InvalidOptionError(f"max_bytes must be positive, not {self.max_bytes}")
        if self.max_redirects < 0:
            raise InvalidOptionError(f"max_redirects must be 0 or more, not {self.max_redirects}")
        if self.ca_bundle is not None and not Path(self.ca_bundle).is_file():
            raise InvalidOptionError(f"ca_bundle: no such file: {self.ca_bundle}")
        if not self.user_agent.strip() or any(c in self.user_agent for c in "\r\n"):
            raise InvalidOptionError("user_agent must be one non-empty line")
        try:
            networks = tuple(ipaddress.ip_network(n, strict=False) for n in self.allow_networks)
        except ValueError as error:
            raise InvalidOptionError(f"allow_networks: {error}") from None
        object.__setattr__(self, "networks", networks)

    def permits(self, address: Address) -> bool:
        """Whether newsgist may connect to ``address`` (see the module docstring)."""
        if self.allow_private or any(address in network for network in self.networks):
            return True
        if isinstance(address, ipaddress.IPv6Address):
            embedded = _embedded_ipv4(address)
            if embedded is not None:
                return self.permits(embedded)
            if any(address in network for network in _NEVER_PUBLIC):
                return False
        return address.is_global and not address.is_multicast


@dataclass(frozen=True, slots=True)
class Accept:
    """What a fetch asks for (its Accept header) and the media types it takes (None: any)."""

    header: str
    types: frozenset[str] | None


PAGES = Accept(_ACCEPT, frozenset(_KINDS))
"""Articles: HTML or plain text, anything else refused with ``ContentTypeError``."""
FEEDS = Accept(_FEED_ACCEPT, None)
"""Feeds and sitemaps: served under many types, so the parser judges the bytes."""
ANY = Accept("*/*", None)
"""robots.txt, whatever type it is served as."""


@dataclass(frozen=True, slots=True)
class Validators:
    """An earlier answer's ETag and Last-Modified, sent back so an unchanged one is a 304."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response: where it ended up, what it claims to be, and its (decoded) bytes.

    ``charset`` is the label the server declared, kept only when it names a text encoding
    of the WHATWG Encoding Standard (``None`` otherwise, or when none was sent).
    """

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes
    validators: Validators = Validators()

    @property
    def unchanged(self) -> bool:
        """Whether the server said the resource is as the validators sent describe (304)."""
        return self.status == 304

    @property
    def kind(self) -> Literal["html", "text", "unknown"]:
        """``html`` or ``text`` from the Content-Type; ``unknown`` when the server sent none."""
        return _KINDS.get(self.content_type, "unknown")


def fetch(
    url: str,
    *,
    options: FetchOptions | None = None,
    accept: Accept = PAGES,
    validators: Validators | None = None,
) -> Page:
    """Fetch a URL, following redirects, within every limit of ``options``: by default a page.

    ``accept`` widens what is taken (feeds, robots.txt). With ``validators`` the request is
    conditional, and an unchanged resource comes back as an empty ``Page`` with status 304.

    Raises:
        UnsafeURLError: not http(s), or a host (first or after a redirect) that is refused.
        FetchTimeoutError: DNS, connecting, a read or the whole fetch took too long.
        HTTPStatusError: a 4xx/5xx (or other non-2xx) answer.
        ContentTypeError: the response is not of a type ``accept`` takes.
        InputTooLargeError: the body, or any of its compressed layers, is over
            ``options.max_bytes``.
        FetchError: anything else that stops the download (DNS failure, refused
            connection, TLS, too many redirects, a content-coding that is unknown, nested
            more than ``MAX_CODINGS`` deep or corrupt, a broken response).
        MissingDependencyError: the ``html`` extra is not installed.

    """
    options = options or FetchOptions()
    _require_extra()
    import httpcore

    from newsgist.ingest.transport import DeadlineBackend

    deadline = time.monotonic() + options.total_timeout
    context = (
        ssl.create_default_context(cafile=options.ca_bundle)
        if options.ca_bundle
        else _default_tls()
    )
    with httpcore.ConnectionPool(
        ssl_context=context,
        network_backend=DeadlineBackend(deadline),
        max_connections=1,
        max_keepalive_connections=0,  # a redirect never reuses a connection made for another host
    ) as pool:
        current = url
        for _ in range(options.max_redirects + 1):
            target = _parse(current)
            address = _checked_address(target, options, deadline)
            request = _Request(url, options, accept, validators or Validators(), deadline)
            page = _get(pool, target, address, request)
            if isinstance(page, Page):
                return page
            current = page
    raise FetchError(f"{url} redirected more than {options.max_redirects} times")


def load_url(
    url: str,
    *,
    options: FetchOptions | None = None,
    input_format: InputFormat = "auto",
) -> Article:
    """Fetch a URL and read it into an ``Article`` (``Article.url``: canonical, else final URL).

    ``input_format`` ``"auto"`` follows the Content-Type, sniffing the bytes when none was
    sent. Raises what ``fetch`` and ``newsgist.ingest.load`` raise.
    """
    options = options or FetchOptions()
    page = fetch(url, options=options)
    if input_format == "auto" and page.kind != "unknown":
        input_format = page.kind
    codec = web_codec(page.charset) if page.charset else None
    content: str | bytes = page.content
    if input_format == "text" and codec:
        content = page.content.decode(codec, errors="replace")
    article = load(
        content,
        input_format=input_format,
        url=page.final_url,
        charset=codec,
        options=IngestOptions(max_bytes=options.max_bytes),
    )
    return article if article.url else replace(article, url=page.final_url)


def _require_extra() -> None:
    """Check that httpx and its httpcore are installed, or say which extra provides them."""
    try:
        import httpcore  # noqa: F401
        import httpx  # noqa: F401
    except ImportError as error:
        raise MissingDependencyError("fetching URLs", "html", error.name) from None


def _parse(url: str) -> httpx.URL:
    """Parse a URL, refusing anything but http(s) with a host."""
    import httpx

    try:
        target = httpx.URL(url.strip())
        host = target.host  # decodes an IDNA host, which can be malformed too
    except (httpx.InvalidURL, UnicodeError) as error:
        raise UnsafeURLError(f"not a valid URL: {url!r} ({error})") from None
    if target.scheme not in ("http", "https"):
        scheme = f"{target.scheme}:" if target.scheme else "no scheme"
        raise UnsafeURLError(f"only http and https URLs can be fetched, not {scheme} ({url})")
    if not host:
        raise UnsafeURLError(f"the URL has no host: {url}")
    return target


def _checked_address(target: httpx.URL, options: FetchOptions, deadline: float) -> Address:
    """Resolve the URL's host and return an address it may connect to, or refuse the host."""
    host = target.host
    try:
        addresses: list[Address] = [ipaddress.ip_address(host)]
    except ValueError:
        timeout = min(options.connect_timeout, max(deadline - time.monotonic(), 0.001))
        addresses = _resolve(target.raw_host.decode("ascii"), timeout)
    refused = [a for a in addresses if not options.permits(a)]
    if refused:
        where = host if str(refused[0]) == host else f"{host} ({refused[0]})"
        raise UnsafeURLError(
            f"refused to fetch {target}: {where} is not a public address (loopback, private,"
            " link-local or reserved); pass allow_private (CLI: --allow-private) to fetch"
            " from your own network"
        )
    return addresses[0]


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Return the IPv4 address an IPv6 address carries (mapped, SIIT, compatible, NAT64, 6to4)."""
    if address.sixtofour is not None:
        return address.sixtofour
    if any(address in network for network in _IPV4_IN_LOW_BITS):
        return ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF)
    return None


def _resolve(host: str, timeout: float) -> list[Address]:
    """Look up the host's addresses in a daemon thread, so a slow resolver can time out."""
    answer: queue.Queue[list[Address] | str] = queue.Queue(maxsize=1)

    def lookup() -> None:
        try:
            found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            answer.put([ipaddress.ip_address(info[4][0]) for info in found])
        except OSError as error:
            answer.put(error.strerror or str(error))
        except UnicodeError as error:  # a label too long or empty, refused before any query
            answer.put(str(error))

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    try:
        result = answer.get(timeout=timeout)
    except queue.Empty:
        raise FetchTimeoutError(f"looking up {host} took more than {timeout:g} s") from None
    if isinstance(result, str):
        raise FetchError(f"could not resolve host {host}: {result}")
    if not result:
        raise FetchError(f"could not resolve host {host}: no addresses")
    return result


@dataclass(frozen=True, slots=True)
class _Request:
    """What one fetch asks for, the same at every hop of its redirects."""

    url: str
    options: FetchOptions
    accept: Accept
    validators: Validators
    deadline: float


def _get(
    pool: httpcore.ConnectionPool, target: httpx.URL, address: Address, request: _Request
) -> Page | str:
    """One request to the checked address: the ``Page``, or the next URL of a redirect."""
    import httpcore

    from newsgist.ingest.transport import PastDeadline

    options = request.options

    pinned = target.copy_with(host=str(address))
    host_header = target.raw_host.decode("ascii")
    if ":" in host_header:
        host_header = f"[{host_header}]"
    if target.port is not None:
        host_header += f":{target.port}"
    extensions: dict[str, Any] = {
        "timeout": {
            "connect": options.connect_timeout,
            "read": options.read_timeout,
            "write": options.read_timeout,
            "pool": options.connect_timeout,
        }
    }
    if target.scheme == "https":
        extensions["sni_hostname"] = target.host
    request_url = httpcore.URL(
        scheme=pinned.raw_scheme, host=pinned.raw_host, port=pinned.port, target=pinned.raw_path
    )
    headers = [
        ("Host", host_header),
        ("User-Agent", options.user_agent),
        ("Accept", request.accept.header),
        ("Accept-Encoding", _ACCEPT_ENCODING),
    ]
    if request.validators.etag:
        headers.append(("If-None-Match", request.validators.etag))
    if request.validators.last_modified:
        headers.append(("If-Modified-Since", request.validators.last_modified))
    shown = str(target)
    try:
        with pool.stream("GET", request_url, headers=headers, extensions=extensions) as response:
            return _answer(response, target, request)
    except PastDeadline:
        raise _overdue(shown, options) from None
    except httpcore.ConnectTimeout:
        raise FetchTimeoutError(
            f"connecting to {target.host} timed out after {options.connect_timeout:g} s"
        ) from None
    except httpcore.TimeoutException:
        raise FetchTimeoutError(
            f"{target.host} sent nothing for {options.read_timeout:g} s while {shown} was read"
        ) from None
    except httpcore.ConnectError as error:
        raise FetchError(f"could not connect to {target.host}: {_reason(error)}") from None
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as error:
        raise FetchError(f"bad response from {target.host}: {_reason(error)}") from None


def _answer(response: httpcore.Response, target: httpx.URL, request: _Request) -> Page | str:
    """Read one response: the ``Page``, or the next URL of a redirect; refuse what is not a page."""
    import httpx

    options, deadline = request.options, request.deadline
    shown = str(target)
    answer = httpx.Headers(response.headers)
    if response.status in _REDIRECTS and "location" in answer:
        try:
            following = str(target.join(answer["location"]))
        except httpx.InvalidURL as error:
            raise FetchError(f"{shown} redirects to an invalid URL ({error})") from None
        LOGGER.debug("%s redirects to %s", shown, following)
        return following
    sent = request.validators
    if response.status == 304 and (sent.etag or sent.last_modified):
        return Page(request.url, shown, 304, "", None, b"", sent)
    if not 200 <= response.status < 300:
        reason = response.extensions.get("reason_phrase", b"")
        raise HTTPStatusError(shown, response.status, reason.decode("ascii", "replace"))
    content_type = answer.get("content-type", "")
    mime = content_type.partition(";")[0].strip().lower()
    if mime and request.accept.types is not None and mime not in request.accept.types:
        raise ContentTypeError(
            f"{shown} is {mime}, not an HTML page or plain text; newsgist reads"
            " text/html, application/xhtml+xml and text/plain"
        )
    label = _CHARSET.search(content_type)
    charset = label.group(1) if label and web_codec(label.group(1)) else None
    if label and not charset:
        LOGGER.debug("%s: charset %r names no text encoding; ignored", shown, label[1])
    codings = _codings(answer.get("content-encoding", ""), shown)
    declared = answer.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise _too_large(shown, options, int(declared))
    return Page(
        url=request.url,
        final_url=shown,
        status=response.status,
        content_type=mime,
        charset=charset,
        content=_read(response.iter_stream(), codings, shown, options, deadline),
        validators=Validators(answer.get("etag"), answer.get("last-modified")),
    )


def _codings(header: str, shown: str) -> list[str]:
    """List a response's content-codings in the order applied; refuse unknown or deep ones."""
    named = (name.strip().lower() for name in header.split(","))
    codings = [name for name in named if name and name != "identity"]
    unknown = next((name for name in codings if name not in _CODINGS), None)
    if unknown is not None:
        raise FetchError(
            f"{shown} is sent with content-coding {unknown[:40]!r}, which newsgist does not"
            f" decode (it asks for {_ACCEPT_ENCODING})"
        )
    if len(codings) > MAX_CODINGS:
        raise FetchError(
            f"{shown} is compressed {len(codings)} times over (Content-Encoding); newsgist"
            f" undoes at most {MAX_CODINGS}"
        )
    return codings


def _read(
    raw: Iterable[bytes], codings: list[str], shown: str, options: FetchOptions, deadline: float
) -> bytes:
    """Read the body and undo its content-codings, every layer held to the size and time limits.

    The last coding applied is undone first. Each layer hands on at most ``_PIECE`` bytes
    at a time, and each layer's running total is checked before the next piece is made.
    """
    stream = _limited(raw, shown, options, deadline)
    for coding in reversed(codings):
        stream = _limited(_Inflater(coding, shown).decode(stream), shown, options, deadline)
    body = bytearray()
    for piece in stream:
        body += piece
    return bytes(body)


def _limited(
    pieces: Iterable[bytes], shown: str, options: FetchOptions, deadline: float
) -> Iterator[bytes]:
    """Pass ``pieces`` on until their running total passes ``max_bytes`` or time runs out."""
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > options.max_bytes:
            raise _too_large(shown, options)
        if time.monotonic() > deadline:
            raise _overdue(shown, options)
        yield piece


class _Inflater:
    """Undo one gzip or deflate content-coding, making at most ``_PIECE`` bytes per step.

    ``deflate`` is meant to be zlib-wrapped, but some servers send it raw: the first two
    bytes tell which. A gzip body may hold several members, one after the other; bytes
    after the end of the (last) stream are ignored, as browsers ignore them.
    """

    def __init__(self, coding: str, shown: str) -> None:
        self._coding = coding
        self._shown = shown
        self._engine: zlib._Decompress | None = None
        self._head = b""
        self._members = 0
        self._ended = False

    def decode(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """Decompress ``chunks`` as they come, piece by piece."""
        for chunk in chunks:
            yield from self._feed(chunk)
        if self._head and not self._members:
            raise self._corrupt("it ends after one byte")

    def _feed(self, data: bytes) -> Iterator[bytes]:
        """Decompress one chunk, draining what zlib holds back before taking more input."""
        while not self._ended:
            if self._engine is None:
                data = self._head + data
                if len(data) < 2:
                    self._head = data
                    return
                self._head = b""
                if self._members and not data.startswith(_GZIP_MAGIC):
                    self._ended = True
                    return
                self._engine = zlib.decompressobj(self._wbits(data))
            try:
                piece = self._engine.decompress(data, _PIECE)
            except zlib.error as error:
                raise self._corrupt(str(error)) from None
            if piece:
                yield piece
            data = self._engine.unconsumed_tail
            if self._engine.eof:
                data = self._engine.unused_data
                self._engine = None
                self._members += 1
                self._ended = self._coding == "deflate"
            elif not data and len(piece) < _PIECE:
                return

    def _wbits(self, head: bytes) -> int:
        """Choose zlib's window setting for this coding, telling zlib-wrapped deflate from raw."""
        if self._coding != "deflate":
            return zlib.MAX_WBITS | 16
        wrapped = head[0] & 0x0F == 8 and int.from_bytes(head[:2], "big") % 31 == 0
        return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS

    def _corrupt(self, why: str) -> FetchError:
        """Build the error for a body that does not decompress."""
        return FetchError(f"{self._shown}: its {self._coding} content-coding is corrupt ({why})")


def _overdue(shown: str, options: FetchOptions) -> FetchTimeoutError:
    """Build the error for a fetch past its total deadline."""
    return FetchTimeoutError(f"{shown} took more than {options.total_timeout:g} s to download")


def _default_tls() -> ssl.SSLContext:
    """Build the TLS settings httpx uses by default: certifi's CA bundle, certificates checked."""
    import httpx

    return httpx.create_ssl_context()


def _too_large(shown: str, options: FetchOptions, size: int | None = None) -> InputTooLargeError:
    """Build the error for a body over the limit, saying how to raise the limit."""
    what = f"{size:,} bytes, over" if size is not None else "over"
    return InputTooLargeError(
        f"{shown} is {what} the {options.max_bytes:,}-byte limit; raise it with max_bytes"
        " (CLI: --max-bytes) if this is really one article"
    )


def _reason(error: Exception) -> str:
    """Return the innermost cause of an httpx error, as one line."""
    while error.__cause__ is not None or error.__context__ is not None:
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return " ".join(str(error).split()) or type(error).__name__


def gunzip(content: bytes, shown: str, options: FetchOptions) -> bytes:
    """Undo the gzip of a file that is itself gzipped (``sitemap.xml.gz``), within ``max_bytes``."""
    deadline = time.monotonic() + options.total_timeout
    return _read([content], ["gzip"], shown, options, deadline)
