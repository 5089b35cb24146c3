"""Cleanup passes over WordPress HTML, run in order before Markdown conversion.

Each pass is a small named function that edits the parsed tree in place. The list
`PASSES` is the whole cleanup stage: to add a rule, add a function and a test case.
"""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup, Comment, Tag

Pass = Callable[[BeautifulSoup], None]

# Tables of contents made by WordPress plugins; the build makes its own from the headings.
PLUGIN_TOC_CLASSES = frozenset({
    "wp-block-rank-math-toc-block",  # Rank Math
    "ez-toc-container", "ez-toc-v2_0_17",  # Easy Table of Contents
    "toc_container",  # Table of Contents Plus
    "lwptoc",  # LuckyWP
    "wp-block-yoast-seo-table-of-contents",  # Yoast
})
SCREEN_READER_CLASSES = frozenset({"sr-only", "screen-reader-text", "visually-hidden"})
# Auto-inserted keyword links point at whatever the plugin chose, not at what the author wrote.
KEYWORD_LINK_CLASSES = frozenset({"wpil_keyword_link"})
# Elements that carry meaning even with no text inside.
CONTENTFUL = ("img", "picture", "video", "audio", "iframe", "embed", "object", "svg", "hr", "br",
              "input", "canvas", "math")


def _has_class(tag: Tag, classes: frozenset[str]) -> bool:
    return not classes.isdisjoint(tag.get("class") or ())


def drop_comments(soup: BeautifulSoup) -> None:
    """Block comments (<!-- wp:paragraph -->) are editor markup, not content."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()


def drop_scripts_and_styles(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(["script", "style", "noscript", "template"]):
        tag.decompose()


def drop_plugin_toc(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(lambda t: _has_class(t, PLUGIN_TOC_CLASSES) or t.get("id") == "rank-math-toc"):
        tag.decompose()


def drop_screen_reader_text(soup: BeautifulSoup) -> None:
    """Text such as " (opens in a new tab)" is for screen readers on the original site only."""
    for tag in soup.find_all(lambda t: _has_class(t, SCREEN_READER_CLASSES)):
        tag.decompose()


def unwrap_keyword_links(soup: BeautifulSoup) -> None:
    for tag in soup.find_all("a", class_=lambda c: c in KEYWORD_LINK_CLASSES):
        tag.unwrap()


def drop_empty_elements(soup: BeautifulSoup) -> None:
    """Empty spans and divs are tracker hooks or layout leftovers (e.g. et_bloom_bottom_trigger)."""
    for tag in soup.find_all(["span", "div", "p", "ins", "section"]):
        if tag.decomposed:
            continue
        if not tag.get_text(strip=True) and tag.find(CONTENTFUL) is None and not tag.get("id"):
            tag.decompose()


PASSES: tuple[Pass, ...] = (
    drop_comments,
    drop_scripts_and_styles,
    drop_plugin_toc,
    drop_screen_reader_text,
    unwrap_keyword_links,
    drop_empty_elements,
)


def clean(soup: BeautifulSoup, passes: tuple[Pass, ...] = PASSES) -> BeautifulSoup:
    for cleanup in passes:
        cleanup(soup)
    return soup
