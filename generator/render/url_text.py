"""A web address as a reader is shown it: the letters of its path in their own script, not as %-escapes.

WordPress puts a post's title in its address, so a post in Arabic, Chinese or Russian has an address of
escapes only (`/trip/%d8%a7%d9%84...`), unreadable in its page's footer. Browsers show such addresses
decoded, and so does the footer; the link itself keeps the address as it is.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

from generator.render.text_direction import RTL_LETTER

# A run of escapes of bytes outside ASCII: what UTF-8 makes of letters other than a-z. Escapes of ASCII
# (%20, %2F, %3F, %25) stay, as decoding them would change where the address's parts end, or hide a space.
NON_ASCII_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
# Characters that must never be shown decoded: controls, format characters (bidi overrides could reorder
# what the reader sees), separators, and unassigned or private code points.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
# Letters that show nothing (Hangul fillers, the blank braille pattern) and look-alikes of the characters that
# part an address (slashes, `?`, `#`, `.`), which could make one address read as another: as browsers do in
# their address bars, these stay escaped.
SPOOFS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u2044\u2215\u2571\u29f6\u29f8\uff0f\uff1f\uff03\uff0e")


def readable(url: str) -> str:
    """`url` with each run of %-escaped UTF-8 decoded where it is text that shows as itself."""
    if "%" not in url:
        return url
    return NON_ASCII_ESCAPES.sub(_decoded, url)


def _decoded(run: re.Match[str]) -> str:
    escapes = run.group()
    try:
        text = bytes.fromhex(escapes.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return escapes
    if any(unicodedata.category(c) in HIDDEN_CATEGORIES or c in SPOOFS for c in text):
        return escapes
    return text


def readable_html(url: str) -> Markup:
    """readable(url), escaped, each part between slashes that holds right-to-left letters isolated: else the
    bidirectional algorithm would run `/السفر/2024/مصر/` as one right-to-left stretch, its parts reversed."""
    shown = readable(url)
    if RTL_LETTER.search(shown) is None:
        return escape(shown)
    return Markup("/").join(Markup("<bdi>%s</bdi>") % part if RTL_LETTER.search(part) else escape(part)
                            for part in shown.split("/"))
