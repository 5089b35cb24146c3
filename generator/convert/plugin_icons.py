"""A plugin's icon that names a link: a team member's "Web" or "LinkedIn" button, a "follow us" badge; and a social
site's logo an author put in a link to a profile.

A picture served from a plugin's own folder (`/wp-content/plugins/team-members/…/linkedin.png`) is part of the
plugin's interface, not of what the author wrote: inside a link it was the link's face, its meaning in its alternative
text. Moved out of the link like an author's picture (images.py keeps those beside their link), it showed twice per
person, an icon with no use offline and the name the link is given: `![Web](website.png) ([Web](…))`. The link is
named by the icon's words instead, and the icon goes. So is a "follow us" row of social sites' logos an author
uploaded (`<a href="https://instagram.com/x/"><img src="…/uploads/insta-icon.png" width="32"></a>`), which showed
`![](insta-icon.png) ([link](…))` per site: each is its site's name, "Instagram", as a theme's icon font's is.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, enclosing, may_contain
from generator.convert.social_sites import social_profile

PLUGIN_FOLDER = "/wp-content/plugins/"
# A link that leads somewhere: a reaction or rating button (`javascript:void(0)`, `#`) has no name to be given.
LEADS_SOMEWHERE = re.compile(r"^\s*(?:https?:|mailto:|/)", re.IGNORECASE)
SHOWN = ("img", "picture", "video", "audio", "iframe", "object", "embed", "svg")
# An icon's size, as an author gives it: its attributes, WordPress's size in its file's name (`-32x32.png`), or the
# width of the block column it was laid in (`flex-basis:45px`), which a photo never fits.
ICON_PIXELS = 64
SIZE_IN_NAME = re.compile(r"-(\d{1,4})x(\d{1,4})\.\w+$")
COLUMN_WIDTH = re.compile(r"(?:^|;)\s*(?:flex-basis|width)\s*:\s*(\d{1,4})px", re.IGNORECASE)
COLUMN_REACH = 4  # the figure, the column, and a link or a paragraph between
NAMED_AFTER = 5  # letters of a site's name a file's name must hold to be its logo ("x" or "vk" are in many names)


def plugin_icons_as_link_names(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, PLUGIN_FOLDER):
        return
    seen: set[int] = set()  # links looked at: one holding many icons is walked once
    for image in elements(soup, "img"):
        if PLUGIN_FOLDER not in str(image.get("src") or ""):
            continue
        link = enclosing(image, ("a",))
        if link is None or id(link) in seen:
            continue
        seen.add(id(link))
        if not LEADS_SOMEWHERE.match(str(link.get("href") or "")) or not _icon_alone(link):
            continue
        if name := _name(link, image):
            image.replace_with(name)
            _apart_from_the_last(link)


def social_icons_as_link_names(soup: BeautifulSoup, ctx: Context) -> None:
    """A social site's logo alone in a link to a profile on that site gives the link its name (its own words, else
    the site's), and goes."""
    for image in elements(soup, "img"):
        link = enclosing(image, ("a",))
        site = social_profile(str(link.get("href") or "")) if link is not None else ""
        if link is None or not site or not _icon_alone(link) or not _social_icon(image, site):
            continue
        image.replace_with(_name(link, image) or site)
        _apart_from_the_last(link)


def _social_icon(image: Tag, site: str) -> bool:
    """Whether a picture is a social site's logo: icon-sized (see ICON_PIXELS) where its size is given, else named
    after the site (a 300-pixel logo in a story about the site is a picture of it)."""
    name = str(image.get("src") or "").split("?")[0].rsplit("/", 1)[-1].lower()
    sized = SIZE_IN_NAME.search(name)
    sizes = [image.get("width"), image.get("height")] if image.get("width") or image.get("height") else (
        [sized.group(1), sized.group(2)] if sized is not None else _column_widths(image))
    if sizes:
        return max(_pixels(size) for size in sizes) <= ICON_PIXELS
    return len(site) >= NAMED_AFTER and site.lower() in name


def _pixels(value: object) -> int:
    text = str(value or "").strip().removesuffix("px")
    return int(text) if text.isdigit() and int(text) > 0 else ICON_PIXELS + 1


def _column_widths(image: Tag) -> list[str]:
    widths, parent = [], image.parent
    for _ in range(COLUMN_REACH):
        if not isinstance(parent, Tag):
            break
        if found := COLUMN_WIDTH.search(str(parent.get("style") or "")):
            widths.append(found.group(1))
        parent = parent.parent
    return widths


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
