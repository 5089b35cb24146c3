"""The byline over each entry of a live blog, as one line.

Automattic's Liveblog heads each entry with `<header class="liveblog-meta">`: the author's avatar, their name and
the entry's time (`<span class="date">May 5, 2024</span><span class="time">10:20 am</span>`), side by side in the
plugin's style sheet. Without it the avatar, the name and the time ran together ("May 5, 202410:20 am"), the
picture of a face thirty pixels wide shown full size before every entry. The byline is the name, then the time,
on one line; the avatar, which only decorates it, goes.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

BYLINE_CLASSES = frozenset({"liveblog-meta"})
AVATAR_CLASSES = frozenset({"liveblog-author-avatar", "liveblog-meta-author-avatar", "liveblog-meta-avatars"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SEPARATOR = " · "


def live_blog_bylines(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, BYLINE_CLASSES | AVATAR_CLASSES):
        return
    for avatar in [tag for tag in elements(soup) if has_class(tag, AVATAR_CLASSES)]:
        avatar.decompose()
    for byline in [tag for tag in elements(soup) if has_class(tag, BYLINE_CLASSES)]:
        _one_line(soup, byline)


def _one_line(soup: BeautifulSoup, byline: Tag) -> None:
    """The byline's parts in a paragraph, set apart; a heading it holds (an entry's title) stays, after it."""
    parts = [child for child in byline.children
             if isinstance(child, Tag) and child.name not in HEADINGS and child.get_text(strip=True)]
    if not parts:
        return
    line = soup.new_tag("p")
    for number, part in enumerate(parts):
        if number:
            line.append(NavigableString(SEPARATOR))
        _words_apart(part)
        line.append(part.extract())
    byline.insert(0, line)


def _words_apart(part: Tag) -> None:
    """Spans side by side in a part (a date and a time) are set apart by a space."""
    for span in part.find_all("span"):
        after = span.next_sibling
        if isinstance(after, Tag) and after.name == "span" and span.get_text(strip=True) and after.get_text(strip=True):
            span.append(NavigableString(" "))
