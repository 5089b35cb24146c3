"""Frames, players and pictures a lazy loader or a gallery's script holds back: the address its script would
load, or the copy it left in a `<noscript>` for browsers without scripts, which the mirror's readers are."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.images import is_placeholder, real_source
from generator.convert.links import RESIZED
from generator.convert.parse import elements

PLAYERS = ("iframe", "video", "audio", "source", "embed")
SHOWN = (*PLAYERS, "img")
# Where lazy loaders keep a frame's or a video's address until it scrolls into view: lazysizes' and Smush's
# data-src, WP Rocket's data-lazy-src, LiteSpeed Cache's data-litespeed-src, a3 Lazy Load's data-src.
LAZY_MEDIA_SOURCES = ("data-src", "data-lazy-src", "data-litespeed-src")
WEB_ADDRESS_START = ("http://", "https://", "//", "/")
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def resolve_lazy_media(soup: BeautifulSoup, ctx: Context) -> None:
    """A frame or a video whose src is a lazy loader's stand-in (none, `about:blank`, a blank `data:` GIF, as
    Smush and lazysizes leave it) plays the address its script would have put there: without it the player
    was dropped as having no address, and the video with it."""
    for player in elements(soup, *PLAYERS):
        if not _stand_in(str(player.get("src") or "")):
            continue
        lazy = next((str(player[name]).strip() for name in LAZY_MEDIA_SOURCES
                     if str(player.get(name) or "").strip().startswith(WEB_ADDRESS_START)), "")
        if lazy:
            player["src"] = lazy


def _stand_in(src: str) -> bool:
    src = src.strip().lower()
    return not src or src.startswith(("about:", "data:"))


def shown_only_without_scripts(noscript: Tag, soup: BeautifulSoup) -> bool:
    """Whether a `<noscript>` holds the only copy of a frame, a player or a picture: WP Rocket's and
    Perfmatters' YouTube previews (`<div class="rll-youtube-player" data-src=…>` filled in by a script) and
    gallery plugins that lay out their grid by script (Justified Image Grid's empty `div` and its
    `noscript.jig-fallback` of linked thumbnails) leave them nowhere else. One that repeats what the post
    shows (a lazy loader's fallback for the image or frame before it) is not needed."""
    inside = {_address(tag) for tag in noscript.find_all(SHOWN) if not _unseen(tag)} - {""}
    if not inside or (noscript.find(PLAYERS) is None and _follows_image(noscript)):
        return False  # an image's fallback, whatever file it names (images_from_noscript read it)
    shown = {_address(tag) for tag in elements(soup, *SHOWN) if tag.find_parent("noscript") is None}
    return not shown.intersection(inside)


def _unseen(tag: Tag) -> bool:
    """A hidden 1×1 image: a tracking pixel for browsers without scripts (Facebook's, Google's)."""
    return tag.name == "img" and ((tag.get("width"), tag.get("height")) in (("0", "0"), ("1", "1"))
                                  or HIDDEN.search(str(tag.get("style") or "")) is not None)


def _follows_image(noscript: Tag) -> bool:
    """Whether the element right before the noscript is an image, or ends with one (in its link)."""
    before = noscript.previous_sibling
    while before is not None and not isinstance(before, Tag) and not str(before).strip():
        before = before.previous_sibling
    return isinstance(before, Tag) and (before.name in ("img", "picture") or before.find("img") is not None)


def _address(tag: Tag) -> str:
    """What a frame, player or picture shows, as a browser with or without scripts loads it: host and path,
    neither scheme nor the query a loader may add or drop (`?feature=oembed`, `?resize=`), nor the size
    WordPress names a smaller copy by (`-300x200`), which a fallback may give another of."""
    if tag.name == "img":
        url = real_source(tag)
        url = "" if url.startswith("data:") or is_placeholder(tag, url) else url
    else:
        url = next((str(c).strip() for c in (tag.get(n) for n in ("src", *LAZY_MEDIA_SOURCES))
                    if c and not _stand_in(str(c))), "")
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return f"{parts.netloc.lower()}{RESIZED.sub('', parts.path.rstrip('/'))}" if url else ""
