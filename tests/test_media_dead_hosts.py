"""Images on hosts whose names no longer exist, as old posts of real sites show them (round 45c's replay of
saved crawls: a Spanish political site's posts of 2011-2012 showed images from some 48 hosts gone since,
imageshack's `img841.imageshack.us`, `img204…` and old domains). The resolver's "no such host" cannot change
by waiting, so each such host is asked once, without the round of retries that cost a sync some 15 s a host
(1 + 2 + 4 + 8 s with the default 4 retries), in every sync, as failed images are tried again each run. A
resolver that failed for now (EAI_AGAIN) is still retried."""

from __future__ import annotations

import socket

import httpx

from generator.sources.http import Client, Politeness
from generator.sources.media_fetch import client_fetcher
from tests.test_http import FakeTime
from tests.test_media_images import png

DEAD = ["http://img841.imageshack.us/img841/1516/banner.jpg", "http://img204.imageshack.us/img204/1516/banner.jpg",
        "http://www.oldpaper.example/IMG/jpg/photo_1.jpg", "http://www.oldpaper.example/IMG/jpg/photo_2.jpg"]


def resolver_says(errors: dict[str, int]) -> httpx.MockTransport:
    """A transport that fails as httpx does when getaddrinfo fails for a host (httpx.ConnectError from
    httpcore's, from socket.gaierror), and serves a PNG for any other host."""
    def handle(request: httpx.Request) -> httpx.Response:
        code = errors.get(request.url.host)
        if code is None:
            return httpx.Response(200, headers={"Content-Type": "image/png"}, content=png(4, 3))
        try:
            raise socket.gaierror(code, "Name or service not known")
        except socket.gaierror as e:
            raise httpx.ConnectError(f"[Errno {code}] Name or service not known", request=request) from e
    return httpx.MockTransport(handle)


def test_images_on_hosts_that_no_longer_exist_are_asked_once_without_waiting() -> None:
    hosts = {httpx.URL(url).host: socket.EAI_NONAME for url in DEAD}
    time = FakeTime()
    with Client(Politeness(min_interval=0.0), time.clock(), transport=resolver_says(hosts)) as client:
        fetch = client_fetcher(client)
        results = [fetch(url) for url in [*DEAD, "http://alive.example/chart.png"]]
        assert client.requests == 3 + 1  # one per dead host, then the live image
    assert time.sleeps == []
    assert results[-1].data == png(4, 3)
    # One message for every dead host (the URL names it), so a sync's summary folds them into one line.
    assert results[0].error == results[1].error == \
        f"cannot connect: no such host ([Errno {socket.EAI_NONAME}] Name or service not known)"
    assert results[3].error.startswith("www.oldpaper.example could not be reached earlier in this run")
    assert all(result.lasting for result in results[:-1])  # so a sync does not ask again (test_sync_media_gone)


def test_a_resolver_that_failed_for_now_is_retried() -> None:
    time = FakeTime()
    transport = resolver_says({"img841.imageshack.us": socket.EAI_AGAIN})
    with Client(Politeness(min_interval=0.0, retries=2), time.clock(), transport=transport) as client:
        result = client_fetcher(client)(DEAD[0])
        assert client.requests == 3
    assert time.sleeps == [1.0, 2.0]
    assert result.error.endswith("(after 3 attempts)") and not result.lasting


def test_images_are_asked_for_as_images_and_the_api_as_json() -> None:
    """Images were asked for with the API's `Accept: application/json`, which a server that chooses by it (a CDN,
    an image plugin) may refuse or answer with JSON."""
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(request.headers["Accept"])
        return httpx.Response(200, headers={"Content-Type": "image/png"}, content=png(4, 3))

    with Client(Politeness(min_interval=0.0), FakeTime().clock(), transport=httpx.MockTransport(handle)) as client:
        assert client_fetcher(client)("http://alive.example/chart.png").data == png(4, 3)
        client.get("http://alive.example/wp-json/wp/v2/posts")
    assert asked == ["image/*,*/*;q=0.8", "application/json"]
