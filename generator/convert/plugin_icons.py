"""A plugin's icon that names a link: a team member's "Web" or "LinkedIn" button, a "follow us" badge.

A picture served from a plugin's own folder (`/wp-content/plugins/team-members/…/linkedin.png`) is part of the
plugin's interface, not of what the author wrote: inside a link it was the link's face, its meaning in its alternative
text. Moved out of the link like an author's picture (images.py keeps those beside their link), it showed twice per
person, an icon with no use offline and the name the link is given: `![Web](website.png) ([Web](…))`. The link is
named by the icon's words instead, and the icon goes.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

PLUGIN_FOLDER = "/wp-content/plugins/"
# A link that leads somewhere: a reaction or rating button (`javascript:void(0)`, `#`) has no name to be given.
LEADS_SOMEWHERE = re.compile(r"^\s*(?:https?:|mailto:|/)", re.IGNORECASE)
SHOWN = ("img", "picture", "video", "audio", "iframe", "object", "embed", "svg")


def plugin_icons_as_link_names(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, PLUGIN_FOLDER):
        return
    seen: set[int] = set()  # links looked at: one holding many icons is walked once
    for image in elements(soup, "img"):
        if PLUGIN_FOLDER not in str(image.get("src") or ""):
            continue
        link = image.find_parent("a")
        if link is None or id(link) in seen:
            continue
        seen.add(id(link))
        if not LEADS_SOMEWHERE.match(str(link.get("href") or "")) or not _icon_alone(link):
            continue
        if name := _name(link, image):
            image.replace_with(name)
            _apart_from_the_last(link)


def _apart_from_the_last(link: Tag) -> None:
    """Icons side by side had the space between them drawn by the plugin's style: their names get a space."""
    before = link.previous_sibling
    if before is not None and not (isinstance(before, str) and before[-1:].isspace()):
        link.insert_before(" ")


def _icon_alone(link: Tag) -> bool:
    """Whether the link shows the icon and nothing else: no words, no second picture. (A walk of the link's own
    nodes: bs4's get_text and find_all follow the document past a tree this pass has edited.)"""
    shown = 0
    nodes = list(link.contents)
    while nodes:
        node = nodes.pop()
        if isinstance(node, Tag):
            shown += node.name in SHOWN
            if shown > 1:
                return False
            nodes.extend(node.contents)
        elif not isinstance(node, Comment) and node.strip():
            return False
    return shown == 1


def _name(link: Tag, image: Tag) -> str:
    """The link's own name (for screen readers or on hover), else the icon's."""
    for value in (link.get("aria-label"), link.get("title"), image.get("alt"), image.get("title")):
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""
