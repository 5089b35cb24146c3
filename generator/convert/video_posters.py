"""A video's poster: the picture its player shows until a reader presses play."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

# `poster` is the player's own; lazysizes and other loaders keep it in `data-poster` until the video scrolls
# into view, and that one wins, as a lazy image's data-src does: `poster` may hold their placeholder meanwhile.
POSTERS = ("data-poster", "poster")
POSTER_NAMES = frozenset(POSTERS)


def video_posters_as_images(soup: BeautifulSoup, ctx: Context) -> None:
    """The mirror turns a video into a link to its file (markdown.py), which kept nothing of the picture the
    page showed in its place: the block editor's video block, Elementor's video widget and hand-written
    players name it in `poster`, often a photo of the article. It comes before the link, as an image; one the
    post shows already (a theme's preview beside its player) is not shown twice."""
    if not may_hold(soup, attributes=POSTER_NAMES):
        return  # (most posts: no poster was ever parsed)
    shown = {str(img.get("src") or "").strip() for img in elements(soup, "img")}
    for video in elements(soup, "video"):
        poster = next((str(video[name]).strip() for name in POSTERS
                       if str(video.get(name) or "").strip() and not str(video[name]).strip().startswith("data:")), "")
        if poster and poster not in shown:
            shown.add(poster)
            video.insert_before(soup.new_tag("img", attrs={"src": poster, "alt": ""}))
