"""What a saved web page of a WordPress site says in its head and around a post: its `<meta>` and `<link>` lines,
an element's classes, and whether an element is part of the post or of what the theme prints around it (comments,
widgets, menus, lists of other posts)."""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement

# Where a theme prints the comments and lists of other posts, whose authors, dates and pictures are not the post's.
# The classes of the heading of a post's title, as themes and the block editor print it.
TITLE_CLASSES = frozenset({"entry-title", "wp-block-post-title", "post-title", "page-title", "single-post-title"})
ELSEWHERE = re.compile(r"(?:^|[-_])(?:comments?|related|widgets?|sidebar|menu)(?:$|[-_])", re.IGNORECASE)
CLASSED = XPath("descendant-or-self::*[@class]")  # see classed


def classes(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def classed(element: HtmlElement) -> list[HtmlElement]:
    """The element and the elements in it that have a class attribute, in document order: what a walk of `iter()`
    asking each element's classes finds, asked of libxml2, as a walk in Python made an object of every element."""
    return CLASSED(element)


def elsewhere(element: HtmlElement) -> bool:
    """Whether the element is in the comments, a list of other posts, a widget, a menu or an aside (the page's
    body is not asked: its classes name the theme's layout, `ast-right-sidebar`)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            return False
        if ancestor.tag in ("aside", "nav") or any(
                ELSEWHERE.search(name) for name in [*classes(ancestor), ancestor.get("id") or ""]):
            return True
    return False


def meta(document: HtmlElement, name: str) -> str:
    for node in document.iterfind(".//meta[@name]"):
        if node.get("name", "").lower() == name:
            return (node.get("content") or "").strip()
    return ""


def meta_property(document: HtmlElement, name: str) -> str:
    for node in document.iterfind(".//meta[@property]"):
        if node.get("property") == name:
            return (node.get("content") or "").strip()
    return ""


def meta_link(document: HtmlElement, rel: str, kind: str = "") -> str:
    """The address of the page's first `<link rel>` of `rel` (and `type`, where `kind` names one)."""
    for node in document.iterfind(".//link[@rel]"):
        if rel in node.get("rel", "").split() and (not kind or node.get("type") == kind):
            return (node.get("href") or "").strip()
    return ""
