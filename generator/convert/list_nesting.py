"""Lists nested the way editors write them, against HTML's rules, nested the way a browser shows them.

WordPress's classic editor (TinyMCE) indents a list by wrapping a new list in an item of its own whose marker it
hides (`<li style="list-style-type: none;"><ol>…</ol></li>`), once per level; older editors and pasted word
processor documents put the inner list straight into the outer one (`<ul><li>One</li><ul>…</ul></ul>`). A browser
shows either as a list indented under the item before it, with no marker of its own. Read as written, the
Markdown gets items that are bare markers (`1. 1. 1. Views`) or loses the nesting. So the inner list joins the
item before it; where there is none, its items take the hidden item's place.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import elements

LISTS = ("ul", "ol")
NO_MARKER = re.compile(r"list-style(?:-type)?\s*:\s*none", re.IGNORECASE)


def lists_nested_as_shown(soup: BeautifulSoup, ctx: Context) -> None:
    """Each list's inner lists that stand as items of their own, under the item before them."""
    for outer in elements(soup, *LISTS):
        while _nest_one(outer):
            pass


def _nest_one(outer: Tag) -> bool:
    """Nests the first inner list standing as an item of `outer`; whether there was one."""
    for child in outer.contents:
        inner = _lists_as_item(child)
        if not inner:
            continue
        before = child.find_previous_sibling("li")
        for found in inner:
            if before is not None:
                before.append(found.extract())
            else:
                for item in list(found.contents):
                    child.insert_before(item.extract())
                found.decompose()
        if child.parent is not None and child.name == "li":
            child.decompose()
        return True
    return False


def _lists_as_item(child: object) -> list[Tag]:
    """The lists `child` holds in place of an item: itself, if it is a list; those of an item whose marker is
    hidden and that holds nothing else."""
    if not isinstance(child, Tag):
        return []
    if child.name in LISTS:
        return [child]
    if child.name != "li" or not NO_MARKER.search(str(child.get("style") or "")):
        return []
    # White space between the tags, and comments, are not content a reader sees.
    rest = [c for c in child.contents if not isinstance(c, Comment) and not (isinstance(c, NavigableString)
                                                                             and not c.strip())]
    return rest if rest and all(isinstance(c, Tag) and c.name in LISTS for c in rest) else []
