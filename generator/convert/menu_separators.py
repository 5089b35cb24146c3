"""The bars a theme sets between the links of a menu in a post, as list items of their own.

A theme's menu of links in a page (an event page's jump links: Program | Packet Pick-up | FAQ) is a list whose
style sheet sets its items in a row, with an item holding a bar alone between two links
(`<li class="jump-nav-spacer">|</li>`). As a list, each bar was an item of its own, "- |" between "- [Program]"
and "- [Packet Pick-up]" (16 event pages of a charity's dump). A list's markers part its items already: an item
holding nothing but such a mark goes, where every other item of its list is a link alone.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

SEPARATORS = frozenset({"|", "¦", "·", "•", "/", "\\", "-", "–", "—", "::"})


def drop_menu_separators(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, "<li"):
        return
    for menu in elements(soup, "ul", "ol"):
        items = [child for child in menu.contents if isinstance(child, Tag) and child.name == "li"]
        bars = [item for item in items if _bar(item)]
        links = [item for item in items if item not in bars]
        if bars and len(links) >= 2 and all(_link_alone(item) for item in links):
            for bar in bars:
                bar.decompose()


def _bar(item: Tag) -> bool:
    # (No tag inside is no child that is a tag: asked so, not by bs4's find, whose filter cost more than the item.)
    return not any(isinstance(child, Tag) for child in item.contents) and item.get_text(strip=True) in SEPARATORS


def _link_alone(item: Tag) -> bool:
    """An item that is a link and nothing else: its words are the link's."""
    link = item.find("a", href=True)
    return link is not None and item.get_text(" ", strip=True) == link.get_text(" ", strip=True)
