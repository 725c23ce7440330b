"""The guarded fetcher: real address checks, content through httpx.MockTransport, never the internet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest

from eventscope.errors import FetchError, InputError
from eventscope.ingest import IngestOptions, read_inputs
from eventscope.ingest.fetch import MAX_REDIRECTS, FetchedPage, fetch_url, forbidden_kind

FETCHED_AT = datetime(2025, 11, 14, 9, 30, tzinfo=UTC)
PUBLIC_IP = "93.184.215.14"  # a public address; MockTransport answers, nothing is sent


def public_resolver(host: str, port: int) -> list[str]:
    return [PUBLIC_IP]


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def never_called(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"the fetcher sent a request to {request.url} it should have refused")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost/", "loopback"),  # resolved for real, through getaddrinfo
        ("http://10.0.0.1/", "private"),
        ("http://[::1]/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://192.168.1.20:8080/admin", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
    ],
)
def test_private_addresses_are_refused(url: str, kind: str) -> None:
    with client_for(never_called) as client, pytest.raises(FetchError) as caught:
        fetch_url(url, client=client)
    message = str(caught.value)
    assert message.startswith("refused ") and kind in message
    assert "allow_private_urls" in message and "\n" not in message


def test_private_address_allowed_when_asked() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url == "http://127.0.0.1:8000/report"
        return httpx.Response(200, text="<html><body>ok</body></html>", headers={"content-type": "text/html"})

    with client_for(handler) as client:
        page = fetch_url("http://127.0.0.1:8000/report", client=client, allow_private=True)
    assert page.content == b"<html><body>ok</body></html>"
    assert page.media_type == "text/html"


def test_public_page_is_fetched_with_its_metadata() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["user-agent"].startswith("eventscope/")
        return httpx.Response(200, content=b"hello", headers={"content-type": "text/plain; charset=utf-8"})

    with client_for(handler) as client:
        page = fetch_url(
            "https://news.example.com/a", client=client, resolver=public_resolver, now=lambda: FETCHED_AT
        )
    assert page == FetchedPage(
        url="https://news.example.com/a",
        content=b"hello",
        content_type="text/plain; charset=utf-8",
        fetched_at=FETCHED_AT,
    )


def test_host_resolving_to_a_private_address_is_refused() -> None:
    with (
        client_for(never_called) as client,
        pytest.raises(FetchError, match=r"intranet\.example\.com \(10\.1"),
    ):
        fetch_url("http://intranet.example.com/", client=client, resolver=lambda host, port: ["10.1.2.3"])


def test_one_private_address_among_public_ones_is_enough_to_refuse() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return [PUBLIC_IP, "fd00::1"]

    with client_for(never_called) as client, pytest.raises(FetchError, match="private"):
        fetch_url("http://mixed.example.com/", client=client, resolver=resolver)


def test_unresolvable_host() -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with client_for(never_called) as client, pytest.raises(FetchError, match="could not resolve host"):
        fetch_url("http://no-such-host.example/", client=client, resolver=resolver)


@pytest.mark.parametrize("url", ["ftp://example.com/file.txt", "file:///etc/passwd"])
def test_only_http_and_https(url: str) -> None:
    with client_for(never_called) as client, pytest.raises(FetchError, match="only http and https"):
        fetch_url(url, client=client, allow_private=True)


def test_redirect_to_a_private_address_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    with client_for(handler) as client, pytest.raises(FetchError, match="refused .*link-local"):
        fetch_url("https://news.example.com/story", client=client, resolver=public_resolver)
    assert seen == ["https://news.example.com/story"]


def test_redirects_are_followed_and_the_final_url_kept() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return httpx.Response(200, content=b"moved here")

    with client_for(handler) as client:
        page = fetch_url("https://news.example.com/old", client=client, resolver=public_resolver)
    assert page.url == "https://news.example.com/new"
    assert page.content == b"moved here"


def test_redirect_loop_stops() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(302, headers={"location": f"/hop{calls}"})

    with client_for(handler) as client, pytest.raises(FetchError, match="redirected more than 5 times"):
        fetch_url("https://news.example.com/", client=client, resolver=public_resolver)
    assert calls == MAX_REDIRECTS + 1


def test_size_cap() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000)

    with client_for(handler) as client, pytest.raises(FetchError, match="over the 1000-byte limit"):
        fetch_url("https://news.example.com/big", client=client, resolver=public_resolver, max_bytes=1000)


def test_http_error_status() -> None:
    with (
        client_for(lambda request: httpx.Response(404)) as client,
        pytest.raises(FetchError, match="answered HTTP 404 Not Found"),
    ):
        fetch_url("https://news.example.com/gone", client=client, resolver=public_resolver)


def test_timeout_becomes_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    with client_for(handler) as client, pytest.raises(FetchError, match="timed out after 3s"):
        fetch_url("https://news.example.com/slow", client=client, resolver=public_resolver, timeout=3)


def test_connection_error_becomes_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with client_for(handler) as client, pytest.raises(FetchError, match="could not connect") as caught:
        fetch_url("https://news.example.com/", client=client, resolver=public_resolver)
    assert isinstance(caught.value, InputError)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("100.64.0.1", "non-public"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("fe80::1%eth0", "link-local"),
        ("172.16.5.4", "private"),
    ],
)
def test_forbidden_kind(address: str, kind: str | None) -> None:
    assert forbidden_kind(address) == kind


def test_read_inputs_reports_a_refused_url_and_goes_on(tmp_path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "Ceasefire holds in the south\n\n"
        + "The ceasefire agreed on Sunday held for a second day in the southern districts, where residents "
        "returned to markets that had been closed for weeks, local officials said on Tuesday.",
        encoding="utf-8",
    )
    with client_for(never_called) as client:
        results = list(read_inputs(["http://127.0.0.1/feed", str(text)], IngestOptions(), client=client))
    assert results[0].source == "http://127.0.0.1/feed"
    assert getattr(results[0], "reason", "").startswith("refused http://127.0.0.1/feed")
    assert getattr(results[1], "title", None) == "Ceasefire holds in the south"
