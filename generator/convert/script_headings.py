"""A heading over a box that only the live page's script filled goes with its box.

Themes and plugins put a widget into the text as a heading over an empty box that their script fills from the
shop or the site (`<h2>You may also like these products:</h2><div data-app="recommended" data-products="51547,
29945"></div>`, a Vue or React app's mount point). The mirror runs no script: the heading stood over nothing, in
the middle of the story. Where a heading's only content, up to the next heading or the end, is such a box (no
words, no picture, an attribute its script reads), both go. Boxes of providers the mirror can link
(script_boxes.py) are links by then, and stay.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
SHOWN = frozenset({"img", "picture", "svg", "video", "audio", "iframe", "embed", "object", "canvas", "input",
                   "button", "select", "textarea", "hr", "table"})
ENDS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "hr"})  # what ends the heading's section
BOXES = frozenset({"div", "section", "aside"})  # what a script's mount point is written as
WEB_ADDRESS = re.compile(r"\s*(?:https?:)?//", re.IGNORECASE)


def drop_headings_over_script_boxes(soup: BeautifulSoup, ctx: Context) -> None:
    for heading in elements(soup, *HEADINGS):
        if heading.parent is None:
            continue
        section = _section(heading)
        # (A box a script fills is one of BOXES: a section with none is passed by before any text is read.)
        if not section or BOXES.isdisjoint(tag.name for tag in section) or not heading.get_text().strip():
            continue
        if all(_empty(tag) for tag in section) and any(_fills(tag) for tag in section):
            ctx.losses.note(loss.SCRIPT_WIDGET, heading.get_text(" ", strip=True))
            for tag in section:
                tag.decompose()
            heading.decompose()


def _section(heading: Tag) -> list[Tag] | None:
    """The elements after the heading up to the next heading, rule or the end of its parent; None where words
    stand among them."""
    found = []
    for node in heading.next_siblings:
        if isinstance(node, NavigableString):
            if node.strip():
                return None
            continue
        if not isinstance(node, Tag) or node.name in ENDS:
            break
        found.append(node)
    return found


def _empty(tag: Tag) -> bool:
    """Whether the element shows nothing: no words, no picture, player or control, and no link. A link shows its
    icon without a script, and is named by a later pass (a theme's team member card: a name and a role in a
    heading, over links with only an icon font's glyph and a `data-label` to the person's profiles)."""
    return not _shown(tag) and not tag.get_text().strip() and not any(
        isinstance(inner, Tag) and _shown(inner) for inner in tag.descendants)


def _shown(tag: Tag) -> bool:
    return tag.name in SHOWN or (tag.name == "a" and bool(str(tag.get("href") or "").strip()))


def _fills(box: Tag) -> bool:
    """Whether a script reads the empty box's `data-` attributes, on it or inside it, to fill it. A box with a
    style of its own draws something without a script (a review's score bar, `<span style="width:75%"
    data-width="75">` under "Great sound - 75%"), and is no such box; nor is one that names a page a loader would
    frame (HubSpot's booking box, `data-src="https://meetings.hubspot.com/…"`), which a later pass may link."""
    inner = [box, *(tag for tag in box.descendants if isinstance(tag, Tag))]
    return box.name in BOXES and not box.get("style") and any(
        name.startswith("data-") for tag in inner for name in tag.attrs) and not any(
        WEB_ADDRESS.match(str(value)) for tag in inner for name, value in tag.attrs.items() if name.startswith("data-"))
