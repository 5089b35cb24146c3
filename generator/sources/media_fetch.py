"""Getting the bytes of one image: over HTTP, or from a media folder saved beside a crawl.

A fetcher is any `Callable[[str], FetchResult]`, so the mirror step (generator/media_mirror.py) does not
know where bytes come from: `client_fetcher` over the project's one polite HTTP client (sources/http.py),
`folder_fetcher` over saved folders with another fetcher behind it, or a test's stub. A fetcher never raises for what a URL or a server does; it says why in
`error`.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.sources.http import Client, FetchError
from generator.sources.public_address import Resolver, refusal

MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class FetchResult:
    data: bytes | None  # None when the fetch failed
    content_type: str = ""  # as the server said, without parameters; "" when it did not (or a local file)
    error: str = ""  # why it failed, for a reader: "HTTP 404", "over the 20 MB limit", ...
    # The failure will not change by asking again soon: the server says the file is not there (404, 410) or
    # serves something else in its place (a page), the file is over the size limit, the host's name does not exist,
    # or its address is not one images are asked of.
    lasting: bool = False


Fetcher = Callable[[str], FetchResult]


GONE_STATUSES = frozenset({404, 410})
# What an image is asked for with, as a browser asks for one: an image of any type, else anything (a server that
# sends it as `application/octet-stream`). The API's `application/json` let a server that chooses by it (a CDN, an
# image plugin) refuse the image or answer with JSON.
IMAGE_WANTED = "image/*,*/*;q=0.8"
# What a server calls a file it has no type for: AVIF on nginx before 1.25 and on Apache before 2.4.55 (their types
# lists lacked it), WebP on older ones, a storage bucket's upload sent without a type. Its bytes tell whether it is
# an image (media_mirror.store sniffs them), as they tell an image served as image/* from a page that claims to be one.
UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/x-octet-stream",
                     "application/unknown"})


def failed(error: str, lasting: bool = False) -> FetchResult:
    return FetchResult(None, "", error, lasting)


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def client_fetcher(client: Client, max_bytes: int = MAX_BYTES, own_hosts: Collection[str] = (),
                   resolve: Resolver = socket.getaddrinfo) -> Fetcher:
    """A fetcher over the polite client of import or sync: its request rate, retries, Retry-After, http(s)-only
    redirects, and `max_bytes` enforced while the body streams in. A host that could not be reached at all is
    not asked again in this run: a dead image server must not cost each of its images the round of retries.
    Only public addresses are asked, and `own_hosts`, the hosts of the sites the user mirrors, whatever their
    address (sources/public_address.py); each host is checked once in a run."""
    unreachable: dict[str, FetchError] = {}
    checked: dict[str, str] = {}

    def refuse(url: str) -> str:
        try:
            key = urlsplit(url).netloc.lower()
        except ValueError:
            return ""
        if key not in checked:
            checked[key] = refusal(url, own_hosts, resolve)
        return checked[key]

    def fetch(url: str) -> FetchResult:
        if not is_web_url(url):
            return failed(f"not an http(s) URL: {url!r}", lasting=True)
        host = urlsplit(url).netloc.lower()
        if host in unreachable:
            earlier = unreachable[host]
            return failed(f"{host} could not be reached earlier in this run ({earlier.message})", earlier.no_such_host)
        try:
            response = client.get(url, max_bytes=max_bytes, refuse=refuse, public_only=own_hosts, wanted=IMAGE_WANTED)
        except FetchError as e:
            if e.unreachable:
                unreachable[host] = e
            return failed(e.message, e.status in GONE_STATUSES or e.no_such_host or e.refused or e.too_large)
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind in UNTYPED:
            return FetchResult(response.body)
        if not kind.startswith("image/"):  # a site's "not found" page, served with 200
            return failed(f"content type {kind!r} is not an image", lasting=True)
        return FetchResult(response.body, kind)
    return fetch


def folder_fetcher(roots: Sequence[Path], fallback: Fetcher | None = None,
                   max_bytes: int = MAX_BYTES) -> Fetcher:
    """Bytes from a saved copy when one of `roots` holds the URL's path (`wp-content/uploads/...`), its host
    and path (a crawler's `example.org/wp-content/...`), or its path from `wp-content` on (a site in a subfolder,
    `/blog/wp-content/...`, saved from that folder, as static exports are); else from `fallback`, or a failure
    without one."""
    def fetch(url: str) -> FetchResult:
        for path in saved_paths(roots, url):
            try:
                if path.stat().st_size > max_bytes:
                    return failed(f"over the {max_bytes / 1e6:g} MB limit")
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
        for relative in (segments, [parts.hostname or "", *segments], _from_wp_content(segments)):
            if not relative:
                continue
            candidate = os.path.realpath(os.path.join(real_root, *relative))
            if candidate.startswith(real_root + os.sep) and os.path.isfile(candidate):
                found.append(Path(candidate))
    return found


def _from_wp_content(segments: list[str]) -> list[str]:
    """The path from its `wp-content` folder on, of a site in a subfolder (`blog/wp-content/uploads/a.png`): a static
    export of the site (Simply Static's, for a project page at `user.github.io/site/`) saves it from that folder."""
    inner = segments[1:]
    return inner[inner.index("wp-content"):] if "wp-content" in inner else []
