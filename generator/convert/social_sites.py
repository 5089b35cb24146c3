"""The names of the social sites whose icons link a site's or a person's profile.

A theme's "follow us" row and a team member's card show each profile as an icon alone (`<a href=…><i class="fab
fa-facebook"></i></a>`), which the mirror, without the icon font, can only name. The address's site is what the
icon showed: "Facebook", where the whole address (`https://facebook.com/`, often a demo's placeholder) said less.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SOCIAL_SITES = {
    "facebook.com": "Facebook", "fb.com": "Facebook", "twitter.com": "Twitter", "x.com": "X",
    "instagram.com": "Instagram", "linkedin.com": "LinkedIn", "youtube.com": "YouTube", "youtu.be": "YouTube",
    "tiktok.com": "TikTok", "pinterest.com": "Pinterest", "t.me": "Telegram", "telegram.me": "Telegram",
    "wa.me": "WhatsApp", "whatsapp.com": "WhatsApp", "vk.com": "VK", "ok.ru": "OK", "github.com": "GitHub",
    "reddit.com": "Reddit", "tumblr.com": "Tumblr", "flickr.com": "Flickr", "vimeo.com": "Vimeo",
    "soundcloud.com": "SoundCloud", "spotify.com": "Spotify", "threads.net": "Threads", "bsky.app": "Bluesky",
    "medium.com": "Medium", "snapchat.com": "Snapchat", "behance.net": "Behance", "dribbble.com": "Dribbble",
    "weibo.com": "Weibo", "line.me": "LINE", "discord.gg": "Discord", "discord.com": "Discord", "twitch.tv": "Twitch",
    "xing.com": "XING", "mastodon.social": "Mastodon", "skype.com": "Skype", "viber.com": "Viber",
}


def social_profile(url: str) -> str:
    """The name of the social site whose profile `url` is (on any subdomain: `www.`, `m.`, `de.`), or "": a profile's
    address has no query and a path of two parts at most (`/harbournews`, `/in/jane-doe/`; but Facebook's numbered
    profiles, `/profile.php?id=615…`); a video's or a post's
    (`/watch?v=…`, `/user/status/123`) says more than the site's name, and keeps naming its link."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return ""
    if (parts.query and parts.path != "/profile.php") or len([part for part in parts.path.split("/") if part]) > 2:
        return ""
    while host:
        if host in SOCIAL_SITES:
            return SOCIAL_SITES[host]
        host = host.partition(".")[2]
    return ""
