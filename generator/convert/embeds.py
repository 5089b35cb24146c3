"""Names for embedded content, so a link that replaces an embed says what it leads to."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SITES = (("youtube.com", "YouTube video"), ("youtu.be", "YouTube video"), ("vimeo.com", "Vimeo video"),
         ("twitter.com", "Post on X"), ("x.com", "Post on X"), ("instagram.com", "Instagram post"),
         ("facebook.com", "Facebook post"), ("tiktok.com", "TikTok video"), ("spotify.com", "Spotify"),
         ("soundcloud.com", "SoundCloud"), ("google.com", "Google"), ("slideshare.net", "SlideShare"),
         ("dailymotion.com", "Dailymotion video"))


# The Flash players that posts of the 2000s embedded (`<embed src="http://www.youtube.com/v/ID&hl=en">`), which no
# browser runs now and whose addresses lead nowhere, and the page of the same video.
FLASH_PLAYERS = (
    (re.compile(r"(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/v/([\w-]{11})", re.I),
     "https://www.youtube.com/watch?v={}"),
    (re.compile(r"(?:https?:)?//(?:www\.)?vimeo\.com/moogaloop\.swf\?(?:[^#]*?&(?:amp;)?)?clip_id=(\d+)", re.I),
     "https://vimeo.com/{}"),
    (re.compile(r"(?:https?:)?//(?:www\.)?dailymotion\.com/swf/(?:video/)?([a-z0-9]+)", re.I),
     "https://www.dailymotion.com/video/{}"),
)


def video_page(url: str) -> str | None:
    """The page of the video an old Flash player's address plays, or None for any other address."""
    for player, page in FLASH_PLAYERS:
        found = player.match(url.strip())
        if found:
            return page.format(found.group(1))
    return None


def site_name(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket: still a link, to an unknown site
        host = ""
    for domain, name in SITES:
        if host == domain or host.endswith("." + domain):
            return name
    return "Embedded content"


def embed_label(url: str, title: str = "") -> str:
    """The text of the link that stands in for an embed: what it is, then its title or address."""
    return f"{site_name(url)}: {title or url}"
