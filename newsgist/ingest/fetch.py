"""Fetch a page by URL, safely: bounded in time and size, and never into a private network.

Fetching a user's URL is a classic server-side request forgery (SSRF) hole: a URL, or a
redirect from it, can point at ``127.0.0.1``, a cloud metadata endpoint (``169.254.169.254``)
or an intranet host. So for every hop newsgist resolves the host itself, refuses it when any
of its addresses is not global (loopback, private, link-local, shared, reserved, multicast),
and then connects to the very address it checked (the request is pinned to that IP, with the
host name sent as ``Host`` and as the TLS server name, so certificates are still checked for
the name). A second DNS answer cannot slip in between the check and the connection.
``allow_private`` turns the check off; ``allow_networks`` lets named networks through.

Proxies from the environment are not used (``trust_env=False``), since they would connect
on newsgist's behalf to addresses it never saw. httpx is behind the ``html`` extra.
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
from newsgist.models import Article

if TYPE_CHECKING:
    import httpx

LOGGER = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"newsgist/{__version__} (news summarizer; python-httpx)"
"""Says what is asking, so site owners can tell newsgist apart (and block it if they wish)."""

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 15.0
DEFAULT_TOTAL_TIMEOUT = 30.0
DEFAULT_MAX_REDIRECTS = 5

_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
_KINDS: dict[str, Literal["html", "text"]] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    """How a URL is fetched; validated at construction, so one object is safe to share.

    ``allow_networks`` are CIDR blocks fetched even though they are private (an intranet
    CMS, say); ``ca_bundle`` a PEM file of CA certificates to trust instead of the
    system's default (certifi's).
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
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if self.allow_private or any(address in network for network in self.networks):
            return True
        return address.is_global and not address.is_multicast


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response: where it ended up, what it claims to be, and its bytes."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    content: bytes

    @property
    def kind(self) -> Literal["html", "text", "unknown"]:
        """``html`` or ``text`` from the Content-Type; ``unknown`` when the server sent none."""
        return _KINDS.get(self.content_type, "unknown")


def fetch(url: str, *, options: FetchOptions | None = None) -> Page:
    """Fetch an HTML or plain-text page, following redirects, within every limit of ``options``.

    Raises:
        UnsafeURLError: not http(s), or a host (first or after a redirect) that is refused.
        FetchTimeoutError: DNS, connecting, a read or the whole download took too long.
        HTTPStatusError: a 4xx/5xx (or other non-2xx) answer.
        ContentTypeError: the response is neither HTML nor plain text.
        InputTooLargeError: the body is over ``options.max_bytes``.
        FetchError: anything else that stops the download (DNS failure, refused
            connection, TLS, too many redirects, a broken response).
        MissingDependencyError: the ``html`` extra is not installed.

    """
    options = options or FetchOptions()
    httpx = _httpx()
    deadline = time.monotonic() + options.total_timeout
    timeout = httpx.Timeout(
        connect=options.connect_timeout,
        read=options.read_timeout,
        write=options.read_timeout,
        pool=options.connect_timeout,
    )
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT}
    verify = ssl.create_default_context(cafile=options.ca_bundle) if options.ca_bundle else True
    with httpx.Client(timeout=timeout, headers=headers, trust_env=False, verify=verify) as client:
        current = url
        for _ in range(options.max_redirects + 1):
            target = _parse(current)
            address = _checked_address(target, options, deadline)
            page = _get(client, target, address, url, options, deadline)
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
    content: str | bytes = page.content
    if input_format == "text" and page.charset:
        content = page.content.decode(page.charset, errors="replace")
    article = load(
        content,
        input_format=input_format,
        url=page.final_url,
        charset=page.charset,
        options=IngestOptions(max_bytes=options.max_bytes),
    )
    return article if article.url else replace(article, url=page.final_url)


def _httpx() -> Any:  # noqa: ANN401 - the module, imported on first use
    """Import httpx, or say which extra provides it."""
    try:
        import httpx
    except ImportError:
        raise MissingDependencyError("fetching URLs", "html") from None
    return httpx


def _parse(url: str) -> httpx.URL:
    """Parse a URL, refusing anything but http(s) with a host."""
    import httpx

    try:
        target = httpx.URL(url.strip())
    except httpx.InvalidURL as error:
        raise UnsafeURLError(f"not a valid URL: {url!r} ({error})") from None
    if target.scheme not in ("http", "https"):
        scheme = f"{target.scheme}:" if target.scheme else "no scheme"
        raise UnsafeURLError(f"only http and https URLs can be fetched, not {scheme} ({url})")
    if not target.host:
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


def _resolve(host: str, timeout: float) -> list[Address]:
    """Look up the host's addresses in a daemon thread, so a slow resolver can time out."""
    answer: queue.Queue[list[Address] | OSError] = queue.Queue(maxsize=1)

    def lookup() -> None:
        try:
            found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            answer.put([ipaddress.ip_address(info[4][0]) for info in found])
        except OSError as error:
            answer.put(error)

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    try:
        result = answer.get(timeout=timeout)
    except queue.Empty:
        raise FetchTimeoutError(f"looking up {host} took more than {timeout:g} s") from None
    if isinstance(result, OSError):
        reason = result.strerror or str(result)
        raise FetchError(f"could not resolve host {host}: {reason}")
    if not result:
        raise FetchError(f"could not resolve host {host}: no addresses")
    return result


def _get(
    client: httpx.Client,
    target: httpx.URL,
    address: Address,
    requested: str,
    options: FetchOptions,
    deadline: float,
) -> Page | str:
    """One request to the checked address: the ``Page``, or the next URL of a redirect."""
    import httpx

    pinned = target.copy_with(host=str(address))
    host_header = target.raw_host.decode("ascii")
    if ":" in host_header:
        host_header = f"[{host_header}]"
    if target.port is not None:
        host_header += f":{target.port}"
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    shown = str(target)
    try:
        with client.stream(
            "GET", pinned, headers={"Host": host_header}, extensions=extensions
        ) as response:
            if response.status_code in _REDIRECTS and "location" in response.headers:
                following = str(target.join(response.headers["location"]))
                LOGGER.debug("%s redirects to %s", shown, following)
                return following
            if not 200 <= response.status_code < 300:
                raise HTTPStatusError(shown, response.status_code, response.reason_phrase)
            content_type = response.headers.get("content-type", "")
            mime = content_type.partition(";")[0].strip().lower()
            if mime and mime not in _KINDS:
                raise ContentTypeError(
                    f"{shown} is {mime}, not an HTML page or plain text; newsgist reads"
                    " text/html, application/xhtml+xml and text/plain"
                )
            charset = _CHARSET.search(content_type)
            return Page(
                url=requested,
                final_url=shown,
                status=response.status_code,
                content_type=mime,
                charset=charset.group(1) if charset else None,
                content=_read(response, shown, options, deadline),
            )
    except httpx.ConnectTimeout:
        raise FetchTimeoutError(
            f"connecting to {target.host} timed out after {options.connect_timeout:g} s"
        ) from None
    except httpx.TimeoutException:
        raise FetchTimeoutError(
            f"{target.host} sent nothing for {options.read_timeout:g} s while {shown} was read"
        ) from None
    except httpx.ConnectError as error:
        raise FetchError(f"could not connect to {target.host}: {_reason(error)}") from None
    except httpx.HTTPError as error:
        raise FetchError(f"bad response from {target.host}: {_reason(error)}") from None


def _read(response: httpx.Response, shown: str, options: FetchOptions, deadline: float) -> bytes:
    """Read the (decompressed) body, refusing it past the size limit or the total time."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise _too_large(shown, options, int(declared))
    chunks = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise _too_large(shown, options)
        if time.monotonic() > deadline:
            raise FetchTimeoutError(
                f"{shown} took more than {options.total_timeout:g} s to download"
            )
        chunks.append(chunk)
    return b"".join(chunks)


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
