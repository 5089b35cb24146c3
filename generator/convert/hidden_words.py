"""Words a post's own inline style hid from every reader: an address's anti-spam decoys, a widget's raw counts, and
what it placed off the screen.

The mirror drops `style` attributes (render/sanitize.py), so what a style hid would show. Sites hide single
words with it on purpose: an e-mail address written `<span style="display:none">A_</span>no.spam_name@yahoo.es
<span style="visibility:hidden">@nospam.com</span>` for harvesters to misread (readers saw `name@yahoo.es`; the
mirror showed the decoys too), a reactions widget's vote count beside the percentage it showed. Only inline
elements of one word or less go: a hidden sentence or block may be what a button revealed (a "read more", an
accordion's panel, a slideshow's slides held back until its script ran), which a reader did see; a block nothing
in the post could show goes in hidden_blocks.py.

An element placed far off the screen (`position: absolute; left: -9999px`) was seen by no reader, whatever it
holds, and no script brings it back: spam links a hacked site's posts carry so that only search engines read them
("Links a hack hid"), a form's trap for robots. It goes whole.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import styled_tags, within

HIDING = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)",
                    re.IGNORECASE)
INLINE = frozenset({"span", "font", "small", "label", "em", "i", "strong", "b", "u", "abbr", "sup", "sub", "ins"})
MEDIA = ("img", "picture", "svg", "video", "audio", "iframe", "embed", "object")
PLACED = re.compile(r"(?:^|;)\s*position\s*:\s*(?:absolute|fixed)\b", re.IGNORECASE)
# A thousand pixels or more above or left of the page: off any screen (a few hundred may be a layout's overhang).
FAR_OFF = re.compile(r"(?:^|;)\s*(?:left|top)\s*:\s*-\s*\d{4,}(?:\.\d+)?px", re.IGNORECASE)


def drop_hidden_words(soup: BeautifulSoup, ctx: Context) -> None:
    for tag in styled_tags(soup):
        if tag.name in INLINE and not tag.__dict__.get("_decomposed") and _hidden_word(tag) and within(tag, soup):
            ctx.losses.note(loss.HIDDEN_WORDS, tag.get_text())
            tag.decompose()


def drop_off_screen(soup: BeautifulSoup, ctx: Context) -> None:
    for tag in styled_tags(soup):
        if tag.__dict__.get("_decomposed"):  # inside a block dropped before it: its attributes are gone
            continue
        style = tag.get("style")
        if isinstance(style, str) and PLACED.search(style) and FAR_OFF.search(style) and within(tag, soup):
            ctx.losses.note(loss.OFF_SCREEN, f"<{tag.name}>")
            tag.decompose()


def _hidden_word(tag: Tag) -> bool:
    style = tag.get("style")
    if not isinstance(style, str) or HIDING.search(style) is None:
        return False
    return len(tag.get_text().split()) <= 1 and tag.find(MEDIA) is None
