"""Getting the bytes of one image: over HTTP, or from a media folder saved beside a crawl.

A fetcher is any `Callable[[str], FetchResult]`, so the mirror step (generator/media_mirror.py) does not
know where bytes come from: `http_fetcher` over httpx, `folder_fetcher` over saved folders with another
fetcher behind it, or a test's stub. A fetcher never raises for what a URL or a server does; it says why in
`error`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from generator import __version__
from generator.sources.http import Client, FetchError

MAX_BYTES = 20_000_000
MAX_REDIRECTS = 5
TIMEOUT = 20.0  # seconds to connect, and between two reads of the body
USER_AGENT = f"newsmirror/{__version__} (static mirror; media)"


@dataclass(frozen=True)
class FetchResult:
    data: bytes | None  # None when the fetch failed
    content_type: str = ""  # as the server said, without parameters; "" when it did not (or a local file)
    error: str = ""  # why it failed, for a reader: "HTTP 404", "over the 20 MB limit", ...


Fetcher = Callable[[str], FetchResult]


def failed(error: str) -> FetchResult:
    return FetchResult(None, "", error)


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class HttpFetcher(AbstractContextManager["HttpFetcher"]):
    """GET with timeouts, redirects followed by hand so that each hop must be http(s), and the size limit
    enforced while the body streams in (a missing or false Content-Length cannot get past it)."""

    def __init__(self, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> None:
        self.max_bytes = max_bytes
        self.client = httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT})

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def __call__(self, url: str) -> FetchResult:
        for _ in range(MAX_REDIRECTS + 1):
            if not is_web_url(url):
                return failed(f"not an http(s) URL: {url!r}")
            try:
                with self.client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    return self._read(response)
            except httpx.HTTPError as e:
                return failed(f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
        return failed(f"more than {MAX_REDIRECTS} redirects")

    def _read(self, response: httpx.Response) -> FetchResult:
        if response.status_code != 200:
            return failed(f"HTTP {response.status_code}")
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not kind.startswith("image/"):
            return failed(f"content type {kind or 'missing'!r} is not an image")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return failed(_too_large(self.max_bytes))
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                return failed(_too_large(self.max_bytes))
            chunks.append(chunk)
        return FetchResult(b"".join(chunks), kind)


def client_fetcher(client: Client, max_bytes: int = MAX_BYTES) -> Fetcher:
    """A fetcher over a sync's polite client, so images share its request rate, retries and Retry-After.
    A host that could not be reached at all is not asked again in this run: a dead image server must not
    cost every one of its images the full round of retries."""
    unreachable: dict[str, str] = {}

    def fetch(url: str) -> FetchResult:
        if not is_web_url(url):
            return failed(f"not an http(s) URL: {url!r}")
        host = urlsplit(url).netloc.lower()
        if host in unreachable:
            return failed(f"{host} could not be reached earlier in this run ({unreachable[host]})")
        try:
            response = client.get(url)
        except FetchError as e:
            if not e.status:
                unreachable[host] = e.message
            return failed(e.message)
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not kind.startswith("image/"):
            return failed(f"content type {kind or 'missing'!r} is not an image")
        if len(response.body) > max_bytes:
            return failed(_too_large(max_bytes))
        return FetchResult(response.body, kind)
    return fetch


def _too_large(limit: int) -> str:
    return f"over the {limit / 1e6:g} MB limit"


def folder_fetcher(roots: Sequence[Path], fallback: Fetcher | None = None,
                   max_bytes: int = MAX_BYTES) -> Fetcher:
    """Bytes from a saved copy when one of `roots` holds the URL's path (`wp-content/uploads/...`) or its host
    and path (a crawler's `example.org/wp-content/...`); else from `fallback`, or a failure without one."""
    def fetch(url: str) -> FetchResult:
        for path in saved_paths(roots, url):
            try:
                if path.stat().st_size > max_bytes:
                    return failed(_too_large(max_bytes))
                return FetchResult(path.read_bytes())
            except OSError:
                continue
        return fallback(url) if fallback is not None else failed("not in the saved media folders")
    return fetch


def saved_paths(roots: Sequence[Path], url: str) -> list[Path]:
    """The files under `roots` that may hold `url`: only regular files strictly inside a root, whatever the
    URL's path says (`..`, NUL, backslashes or symbolic links leading out)."""
    if not is_web_url(url):
        return []
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if not segments or any(s in (".", "..") or "\\" in s or "\0" in s for s in segments):
        return []
    found = []
    for root in roots:
        real_root = os.path.realpath(root)
        for relative in (segments, [parts.hostname or "", *segments]):
            candidate = os.path.realpath(os.path.join(real_root, *relative))
            if candidate.startswith(real_root + os.sep) and os.path.isfile(candidate):
                found.append(Path(candidate))
    return found
