"""Second copies that the post's own style sheet hides, for a script to show on a click.

A theme's or plugin's widget may print a card twice, the second copy in a pop-up its `<style>` printed beside it
hides until the card is clicked (a conference theme's speakers: `.rtc-team-holder-modal { display: none; }`, the
photo, name and biography again). The mirror drops styles and runs no script, so every speaker showed twice.
Only a copy goes: an element so hidden whose words the post shows elsewhere. One holding words of its own (a tab's
panel, an answer a click reveals) stays, as the mirror shows every section open.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

# `.name { … display: none … }` or `#name`, alone or in a list of selectors, outside any @media block (a copy for
# another screen size, which responsive.py weighs).
BRACES = re.compile(r"[{}]")
HIDES = re.compile(r"display\s*:\s*none", re.IGNORECASE)
SIMPLE_SELECTOR = re.compile(r"\s*([.#])(-?[A-Za-z_][\w-]*)\s*")
# How much of the hidden element's words the rest of the post must show for it to be a copy: a pop-up adds its
# close button's label ("closepopup") to the card's words.
COPIED_SHARE = 0.9


def drop_copies_the_post_hides(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, "display"):  # no rule hides anything
        return
    classes, ids = _hidden_selectors(soup)
    if not classes and not ids:
        return
    words = Counter(_words(soup))
    for tag in elements(soup):
        if (classes.isdisjoint(tag.get("class") or ()) and tag.get("id") not in ids) or tag.parent is None:
            continue
        own = Counter(_words(tag))
        if not own:
            continue
        shown_elsewhere = words - own
        if sum(min(n, shown_elsewhere[w]) for w, n in own.items()) >= COPIED_SHARE * sum(own.values()):
            words = shown_elsewhere
            tag.decompose()


def _hidden_selectors(soup: BeautifulSoup) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and ids that the post's `<style>` elements hide."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in elements(soup, "style"):
        for selectors, body in _rules(style.get_text()):
            if not HIDES.search(body):
                continue
            for selector in selectors.split(","):
                if simple := SIMPLE_SELECTOR.fullmatch(selector):
                    (classes if simple.group(1) == "." else ids).add(simple.group(2))
    return frozenset(classes), frozenset(ids)


def _rules(sheet: str) -> Iterator[tuple[str, str]]:
    """(selectors, declarations) of each rule of a style sheet outside an at-rule's block, in one pass over its
    braces: a sheet is the post's text, and a search for rules by pattern took time growing with the square of
    a stretch without braces (a source map's comment)."""
    depth, last, selectors = 0, 0, ""
    for brace in BRACES.finditer(sheet):
        text, last = sheet[last:brace.start()], brace.end()
        if brace.group() == "{":
            if depth == 0:
                selectors = text.rsplit(";", 1)[-1]  # after an `@import …;` statement
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and not selectors.lstrip().startswith("@"):
                yield selectors, text


def _words(tag: Tag) -> list[str]:
    return [word.casefold() for word in tag.get_text(" ").split()
            if word] + [img.get("src", "") for img in tag.find_all("img") if img.get("src")]
