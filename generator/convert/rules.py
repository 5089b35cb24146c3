"""Two horizontal rules with nothing shown between them, as one.

A theme's separators around a block the mirror drops (a share bar, an ad, a form between two `<hr>`), or an
author's rule typed twice, left two rules one under the other: the page showed one line, or a gap the mirror has
not.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import elements

# What shows without words: a rule after one of these is not the second of two.
SHOWN = frozenset({"img", "picture", "video", "audio", "iframe", "embed", "object", "svg", "hr", "table", "input",
                   "button", "select", "textarea", "br", "math"})


def rules_in_a_row_as_one(soup: BeautifulSoup, ctx: Context) -> None:
    for rule in list(elements(soup, "hr")):
        if rule.__dict__.get("_decomposed"):
            continue
        after = _next_shown(rule)
        while isinstance(after, Tag) and after.name == "hr":  # a run of rules: the first stays
            after.decompose()
            after = _next_shown(rule)


def _next_shown(rule: Tag) -> Tag | NavigableString | None:
    """The first thing after the rule that shows: words, or an element that shows without them."""
    for node in rule.next_elements:
        if isinstance(node, NavigableString):
            if node.strip() and type(node) is NavigableString:
                return node
        elif isinstance(node, Tag) and node.name in SHOWN:
            return node
    return None
