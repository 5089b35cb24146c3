"""Names for embedded content, so a link that replaces an embed says what it leads to."""

from __future__ import annotations

from urllib.parse import urlsplit

SITES = (("youtube.com", "YouTube video"), ("youtu.be", "YouTube video"), ("vimeo.com", "Vimeo video"),
         ("twitter.com", "Post on X"), ("x.com", "Post on X"), ("instagram.com", "Instagram post"),
         ("facebook.com", "Facebook post"), ("tiktok.com", "TikTok video"), ("spotify.com", "Spotify"),
         ("soundcloud.com", "SoundCloud"), ("google.com", "Google"), ("slideshare.net", "SlideShare"))


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
