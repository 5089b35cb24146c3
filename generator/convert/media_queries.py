"""Whether a media query holds on the screen the mirror shows a page as: a desktop's, as
drop_hidden_on_desktop (responsive.py) keeps what a desktop reader saw."""

from __future__ import annotations

import re

DESKTOP_WIDTH = 1280.0  # CSS pixels: a laptop's screen
EM = 16.0  # a browser's default font size, which `em` and `rem` in a media query are read against
# A width condition, as themes and news sites write their `<source media>`: `(max-width: 767px)`, `(min-width:64em)`.
WIDTH = re.compile(r"\(\s*(min|max)-width\s*:\s*(\d{1,6}(?:\.\d{1,4})?)\s*(px|em|rem)?\s*\)")
SCREEN_TYPES = frozenset({"screen", "all"})


def holds_on_desktop(media: str) -> bool:
    """Whether `media` (a list of queries, any of which may hold) matches a desktop screen. Only media types and
    width conditions are read; a query with anything else (`orientation`, `not`, `prefers-color-scheme`, range
    syntax) is taken not to hold, so a source chosen by it is never preferred to the image the page names."""
    return any(_query_holds(query) for query in media.lower().split(","))


def _query_holds(query: str) -> bool:
    words = query.split()
    if words[:1] == ["only"]:
        words = words[1:]
    if not words:
        return False
    held = True
    for condition in " ".join(words).split(" and "):
        condition = condition.strip()
        width = WIDTH.fullmatch(condition)
        if width is not None:
            size = float(width.group(2)) * (EM if width.group(3) in ("em", "rem") else 1.0)
            held = held and (DESKTOP_WIDTH >= size if width.group(1) == "min" else DESKTOP_WIDTH <= size)
        elif condition not in SCREEN_TYPES:
            return False
    return held
