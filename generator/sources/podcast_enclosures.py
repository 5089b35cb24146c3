"""A podcast episode's sound, which WordPress keeps in the post's `enclosure` field (`address\nlength\ntype`), and a
podcast plugin (PowerPress, Seriously Simple Podcasting) showed as a player under the post's words: an export's body
lacks it, and the episode was imported without what it was about. WordPress itself adds an enclosure for each
sound or video file a body links, and older versions kept it when the author took the link out again (an MP3 blog's
post of 3 songs kept 12): so only a body that links no such file at all is taken for an episode whose player its
plugin showed. PowerPress's `[powerpress]` marks where the player stood: there, else under the words, the file as
`[audio]` (or `[video]`) says it, which the converter makes a link to the file. An enclosure of neither a sound's nor
a video's type nor file name is no episode: older WordPress kept a page the post linked so (length 0, no type).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

ADDRESS = re.compile(r"https?://[^\s<>\"'\[\]]+")
POWERPRESS = re.compile(r"\[powerpress\b[^\[\]]*\]", re.IGNORECASE)
MEDIA_FILE = re.compile(r"\.(?:mp3|m4a|aac|ogg|oga|opus|wav|wma|flac|mp4|m4v|mov|webm|ogv|wmv|avi|flv)\b",
                        re.IGNORECASE)


def with_enclosure(raw: str, meta: Mapping[str, str]) -> str:
    """`raw` content with the player of its enclosure, where the body links no sound or video file."""
    lines = meta.get("enclosure", "").strip().splitlines()
    address = lines[0].strip() if lines else ""
    if not ADDRESS.fullmatch(address):
        return raw
    mime = lines[2].strip().lower() if len(lines) > 2 else ""
    if not mime.startswith(("audio/", "video/")) and not MEDIA_FILE.search(address):
        return raw  # no sound nor video: a page older WordPress kept as an enclosure (`http://site/\n0\n`, no type)
    kind = "video" if mime.startswith("video/") else "audio"
    player = f'[{kind} src="{address}"]'
    if POWERPRESS.search(raw):
        return POWERPRESS.sub(lambda _: player, raw)
    return raw if MEDIA_FILE.search(raw) else f"{raw}\n\n{player}"
