"""One polite HTTP client for reading WordPress sites: it says who it is, waits between requests,
retries what a busy server asks to be retried, and never reads more than it was told to expect.

Everything that varies between a test and a real run (the clock, sleeping, the transport) is
passed in, so nothing here is global and no test waits for real.
"""

from __future__ import annotations

import email.utils
import html
import re
import socket
import ssl
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import httpx

from generator import __version__
from generator.sources.public_address import AddressRefused, PublicOnly, Resolver

PROJECT_URL = "https://github.com/newsmirror/newsmirror"
USER_AGENT = f"newsmirror/{__version__} (+{PROJECT_URL})"
JSON_WANTED = "application/json"  # the Accept header of the API's requests
PAGE_WANTED = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"  # a site's pages, as a browser asks for them
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TITLE = re.compile(r"<title[^<>]*>([^<]*)</title>", re.IGNORECASE)
TAG = re.compile(r"<[^<>]*>")
UNTRUSTED = ("check the address (a certificate names the hosts it is for), or, for a site with a certificate of "
             "its own, name the file of its authority in SSL_CERT_FILE")
E = TypeVar("E", bound=BaseException)
# getaddrinfo's answers for a host name that does not exist (NXDOMAIN, or no address for it): no retry in this
# run can change them, unlike EAI_AGAIN, a resolver that failed for now.
NO_SUCH_HOST = frozenset(getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, name))


@dataclass(frozen=True)
class Politeness:
    """How hard a run may press on a site."""

    min_interval: float = 0.5  # seconds between the starts of two requests
    timeout: float = 30.0  # seconds to connect, and between two reads
    retries: int = 4  # further attempts after a 429, a 5xx or a dropped connection
    backoff: float = 1.0  # first wait before a retry; doubles each time
    max_wait: float = 120.0  # longest wait for one retry, whatever Retry-After says
    max_bytes: int = 64 * 1024 * 1024  # a response over this is refused
    max_redirects: int = 5
    # The longest one response may take in all: `timeout` bounds the wait between two reads only, and a server (or
    # a proxy in front of it) that sends a byte now and then would hold the run for ever.
    deadline: float = 600.0


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    attempts: int = 1  # retries included


class FetchError(Exception):
    """A request that failed for good; the message names the URL."""

    def __init__(self, url: str, message: str, status: int = 0, unreachable: bool = False,
                 no_such_host: bool = False, refused: bool = False, too_large: bool = False) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.status = status  # the HTTP status that failed, or 0
        self.unreachable = unreachable  # no answer at all, after every retry
        self.no_such_host = no_such_host  # the host's name does not resolve: asking again soon cannot help
        self.refused = refused  # not asked at all: the caller's `refuse` said why
        self.too_large = too_large  # the body is over the limit: the same file will be, next time too


@dataclass
class Clock:
    """Time as the client sees it; tests give one that only pretends to sleep."""

    monotonic: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)


@dataclass
class Client:
    politeness: Politeness = field(default_factory=Politeness)
    clock: Clock = field(default_factory=Clock)
    transport: httpx.BaseTransport | None = None
    requests: int = 0  # made so far, retries included
    waited: float = 0.0  # seconds slept for politeness and retries
    _last: float | None = None
    _failing: set[str] = field(default_factory=set)  # hosts whose last request failed after every retry
    resolve: Resolver = socket.getaddrinfo  # how PublicOnly connections look names up
    _http: httpx.Client | None = None
    _public_only: dict[frozenset[str], httpx.Client] = field(default_factory=dict)  # by the hosts allowed
    _kept: dict[str, Response | FetchError] = field(default_factory=dict)  # get_once's answers, by URL

    def __enter__(self) -> Client:
        self._http = self._client(self.transport)
        return self

    def __exit__(self, *_: object) -> None:
        for client in [self._http, *self._public_only.values()]:
            if client is not None:
                client.close()
        self._http = None
        self._public_only.clear()

    def _client(self, transport: httpx.BaseTransport | None) -> httpx.Client:
        return httpx.Client(headers={"User-Agent": USER_AGENT, "Accept": JSON_WANTED},
                            timeout=httpx.Timeout(self.politeness.timeout), follow_redirects=False, transport=transport)

    def _connecting(self, public_only: Collection[str] | None) -> httpx.Client:
        """The httpx client for a request: one whose sockets connect only to public addresses (but for the
        hosts given), when asked; a test's own transport opens no socket, and serves every request."""
        if self._http is None:
            raise RuntimeError("use the client as a context manager")
        if public_only is None or self.transport is not None:
            return self._http
        key = frozenset(public_only)
        if key not in self._public_only:
            transport = httpx.HTTPTransport()
            transport._pool._network_backend = PublicOnly(key, self.resolve)  # httpx passes no backend of its own
            self._public_only[key] = self._client(transport)
        return self._public_only[key]

    def get(self, url: str, accept: frozenset[int] = frozenset({200}), max_bytes: int | None = None,
            refuse: Callable[[str], str] | None = None, public_only: Collection[str] | None = None,
            wanted: str = JSON_WANTED) -> Response:
        """GET `url`, following redirects within http(s); a status outside `accept`, or a body over
        `max_bytes` (default: the politeness's), raises FetchError. `refuse` says why a URL, the first or one
        a redirect leads to, must not be asked for at all ("" when it may). With `public_only`, the request
        connects only to a public address, or to any for the hosts it names (see PublicOnly). `wanted` is the
        request's Accept header: the API's JSON, or what else the caller asks for (an image)."""
        limit, first = self.politeness.max_bytes if max_bytes is None else max_bytes, url
        for _ in range(self.politeness.max_redirects + 1):
            why = refuse(url) if refuse is not None else ""
            if why:
                raise FetchError(url, why if url == first else f"redirected to {url}: {why}", refused=True)
            response = self._with_retries(url, limit, self._connecting(public_only), wanted)
            if response.status not in REDIRECT_STATUSES:
                if response.status not in accept:
                    raise FetchError(url, f"HTTP {response.status}{_reason(response.body)}", response.status)
                return response
            url = _redirect_target(url, response)
        raise FetchError(first, f"more than {self.politeness.max_redirects} redirects, the last to {url}: the site "
                                "redirects in a loop (an http/https or www setting at odds with a proxy's?); ask its "
                                "owner, or check the address")

    def get_once(self, url: str, wanted: str) -> Response:
        """GET `url` with any status, asked for once in the client's life however many readers want it: a site's
        front page names both where its REST API is and where its feeds are, and was asked for twice."""
        if url not in self._kept:
            try:
                self._kept[url] = self.get(url, accept=frozenset(range(200, 600)), wanted=wanted)
            except FetchError as e:
                self._kept[url] = e
        kept = self._kept[url]
        if isinstance(kept, FetchError):
            raise kept
        return kept

    def _with_retries(self, url: str, limit: int, http: httpx.Client, wanted: str) -> Response:
        """The answer, after as many attempts as a busy or failing server needs. Once a host has failed
        for good, its next requests get one attempt each until one succeeds: a site that went down must
        not cost every remaining page the whole round of waits."""
        host = urlsplit(url).netloc.lower()
        retries = 0 if host in self._failing else self.politeness.retries
        attempt, long_asked = 0, False
        while True:
            try:
                response = self._once(url, limit, http, wanted)
            except httpx.TransportError as e:
                if _no_such_host(e):
                    # Old posts show images from hosts long gone (image hosts, old domains): waiting to ask
                    # again cost each such host the whole round of retries, in every sync.
                    self._failing.add(host)
                    # The URL names the host: a message without it is the same for every dead host, so the
                    # summary folds them into one "and N more like these".
                    raise FetchError(url, f"cannot connect: no such host ({e})", unreachable=True,
                                     no_such_host=True) from None
                refused = _untrusted(e)
                if refused is not None:
                    # A certificate refused now is refused on every attempt: retrying cost a sync 15 s of waits.
                    self._failing.add(host)
                    raise FetchError(url, f"cannot connect: its certificate is not trusted "
                                          f"({refused.verify_message or refused.reason}): {UNTRUSTED}",
                                     unreachable=True) from None
                if attempt >= retries:
                    self._failing.add(host)
                    raise FetchError(url, f"{_describe(e)} (after {attempt + 1} attempts)",
                                     unreachable=isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout))) from None
                self._pause(self._backoff(attempt))
            else:
                if response.status not in RETRY_STATUSES:
                    self._failing.discard(host)
                    return replace(response, attempts=attempt + 1)
                asked = self._retry_after(response)
                # A server that asks twice for a longer pause than a run waits is down for a while (WordPress's
                # maintenance mode answers 503 with Retry-After: 600): waiting max_wait each time held a run 8 min.
                if attempt >= retries or (long_asked and asked is not None and asked > self.politeness.max_wait):
                    self._failing.add(host)
                    return replace(response, attempts=attempt + 1)
                long_asked = asked is not None and asked > self.politeness.max_wait
                self._pause(min(asked, self.politeness.max_wait) if asked else self._backoff(attempt))
            attempt += 1

    def _once(self, url: str, limit: int, http: httpx.Client, wanted: str) -> Response:
        if self._last is not None:
            self._pause(self._last + self.politeness.min_interval - self.clock.monotonic())
        self._last = self.clock.monotonic()
        self.requests += 1
        try:
            return self._read(url, limit, http, wanted)
        except AddressRefused as e:
            raise FetchError(url, str(e), refused=True) from None
        # A post's image URL may be any text at all; a path without its host, or another scheme than http(s), is no
        # failure of the network (httpx calls it a TransportError), which asking again could mend.
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError) as e:
            raise FetchError(url, f"not a usable URL: {e}") from None
        except httpx.DecodingError:
            raise FetchError(url, "the answer is not compressed as its Content-Encoding says (a server or "
                                  "plugin setting that compresses twice): ask the site's owner") from None

    def _read(self, url: str, limit: int, http: httpx.Client, wanted: str) -> Response:
        until = self.clock.monotonic() + self.politeness.deadline
        with http.stream("GET", url, headers={"Accept": wanted}) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(url, f"response of {int(declared)} bytes is over the limit of {limit}", too_large=True)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"response is over the limit of {limit} bytes", too_large=True)
                if self.clock.monotonic() > until:
                    raise FetchError(url, f"the answer took over {self.politeness.deadline:g} s to arrive, a little "
                                          "at a time (an overloaded server or proxy): sync again later")
                chunks.append(chunk)
            return Response(str(response.url), response.status_code, response.headers, b"".join(chunks))

    def _pause(self, seconds: float) -> None:
        if seconds > 0:
            self.waited += seconds
            self.clock.sleep(seconds)

    def _backoff(self, attempt: int) -> float:
        return min(self.politeness.backoff * 2 ** attempt, self.politeness.max_wait)

    def _retry_after(self, response: Response) -> float | None:
        """Retry-After in seconds or as an HTTP date; the caller caps it: a server may ask for a pause, not a day."""
        value = response.headers.get("Retry-After", "").strip()
        if not value:
            return None
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max((when - self.clock.now()).total_seconds(), 0.0)


def _redirect_target(url: str, response: Response) -> str:
    location = response.headers.get("Location", "")
    if not location:
        raise FetchError(url, f"HTTP {response.status} redirect without a Location")
    try:
        target = urljoin(url, location)
        scheme = urlsplit(target).scheme
    except ValueError as e:  # a Location urlsplit refuses (`http://[x/`): nowhere to follow
        raise FetchError(url, f"redirect to {location!r} refused: no web address ({e})") from None
    if scheme not in ("http", "https"):
        raise FetchError(url, f"redirect to {target!r} refused: only http and https are followed")
    return target


def _reason(body: bytes) -> str:
    """What the answer says of its failure. WordPress explains its errors in JSON ({"code": ..., "message": ...}),
    whose first words are enough; a web page (a server's or a theme's "not found", as a missing image gets) by its
    title, else by its words without their tags."""
    text = body[:4096].decode("utf-8", "replace")
    if text.lstrip().startswith("<"):
        found = HTML_TITLE.search(text)
        title = " ".join(html.unescape(found.group(1)).split())[:80] if found else ""
        if title:
            return f" ({title!r})"
        text = html.unescape(TAG.sub(" ", text))
    words = " ".join(text.split())[:160]
    return f": {words}" if words else ""


def _no_such_host(error: BaseException) -> bool:
    """Whether a failed connection's cause is a host name that does not exist (httpx wraps httpcore's error,
    which wraps the resolver's socket.gaierror)."""
    cause = _cause(error, socket.gaierror)
    return cause is not None and cause.errno in NO_SUCH_HOST


def _untrusted(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The refusal of a site's certificate (self-signed, expired, for another name) that failed a connection."""
    return _cause(error, ssl.SSLCertVerificationError)


def _cause(error: BaseException, kind: type[E]) -> E | None:
    """The first error of `kind` in the chain of causes of `error` (httpx wraps httpcore's, which wraps the
    socket's or ssl's)."""
    cause: BaseException | None = error
    for _ in range(5):  # the chain is short; a cycle must not hang
        if cause is None or isinstance(cause, kind):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def _describe(error: httpx.TransportError) -> str:
    kind = {httpx.ConnectTimeout: "connection timed out", httpx.ReadTimeout: "read timed out",
            httpx.ConnectError: "cannot connect"}.get(type(error), type(error).__name__)
    detail = str(error)
    return f"{kind}: {detail}" if detail else kind
