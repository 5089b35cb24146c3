"""Page builders' copies of a section for smaller screens, which the live page hid on a desktop screen.

A page builder lays a page out once per kind of screen: a section made again for phones (its picture above its
words, its table as a list) carries the builder's "hide on desktop" class, and the one made for desktops its "hide
on mobile" class. REST content holds both, and the live page showed a reader one of them; the mirror, with the
site's stylesheets gone, would show each section twice (round 43b: a foundation's Elementor pages repeated every
programme's description). The mirror shows the page a desktop reader saw, the one the builder's editor lays out
first: what it hid there goes, with the elements the editor hid on every screen, which no reader saw. So do the
blocks an author hid on every screen with a class of their own (`display-none hidden`, Bootstrap's `d-none`), typed
into the editor's "Additional CSS classes" field.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

# Each builder's class for "hidden on desktop screens". Not the classes that hide an element on screens wider than
# a desktop's (Elementor's `elementor-hidden-widescreen`): a desktop reader saw those.
HIDDEN_ON_DESKTOP = frozenset({
    "elementor-hidden-desktop",  # Elementor
    "vc_hidden-lg",  # WPBakery's "hide on large screens"
    "fusion-no-large-visibility",  # Avada
    "uag-hide-desktop",  # Spectra (Ultimate Addons for Gutenberg)
    "hide-on-desktop",  # GeneratePress
    "show-for-small", "show-for-medium",  # Flatsome, shown below 550 and 850 pixels
    "show-for-small-only", "hide-for-large",  # Foundation
    "visible-xs",  # Bootstrap 3, shown below 768 pixels
    "show-in-mobile",  # themes' own (a German news magazine's related posts, drawn again as a carousel)
    "kvs-lg-false",  # Kadence Blocks
    "o-hide-on-desktop",  # Otter
    "stk--hide-desktop",  # Stackable
    "block-visibility-hide-large-screen",  # Block Visibility
})
# The classes that hide an element on every screen: Bootstrap's, Foundation's and Tailwind's, and a site's own.
HIDDEN_EVERYWHERE = frozenset({"hidden", "hide", "d-none", "display-none"})
# Where an author's own classes sit: a block's or a builder element's wrapper. A theme's widget whose script reveals
# an element on a click (a question's answer) toggles `hidden` on markup of its own, which the mirror shows open.
BLOCK_PREFIXES = ("wp-block-", "elementor-element", "et_pb_", "vc_", "wpb_", "fl-")
# A class that shows such an element again on some screen (Tailwind's `hidden md:block`, Bootstrap's `d-none
# d-lg-flex` and `visible-lg`, Foundation's `show-for-large`): a reader of that screen saw it.
SHOWN_ON_A_SCREEN = re.compile(r":|^d-(?:sm|md|lg|xl|xxl)-(?!none)|^(?:visible|show-for)-")


def drop_hidden_on_desktop(soup: BeautifulSoup, ctx: Context) -> None:
    """Drops what the page hid on a desktop screen, noting each with its words, unless that is all the post
    holds: a post whose whole text a builder hid on desktops (shown to phone readers alone) keeps it."""
    if not may_hold(soup, HIDDEN_ON_DESKTOP | HIDDEN_EVERYWHERE):
        return
    hidden = [tag for tag in elements(soup) if _hidden(tag) and not _inside_hidden(tag)]
    if hidden and not _shows_anything_else(soup, hidden):
        return
    for tag in hidden:
        words = tag.get_text(" ", strip=True)
        if words or tag.find("img") is not None:  # an empty one (a column left over) showed nothing to lose
            ctx.losses.note(loss.HIDDEN_ON_DESKTOP, words)
        tag.decompose()


def _hidden(tag: Tag) -> bool:
    """Whether a desktop reader saw nothing of the element: a builder hid it there, or its author everywhere."""
    classes = tag.get("class") or ()
    if not HIDDEN_ON_DESKTOP.isdisjoint(classes):
        return True
    return (not HIDDEN_EVERYWHERE.isdisjoint(classes) and any(name.startswith(BLOCK_PREFIXES) for name in classes)
            and not any(SHOWN_ON_A_SCREEN.search(name) for name in classes))


def _inside_hidden(tag: Tag) -> bool:
    return any(_hidden(parent) for parent in tag.parents if isinstance(parent, Tag))


def _shows_anything_else(soup: BeautifulSoup, hidden: list[Tag]) -> bool:
    """Whether the post has words or a picture outside the hidden elements."""
    words = len("".join(soup.get_text().split()))
    hidden_words = sum(len("".join(tag.get_text().split())) for tag in hidden)
    if words > hidden_words:
        return True
    pictures = len(soup.find_all("img"))
    return pictures > sum(len(tag.find_all("img")) for tag in hidden)
