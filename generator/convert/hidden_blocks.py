"""Blocks the post hid from every reader, with an inline `display: none` or the `hidden` attribute, where nothing
could show them.

The mirror drops `style` attributes (render/sanitize.py) and its sanitizer the `hidden` attribute, so what they hid
showed: spam links a hacked site's posts carry in a `<div style="display:none">` for search engines alone, a
paragraph an author hid rather than deleted, a Pinterest picture kept for the share button, a formula's macros for
MathJax. Such a block may also be what a click revealed (a "read more", an accordion's panel, a slideshow's next
slide, a pop-up), which a reader did see: a block goes only where no script or style sheet could find it (it and
the elements around it have no class or id naming a widget, and it has neither class nor id of its own) and the
post holds nothing a reader could click to show it (a button, a script, a form's field, a link to `#` or
`javascript:`, an `onclick` or a toggle's `aria-`/`data-` attribute). A post whose every word is so hidden keeps
them.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.hidden_words import HIDING, MEDIA
from generator.convert.parse import elements, may_hold, styled_tags, tags_in, within

BLOCKS = frozenset({"div", "p"})
# What a reader could click, or a script run, to show a hidden block.
CONTROL_TAGS = ("button", "script", "input", "select", "textarea", "label", "form")
CONTROL_ATTRIBUTES = frozenset({"aria-controls", "aria-expanded", "data-toggle", "data-bs-toggle", "data-target",
                                "data-bs-target"})
# Class or id words of the widgets that hide and show blocks.
WIDGET = re.compile(r"tab|accordion|toggl|collaps|spoiler|expand|more|reveal|slide|carousel|modal|popup|lightbox"
                    r"|panel|faq|quiz|answer|show|hid|drop|menu|tooltip|pop", re.IGNORECASE)


def drop_hidden_blocks(soup: BeautifulSoup, ctx: Context) -> None:
    candidates = [tag for tag in _hidden(soup) if _unreachable(tag)]
    if not candidates or _has_controls(soup):
        return
    words = len(soup.get_text(" ").split())
    chosen = {id(tag) for tag in candidates}  # by identity: bs4 compares tags by their markup
    hidden = [tag for tag in candidates if not any(id(parent) in chosen for parent in tag.parents)]
    if sum(len(tag.get_text(" ").split()) for tag in hidden) >= words:
        return  # every word of the post: what it holds is what a reader was shown somehow
    for tag in hidden:
        if tag.get_text().strip() or tag.find(MEDIA) is not None:
            ctx.losses.note(loss.HIDDEN_BLOCK, " ".join(tag.get_text(" ").split())[:80] or f"<{tag.name}>")
        tag.decompose()


def _hidden(soup: BeautifulSoup) -> list[Tag]:
    styled = [tag for tag in styled_tags(soup) if tag.name in BLOCKS and HIDING.search(str(tag.get("style")))
              and within(tag, soup)]
    marked = ([tag for tag in elements(soup, *BLOCKS) if tag.has_attr("hidden")
               and str(tag.get("hidden")).strip().lower() != "until-found"]  # shown when a search finds it
              if may_hold(soup, attributes=frozenset({"hidden"})) else [])
    seen = {id(tag) for tag in styled}
    return styled + [tag for tag in marked if id(tag) not in seen]


def _unreachable(tag: Tag) -> bool:
    """Whether no script or style sheet could find the block to show it: no class or id of its own, and none of
    a widget's around it or beside it (an accordion's title, `<h3 class="toggle-title">`, before its panel)."""
    if tag.get("class") or tag.get("id"):
        return False
    near = [*(parent for parent in tag.parents if parent.name != "[document]"),
            tag.find_previous_sibling(True), tag.find_next_sibling(True)]
    return not any(isinstance(other, Tag) and WIDGET.search(_names(other)) for other in near)


def _names(tag: Tag) -> str:
    return " ".join([*(tag.get("class") or ()), str(tag.get("id") or "")])


def _has_controls(soup: BeautifulSoup) -> bool:
    tags = tags_in(soup)
    ids = {str(tag.get("id")) for tag in tags if tag.get("id")}
    for tag in tags:
        if tag.name in CONTROL_TAGS or not CONTROL_ATTRIBUTES.isdisjoint(tag.attrs):
            return True
        if any(name.startswith("on") for name in tag.attrs):
            return True
        href = str(tag.get("href") or "").strip() if tag.name == "a" else ""
        # `#`, `javascript:`, or a place the post does not have (`#more`): a script's handle, not a link
        if href.lower().startswith("javascript:") or (href.startswith("#") and href[1:] not in ids):
            return True
    return False
