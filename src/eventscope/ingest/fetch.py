"""Fetching a URL with guards: http(s) only, no private networks, bounded size and time.

Every hop of a redirect chain is checked before it is requested, so a public page cannot bounce
the fetcher to ``http://169.254.169.254/`` or a service on the intranet. The host is resolved
here and every address it resolves to must be public. (The HTTP client resolves it again when it
connects; a DNS server that answers differently the second time could still slip through. Run
ingest where private services are firewalled if that matters.)
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from eventscope import __version__
from eventscope.errors import FetchError

MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = f"eventscope/{__version__}"
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/plain;q=0.8"
)

Resolver = Callable[[str, int], Sequence[str]]


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    content: bytes
    content_type: str  # the Content-Type header as sent, "" when missing
    fetched_at: datetime

    @property
    def media_type(self) -> str:
        """ "text/html" from "text/html; charset=utf-8"."""
        return self.content_type.split(";", 1)[0].strip().lower()


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the host resolves to (getaddrinfo), as strings."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def fetch_url(
    url: str,
    *,
    client: httpx.Client,
    allow_private: bool = False,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
    resolver: Resolver = system_resolver,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> FetchedPage:
    """GET a page, following up to 5 redirects by hand and checking each hop's address.

    Raises FetchError (one line) for a refused address, a network error, an HTTP error status,
    a timeout (``timeout`` seconds per hop, reading included) or a body over ``max_bytes``.
    """
    try:
        current = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"{url!r} is not a valid URL ({_one_line(exc)})") from exc
    for _hop in range(MAX_REDIRECTS + 1):
        check_url(current, allow_private=allow_private, resolver=resolver)
        request = client.build_request(
            "GET", current, timeout=timeout, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT}
        )
        deadline = time.monotonic() + timeout
        try:
            response = client.send(request, stream=True, follow_redirects=False)
            try:
                if response.is_redirect:
                    current = _redirect_target(current, response)
                    continue
                if response.status_code >= 400:
                    raise FetchError(
                        f"{current} answered HTTP {response.status_code} {response.reason_phrase}".rstrip()
                    )
                content = _read_capped(response, max_bytes, deadline, timeout)
                return FetchedPage(
                    url=str(current),
                    content=content,
                    content_type=response.headers.get("content-type", ""),
                    fetched_at=now(),
                )
            finally:
                response.close()
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {timeout:g}s fetching {current}; try again later") from exc
        except httpx.ConnectError as exc:
            raise FetchError(f"could not connect to {current.host} ({_one_line(exc)})") from exc
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise FetchError(f"could not fetch {current} ({_one_line(exc)})") from exc
    raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times; give the final URL")


def check_url(url: httpx.URL, *, allow_private: bool = False, resolver: Resolver = system_resolver) -> None:
    """Raise FetchError unless the URL is http(s) and (unless allowed) its host is public."""
    if url.scheme not in ("http", "https"):
        raise FetchError(f"refused {url}: only http and https URLs are fetched")
    host = url.raw_host.decode("ascii")
    if not host:
        raise FetchError(f"refused {url}: no host")
    if allow_private:
        return
    try:
        addresses: Sequence[str] = [str(ipaddress.ip_address(host))]
    except ValueError:
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"could not resolve host {host} ({_one_line(exc)})") from exc
    if not addresses:
        raise FetchError(f"could not resolve host {host}")
    for address in addresses:
        kind = forbidden_kind(address)
        if kind is not None:
            shown = host if host == address else f"{host} ({address})"
            raise FetchError(
                f"refused {url}: {shown} is a {kind} address; set allow_private_urls "
                "(EVENTSCOPE_ALLOW_PRIVATE_URLS=1) to fetch from private networks"
            )


def forbidden_kind(address: str) -> str | None:
    """Why an address must not be fetched from ("loopback", "private", ...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),  # e.g. 100.64.0.0/10, shared carrier space
    )
    return next((kind for kind, hit in checks if hit), None)


def _redirect_target(current: httpx.URL, response: httpx.Response) -> httpx.URL:
    location = response.headers.get("location")
    if not location:
        raise FetchError(f"{current} answered HTTP {response.status_code} with no Location header")
    try:
        return current.join(location)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{current} redirected to an invalid URL {location!r}") from exc


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{response.url} is {int(declared)} bytes, over the {max_bytes}-byte limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{response.url} is over the {max_bytes}-byte limit; not an article page")
        if time.monotonic() > deadline:
            # The read timeout is per chunk; a server dripping bytes must not hold us forever.
            raise FetchError(f"timed out after {timeout:g}s reading {response.url}; try again later")
        chunks.append(chunk)
    return b"".join(chunks)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
