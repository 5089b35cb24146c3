"""Who took a picture and who said a quote, on a line of their own as the page shows them.

News sites print a picture's credit in a span their style sheet sets apart: Media Credit's
`<span class="media-credit">` under the picture, a theme's `image-credit` or `photo-credit` after the caption's words
(`The pier at dawn.<span class="media-credit">Photo: Port Authority</span>`). Without the style sheet the credit ran
into the picture or the caption ("dawn.Photo: Port Authority"). Shortcodes Ultimate's quote
(`<div class="su-quote"><div class="su-quote-inner">…<span class="su-quote-cite">Ana Lima</span>`) is a quote on the
page, its speaker's name set apart under it; it read as a paragraph ending in the name.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_hold
from generator.convert.structure import BLOCK_NAMES

# The spellings themes and plugins give a credit's class (`photoCredit` in hand-made news themes).
CREDIT_CLASSES = frozenset({"media-credit", "image-credit", "photo-credit", "photocredit", "photoCredit", "imageCredit",
                            "photo_credit", "image_credit", "wp-caption-credit", "caption-credit", "credit", "credits"})
QUOTE_CLASSES = frozenset({"su-quote", "su-pullquote"})
QUOTE_CITE_CLASSES = frozenset({"su-quote-cite"})


def credits_apart(soup: BeautifulSoup, ctx: Context) -> None:
    """A picture's credit set inline starts a line of its own (one set as a block has one); Shortcodes
    Ultimate's quote is a quote, whose speaker becomes its `<cite>` (citations_as_lines sets it under the quote,
    after a dash)."""
    if not may_hold(soup, CREDIT_CLASSES | QUOTE_CLASSES | QUOTE_CITE_CLASSES):
        return
    for tag in elements(soup):
        classes = tag.get("class") or ()
        if not QUOTE_CLASSES.isdisjoint(classes) and tag.name == "div":
            tag.name = "blockquote"
        elif not QUOTE_CITE_CLASSES.isdisjoint(classes) and tag.find_parent("blockquote") is not None:
            tag.name = "cite"
        elif not CREDIT_CLASSES.isdisjoint(classes) and tag.name not in BLOCK_NAMES and _after_something(tag):
            tag.insert_before(soup.new_tag("br"))


def _after_something(tag: Tag) -> bool:
    """Whether anything shows before the tag in its parent, which the credit would run into."""
    for sibling in tag.previous_siblings:
        if isinstance(sibling, NavigableString):
            if sibling.strip():
                return True
        elif isinstance(sibling, Tag):
            return sibling.name != "br"
    return False
