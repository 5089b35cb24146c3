"""A theme's box of other posts that it prints at the end of a post's text container, after `the_content()`: a short
heading ("Có thể bạn quan tâm", "You may also like") over cards of the site's own posts, each a linked picture and a
linked title and no word outside its links. The live site chose those posts that day; they are no part of the post.

An author's own list of further reading stays: it is written in paragraphs or lists, not the theme's `<div>` cards,
or links elsewhere than the site, or holds words of its own."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.html import HtmlElement

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
HEADING_TEXT = 80  # characters: a box's heading, not a sentence of the post's


def trailing_cards(content: HtmlElement, host: str) -> list[HtmlElement]:
    """The heading and the cards after it that end `content`, where they are such a box; else none. `host` is the
    site's: a card's links are relative (a copy's) or on it."""
    children = [child for child in content if isinstance(child.tag, str)]
    for at in range(len(children) - 2, -1, -1):
        heading, cards = children[at], children[at + 1:]
        if heading.tag in HEADINGS:
            if _heading(heading) and all(_card(card, host) for card in cards):
                return [heading, *cards]
            return []
        if not _card(heading, host):
            return []
    return []


def _heading(heading: HtmlElement) -> bool:
    words = heading.text_content().strip()
    return bool(words) and len(words) <= HEADING_TEXT and next(heading.iter("a"), None) is None \
        and not (heading.tail or "").strip()


def _card(node: HtmlElement, host: str) -> bool:
    """Whether an element is a `<div>` of links to the site's own pages, one of them a picture's, and no other
    words."""
    if node.tag != "div" or (node.tail or "").strip():
        return False
    links = list(node.iter("a"))
    if not any(next(link.iter("img"), None) is not None for link in links):
        return False
    if not all(_own(link.get("href") or "", host) for link in links):
        return False
    words = node.text_content()
    for link in links:
        words = words.replace(link.text_content(), "", 1)
    return not words.strip()


def _own(href: str, host: str) -> bool:
    try:
        parts = urlsplit(href.strip())
        hostname = parts.hostname or ""
    except ValueError:  # an address no browser could follow (`http://[bad/`): no card of the site's
        return False
    if not parts.path or parts.scheme not in ("", "http", "https"):
        return False
    return not parts.netloc or hostname.removeprefix("www.") == host.removeprefix("www.")
