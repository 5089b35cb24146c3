"""Links between mirrored posts stay in the mirror.

A link in a body to the original URL of a post that is in the site becomes a relative link to that
post's page, so a reader offline follows it; a link to anything else stays as it is. URLs are
compared after normalising what WordPress sites vary on: scheme, host case, `www.`, the trailing
slash and percent-encoding.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from markdown_it.rules_core import StateCore

from generator import urls
from generator.model import Site


def source_key(url: str) -> str | None:
    """What two URLs of the same post have in common, or None for a URL that names no web page."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "") or not parts.hostname:
        return None
    host = parts.hostname.removeprefix("www.")
    if port not in (None, 80, 443):
        host += f":{port}"
    query = f"?{parts.query}" if parts.query else ""
    return host + unquote(parts.path).rstrip("/") + query


def local_pages(site: Site) -> dict[str, str]:
    """Normalised original URL -> page path of every post; of two posts with one URL, the first listed."""
    pages: dict[str, str] = {}
    for post in site.posts:
        key = source_key(post.source.url)
        if key is not None:
            pages.setdefault(key, urls.post(post))
    return pages


def local_links(state: StateCore) -> None:
    """Core rule: point links to mirrored posts at their pages, relative to the page in env['page']."""
    pages: Mapping[str, str] = state.env.get("local_pages") or {}
    if not pages:
        return
    page = state.env["page"]
    for token in state.tokens:
        for child in token.children or ():
            if child.type != "link_open":
                continue
            href = str(child.attrGet("href") or "")
            target = pages.get(source_key(href) or "")
            if target is not None:
                fragment = urlsplit(href).fragment
                child.attrSet("href", urls.relative(page, target) + (f"#{fragment}" if fragment else ""))
