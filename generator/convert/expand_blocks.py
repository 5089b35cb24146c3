"""Show-more blocks: a short text, the full text a button shows in its place, and the buttons.

Block plugins save both texts and both buttons in the post, and a script swaps them: Stackable's Expand block
(`ugb-expand` in version 2, `stk-block-expand` in 3) shows its full text instead of the short one, which the
full one usually repeats (the block's own example does); Ultimate Blocks' Expand shows its full part under
the partial one; Kadence's Show More lets a column grow to its whole height. The mirror runs no script and
shows the full text: the buttons' words ("Show moreShow less", run together) go, and so does a short text
whose words the full text begins with, which a reader would otherwise read twice.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold, tags_in

BLOCK_CLASSES = frozenset({"ugb-expand", "stk-block-expand", "ub-expand", "kb-block-show-more-container"})
BUTTON_CLASSES = frozenset({
    "ugb-expand__toggle", "ugb-expand-button",  # Stackable 2 (and before 1.11)
    "stk-block-expand__show-button", "stk-block-expand__hide-button",  # Stackable 3
    "ub-expand-toggle-button",  # Ultimate Blocks
    "kb-show-more-buttons",  # Kadence Blocks
})
# Each plugin's short text and the full text that follows it.
SHORT_AND_FULL = (
    (frozenset({"ugb-expand__less-text"}), frozenset({"ugb-expand__more-text"})),
    (frozenset({"stk-block-expand__short-text"}), frozenset({"stk-block-expand__more-text"})),
    (frozenset({"ub-expand-partial"}), frozenset({"ub-expand-full"})),
)
SHOWN_WITHOUT_WORDS = ("img", "picture", "video", "audio", "iframe", "table", "svg")


def expand_blocks_shown_whole(soup: BeautifulSoup, ctx: Context) -> None:
    """A show-more block shows its full text without its buttons, and without a short text it repeats."""
    if not may_hold(soup, BLOCK_CLASSES):
        return
    for block in elements(soup):
        if not has_class(block, BLOCK_CLASSES):
            continue
        inside = tags_in(block)
        for button in inside:
            if not button.__dict__.get("_decomposed") and has_class(button, BUTTON_CLASSES):
                button.decompose()
        for short_classes, full_classes in SHORT_AND_FULL:
            short = _first(inside, short_classes)
            full = _first(inside, full_classes)
            if short is not None and full is not None and _repeated_in(short, full):
                short.decompose()


def _first(tags: list[Tag], classes: frozenset[str]) -> Tag | None:
    return next((t for t in tags if not t.__dict__.get("_decomposed") and has_class(t, classes)), None)


def _repeated_in(short: Tag, full: Tag) -> bool:
    """True when the full text begins with the short one's words and shows every picture it shows; a short
    text the author did not repeat (the full part holds only the rest) stays, as the reader's first lines."""
    words = " ".join(short.get_text(" ").split())
    if not words or not " ".join(full.get_text(" ").split()).startswith(words):
        return False
    return _sources(short) <= _sources(full)


def _sources(tag: Tag) -> set[str]:
    return {str(t.get("src") or t.get("data") or t.name) for t in tag.find_all(SHOWN_WITHOUT_WORDS)}
