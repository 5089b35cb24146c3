"""Heading ids of one body: the id written in the source (`## Title {#id}`), else a slug of the text, made
unique within the page. Both renderers (markdown.py's core rule and engine.py's pass) name headings here,
in document order, so an id depends only on the headings before it."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

# `## Title {#id}` keeps the id a heading had in the source, so fragment links still land.
HEADING_ID = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
# A link's fragment is compared with ids once percent-decoded, so an id must not hold what decoding changes.
PERCENT_ESCAPE = re.compile(r"%(?=[0-9A-Fa-f]{2})")
NOT_SLUG = re.compile(r"[^\w\s-]")
SLUG_GAPS = re.compile(r"[\s_-]+")
# Ids the page templates use themselves; a heading never takes one of them.
RESERVED_IDS = frozenset({"main", "toc", "toc-title", "top", "related-title"})


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@functools.lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """WordPress-like heading slugs: `China’s Backbone` -> `chinas-backbone`; other scripts are kept.
    (Remembered: sections of news sites recur, and normalizing costs more than the rest of a heading.)"""
    text = unicodedata.normalize("NFKC", text).casefold()
    return SLUG_GAPS.sub("-", NOT_SLUG.sub("", text)).strip("-")


def written_id(written: str) -> str | None:
    """The id a heading's `{#id}` asks for, as it is compared with fragments; None for none usable."""
    return PERCENT_ESCAPE.sub("-", unquote(written)) or None


class HeadingIds:
    """Names the headings of one body in order: `ident`, else `ident-2`, `ident-3`, ...; `tried` remembers
    the last number, so that thousands of headings with one text cost no more than thousands of different
    ones."""

    def __init__(self) -> None:
        self.used = set(RESERVED_IDS)
        self.tried: dict[str, int] = {}

    def name(self, level: int, wanted: str | None, text: str) -> Heading:
        """The next heading: `wanted` is what written_id gave, or None to take a slug of `text`."""
        return Heading(level, self.unique(wanted or slugify(text) or "section"), text.strip())

    def unique(self, ident: str) -> str:
        candidate, n = ident, self.tried.get(ident, 1)
        if n > 1:
            candidate = f"{ident}-{n}"
        while candidate in self.used:
            n += 1
            candidate = f"{ident}-{n}"
        self.tried[ident] = n
        self.used.add(candidate)
        return candidate
