"""The video, sound or link a post of that format shows from a field of its theme rather than its body.

Themes of the 2010s that styled WordPress's post formats gave a video post a box of its own for the video's address
or embed code (Themify's `video_url`, `soy_vid_url`, WooThemes' `embed`, the post formats plugin's
`_format_video_embed`), and printed the video above the post's words: the body holds only what the author wrote
about it. A link post's theme linked its title to the address in a field of its own (`link_url`,
`_format_link_url`). Read from its body alone, such a post loses what it was about. An export keeps the field:
its address goes first in the body, as an `[embed]` (the embed's link) or, for a link post, a link; an embed code
as it stands; unless the body shows that address already.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

FORMAT_DOMAIN = "post_format"
FORMAT_PREFIX = "post-format-"
# Words of a key that names the address or embed code of a format's medium. (WordPress's own cache of the embeds
# a post shows, `_oembed_<hash>`, holds none of these words.)
MEDIUM_WORDS = {"video": frozenset({"video", "vid", "embed", "youtube", "vimeo"}),
                "audio": frozenset({"audio", "mp3", "sound", "embed", "soundcloud", "podcast"}),
                "link": frozenset({"link", "url"})}
KEY_WORD = re.compile(r"[a-z0-9]+")
ADDRESS = re.compile(r"https?://[^\s<>\"']+")
EMBED_CODE = re.compile(r"<(?:iframe|object|embed|video|audio)\b", re.IGNORECASE)
# The last part of an address, which names the video on its site (`youtu.be/ID`, `watch?v=ID`, `vimeo.com/ID`).
LAST_PART_REVERSED = re.compile(r"/?([\w-]+)")


def post_format(categories: Sequence[tuple[str, str, str]]) -> str:
    """The post's format (`video`, `audio`, `aside`…) from its export's categories; "" for a standard post."""
    return next((slug.removeprefix(FORMAT_PREFIX) for domain, slug, _ in categories if domain == FORMAT_DOMAIN), "")


def with_format_medium(raw: str, categories: Sequence[tuple[str, str, str]], meta: Mapping[str, str]) -> str:
    """`raw` content with the video or sound its format's field names first, where the body does not show it."""
    kind = post_format(categories)
    words = MEDIUM_WORDS.get(kind)
    if not words:
        return raw
    for key, value in meta.items():
        if not words.intersection(KEY_WORD.findall(key.lower())):
            continue
        medium = _medium(value.strip(), kind)
        if medium:
            return raw if _shown(value.strip(), raw) else f"{medium}\n\n{raw}"
    return raw


def _medium(value: str, kind: str) -> str:
    if kind == "link":
        return f'<p><a href="{escape(value)}">{escape(value)}</a></p>' if ADDRESS.fullmatch(value) else ""
    if ADDRESS.fullmatch(value):
        return f"[embed]{value}[/embed]"
    return value if EMBED_CODE.match(value) else ""


def _shown(value: str, raw: str) -> bool:
    """Whether the body holds the video already: its address, or the name its site gives it."""
    if not ADDRESS.fullmatch(value):
        src = re.search(r"\ssrc=[\"']?([^\"'\s>]+)", value)
        value = src.group(1) if src else value
    name = _last_part(value.split("#")[0])
    return value in raw or (len(name) >= 6 and name in raw)


def _last_part(address: str) -> str:
    """The word the address ends with, before a last slash: a video's id or slug. Read from the end, as a
    search for a pattern anchored there tries every place in a field's value, which may be long."""
    found = LAST_PART_REVERSED.match(address[::-1])
    return found.group(1)[::-1] if found else ""
