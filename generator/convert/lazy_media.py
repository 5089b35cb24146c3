"""Frames and players a lazy loader holds back: the address its script would load, or the copy it left in a
`<noscript>` for browsers without scripts, which the mirror's readers are."""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements

PLAYERS = ("iframe", "video", "audio", "source", "embed")
# Where lazy loaders keep a frame's or a video's address until it scrolls into view: lazysizes' and Smush's
# data-src, WP Rocket's data-lazy-src, LiteSpeed Cache's data-litespeed-src, a3 Lazy Load's data-src.
LAZY_MEDIA_SOURCES = ("data-src", "data-lazy-src", "data-litespeed-src")
WEB_ADDRESS_START = ("http://", "https://", "//", "/")


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


def frames_for_readers_without_scripts(noscript: Tag, soup: BeautifulSoup) -> bool:
    """Whether a `<noscript>` holds the only copy of a frame or player: WP Rocket's and Perfmatters' YouTube
    previews (`<div class="rll-youtube-player" data-src=…>` filled in by a script) leave the video's frame
    nowhere else. One that repeats a frame the post shows (a lazy frame's fallback) is not needed."""
    inside = [address(tag) for tag in noscript.find_all(PLAYERS)]
    inside = [a for a in inside if a]
    if not inside:
        return False
    shown = {address(tag) for tag in elements(soup, *PLAYERS) if tag.find_parent("noscript") is None}
    return not shown.intersection(inside)


def address(player: Tag) -> str:
    """A player's address as a browser with or without scripts loads it: host and path, neither scheme nor
    the query a loader may add or drop (`?feature=oembed`)."""
    candidates = [player.get(name) for name in ("src", *LAZY_MEDIA_SOURCES)]
    url = next((str(c).strip() for c in candidates if c and not _stand_in(str(c))), "")
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}"
