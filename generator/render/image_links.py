"""Links that open an image: which addresses name an image, and which links around a shown image lead to its
full size on the same site, for the media mirror to fetch too.

A post links a thumbnail to its full size (WordPress's "link to media file", Blogger's `…/s1600/…` or `=s1600`,
Jetpack's Photon `i0.wp.com/site/…?w=1024`). The mirror downloads what a page shows; offline, such a link led
to the web unless it named the very file shown. The mirror fetches these targets as well (media_mirror), and
the build links a mirrored one locally (offline_links.Resolver.mirrored_image).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

if TYPE_CHECKING:  # only the reference parser's tokens are read here
    from markdown_it.token import Token

IMAGE_PATH = re.compile(r"[.](?:jpe?g|png|gif|webp|avif|bmp)$", re.IGNORECASE)
# Blogger's image hosts, whose addresses may end in a size rather than a file type (`…/AVvXsEh…=s1600`,
# `…=w640-h480`); a size as a folder (`/s1600/`, `/w640-h480/`) comes before a file name.
BLOGGER_HOSTS = re.compile(r"(?:^|\.)(?:bp\.blogspot\.com|googleusercontent\.com)$", re.IGNORECASE)
BLOGGER_SIZE = re.compile(r"=[swh]\d+(?:-[\w-]*)?$|/[swh]\d+(?:-[\w-]*)?/[^/]+$")
# Jetpack's Photon serves a site's images as `i0.wp.com/<the site's host>/<path>`.
PHOTON_HOST = re.compile(r"i[0-3]\.wp\.com$", re.IGNORECASE)


# What any address that names an image holds somewhere (an image type, a Blogger host): most links a body
# resolves hold neither, and looking for them is several times faster than taking the address apart.
MAYBE_IMAGE = re.compile(r"[.](?:jpe?g|png|gif|webp|avif|bmp)|bp\.blogspot\.com|googleusercontent\.com", re.IGNORECASE)
# What urlsplit removes from inside an address (so that its parts may hold what the address does not, as written).
SPLIT_REMOVES = frozenset("\t\r\n")


def names_image(url: str) -> bool:
    """Whether `url` names an image file: its path ends in an image type, or it is one of Blogger's sized
    image addresses."""
    if not _maybe_image(url) and SPLIT_REMOVES.isdisjoint(url):
        return False  # (its path and host are parts of it as written)
    parts = _split(url)
    if IMAGE_PATH.search(parts.path):
        return True
    return bool(BLOGGER_HOSTS.search(parts.hostname or "")) and BLOGGER_SIZE.search(parts.path) is not None


def _maybe_image(url: str) -> bool:
    """Whether MAYBE_IMAGE finds something in `url`: in an ASCII address (nearly all), by looking for each
    literal in it lowered, which ignores case as the pattern does there, three times as fast as its search."""
    if not url.isascii():
        return MAYBE_IMAGE.search(url) is not None
    low = url.lower()
    return (".jpg" in low or ".jpeg" in low or ".png" in low or ".gif" in low or ".webp" in low or ".avif" in low or ".bmp" in low
            or "bp.blogspot.com" in low or "googleusercontent.com" in low)


def image_site(url: str) -> str:
    """The site an image belongs to: its host without `www.`, the site a Photon address serves, and one name
    for all of Blogger's image hosts."""
    parts = _split(url)
    host = (parts.hostname or "").lower()
    if PHOTON_HOST.match(host):
        host = parts.path.lstrip("/").split("/", 1)[0].lower()
    if BLOGGER_HOSTS.search(host):
        return "blogger"
    return host.removeprefix("www.")


def _split(url: str) -> SplitResult:
    """`url`'s parts; none of an address urlsplit refuses (`http://[host/`, a bracket left open), which a
    browser would not open either."""
    try:
        return urlsplit(url)
    except ValueError:
        return SplitResult("", "", "", "", "")


def full_size_links(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """(shown image, link target) for every link around an http(s) image of a parsed body whose target is
    another image on the same site: Markdown links around Markdown images, and `<a>` around `<img>` in raw
    HTML, a block of it or inline in a paragraph (where the `<a>` and the `</a>` are tokens of their own)."""
    found: list[tuple[str, str]] = []
    for token in tokens:
        if token.type == "html_block":
            found += _html_links(token.content)
        href, inline = None, _Links()
        for child in token.children or ():
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
            elif child.type == "link_close":
                href = None
            elif child.type == "html_inline":
                inline.feed(child.content)
            elif child.type == "image" and (href or inline.href) is not None:
                found.append((str(child.attrGet("src") or ""), href if href is not None else str(inline.href)))
        found += inline.found
    return list(dict.fromkeys((src.strip(), href.strip()) for src, href in found if _full_size(src, href)))


def _full_size(src: str, href: str) -> bool:
    src, href = src.strip(), href.strip()
    return (href != src and href.startswith(("http://", "https://")) and names_image(href)
            and image_site(href) == image_site(src))


def _html_links(html: str) -> list[tuple[str, str]]:
    links = _Links()
    links.feed(html)
    links.close()
    return links.found


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.href: str | None = None
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a":
            self.href = values.get("href", "")
        elif tag == "img" and self.href is not None:
            self.found.append((values.get("src", ""), self.href))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.href = None
