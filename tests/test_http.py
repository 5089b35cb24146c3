"""The HTTP client against a real server on 127.0.0.1: it waits as asked, retries what may be
retried, follows redirects only within http(s), refuses oversized answers, and names the URL
in every error. Time is a fake clock: the waits are recorded, never slept."""

from __future__ import annotations

import time as time_module
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from generator import __version__
from generator.sources.http import Client, Clock, FetchError, Politeness
from tests.fake_wordpress import FakeWordPress, SiteData

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)


@dataclass
class FakeTime:
    t: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> Clock:
        return Clock(monotonic=lambda: self.t, sleep=self._sleep, now=lambda: NOW + timedelta(seconds=self.t))

    def _sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.t += seconds


@pytest.fixture
def wp():
    with FakeWordPress(SiteData()) as server:
        server.route("/ok", lambda query: (200, {}, b"fine"))
        yield server


def client(time: FakeTime, **politeness: float) -> Client:
    return Client(Politeness(**{"min_interval": 0.0, **politeness}), time.clock())


def test_retry_after_in_seconds_is_honoured_and_the_retry_succeeds(wp: FakeWordPress) -> None:
    wp.fail("/ok", status=429, headers={"Retry-After": "7"})
    time = FakeTime()
    with client(time) as http:
        assert http.get(wp.url + "ok").body == b"fine"
    assert time.sleeps == [7.0]
    assert wp.count("/ok") == 2


def test_retry_after_as_an_http_date_is_honoured_and_capped(wp: FakeWordPress) -> None:
    wp.fail("/ok", status=503, headers={"Retry-After": format_datetime(NOW + timedelta(seconds=30), usegmt=True)})
    wp.fail("/ok", status=429, headers={"Retry-After": "86400"})
    time = FakeTime()
    with client(time, max_wait=60) as http:
        assert http.get(wp.url + "ok").body == b"fine"
    assert time.sleeps == [30.0, 60.0]


def test_5xx_backs_off_exponentially_then_gives_up_naming_the_url(wp: FakeWordPress) -> None:
    wp.fail("/ok", status=503, times=-1)
    time = FakeTime()
    with client(time, retries=3, backoff=2) as http, pytest.raises(FetchError) as error:
        http.get(wp.url + "ok")
    assert time.sleeps == [2.0, 4.0, 8.0]
    assert str(error.value).startswith(f"{wp.url}ok: HTTP 503")
    assert wp.count("/ok") == 4


def test_requests_keep_the_configured_interval(wp: FakeWordPress) -> None:
    time = FakeTime()
    with client(time, min_interval=1.5) as http:
        for _ in range(3):
            http.get(wp.url + "ok")
    assert time.sleeps == [1.5, 1.5]
    assert http.requests == 3


def test_it_says_who_it_is() -> None:
    seen = []
    with FakeWordPress(SiteData()) as wp:
        wp.route("/ua", lambda query: (200, {}, b""))
        handler = wp._server.RequestHandlerClass
        original = handler.do_GET

        def record(self) -> None:
            seen.append(self.headers["User-Agent"])
            original(self)
        handler.do_GET = record
        with client(FakeTime()) as http:
            http.get(wp.url + "ua")
    assert seen[0].startswith(f"newsmirror/{__version__} (+http")


def test_redirects_are_followed_within_http_only(wp: FakeWordPress) -> None:
    wp.fail("/moved", status=301, headers={"Location": "/ok"})
    wp.fail("/away", status=302, headers={"Location": "file:///etc/passwd"})
    with client(FakeTime()) as http:
        response = http.get(wp.url + "moved")
        assert (response.body, response.url) == (b"fine", wp.url + "ok")
        with pytest.raises(FetchError, match="redirect to 'file:///etc/passwd' refused: only http and https"):
            http.get(wp.url + "away")


def test_a_redirect_loop_is_named_by_the_address_asked_for_and_where_it_ended(wp: FakeWordPress) -> None:
    """http to https and back, as a site whose address setting and proxy disagree sends it; the message named only
    the last address, which the user never gave."""
    wp.fail("/loop", status=301, headers={"Location": "/loop?again"}, times=-1)
    with client(FakeTime()) as http, pytest.raises(FetchError) as error:
        http.get(wp.url + "loop")
    assert error.value.url == wp.url + "loop"
    assert error.value.message.startswith(f"more than 5 redirects, the last to {wp.url}loop?again: the site redirects "
                                          "in a loop")


def test_an_answer_over_the_size_limit_is_refused(wp: FakeWordPress) -> None:
    wp.route("/big", lambda query: (200, {}, b"x" * 5000))
    with client(FakeTime(), max_bytes=1000) as http, pytest.raises(FetchError, match=r"/big: response of 5000 bytes"):
        http.get(wp.url + "big")


def test_a_server_that_does_not_answer_is_an_error_naming_the_url() -> None:
    with FakeWordPress(SiteData()) as wp:
        url = wp.url
    time = FakeTime()
    with client(time, retries=1, backoff=0.5) as http, pytest.raises(FetchError) as error:
        http.get(url + "gone")
    assert str(error.value).startswith(f"{url}gone: cannot connect")
    assert "after 2 attempts" in str(error.value)
    assert time.sleeps == [0.5]


def test_a_slow_answer_times_out(wp: FakeWordPress) -> None:
    wp.fail("/ok", delay=1.0)
    with client(FakeTime(), timeout=0.2, retries=0) as http, pytest.raises(FetchError, match="/ok: read timed out"):
        http.get(wp.url + "ok")


def test_an_answer_not_compressed_as_it_says_is_an_error_naming_the_url(wp: FakeWordPress) -> None:
    """A plugin that gzips what PHP already sends gzipped: browsers say "Content Encoding Error"."""
    wp.route("/gz", lambda query: (200, {"Content-Encoding": "gzip"}, b"[1, 2, 3]"))
    with client(FakeTime()) as http, pytest.raises(FetchError, match=r"/gz: the answer is not compressed as its "):
        http.get(wp.url + "gz")
    assert wp.count("/gz") == 1


@pytest.mark.parametrize("url", ["http://www..example.com/a.png", "http://exa\nmple.com/a.png",
                                 "/2021/07/14/a-post/", "ftp://example.com/a.png"])
def test_a_url_that_cannot_be_asked_for_is_an_error_naming_it(url: str) -> None:
    """Asked once: a path without its host (a feed whose links a plugin made relative) was tried five times,
    15 s of waiting for each, as if the network had failed."""
    time = FakeTime()
    with client(time) as http, pytest.raises(FetchError, match="not a usable URL"):
        http.get(url)
    assert (http.requests, time.sleeps) == (1, [])


def test_a_host_that_failed_for_good_is_tried_once_per_request_until_it_answers(wp: FakeWordPress) -> None:
    """A site that went down must not cost each remaining page of a listing the whole round of waits."""
    wp.fail("/ok", status=503, times=6)
    time = FakeTime()
    with client(time, retries=4, backoff=1) as http:
        for _ in range(2):
            with pytest.raises(FetchError):
                http.get(wp.url + "ok")
        assert http.get(wp.url + "ok").body == b"fine"  # the 7th request: up again
        wp.fail("/ok", status=503, times=1)
        assert http.get(wp.url + "ok").body == b"fine"  # retried again, as for any host
    assert time.sleeps == [1.0, 2.0, 4.0, 8.0, 1.0]
    assert wp.count("/ok") == 9


THEME_404 = ('<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" content="width='
             'device-width"><link rel="stylesheet" href="/wp-content/themes/x/style.css"><title>Page not found &#8211; '
             'Example News</title></head><body class="error404">')


@pytest.mark.parametrize(("body", "said"), [
    (THEME_404, "HTTP 404 ('Page not found – Example News')"),  # WordPress's theme answers a missing upload
    ("<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>",
     "HTTP 404 ('404 Not Found')"),
    ("<p>No such <b>file</b></p>", "HTTP 404: No such file"),
    ('{"code":"rest_no_route","message":"No route was found"}',
     'HTTP 404: {"code":"rest_no_route","message":"No route was found"}')])
def test_a_failure_is_said_by_the_page_title_or_words_not_its_markup(wp: FakeWordPress, body: str, said: str) -> None:
    wp.fail("/ok", status=404, body=body.encode(), headers={"Content-Type": "text/html"})
    with client(FakeTime()) as http, pytest.raises(FetchError) as error:
        http.get(wp.url + "ok")
    assert error.value.message == said


def test_an_answer_that_trickles_in_is_given_up_at_the_deadline_not_waited_for_for_ever() -> None:
    """A byte every 0.2 s never lets a read time out; 100 of them would take 20 s, and a large body hours."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Trickle(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time_module.sleep(0.2)
            except OSError:
                pass  # the client gave up

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        started = time_module.monotonic()
        with Client(Politeness(min_interval=0.0, timeout=5, deadline=1.0, retries=2)) as http, \
                pytest.raises(FetchError) as error:
            http.get(f"http://127.0.0.1:{server.server_address[1]}/")
        assert time_module.monotonic() - started < 5
        assert "took over 1 s to arrive" in error.value.message and http.requests == 1
    finally:
        server.shutdown()
        server.server_close()


def test_a_site_that_asks_twice_for_a_long_pause_is_given_up_after_one_wait(wp: FakeWordPress) -> None:
    """WordPress's maintenance mode answers 503 with Retry-After: 600 to every request: each retry waited the
    longest wait, and the first request held the run 8 minutes before giving up."""
    wp.fail("/ok", status=503, times=-1, headers={"Retry-After": "600"})
    time = FakeTime()
    with client(time, retries=4, max_wait=120) as http, pytest.raises(FetchError) as error:
        http.get(wp.url + "ok")
    assert time.sleeps == [120.0] and wp.count("/ok") == 2
    assert str(error.value).startswith(f"{wp.url}ok: HTTP 503")
