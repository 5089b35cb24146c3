"""The titles of collapsible sections that block plugins and page builders render as plain text.

An accordion or FAQ shows each question on a bar the reader clicks to open its answer: Kadence's accordion
(`kt-blocks-accordion-title`), Spectra's FAQ (`uagb-question`), Ultimate Blocks' content toggle, Elementor's
accordion and toggle, Essential Blocks', Stackable's and Essential Addons' accordions, and any button marked as
opening a section (`aria-expanded`, as Bootstrap's collapse asks). Unless the author chose a heading tag, the title is
a `<span>`, `<div>` or `<button>`, and the mirror, which shows every section open, wrote it as a line like
the answer under it: a FAQ read as one run of sentences. The title is written in bold, as the collapsible
shortcodes' titles are (`page_builders.py`).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold
from generator.convert.structure import HEADINGS

TITLE_CLASSES = frozenset({
    "kt-blocks-accordion-title",  # Kadence Blocks
    "uagb-question",  # Spectra (Ultimate Addons for Gutenberg)
    "wp-block-ub-content-toggle-accordion-title",  # Ultimate Blocks
    "elementor-accordion-title", "elementor-toggle-title",  # Elementor
    "eb-accordion-title",  # Essential Blocks
    "ugb-accordion__title",  # Stackable 2
    "eael-accordion-tab-title",  # Essential Addons for Elementor
})
OPENERS = ("button", "a", "div", "span", "p")  # what a script's `aria-expanded` toggle is written as
BOLD = ("strong", "b")
# A title is a line; an element holding blocks, or a paragraph's worth of words, is a section, not its title.
HOLDS_BLOCKS = ("p", "div", "ul", "ol", "table", "blockquote", "figure", "pre", "section", "img", "iframe",
                *HEADINGS)
MAX_TITLE = 300


def collapsible_titles_in_bold(soup: BeautifulSoup, ctx: Context) -> None:
    """A collapsible section's title, unless a heading holds it, is written in bold."""
    if not may_hold(soup, TITLE_CLASSES, attributes=frozenset({"aria-expanded"})):
        return
    for tag in elements(soup):
        if has_class(tag, TITLE_CLASSES) or (tag.name in OPENERS and tag.has_attr("aria-expanded")
                                              and (tag.name == "button" or tag.get("role") == "button")):
            _embolden(soup, tag)


def _embolden(soup: BeautifulSoup, title: Tag) -> None:
    text = title.get_text(strip=True)
    if not text or len(text) > MAX_TITLE or title.name in HEADINGS or title.name in BOLD:
        return
    if title.find(HOLDS_BLOCKS) is not None:
        return
    if any(parent.name in HEADINGS or parent.name in BOLD for parent in title.parents):
        return
    if any(bold.get_text(strip=True) == text for bold in title.find_all(BOLD)):
        return  # already bold (a button that holds a plugin's title this pass made bold)
    bold = soup.new_tag("strong")
    for child in list(title.contents):
        bold.append(child.extract())
    title.append(bold)
