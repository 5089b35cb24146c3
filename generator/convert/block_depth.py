"""Block quotes and lists nested deeper than the site's Markdown renderer reads, flattened at import.

markdown-it leaves out every block that opens at its nesting limit or deeper (render/markdown.py's
MAX_NESTING, 20: a block opening at level 19 or more), and a build then reports the post on every run. A quote
holds its paragraphs one level deeper, a list its items' paragraphs two (the list, then the item), so a post
imported with quotes or lists nested past that had its deepest words dropped from every build. Here the
containers past the limit give their content to the one around them instead: the words stay, the deepest
indents go, and the post says so once.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements
from generator.convert.structure import BLOCK_NAMES

MAX_LEVEL = 18  # the deepest level a paragraph may open at: render/markdown.py's MAX_NESTING (20) less 2
LEVELS = {"blockquote": 1, "ul": 2, "ol": 2}  # the levels each container adds to what it holds


def flatten_deep_quotes_and_lists(soup: BeautifulSoup, ctx: Context) -> None:
    flattened = 0
    for tag in elements(soup, *LEVELS):  # outer containers first, so each level counts what is left above it
        if sum(LEVELS.get(parent.name, 0) for parent in tag.parents) + LEVELS[tag.name] > MAX_LEVEL:
            _flatten(tag)
            flattened += 1
    if flattened:
        ctx.losses.note(loss.DEEP_BLOCKS, f"{flattened} block quote(s) or list(s)")


def _flatten(tag: Tag) -> None:
    """The container's content in its place, a list's items each a block of its own: a paragraph, or a division
    where it holds blocks (an item's words before the list it holds would otherwise run into the next item's)."""
    if tag.name != "blockquote":
        for item in [child for child in tag.contents if isinstance(child, Tag) and child.name == "li"]:
            item.name = "div" if any(isinstance(child, Tag) and child.name in BLOCK_NAMES for child in item.contents) \
                else "p"
    tag.unwrap()
