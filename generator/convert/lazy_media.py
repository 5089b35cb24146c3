"""Frames and players a lazy loader holds back: the address its script would load."""

from __future__ import annotations

from bs4 import BeautifulSoup

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
